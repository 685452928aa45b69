// "mediator": a mediator's initiative that finds a roadmap ("way out") with probability rho
// (docs/models.md, mediator; Zartman 2000 on ripeness, Kydd 2003 on mediation).
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

Game BuildMediator(const ParameterValues& v) {
  const Rational& rho = detail::Param(v, "rho");
  const Rational& c_m = detail::Param(v, "mediator_cost");
  const Rational& u_m = detail::Param(v, "mediator_value");
  const Rational& f = detail::Param(v, "roadmap_t");
  const Rational& roadmap_c = detail::Param(v, "roadmap_c");
  const std::vector<Rational> z0{detail::Param(v, "z0_c"), detail::Param(v, "z0_t"),
                                 detail::Param(v, "z0_m")};

  detail::TreeWriter w({"Coercer", "Target", "Mediator"});
  const NodeId root = w.Decision(kNoNode, 3, "Mediator: take the initiative?", {"Initiative", "StayOut"});
  const NodeId found = w.Chance(root, "Roadmap found?", {"Found", "NotFound"}, {rho, 1 - rho},
                                {Q(0), Q(0), -c_m});
  const NodeId c = w.Decision(found, 1, "Coercer: endorse the roadmap?", {"Endorse", "Reject"});
  const NodeId t = w.Decision(c, 2, "Target: accept the roadmap?", {"Accept", "Resist"});
  w.Terminal(t, "SETTLEMENT roadmap accepted", {roadmap_c, f, u_m});
  w.Terminal(t, "STALEMATE roadmap resisted", z0);
  w.Terminal(c, "STALEMATE roadmap rejected by the coercer", z0);
  w.Terminal(found, "STALEMATE no roadmap found", z0);
  w.Terminal(root, "STALEMATE no initiative", z0);
  return w.Finalize("Mediator initiative",
                    "T accepts iff f > u_T(z0); C endorses iff u_C(roadmap) > "
                    "u_C(z0); M initiates iff rho (u_M(settle) - u_M(z0)) > c_M. z0 is the "
                    "no-mediation outcome, a continuing stalemate.");
}

}  // namespace

ModelSpec MediatorModel() {
  using detail::Number;
  ModelSpec m;
  m.name = "mediator";
  m.summary = "M takes the initiative (cost c_M) or stays out; a roadmap is found with probability "
              "rho; C endorses or rejects it; T accepts it or resists; otherwise the stalemate z0";
  m.anchor = "Zartman, 'Ripeness: The Hurting Stalemate and Beyond' (NRC 2000): settlement needs a "
             "perceived way out; Kydd, AJPS 47(4) 2003 (mediator credibility needs incomplete "
             "information: not modelled here)";
  m.parameters = {
      Number("rho", Q(4, 5), Q(0), Q(1), "probability that the initiative finds a roadmap"),
      Number("mediator_cost", Q(1, 10), Q(0), Q(100), "c_M: the mediator's cost of taking the initiative"),
      Number("mediator_value", Q(1), Q(-100), Q(100), "u_M(settle): the mediator's payoff when its roadmap is accepted"),
      Number("roadmap_t", Q(1, 2), Q(-100), Q(100), "f: T's value of the roadmap"),
      Number("roadmap_c", Q(1, 2), Q(-100), Q(100), "u_C(roadmap): C's value of the roadmap"),
      Number("z0_c", Q(0), Q(-100), Q(100), "C's payoff in the no-mediation outcome z0 (stalemate)"),
      Number("z0_t", Q(0), Q(-100), Q(100), "T's payoff in z0, u_T(resist)"),
      Number("z0_m", Q(0), Q(-100), Q(100), "the mediator's payoff in z0"),
  };
  m.build = BuildMediator;
  return m;
}

}  // namespace ncpmi::models
