// "audience-cost": a coercer resolved or not, known only to itself, decides whether to threaten;
// backing down after a threat costs it an audience cost (Fearon 1994, 1997; Schultz 2001). The
// target sees the threat, not the type, and complies or resists. The target's choice is one
// information set, so the game needs a sequential equilibrium (`--concept sequential`).
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

constexpr int kC = 1, kT = 2;

Game BuildAudienceCost(const ParameterValues& v) {
  using detail::Param;
  const Rational& prior = Param(v, "prior");
  const Rational& x = Param(v, "demand");
  const Rational& a = Param(v, "audience_cost");
  const Rational& t_war = Param(v, "war_t");
  const Rational& t_back = Param(v, "backdown_t");
  const Rational war_c[2] = {Param(v, "war_resolved"), Param(v, "war_unresolved")};
  const char* type_name[2] = {"resolved", "unresolved"};

  detail::TreeWriter w({"Coercer", "Target"});
  GameBuilder& b = w.Builder();
  const NodeId root = w.Chance(kNoNode, "Nature: the coercer's resolve", {"Resolved", "Unresolved"}, {prior, 1 - prior});
  const InfosetId target = b.AddInfoset(kT, "Target facing a threat", {"Comply", "Resist"});
  for (int type = 0; type < 2; ++type) {
    const std::string t = type_name[type];
    const NodeId c = w.Decision(root, kC, "Coercer (" + t + "): threaten?", {"Threaten", "NoThreat"});
    const NodeId faced = b.AddNode(c, target, kNoOutcome, "Target facing a threat (" + t + ")");
    w.Terminal(faced, "SETTLEMENT target complies (" + t + ")", {x, 1 - x});
    const NodeId after = w.Decision(faced, kC, "Coercer (" + t + ") after resistance", {"Fight", "BackDown"});
    w.Terminal(after, "WAR (" + t + ")", {war_c[type], t_war});
    w.Terminal(after, "BACKDOWN after a public threat (" + t + ")", {-a, t_back});
    w.Terminal(c, "STATUS_QUO no threat (" + t + ")", {Q(0), Q(1)});
  }
  return w.Finalize("Audience costs (prior " + FormatRational(prior) + ", audience cost " + FormatRational(a) + ")",
                    "docs/models.md, audience-cost: Nature draws the coercer's resolve; it threatens or "
                    "not; the target complies or resists without seeing the type; the coercer fights "
                    "or backs down at its audience cost.");
}

}  // namespace

ModelSpec AudienceCostModel() {
  using detail::Number;
  ModelSpec m;
  m.name = "audience-cost";
  m.summary = "Private information: a coercer resolved or not (prior) threatens at an audience cost; the "
              "target complies or resists without seeing the type; bluffs and war in a semi-separating equilibrium";
  m.anchor = "Fearon, 'Domestic Political Audiences and the Escalation of International Disputes', APSR "
             "88(3) 1994; Schultz, Democracy and Coercive Diplomacy (2001): the target resists iff its belief "
             "in resolve is below (t_back - (1 - x))/(t_back - t_war); below it the unresolved type bluffs "
             "and the target resists with x/(x + a)";
  m.parameters = {
      Number("prior", Q(1, 4), Q(0), Q(1), "probability that the coercer is resolved"),
      Number("demand", Q(1, 2), Q(0), Q(1), "x: the share the coercer gains if the target complies"),
      Number("audience_cost", Q(1, 2), Q(0), Q(100), "a: the coercer's cost of backing down after a public threat"),
      Number("war_resolved", Q(1, 4), Q(-100), Q(100), "the resolved type's payoff from war (above -a: it fights)"),
      Number("war_unresolved", Q(-1), Q(-100), Q(100), "the unresolved type's payoff from war (below -a: it backs down)"),
      Number("war_t", Q(-1, 2), Q(-100), Q(100), "the target's payoff from war"),
      Number("backdown_t", Q(1), Q(-100), Q(100), "the target's payoff when the coercer backs down"),
  };
  m.build = BuildAudienceCost;
  return m;
}

}  // namespace ncpmi::models
