// "ultimatum": compellence with a demand grid (docs/models.md, ultimatum; Schelling 1966, Fearon 1995).
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

Game BuildUltimatum(const ParameterValues& v) {
  const Rational& p = detail::Param(v, "p");
  const Rational& w_c = detail::Param(v, "w_c");
  const Rational& w_t = detail::Param(v, "w_t");
  const Rational& b_c = detail::Param(v, "b_c");
  const bool fixed = detail::Flag(v, "fixed_demand");
  const int grid = detail::IntParam(v, "demand_grid");

  // Demands offered, each with T's payoff from complying.
  std::vector<Rational> demands, comply_t;
  if (fixed) {
    demands.push_back(detail::Param(v, "demand"));
    comply_t.push_back(detail::Param(v, "s_t"));
  } else {
    for (int k = 1; k <= grid; ++k) {
      demands.push_back(Q(k, grid));
      comply_t.push_back(1 - demands.back());
    }
  }
  const Rational war_c = p - w_c, war_t = 1 - p - w_t;

  detail::TreeWriter w({"Coercer", "Target"});
  std::vector<std::string> actions;
  for (const Rational& x : demands) actions.push_back("Demand " + FormatRational(x));
  actions.push_back("NoDemand");
  const NodeId root = w.Decision(kNoNode, 1, "Coercer chooses a demand", actions);
  for (std::size_t i = 0; i < demands.size(); ++i) {
    const std::string x = FormatRational(demands[i]);
    const NodeId t = w.Decision(root, 2, "Target facing demand " + x, {"Accept", "Resist"});
    w.Terminal(t, "SETTLEMENT demand " + x + " accepted", {demands[i], comply_t[i]});
    const NodeId c = w.Decision(t, 1, "Coercer after resistance to " + x, {"Force", "BackDown"});
    w.Terminal(c, "WAR over demand " + x, {war_c, war_t});
    w.Terminal(c, "BACKDOWN from demand " + x, {-b_c, Q(1)});
  }
  w.Terminal(root, "STATUS_QUO no demand", {Q(0), Q(1)});
  return w.Finalize("Ultimatum (compellence) with " + std::to_string(demands.size()) + " demand(s)",
                    "Stakes 1, war (p - w_C, 1 - p - w_T), backdown (-b_C, 1), "
                    "compliance with demand x (x, 1 - x) or (x, s_t) for a fixed demand.");
}

}  // namespace

ModelSpec UltimatumModel() {
  using detail::Boolean;
  using detail::Integer;
  using detail::Number;
  ModelSpec m;
  m.name = "ultimatum";
  m.summary = "Compellence: C demands a share x of a stake of 1; T accepts or resists; C then "
              "uses force or backs down";
  m.anchor = "Schelling, Arms and Influence (1966); Fearon, 'Rationalist Explanations for War', "
             "IO 49(3) 1995: with costly war a bargaining range [p - w_C, p + w_T] exists, and a "
             "compellent demand works only if the threat is credible (p - w_C > -b_C)";
  m.parameters = {
      Number("p", Q(3, 5), Q(0), Q(1), "probability that force succeeds (C's expected share of the stake in war)"),
      Number("w_c", Q(1, 5), Q(0), Q(100), "C's cost of war; war pays C p - w_c"),
      Number("w_t", Q(1, 5), Q(0), Q(100), "T leadership's cost of war; war pays T 1 - p - w_t"),
      Number("b_c", Q(1, 2), Q(0), Q(100), "C's cost of backing down after resistance (audience and credibility costs)"),
      Integer("demand_grid", 10, 1, 200, "n: C chooses among the demands k/n, k = 1..n (or no demand: status quo (0, 1))"),
      Boolean("fixed_demand", false, "1: a single non-negotiable demand `demand` whose compliance pays T s_t, instead of the grid"),
      Number("demand", Q(1), Q(0), Q(1), "the fixed demand x (C's payoff on compliance) when fixed_demand = 1"),
      Number("s_t", Q(0), Q(-100), Q(100), "T's payoff from complying with the fixed demand when fixed_demand = 1"),
  };
  m.build = BuildUltimatum;
  return m;
}

}  // namespace ncpmi::models
