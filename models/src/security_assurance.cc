// "security-assurance": regime-change fear and the credibility of a no-regime-change assurance
// (docs/models.md, security-assurance; Fearon 1995, Powell 2006; PON on North Korea).
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

Game BuildSecurityAssurance(const ParameterValues& v) {
  const Rational& s_t = detail::Param(v, "s_t");
  const Rational& r_t = detail::Param(v, "r_t");
  const Rational& k_t = detail::Param(v, "k_t");
  const Rational& g_e = detail::Param(v, "g_e");
  const Rational& g_rc = detail::Param(v, "g_rc");
  const Rational& k = detail::Param(v, "k");
  const Rational& q = detail::Param(v, "q");
  const Rational& effect = detail::Param(v, "assurance_effect");
  const Rational& cost = detail::Param(v, "assurance_cost");
  const Rational& c_keep = detail::Param(v, "c_keep");
  const bool strategic = detail::Flag(v, "strategic_coercer");
  const Rational q_assured = q - effect;
  if (!strategic) {
    detail::RequireProbability("assurance_effect", q_assured,
                               "the regime-change probability under an assurance, q - assurance_effect");
  }

  detail::TreeWriter w({"Coercer", "Target"});
  const NodeId root = w.Decision(kNoNode, 1, "Coercer: assurance?", {"NoAssurance", "Assure"});
  for (int assured = 0; assured <= 1; ++assured) {
    const std::string tag = assured ? " (assured)" : " (no assurance)";
    std::vector<Rational> toll;
    if (assured && sgn(cost) != 0) toll = {-cost, Q(0)};
    const NodeId t = w.Decision(root, 2, "Target: disarm?" + tag, {"Disarm", "Keep"}, toll);
    // Without an assurance nothing is promised, so a later regime change breaks no promise.
    const std::string secure = assured ? "SETTLEMENT:durable" : "SETTLEMENT";
    const std::string changed = assured ? "SETTLEMENT:broken" : "SETTLEMENT";
    if (strategic) {
      const NodeId c = w.Decision(t, 1, "Coercer after disarmament" + tag, {"Engage", "RegimeChange"});
      w.Terminal(c, secure + " disarmed, regime secure" + tag, {g_e, s_t});
      w.Terminal(c, changed + " disarmed, then regime change" + tag,
                 {assured ? Rational(g_rc - k) : g_rc, r_t});
    } else {
      const Rational risk = assured ? q_assured : q;
      const NodeId n = w.Chance(t, "Regime-change risk" + tag, {"RegimeSecure", "RegimeChange"},
                                {1 - risk, risk});
      w.Terminal(n, secure + " disarmed, regime secure" + tag, {g_e, s_t});
      w.Terminal(n, changed + " disarmed, then regime change" + tag, {g_rc, r_t});
    }
    w.Terminal(t, "STATUS_QUO target keeps its weapons" + tag, {c_keep, k_t});
  }
  return w.Finalize(
      std::string("Security assurance (") + (strategic ? "strategic coercer" : "exogenous risk") + ")",
      "T disarms iff (1 - q) S_T + q R_T > K_T; with a strategic coercer q = 1 iff "
      "G_RC - k > G_E (k only binds after an assurance).");
}

}  // namespace

ModelSpec SecurityAssuranceModel() {
  using detail::Boolean;
  using detail::Number;
  ModelSpec m;
  m.name = "security-assurance";
  m.summary = "C may give a no-regime-change assurance; T disarms or keeps its weapons; after "
              "disarmament C (strategic) or Nature (risk q) decides the regime's fate";
  m.anchor = "Fearon, 'Rationalist Explanations for War', IO 1995 (commitment problems); Powell, "
             "'War as a Commitment Problem', IO 60(1) 2006; PON (Harvard) on North Korea 2017: a "
             "settlement both prefer fails when C cannot commit not to exploit the disarmed target";
  m.parameters = {
      Number("s_t", Q(4), Q(-100), Q(100), "S_T: T's payoff after disarming when the regime stays secure"),
      Number("r_t", Q(-10), Q(-100), Q(100), "R_T: T's payoff after disarming followed by regime change"),
      Number("k_t", Q(-2), Q(-100), Q(100), "K_T: T's payoff from keeping its weapons under pressure (status quo)"),
      Boolean("strategic_coercer", true, "1: C decides after disarmament (Engage or RegimeChange); 0: Nature changes the regime with probability q"),
      Number("g_e", Q(8), Q(-100), Q(100), "G_E: C's ex-post payoff from engaging a disarmed target"),
      Number("g_rc", Q(9), Q(-100), Q(100), "G_RC: C's ex-post payoff from regime change against a disarmed target"),
      Number("k", Q(0), Q(0), Q(100), "hands-tying cost C pays if it breaks an assurance it gave (0: cheap talk)"),
      Number("q", Q(1, 2), Q(0), Q(1), "exogenous regime-change probability after disarmament without an assurance (strategic_coercer = 0)"),
      Number("assurance_effect", Q(0), Q(0), Q(1), "reduction of q by an assurance: q - assurance_effect under an assurance (strategic_coercer = 0)"),
      Number("assurance_cost", Q(0), Q(0), Q(100), "C's cost of giving the assurance (domestic and allied politics)"),
      Number("c_keep", Q(1), Q(-100), Q(100), "C's payoff when T keeps its weapons"),
  };
  m.build = BuildSecurityAssurance;
  return m;
}

}  // namespace ncpmi::models
