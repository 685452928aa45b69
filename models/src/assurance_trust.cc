// "assurance-trust": the target cannot tell whether the coercer's assurance will be honoured
// (Kydd, "Trust and Mistrust in International Relations", 2005; Powell 2006). Nature draws the
// coercer trustworthy (prior) or not; the coercer may send a costly signal of reassurance; the
// target, seeing the signal but not the type, disarms or keeps its weapons; after disarmament
// each type chooses to honour or exploit. The target's choice is one information set per signal,
// so the game needs a sequential equilibrium (`ncpmi solve --concept sequential`).
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

constexpr int kC = 1, kT = 2;

Game BuildAssuranceTrust(const ParameterValues& v) {
  using detail::Param;
  const Rational& prior = Param(v, "prior");
  const bool signal = detail::Flag(v, "signal");
  const Rational& k = Param(v, "signal_cost");
  const Rational &s_t = Param(v, "s_t"), &r_t = Param(v, "r_t"), &k_t = Param(v, "k_t");
  const Rational& c_keep = Param(v, "c_keep");
  // Honour / exploit payoffs of each type after the target disarms.
  const Rational vals[2][2] = {{Param(v, "honour_trustworthy"), Param(v, "exploit_trustworthy")},
                               {Param(v, "honour_untrustworthy"), Param(v, "exploit_untrustworthy")}};
  const char* type_name[2] = {"trustworthy", "untrustworthy"};

  detail::TreeWriter w({"Coercer", "Target"});
  GameBuilder& b = w.Builder();
  const NodeId root = w.Chance(kNoNode, "Nature: the coercer's type", {"Trustworthy", "Untrustworthy"},
                               {prior, 1 - prior});
  // The target's information sets, one per message, shared by both types' nodes.
  const std::vector<std::string> messages = signal ? std::vector<std::string>{"NoSignal", "Reassure"}
                                                   : std::vector<std::string>{"NoSignal"};
  std::vector<InfosetId> target_sets;
  for (const std::string& m : messages) {
    target_sets.push_back(b.AddInfoset(kT, "Target after " + m, {"Disarm", "Keep"}));
  }
  const OutcomeId cost = sgn(k) == 0 ? kNoOutcome : b.AddOutcome("Signal cost", {-k, Q(0)});
  for (int type = 0; type < 2; ++type) {
    const std::string t = type_name[type];
    NodeId parent = root;
    if (signal) parent = w.Decision(root, kC, "Coercer (" + t + "): reassure?", messages);
    for (std::size_t m = 0; m < messages.size(); ++m) {
      const OutcomeId paid = messages[m] == "Reassure" ? cost : kNoOutcome;
      const NodeId target = b.AddNode(parent, target_sets[m], paid, "Target after " + messages[m] + " (" + t + ")");
      const NodeId after = w.Decision(target, kC, "Coercer (" + t + ") after disarmament, " + messages[m],
                                      {"Honour", "Exploit"});
      w.Terminal(after, "SETTLEMENT:durable disarmed, honoured (" + t + ", " + messages[m] + ")",
                 {vals[type][0], s_t});
      w.Terminal(after, "SETTLEMENT:broken disarmed, exploited (" + t + ", " + messages[m] + ")",
                 {vals[type][1], r_t});
      w.Terminal(target, "STATUS_QUO weapons kept (" + t + ", " + messages[m] + ")", {c_keep, k_t});
    }
  }
  return w.Finalize("Assurance and trust (prior " + FormatRational(prior) + (signal ? ", costly signal" : "") + ")",
                    "docs/models.md, assurance-trust: Nature draws the coercer's type; it may signal at a "
                    "cost; the target disarms or keeps its weapons without seeing the type; each type "
                    "then honours or exploits.");
}

}  // namespace

ModelSpec AssuranceTrustModel() {
  using detail::Boolean;
  using detail::Number;
  ModelSpec m;
  m.name = "assurance-trust";
  m.summary = "Private information: a coercer trustworthy or not (prior), an optional costly signal of "
              "reassurance, a target that disarms or keeps its weapons, then honour or exploitation";
  m.anchor = "Kydd, Trust and Mistrust in International Relations (2005); Powell, 'War as a Commitment "
             "Problem', IO 60(1) 2006: the target disarms iff the prior exceeds (K_T - R_T)/(S_T - R_T); "
             "a signal costing between the types' gains from trust separates them";
  m.parameters = {
      Number("prior", Q(1, 2), Q(0), Q(1), "probability that the coercer is trustworthy"),
      Boolean("signal", false, "1: the coercer may send a costly signal of reassurance before the target moves"),
      Number("signal_cost", Q(1), Q(0), Q(100), "k: the signal's cost to the coercer that sends it"),
      Number("s_t", Q(4), Q(-100), Q(100), "S_T: the target's payoff after disarming when the coercer honours"),
      Number("r_t", Q(-10), Q(-100), Q(100), "R_T: the target's payoff after disarming when the coercer exploits"),
      Number("k_t", Q(-2), Q(-100), Q(100), "K_T: the target's payoff from keeping its weapons"),
      Number("c_keep", Q(0), Q(-100), Q(100), "the coercer's payoff when the target keeps its weapons (either type)"),
      Number("honour_trustworthy", Q(3), Q(-100), Q(100), "the trustworthy type's payoff from honouring after disarmament"),
      Number("exploit_trustworthy", Q(1), Q(-100), Q(100), "the trustworthy type's payoff from exploiting"),
      Number("honour_untrustworthy", Q(1), Q(-100), Q(100), "the untrustworthy type's payoff from honouring"),
      Number("exploit_untrustworthy", Q(2), Q(-100), Q(100), "the untrustworthy type's payoff from exploiting"),
  };
  m.build = BuildAssuranceTrust;
  return m;
}

}  // namespace ncpmi::models
