// "amnesty": an amnesty/exile offer with reneging risk (docs/models.md, amnesty; Krcmaric 2020;
// Fearon 1995 and Powell 2006 on commitment problems).
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

Game BuildAmnesty(const ParameterValues& v) {
  const Rational& h_t = detail::Param(v, "h_t");
  const Rational& r_t = detail::Param(v, "r_t");
  const Rational& f_t = detail::Param(v, "f_t");
  const Rational& e = detail::Param(v, "e");
  const Rational& q0 = detail::Param(v, "q0");
  const Rational& c_h = detail::Param(v, "c_honoured");
  const Rational& c_r = detail::Param(v, "c_reneged");
  const Rational& c_f = detail::Param(v, "c_fight");
  const Rational& s_h = detail::Param(v, "successor_honour");
  const Rational& s_r = detail::Param(v, "successor_renege");
  const bool strategic = detail::Flag(v, "strategic_successor");

  std::vector<std::string> players{"Coercer", "Leader"};
  if (strategic) players.push_back("Successor");
  detail::TreeWriter w(players);
  // Payoff vectors (C, leader[, successor]).
  auto pay = [&](const Rational& c, const Rational& t, const Rational& s) {
    std::vector<Rational> out{c, t};
    if (strategic) out.push_back(s);
    return out;
  };
  const NodeId root = w.Decision(kNoNode, 2, "Leader: step down under amnesty?", {"StepDown", "Fight"});
  const NodeId enforce = w.Chance(root, "Third-party enforcement", {"Enforced", "NotEnforced"}, {e, 1 - e});
  w.Terminal(enforce, "SETTLEMENT:durable amnesty enforced by third parties", pay(c_h, h_t, s_h));
  if (strategic) {
    const NodeId s = w.Decision(enforce, 3, "Successor: honour the amnesty?", {"Honour", "Renege"});
    w.Terminal(s, "SETTLEMENT:durable amnesty honoured by the successor", pay(c_h, h_t, s_h));
    w.Terminal(s, "SETTLEMENT:broken amnesty reneged by the successor", pay(c_r, r_t, s_r));
  } else {
    const NodeId s = w.Chance(enforce, "Successor's conduct", {"Honour", "Renege"}, {1 - q0, q0});
    w.Terminal(s, "SETTLEMENT:durable amnesty honoured", pay(c_h, h_t, s_h));
    w.Terminal(s, "SETTLEMENT:broken amnesty reneged", pay(c_r, r_t, s_r));
  }
  w.Terminal(root, "WAR leader clings to power", pay(c_f, f_t, Q(0)));
  return w.Finalize(
      std::string("Amnesty with reneging risk (") + (strategic ? "strategic successor" : "exogenous reneging") + ")",
      "The leader steps down iff e H_T + (1 - e) X_T > F_T, X_T = H_T if the "
      "successor honours, else R_T; e* = (F_T - R_T)/(H_T - R_T) with a reneging successor.");
}

}  // namespace

ModelSpec AmnestyModel() {
  using detail::Boolean;
  using detail::Number;
  ModelSpec m;
  m.name = "amnesty";
  m.summary = "The leader steps down under an amnesty or fights on; Nature enforces the amnesty "
              "with probability e, otherwise a successor (strategic, or reneging with q0) decides";
  m.anchor = "Krcmaric, The Justice Dilemma (Cornell 2020); Larcom, Sarr & Willems (2014 WP): "
             "amnesty promises are time-inconsistent and leaders without a safe exit cling to power; "
             "Fearon 1995 / Powell 2006 commitment problem";
  m.parameters = {
      Number("h_t", Q(4), Q(-100), Q(100), "H_T: leader's payoff from an honoured amnesty or exile"),
      Number("r_t", Q(-10), Q(-100), Q(100), "R_T: leader's payoff if the amnesty is reneged (prosecution)"),
      Number("f_t", Q(-2), Q(-100), Q(100), "F_T: leader's payoff from fighting on"),
      Number("e", Q(0), Q(0), Q(1), "probability that third parties enforce the amnesty whatever the successor wants"),
      Boolean("strategic_successor", true, "1: a successor government decides whether to honour; 0: it reneges with probability q0"),
      Number("q0", Q(1, 2), Q(0), Q(1), "reneging probability of an unenforced amnesty when strategic_successor = 0 (q = q0 (1 - e) overall)"),
      Number("successor_honour", Q(0), Q(-100), Q(100), "successor's ex-post payoff from honouring the amnesty"),
      Number("successor_renege", Q(1), Q(-100), Q(100), "successor's ex-post payoff from reneging (prosecuting)"),
      Number("c_honoured", Q(8), Q(-100), Q(100), "C's payoff when the leader steps down and the amnesty holds"),
      Number("c_reneged", Q(6), Q(-100), Q(100), "C's payoff when the leader steps down and the amnesty is reneged"),
      Number("c_fight", Q(3), Q(-100), Q(100), "C's payoff when the leader fights on"),
  };
  m.build = BuildAmnesty;
  return m;
}

}  // namespace ncpmi::models
