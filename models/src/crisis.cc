// "ncpmi-crisis": the composite crisis game of domain.md §3 in which each NCPMI condition (No veto,
// Commitment, political Pain, Mutually hurting stalemate, Initiative) is a switch that acts only
// through payoffs, probabilities or available moves (Sagara 2024).
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

// Players, in this order.
constexpr int kC = 1, kT = 2, kM = 3, kV = 4;

// The values in force once the five switches are applied.
struct Crisis {
  // UNSC
  Rational veto_cost, shield;
  Rational v_settle, v_war, v_backdown, v_unilateral, v_desist;
  Rational unilateral_c, desist_c;
  // pressure
  int rounds = 0;
  Rational g_t, pain, growth, sanction_cost_c, lift_cost_c, stalemate_cost_c, horizon;
  // ultimatum and settlement
  Rational x, s_t, r_t, shift_c, q0, e, assurance_cost;
  bool assurance_offer = true;
  // force
  Rational p, w_c, w_t, b_c;
  // initiative
  bool initiative = true;
  Rational rho, c_m, u_m, f, f_broken, x_r;

  Rational Pain(int t) const { return pain + (t - 1) * growth; }  // sigma_t, t = 1..rounds+1
  Rational GuaranteeRisk() const { return q0 * (1 - e); }
};

Crisis Resolve(const ParameterValues& v) {
  using detail::Flag;
  using detail::Param;
  const bool n = Flag(v, "no_veto"), c = Flag(v, "commitment"), p = Flag(v, "pain"),
             m = Flag(v, "mutually_hurting_stalemate");
  Crisis k;
  k.veto_cost = Param(v, "veto_cost");
  k.shield = n ? Q(0) : Param(v, "holdout_shield");
  k.v_settle = Param(v, "holdout_settlement");
  k.v_war = Param(v, "holdout_war");
  k.v_backdown = Param(v, "holdout_backdown");
  k.v_unilateral = Param(v, "holdout_unilateral");
  k.v_desist = Param(v, "holdout_desist");
  k.unilateral_c = Param(v, "unilateral_c");
  k.desist_c = Param(v, "desist_c");
  k.rounds = detail::IntParam(v, "pressure_rounds");
  k.g_t = Param(v, "rents_t");
  k.pain = p ? Param(v, "sanction_pain") : Q(0);
  k.growth = m ? Param(v, "pain_growth") : Q(0);
  k.sanction_cost_c = Param(v, "sanction_cost_c");
  k.lift_cost_c = Param(v, "lift_cost_c");
  k.stalemate_cost_c = m ? Param(v, "stalemate_cost_c") : Q(0);
  k.horizon = Param(v, "stalemate_horizon");
  k.x = Param(v, "demand_c");
  k.s_t = Param(v, "settlement_t");
  k.r_t = Param(v, "regime_change_t");
  k.shift_c = Param(v, "regime_change_shift_c");
  k.q0 = Param(v, "regime_change_risk");
  k.e = c ? Param(v, "enforcement") : Q(0);
  k.assurance_offer = Flag(v, "assurance_offer");
  k.assurance_cost = Param(v, "assurance_cost");
  k.p = Param(v, "p");
  k.w_c = Param(v, "w_c");
  k.w_t = p ? Param(v, "w_t") : Q(0);
  k.b_c = c ? Param(v, "b_c") : Q(0);
  k.initiative = Flag(v, "initiative");
  k.rho = Param(v, "rho");
  k.c_m = Param(v, "mediator_cost");
  k.u_m = Param(v, "mediator_value");
  k.f = Param(v, "roadmap_t");
  k.f_broken = Param(v, "roadmap_broken_t");
  k.x_r = Param(v, "roadmap_c");
  for (int t = 1; t <= k.rounds + 1; ++t) {
    if (sgn(k.Pain(t)) < 0) {
      detail::ParameterError("pain_growth", "the sanction pain sanction_pain + (t-1) pain_growth is " +
                                                FormatRational(k.Pain(t)) + " in round " +
                                                std::to_string(t) + ", below 0");
    }
  }
  return k;
}

// Writes the game in preorder. Terminals with equal payoffs share one outcome (outcome reuse by
// number; the node labels carry the class and the context), which also keeps the build fast.
// Non-terminal outcomes waiting for the next node created are passed as `pending` (the flows of
// the last sanction round, the cost of an assurance).
class CrisisWriter {
 public:
  CrisisWriter(const Crisis& k, detail::TreeWriter* w) : k_(k), w_(*w) {
    const Rational zero(0);
    const Rational sigma_after = k_.Pain(k_.rounds + 1);
    war_ = w_.Outcome("War", {k_.p - k_.w_c, 1 - k_.p - k_.w_t, zero, k_.v_war});
    backdown_ = w_.Outcome("Backdown", {-k_.b_c - k_.horizon * (k_.stalemate_cost_c + k_.sanction_cost_c),
                                        1 + k_.horizon * (k_.g_t - sigma_after), zero, k_.v_backdown});
    lift_ = w_.Outcome("Sanctions lifted", {-k_.b_c - k_.lift_cost_c - k_.horizon * k_.stalemate_cost_c,
                                            1 + k_.horizon * k_.g_t, zero, k_.v_backdown});
    safe_ = w_.Outcome("Demand met, leader safe", {k_.x, k_.s_t, zero, k_.v_settle});
    changed_ = w_.Outcome("Demand met, regime change", {k_.x + k_.shift_c, k_.r_t, zero, k_.v_settle});
    roadmap_ = w_.Outcome("Roadmap honoured", {k_.x_r, k_.f, k_.u_m, k_.v_settle});
    roadmap_broken_ = w_.Outcome("Roadmap violated", {k_.x_r + k_.shift_c, k_.f_broken, k_.u_m, k_.v_settle});
    unilateral_ = w_.Outcome("Force without a mandate", {k_.unilateral_c, 1 - k_.p - k_.w_t, zero, k_.v_unilateral + k_.shield});
    desist_ = w_.Outcome("Desist after the veto", {k_.desist_c, 1 + k_.horizon * k_.g_t, zero, k_.v_desist + k_.shield});
    veto_toll_ = w_.Outcome("Veto cost", {zero, zero, zero, -k_.veto_cost});
    mediator_toll_ = w_.Outcome("Mediator's cost", {zero, zero, -k_.c_m, zero});
    assurance_toll_ = sgn(k_.assurance_cost) == 0
                          ? kNoOutcome
                          : w_.Outcome("Assurance cost", {-k_.assurance_cost, zero, zero, zero});
    q0_ = {1 - k_.q0, k_.q0};
    q_guarantee_ = {1 - k_.GuaranteeRisk(), k_.GuaranteeRisk()};
    rho_ = {k_.rho, 1 - k_.rho};
  }

  void Write() {
    const NodeId root = w_.Decision(kNoNode, kV, "UNSC vote on the force resolution", kVote);
    NodeId parent = root;
    OutcomeId pending = kNoOutcome;
    // Pressure stage: a chain of rounds; each Sanction edge carries the round's flows to the next node.
    std::vector<std::pair<NodeId, std::string>> lifts;
    for (int t = 1; t <= k_.rounds; ++t) {
      const std::string r = "round " + std::to_string(t);
      const NodeId target = w_.DecisionWithOutcome(parent, kT, "Target under sanctions, " + r, kComply, pending);
      Settle(target, "Aftermath of compliance, " + r, q0_, /*promise=*/false,
             "complied under sanctions in " + r + ",");
      parent = w_.Decision(target, kC, "Coercer, " + r, kSanction);
      pending = w_.Outcome("Sanction round " + std::to_string(t),
                           {-(k_.sanction_cost_c + k_.stalemate_cost_c), k_.g_t - k_.Pain(t), Rational(0), Rational(0)});
      lifts.emplace_back(parent, r);  // Lift is the second child: written after the chain
    }
    Ultimatum(parent, pending);
    for (const auto& [node, r] : lifts) w_.TerminalWithOutcome(node, "BACKDOWN sanctions lifted in " + r, lift_);
    const NodeId veto = w_.DecisionWithOutcome(root, kC, "Coercer after the veto", kAfterVeto, veto_toll_);
    w_.TerminalWithOutcome(veto, "UNILATERAL force without a mandate", unilateral_);
    w_.TerminalWithOutcome(veto, "BACKDOWN coercer desists after the veto", desist_);
  }

 private:
  void Ultimatum(NodeId parent, OutcomeId pending) {
    if (!k_.assurance_offer) {
      Package(parent, pending, /*assured=*/false);
      return;
    }
    const NodeId u = w_.DecisionWithOutcome(parent, kC, "Ultimatum", kUltimatum, pending);
    Package(u, kNoOutcome, /*assured=*/false);
    Package(u, assurance_toll_, /*assured=*/true);
  }

  // The initiative stage (if any) and the target's decision under one ultimatum package.
  void Package(NodeId parent, OutcomeId pending, bool assured) {
    const std::string tag = assured ? "assured" : "bare demand";
    const std::vector<Rational>& risk = assured ? q_guarantee_ : q0_;
    if (!k_.initiative) {
      Target(parent, pending, risk, assured, tag);
      return;
    }
    const NodeId m = w_.DecisionWithOutcome(parent, kM, "Mediator: " + tag, kInitiative, pending);
    const NodeId found = w_.ChanceWithOutcome(m, "Roadmap found? " + tag, kFound, rho_, mediator_toll_);
    // The target signs first, then C endorses or rejects the signed roadmap (Haiti: Jonassaint
    // signed the Carter agreement, then Washington accepted it). A rejected roadmap leaves the
    // target facing the demand.
    const NodeId accept = w_.Decision(found, kT, "Target: accept the roadmap? " + tag, kAccept);
    const NodeId endorse = w_.Decision(accept, kC, "Coercer: endorse the roadmap? " + tag, kEndorse);
    const NodeId impl = w_.Chance(endorse, "Roadmap implementation: " + tag, kHonoured, q_guarantee_);
    w_.TerminalWithOutcome(impl, "SETTLEMENT:durable roadmap honoured, " + tag, roadmap_);
    w_.TerminalWithOutcome(impl, "SETTLEMENT:broken roadmap violated, " + tag, roadmap_broken_);
    Target(endorse, kNoOutcome, risk, assured, "roadmap rejected, " + tag);
    Execution(accept, "roadmap resisted, " + tag);
    Target(found, kNoOutcome, risk, assured, "no roadmap, " + tag);
    Target(m, kNoOutcome, risk, assured, "no initiative, " + tag);
  }

  void Target(NodeId parent, OutcomeId pending, const std::vector<Rational>& risk, bool assured,
              const std::string& tag) {
    const NodeId t = w_.DecisionWithOutcome(parent, kT, "Target facing the demand: " + tag, kAccept, pending);
    Settle(t, "Implementation: " + tag, risk, assured, "demand met, " + tag + ",");
    Execution(t, tag);
  }

  // Implementation: the leader is safe with probability risk[0]. With a promise (assurance or
  // roadmap) a violation breaks it; without one nothing is broken (class SETTLEMENT).
  void Settle(NodeId parent, const std::string& label, const std::vector<Rational>& risk, bool promise,
              const std::string& what) {
    const NodeId n = w_.Chance(parent, label, kSafe, risk);
    w_.TerminalWithOutcome(n, (promise ? "SETTLEMENT:durable " : "SETTLEMENT ") + what + " leader safe", safe_);
    w_.TerminalWithOutcome(n, (promise ? "SETTLEMENT:broken " : "SETTLEMENT ") + what + " then regime change",
                           changed_);
  }

  void Execution(NodeId parent, const std::string& tag) {
    const NodeId c = w_.Decision(parent, kC, "Execution: " + tag, kForce);
    w_.TerminalWithOutcome(c, "WAR " + tag, war_);
    w_.TerminalWithOutcome(c, "BACKDOWN " + tag, backdown_);
  }

  inline static const std::vector<std::string> kVote{"Abstain", "Veto"}, kComply{"Comply", "Defy"},
      kSanction{"Sanction", "Lift"}, kAfterVeto{"Unilateral", "Desist"},
      kUltimatum{"Demand", "DemandWithAssurance"}, kInitiative{"Initiative", "StayOut"},
      kFound{"Found", "NotFound"}, kAccept{"Accept", "Resist"}, kEndorse{"Endorse", "Reject"},
      kHonoured{"Honoured", "Violated"}, kSafe{"LeaderSafe", "RegimeChange"}, kForce{"Force", "BackDown"};

  const Crisis& k_;
  detail::TreeWriter& w_;
  OutcomeId war_, backdown_, lift_, safe_, changed_, roadmap_, roadmap_broken_, unilateral_, desist_;
  OutcomeId veto_toll_, mediator_toll_, assurance_toll_;
  std::vector<Rational> q0_, q_guarantee_, rho_;
};

Game BuildCrisis(const ParameterValues& v) {
  const Crisis k = Resolve(v);
  detail::TreeWriter w({"Coercer", "Target", "Mediator", "Holdout"});
  CrisisWriter(k, &w).Write();
  std::string on;
  for (const char* s : {"no_veto", "commitment", "pain", "mutually_hurting_stalemate", "initiative"}) {
    if (detail::Flag(v, s)) on += std::string(on.empty() ? "" : ", ") + s;
  }
  return w.Finalize("NCPMI crisis (conditions on: " + (on.empty() ? std::string("none") : on) + ")",
                    "domain.md 3: UNSC vote, pressure rounds, ultimatum with an optional assurance, "
                    "mediator initiative, target decision, execution, implementation.");
}

}  // namespace

ModelSpec CrisisModel() {
  using detail::Boolean;
  using detail::Integer;
  using detail::Number;
  ModelSpec m;
  m.name = "ncpmi-crisis";
  m.summary = "Composite crisis: UNSC vote with a holdout, sanction rounds, ultimatum with an "
              "optional assurance, mediator's roadmap, target's decision, force or backdown, and "
              "implementation risk; N, C, P, M, I are switches";
  m.anchor = "Sagara, 'Conditions for Peace', KGRI WP 2 (2024): NCPMI as minimum conditions; "
             "combines Fearon 1995 / Powell 2006 (commitment), Lacy & Niou 2004 (sanctions), "
             "Zartman 2000 (ripeness: hurting stalemate and a way out), Voeten 2001 (veto and "
             "outside option), Zagare 2020 (threat plus promise)";
  m.parameters = {
      Boolean("no_veto", true, "N: off gives the holdout an interest in shielding the target: holdout_shield is added to its payoff at both post-veto outcomes", 'N'),
      Boolean("commitment", true, "C: off removes C's committed backing: the backdown cost b_c and the enforcement e of promises become 0", 'C'),
      Boolean("pain", true, "P: off removes political pain: the leadership's war cost w_t and the sanction pain sanction_pain become 0", 'P'),
      Boolean("mutually_hurting_stalemate", true, "M: off removes the hurting stalemate: pain no longer grows (pain_growth 0) and the stalemate costs C nothing (stalemate_cost_c 0)", 'M'),
      Boolean("initiative", true, "I: off removes the mediator's initiative stage (StayOut forced: no roadmap)", 'I'),
      // UNSC stage
      Number("veto_cost", Q(1, 5), Q(0), Q(100), "nu: the holdout's cost of casting a veto"),
      Number("holdout_shield", Q(1), Q(0), Q(100), "the holdout's gain at post-veto outcomes when no_veto is off (preference distance)"),
      Number("holdout_settlement", Q(1, 2), Q(-100), Q(100), "holdout's payoff at any settlement"),
      Number("holdout_war", Q(-1, 2), Q(-100), Q(100), "holdout's payoff when C uses force under the mandate"),
      Number("holdout_backdown", Q(1, 2), Q(-100), Q(100), "holdout's payoff when C backs down or lifts sanctions"),
      Number("holdout_unilateral", Q(-1), Q(-100), Q(100), "holdout's payoff when C acts alone after a veto"),
      Number("holdout_desist", Q(0), Q(-100), Q(100), "holdout's payoff when C desists after a veto"),
      Number("unilateral_c", Q(-1), Q(-100), Q(100), "U_C^out: C's payoff from force without a mandate"),
      Number("desist_c", Q(-1, 2), Q(-100), Q(100), "U_C^desist: C's payoff from desisting after a veto"),
      // pressure stage
      Integer("pressure_rounds", 2, 0, 8, "R: sanction rounds before the ultimatum"),
      Number("rents_t", Q(1, 5), Q(0), Q(100), "g_T: T's per-round rents of defiance"),
      Number("sanction_pain", Q(1, 10), Q(0), Q(100), "sigma_1: sanction pain to T's leadership in the first round (P)"),
      Number("pain_growth", Q(1, 10), Q(-100), Q(100), "growth of the pain per round: sigma_t = sigma_1 + (t-1) pain_growth (M)"),
      Number("sanction_cost_c", Q(1, 20), Q(0), Q(100), "C's own cost per round of sanctions"),
      Number("lift_cost_c", Q(1, 4), Q(0), Q(100), "C's extra cost of lifting sanctions without compliance (leverage and containment lost)"),
      Number("stalemate_cost_c", Q(3, 20), Q(0), Q(100), "kappa: C's per-round cost of the unresolved crisis, e.g. refugees (M)"),
      Number("stalemate_horizon", Q(2), Q(0), Q(100), "h: rounds the unresolved crisis lasts after C backs down or lifts sanctions"),
      // ultimatum, settlement and implementation
      Number("demand_c", Q(1), Q(-100), Q(100), "x: C's payoff when T meets the demand"),
      Number("settlement_t", Q(-1, 5), Q(-100), Q(100), "S_T: T's payoff from meeting the demand when the leader stays safe"),
      Number("regime_change_t", Q(-3, 2), Q(-100), Q(100), "R_T: T's payoff when, after settling, the leader faces regime change or prosecution"),
      Number("regime_change_shift_c", Q(-1, 4), Q(-100), Q(100), "change in C's payoff when the leader faces regime change after settling"),
      Number("regime_change_risk", Q(1), Q(0), Q(1), "q0: probability of regime change or prosecution after settling without a guarantee"),
      Number("enforcement", Q(3, 4), Q(0), Q(1), "e: probability that a guarantee (assurance, roadmap amnesty) is enforced; its risk is q0 (1 - e) (C)"),
      Boolean("assurance_offer", true, "1: C may bundle a no-regime-change assurance with its demand"),
      Number("assurance_cost", Q(1, 10), Q(0), Q(100), "C's cost of giving the assurance itself"),
      // force
      Number("p", Q(9, 10), Q(0), Q(1), "probability that force succeeds"),
      Number("w_c", Q(7, 5), Q(0), Q(100), "C's cost of war; force pays C p - w_c"),
      Number("w_t", Q(1, 2), Q(0), Q(100), "T leadership's cost of war; force pays T 1 - p - w_t (P)"),
      Number("b_c", Q(3, 10), Q(0), Q(100), "C's audience cost of backing down from its commitment (C)"),
      // initiative
      Number("rho", Q(9, 10), Q(0), Q(1), "probability that the mediator's initiative finds a roadmap"),
      Number("mediator_cost", Q(1, 10), Q(0), Q(100), "c_M: the mediator's cost of taking the initiative"),
      Number("mediator_value", Q(1), Q(-100), Q(100), "u_M: the mediator's payoff when its roadmap is accepted"),
      Number("roadmap_t", Q(3, 20), Q(-100), Q(100), "f: T's payoff from the roadmap (a way out) when honoured"),
      Number("roadmap_broken_t", Q(-1, 5), Q(-100), Q(100), "T's payoff from the roadmap when its guarantee is violated"),
      Number("roadmap_c", Q(3, 4), Q(-100), Q(100), "C's payoff from the roadmap when honoured"),
  };
  m.build = BuildCrisis;
  return m;
}

}  // namespace ncpmi::models
