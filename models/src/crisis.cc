// "ncpmi-crisis": the composite crisis game of docs/models.md in which each NCPMI condition (No
// veto, Commitment, political Pain, Mutually hurting stalemate, Initiative; Sagara 2024) is a
// switch that acts only through payoffs and probabilities (SwitchEffects), never by cutting the
// tree: a veto leaves the coercer the choice to coerce without a mandate, the coercer chooses its
// demand and may decline to coerce at every stage, force can be followed by a settlement, and a
// promise is broken by a player's choice.
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

// Players, in this order. The successor is whoever holds the settled leader's fate afterwards
// (a restored government); with coercer_reneges the coercer itself decides instead.
constexpr int kC = 1, kT = 2, kM = 3, kV = 4, kS = 5;
constexpr int kPlayers = 5;

// The parameters of one campaign: with the Security Council's mandate, or without it after a veto.
struct Campaign {
  bool mandate = true;
  Rational p, w_c, enforcement, sanction_share;
  Rational v_war, v_no_deal, v_settle;  // the holdout's payoffs (shield included after a veto)
};

// The values in force once the switch effects are applied.
struct Crisis {
  Rational veto_cost, shield, v_settle, v_war, v_no_deal, v_unilateral, v_desist;
  std::vector<Rational> demands;  // the grid the coercer chooses from, ascending
  int rounds = 0;
  Rational g_t, pain, growth, sanction_cost_c, stalemate_cost_c, stake_c, horizon;
  bool assurance_offer = true, coercer_reneges = false;
  Rational assurance_cost, r_t, shift_c, renege_gain, breach_cost;
  Rational p, p_nm, w_c, w_c_nm, w_t, b_c, war_stalemate, defeat_t;
  Rational enforcement, enforcement_nm, mediated_enforcement, sanction_share_nm;
  Rational rho, c_m, u_m;

  Rational Pain(int t, const Campaign& c) const { return (pain + (t - 1) * growth) * c.sanction_share; }
};

Crisis Resolve(const ParameterValues& v) {
  using detail::Flag;
  using detail::Param;
  Crisis k;
  k.veto_cost = Param(v, "veto_cost") + Param(v, "consensus_cost");
  k.shield = Param(v, "holdout_shield");
  k.v_settle = Param(v, "holdout_settlement") + Param(v, "advocacy_holdout");
  k.v_war = Param(v, "holdout_war");
  k.v_no_deal = Param(v, "holdout_no_deal");
  k.v_unilateral = Param(v, "holdout_unilateral");
  k.v_desist = Param(v, "holdout_desist");
  const int grid = detail::IntParam(v, "demand_grid");
  const Rational& floor = Param(v, "demand_min");
  for (int i = 1; i <= grid; ++i) {
    if (Q(i, grid) >= floor) k.demands.push_back(Q(i, grid));
  }
  if (k.demands.empty()) k.demands.push_back(Q(1));  // unreachable: demand_min <= 1
  k.rounds = detail::IntParam(v, "pressure_rounds");
  k.g_t = Param(v, "rents_t");
  k.pain = Param(v, "sanction_pain");
  k.growth = Param(v, "pain_growth");
  k.sanction_cost_c = Param(v, "sanction_cost_c");
  k.stalemate_cost_c = Param(v, "stalemate_cost_c");
  k.stake_c = Param(v, "stake_c");
  k.horizon = Param(v, "stalemate_horizon");
  k.assurance_offer = Flag(v, "assurance_offer");
  k.coercer_reneges = Flag(v, "coercer_reneges");
  k.assurance_cost = Param(v, "assurance_cost");
  k.r_t = Param(v, "regime_change_t");
  k.shift_c = Param(v, "regime_change_shift_c");
  k.renege_gain = Param(v, "renege_gain");
  k.breach_cost = Param(v, "breach_cost");
  k.p = Param(v, "p");
  k.p_nm = Param(v, "p_no_mandate");
  k.w_c = Param(v, "w_c");
  k.w_c_nm = Param(v, "w_c_no_mandate");
  k.w_t = Param(v, "w_t");
  k.b_c = Param(v, "b_c") + Param(v, "advocacy_resolve_c");
  k.war_stalemate = Param(v, "war_stalemate");
  k.defeat_t = Param(v, "defeat_t");
  k.enforcement = Param(v, "enforcement");
  k.enforcement_nm = Param(v, "enforcement_no_mandate");
  k.mediated_enforcement = Param(v, "mediated_enforcement");
  k.sanction_share_nm = Param(v, "sanction_share_no_mandate");
  k.rho = Param(v, "rho");
  k.c_m = Param(v, "mediator_cost");
  k.u_m = Param(v, "mediator_value");
  for (int t = 1; t <= k.rounds + 1; ++t) {
    if (sgn(k.pain + (t - 1) * k.growth) < 0) {
      detail::ParameterError("pain_growth", "the sanction pain sanction_pain + (t-1) pain_growth is " +
                                                FormatRational(k.pain + (t - 1) * k.growth) + " in round " +
                                                std::to_string(t) + ", below 0");
    }
  }
  return k;
}

// How a settlement is protected: not at all, by the coercer's own assurance, or by the
// mediator's roadmap (its guarantee and monitors).
enum class Guarantee { kNone, kAssurance, kRoadmap };

// Writes the game in preorder. Outcomes with equal payoffs are shared (outcome reuse by number);
// node labels carry the class and the context. Payoff vectors are (C, T, M, V, S).
class CrisisWriter {
 public:
  CrisisWriter(const Crisis& k, detail::TreeWriter* w) : k_(k), w_(*w) {}

  void Write() {
    veto_toll_ = Toll("Veto cost", {0, 0, 0, -1, 0}, k_.veto_cost);
    assurance_toll_ = Toll("Assurance cost", {-1, 0, 0, 0, 0}, k_.assurance_cost);
    mediator_toll_ = Toll("Mediator's cost", {0, 0, -1, 0, 0}, k_.c_m);
    const NodeId root = w_.Decision(kNoNode, kV, "UNSC vote on the resolution", {"Abstain", "Veto"});
    Campaign un{true, k_.p, k_.w_c, k_.enforcement, Q(1), k_.v_war, k_.v_no_deal, k_.v_settle};
    Write(root, un);
    // Desist is listed first: when proceeding without a mandate gains the coercer nothing, the
    // reported equilibrium (first listed action at ties) does not demand and then lift.
    const NodeId veto = w_.DecisionWithOutcome(root, kC, "Coercer after the veto", {"Desist", "Proceed"},
                                               veto_toll_);
    w_.TerminalWithOutcome(veto, "STATUS_QUO coercer desists after the veto",
                           Memo(Site::kDesist, 0, [&] {
                             return Made{"Desist after the veto", {-k_.horizon * k_.stake_c, 1 + k_.horizon * k_.g_t, 0,
                                                                   k_.v_desist + k_.shield, 0}};
                           }));
    Campaign nm{false, k_.p_nm, k_.w_c_nm, k_.enforcement_nm, k_.sanction_share_nm,
                k_.v_unilateral + k_.shield, k_.v_no_deal + k_.shield, k_.v_settle + k_.shield};
    Write(veto, nm);
  }

  // A campaign: the demand, the pressure rounds, the ultimatum and what follows. With the mandate
  // the coercer may make no demand at all; after a veto that choice is Desist, one node up.
  void Write(NodeId parent, const Campaign& c) {
    const std::string tag = c.mandate ? "with mandate" : "without mandate";
    std::vector<std::string> actions;
    if (c.mandate) actions.push_back("NoDemand");
    for (const Rational& x : k_.demands) actions.push_back("Demand " + FormatRational(x));
    const NodeId d = w_.Decision(parent, kC, "Coercer's demand, " + tag, actions);
    if (c.mandate) {
      w_.TerminalWithOutcome(d, "STATUS_QUO no demand, " + tag,
                             Memo(Site::kStatusQuo, Key(c), [&] {
                               return Made{"Status quo", {-k_.horizon * k_.stake_c, 1 + k_.horizon * k_.g_t, 0, c.v_no_deal, 0}};
                             }));
    }
    for (const Rational& x : k_.demands) Pressure(d, c, x, tag + ", demand " + FormatRational(x));
  }

  // Rounds of sanctions: the target complies (without a guarantee) or defies; the coercer
  // sanctions again or lifts. The last round's flows ride on the ultimatum node.
  void Pressure(NodeId parent, const Campaign& c, const Rational& x, const std::string& tag) {
    OutcomeId pending = kNoOutcome;
    std::vector<std::pair<NodeId, std::string>> lifts;
    for (int t = 1; t <= k_.rounds; ++t) {
      const std::string r = tag + ", round " + std::to_string(t);
      const NodeId target = w_.DecisionWithOutcome(parent, kT, "Target under sanctions, " + r, {"Comply", "Defy"}, pending);
      Implementation(target, c, x, Guarantee::kNone, "complied under sanctions, " + r);
      parent = w_.Decision(target, kC, "Coercer, " + r, {"Sanction", "Lift"});
      pending = Memo(Site::kSanctionRound, Key(c, t), [&] {
        return Made{"Sanction round " + std::to_string(t) + (c.mandate ? "" : " without mandate"),
                    {-(k_.sanction_cost_c + k_.stalemate_cost_c), k_.g_t - k_.Pain(t, c), 0, 0, 0}};
      });
      lifts.emplace_back(parent, r);  // Lift is the second child: written after the chain
    }
    Ultimatum(parent, pending, c, x, tag);
    for (const auto& [node, r] : lifts) {
      w_.TerminalWithOutcome(node, "BACKDOWN sanctions lifted, " + r,
                             Memo(Site::kLifted, Key(c), [&] {
                               return Made{"Sanctions lifted",
                                           {-k_.b_c - k_.horizon * k_.stake_c, 1 + k_.horizon * k_.g_t, 0, c.v_no_deal, 0}};
                             }));
    }
  }

  void Ultimatum(NodeId parent, OutcomeId pending, const Campaign& c, const Rational& x, const std::string& tag) {
    std::vector<std::string> actions{"NoUltimatum", "Ultimatum"};
    if (k_.assurance_offer) actions.push_back("UltimatumWithAssurance");
    const NodeId u = w_.DecisionWithOutcome(parent, kC, "Ultimatum, " + tag, actions, pending);
    w_.TerminalWithOutcome(u, "STALEMATE no ultimatum, " + tag, NoDeal(c, Rational(0)));
    Initiative(u, kNoOutcome, c, x, Guarantee::kNone, tag + ", bare demand");
    if (k_.assurance_offer) {
      Initiative(u, assurance_toll_, c, x, Guarantee::kAssurance,
                 tag + ", assured");
    }
  }

  // The mediator may take the initiative; a roadmap found puts the same demand under the
  // mediator's guarantee, which costs the coercer nothing. The target signs first, then the
  // coercer endorses or rejects (Haiti: Jonassaint signed the Carter agreement, then Washington
  // accepted it); a rejected or absent roadmap leaves the target facing the ultimatum. A target
  // that resists the roadmap can still sign it after a round of fighting.
  void Initiative(NodeId parent, OutcomeId pending, const Campaign& c, const Rational& x, Guarantee g,
                  const std::string& tag) {
    const NodeId m = w_.DecisionWithOutcome(parent, kM, "Mediator, " + tag, {"Initiative", "StayOut"}, pending);
    const NodeId found = w_.ChanceWithOutcome(m, "Roadmap found?, " + tag, {"Found", "NotFound"},
                                              {k_.rho, 1 - k_.rho}, mediator_toll_);
    const NodeId sign = w_.Decision(found, kT, "Target: sign the roadmap?, " + tag, {"Sign", "Resist"});
    const NodeId endorse = w_.Decision(sign, kC, "Coercer: endorse the roadmap?, " + tag, {"Endorse", "Reject"});
    Implementation(endorse, c, x, Guarantee::kRoadmap, "roadmap, " + tag);
    Target(endorse, c, x, g, tag + ", roadmap rejected");
    Execution(sign, c, x, Guarantee::kRoadmap, tag + ", roadmap resisted");  // the roadmap stays on the table
    Target(found, c, x, g, tag + ", no roadmap");
    Target(m, c, x, g, tag + ", no initiative");
  }

  void Target(NodeId parent, const Campaign& c, const Rational& x, Guarantee g, const std::string& tag) {
    const NodeId t = w_.Decision(parent, kT, "Target facing the ultimatum, " + tag, {"Accept", "Resist"});
    Implementation(t, c, x, g, tag);
    Execution(t, c, x, g, tag);
  }

  // Force is a round of fighting: the coercer prevails, the target holds, or (with probability
  // war_stalemate) neither, after which the target may still accept the ultimatum's terms and the
  // coercer may fight a decisive round or withdraw.
  void Execution(NodeId parent, const Campaign& c, const Rational& x, Guarantee g, const std::string& tag) {
    const NodeId e = w_.Decision(parent, kC, "Execution, " + tag, {"Force", "BackDown"});
    const OutcomeId fight = Memo(Site::kFight, Key(c), [&] { return Made{"Round of fighting", {-c.w_c, -k_.w_t, 0, 0, 0}}; });
    const Rational s = k_.war_stalemate;
    const NodeId round = w_.ChanceWithOutcome(e, "First round of fighting, " + tag,
                                              {"CoercerPrevails", "TargetHolds", "Stalemate"},
                                              {c.p * (1 - s), (1 - c.p) * (1 - s), s}, fight);
    WarEnds(round, c, tag);
    const NodeId after = w_.DecisionWithOutcome(
        round, kT, "Target after a round of fighting, " + tag, {"Accept", "FightOn"},
        Memo(Site::kWarStalemate, Key(c), [&] {
          return Made{"Hurting stalemate in the war", {-k_.stalemate_cost_c, -k_.Pain(k_.rounds + 1, c), 0, 0, 0}};
        }));
    Implementation(after, c, x, g, tag + ", after fighting");
    const NodeId go = w_.Decision(after, kC, "Coercer after a round of fighting, " + tag, {"Fight", "Withdraw"});
    const NodeId last = w_.ChanceWithOutcome(go, "Decisive round, " + tag, {"CoercerPrevails", "TargetHolds"},
                                             {c.p, 1 - c.p}, fight);
    WarEnds(last, c, tag + ", decisive round");
    w_.TerminalWithOutcome(go, "BACKDOWN withdrawal after fighting, " + tag, NoDeal(c, k_.b_c));
    w_.TerminalWithOutcome(e, "BACKDOWN " + tag, NoDeal(c, k_.b_c));
  }

  void WarEnds(NodeId parent, const Campaign& c, const std::string& tag) {
    w_.TerminalWithOutcome(parent, "WAR coercer prevails, " + tag, Memo(Site::kPrevails, Key(c), [&] { return Made{"Coercer prevails", {1, k_.defeat_t, 0, c.v_war, 0}}; }));
    w_.TerminalWithOutcome(parent, "WAR target holds, " + tag,
                           Memo(Site::kHolds, Key(c), [&] { return Made{"Target holds", {-k_.horizon * k_.stake_c, 1, 0, c.v_war, 0}}; }));
  }

  // The stalemate goes on for the horizon: sanctions and their pain continue (the last round's
  // level), the coercer pays its stake and its costs, and `audience` when it backs down.
  OutcomeId NoDeal(const Campaign& c, const Rational& audience) {
    const bool backdown = sgn(audience) != 0;
    return Memo(backdown ? Site::kBackdown : Site::kStalemate, Key(c), [&] {
      const Rational per_round_c = k_.stake_c + k_.sanction_cost_c + k_.stalemate_cost_c;
      return Made{backdown ? "Backdown" : "Stalemate",
                  {-audience - k_.horizon * per_round_c, 1 + k_.horizon * (k_.g_t - k_.Pain(k_.rounds + 1, c)), 0,
                   c.v_no_deal, 0}};
    });
  }

  // A settlement on demand x. Without a guarantee the successor (or the coercer) simply chooses
  // to honour or renege; with one, third-party enforcement holds it with probability e and
  // otherwise reneging costs the breach cost (hands tied by the public guarantee).
  void Implementation(NodeId parent, const Campaign& c, const Rational& x, Guarantee g, const std::string& tag) {
    const std::string kind = g == Guarantee::kNone ? "SETTLEMENT " : "SETTLEMENT:durable ";
    const std::string broken = g == Guarantee::kNone ? "SETTLEMENT " : "SETTLEMENT:broken ";
    const Rational u_m = g == Guarantee::kRoadmap ? k_.u_m : Rational(0);
    const std::string demand = "demand " + FormatRational(x) + " met";
    const int gi = static_cast<int>(g);
    const OutcomeId kept = Memo(Site::kKept, Key(c, DemandIndex(x), gi), [&] {
      return Made{"Settlement kept", {x, 1 - x, u_m, c.v_settle, 0}};
    });
    NodeId decide = parent;
    if (g != Guarantee::kNone) {
      const Rational& e = g == Guarantee::kRoadmap ? k_.mediated_enforcement : c.enforcement;
      decide = w_.Chance(parent, "Enforcement, " + tag, {"Enforced", "Unenforced"}, {e, 1 - e});
      w_.TerminalWithOutcome(decide, kind + demand + ", guarantee enforced, " + tag, kept);
    }
    const OutcomeId reneged = Memo(Site::kReneged, Key(c, DemandIndex(x), gi), [&] {
      const Rational gain = k_.renege_gain - (g == Guarantee::kNone ? Rational(0) : k_.breach_cost);
      std::vector<Rational> payoffs{x + k_.shift_c, k_.r_t, u_m, c.v_settle, 0};
      payoffs[(k_.coercer_reneges ? kC : kS) - 1] += gain;
      return Made{"Settlement broken", std::move(payoffs)};
    });
    const NodeId s = w_.Decision(decide, k_.coercer_reneges ? kC : kS, "Leader's fate after settling, " + tag,
                                 {"Honour", "Renege"});
    w_.TerminalWithOutcome(s, kind + demand + ", leader safe, " + tag, kept);
    w_.TerminalWithOutcome(s, broken + demand + ", leader prosecuted or regime changed, " + tag,
                           reneged);
  }

  // Outcomes are memoised by where they are written (site, campaign, demand, guarantee or round),
  // so each payoff vector is computed once per game rather than once per node.
  enum class Site : std::uint8_t {
    kDesist, kStatusQuo, kSanctionRound, kLifted, kFight, kWarStalemate, kPrevails, kHolds, kBackdown,
    kStalemate, kKept, kReneged
  };
  struct Made {
    std::string name;
    std::vector<Rational> payoffs;
  };
  static std::uint32_t Key(const Campaign& c, int a = 0, int b = 0) {
    return (c.mandate ? 1u : 0u) | static_cast<std::uint32_t>(a) << 1 | static_cast<std::uint32_t>(b) << 17;
  }
  int DemandIndex(const Rational& x) const {
    for (std::size_t i = 0; i < k_.demands.size(); ++i) {
      if (k_.demands[i] == x) return static_cast<int>(i);
    }
    return -1;  // unreachable: x is always a grid demand
  }
  template <class Make>
  OutcomeId Memo(Site site, std::uint32_t key, Make make) {
    const std::uint64_t id = static_cast<std::uint64_t>(site) << 32 | key;
    const auto it = memo_.find(id);
    if (it != memo_.end()) return it->second;
    const Made made = make();
    const OutcomeId out = Out(made.name, made.payoffs);
    memo_.emplace(id, out);
    return out;
  }

  // An outcome by its payoff vector; equal vectors share one outcome (the first name is kept).
  OutcomeId Out(const std::string& name, const std::vector<Rational>& payoffs) {
    const auto [it, inserted] = outcomes_.try_emplace(payoffs, kNoOutcome);
    if (inserted) it->second = w_.Outcome(name, payoffs);
    return it->second;
  }
  // A cost on one player's entry (`unit` marks it with -1); none when the cost is zero.
  OutcomeId Toll(const std::string& name, const std::vector<Rational>& unit, const Rational& cost) {
    if (sgn(cost) == 0) return kNoOutcome;
    std::vector<Rational> payoffs(kPlayers);
    for (int i = 0; i < kPlayers; ++i) payoffs[i] = unit[i] * cost;
    return Out(name, payoffs);
  }

  const Crisis& k_;
  detail::TreeWriter& w_;
  std::map<std::vector<Rational>, OutcomeId> outcomes_;
  std::unordered_map<std::uint64_t, OutcomeId> memo_;
  OutcomeId veto_toll_ = kNoOutcome, assurance_toll_ = kNoOutcome, mediator_toll_ = kNoOutcome;
};

Game BuildCrisisEffective(const ParameterValues& v) {
  const Crisis k = Resolve(v);
  detail::TreeWriter w({"Coercer", "Target", "Mediator", "Holdout", "Successor"});
  CrisisWriter(k, &w).Write();
  std::string on;
  for (const char* s : {"no_veto", "commitment", "pain", "mutually_hurting_stalemate", "initiative"}) {
    if (detail::Flag(v, s)) on += std::string(on.empty() ? "" : ", ") + s;
  }
  return w.Finalize("NCPMI crisis (conditions on: " + (on.empty() ? std::string("none") : on) + ")",
                    "docs/models.md, ncpmi-crisis: UNSC vote, campaign with or without a mandate "
                    "(demand, sanction rounds, ultimatum with an optional assurance, mediator's "
                    "roadmap, target's decision, force with a possible stalemate, implementation "
                    "with strategic reneging).");
}

SwitchEffects CrisisSwitchEffects() {
  const auto absent0 = [](const char* p) { return SwitchEffect{p, Q(0), std::nullopt}; };
  SwitchEffects e;
  // N: no member has a stake in shielding the target ("No countries exercise veto").
  e["no_veto"] = {SwitchEffect{"holdout_shield", std::nullopt, Q(0)}, absent0("consensus_cost")};
  // C: resolve backed by power: the audience cost of backing down and the national-interest
  // stake (refugees) that an unresolved crisis costs the coercer.
  e["commitment"] = {absent0("b_c"), absent0("stake_c")};
  // P: pain for the leadership: its personal cost of war and the sanctions' pain.
  e["pain"] = {absent0("w_t"), absent0("sanction_pain")};
  // M: a real stalemate that hurts both: pain that grows past the rents, the coercer's cost of the
  // standoff, and fighting that can end in neither side winning.
  e["mutually_hurting_stalemate"] = {absent0("pain_growth"), absent0("stalemate_cost_c"), absent0("war_stalemate")};
  // I: mediation (a roadmap can be found) and advocacy (raising the P5's and the coercer's stake).
  e["initiative"] = {absent0("rho"), absent0("advocacy_holdout"), absent0("advocacy_resolve_c")};
  // Not a letter: third-party enforcement of guarantees, sweepable on its own.
  e["guarantee_enforcement"] = {absent0("enforcement"), absent0("enforcement_no_mandate"),
                                absent0("mediated_enforcement")};
  return e;
}

}  // namespace

ModelSpec CrisisModel() {
  using detail::Boolean;
  using detail::Integer;
  using detail::Number;
  ModelSpec m;
  m.name = "ncpmi-crisis";
  m.summary = "Composite crisis: UNSC vote with a holdout, then a campaign with or without a mandate "
              "(endogenous demand, sanction rounds, optional ultimatum and assurance, mediator's "
              "roadmap, force that may stall into a settlement, strategic reneging); N, C, P, M, I "
              "act through payoffs and probabilities";
  m.anchor = "Sagara, 'Conditions for Peace', KGRI WP 2 (2024): NCPMI as minimum conditions; "
             "Fearon 1995 (bargaining range, commitment problems), Powell 2006 (commitment), "
             "Lacy & Niou 2004 (sanctions), Zartman 2000 (ripeness), Voeten 2001 (veto and "
             "outside option), Zagare 2020 (threat plus promise)";
  m.parameters = {
      Boolean("no_veto", true, "N: a P5 consensus to seek peace: vetoing it costs consensus_cost and no member has a stake in shielding the target (present: holdout_shield is 0; absent: consensus_cost is 0)", 'N'),
      Boolean("commitment", true, "C: resolve backed by power (absent: b_c and stake_c are 0)", 'C'),
      Boolean("pain", true, "P: political pain for the leadership (absent: w_t and sanction_pain are 0)", 'P'),
      Boolean("mutually_hurting_stalemate", true, "M: a stalemate that hurts both sides (absent: pain_growth, stalemate_cost_c and war_stalemate are 0)", 'M'),
      Boolean("initiative", true, "I: mediation and advocacy (absent: rho, advocacy_holdout and advocacy_resolve_c are 0)", 'I'),
      Boolean("guarantee_enforcement", true, "third-party enforcement of guarantees (off: enforcement, enforcement_no_mandate and mediated_enforcement are 0)"),
      // UNSC stage
      Number("veto_cost", Q(1, 5), Q(0), Q(100), "nu: the holdout's cost of casting a veto"),
      Number("consensus_cost", Q(1), Q(0), Q(100), "the holdout's further cost of vetoing against a P5 consensus to seek peace (0 while N is absent)"),
      Number("holdout_shield", Q(1), Q(0), Q(100), "the holdout's stake in shielding the target, gained at every outcome after its veto (0 while N is present)"),
      Number("holdout_settlement", Q(1, 2), Q(-100), Q(100), "the holdout's payoff at any settlement"),
      Number("holdout_war", Q(-1, 2), Q(-100), Q(100), "the holdout's payoff when force is used under the mandate"),
      Number("holdout_no_deal", Q(1, 2), Q(-100), Q(100), "the holdout's payoff when the crisis ends without a deal or force (status quo, stalemate, backdown)"),
      Number("holdout_unilateral", Q(-1), Q(-100), Q(100), "the holdout's payoff when force is used without a mandate"),
      Number("holdout_desist", Q(0), Q(-100), Q(100), "the holdout's payoff when the coercer desists after its veto"),
      Number("advocacy_holdout", Q(0), Q(-100), Q(100), "advocacy (I): added to the holdout's payoff at a settlement"),
      // campaign: demand and pressure
      Integer("demand_grid", 4, 1, 20, "G: the coercer demands x in {1/G, 2/G, ..., 1} (the share of the stake it claims)"),
      Number("demand_min", Q(0), Q(0), Q(1), "the coercer's floor: demands below it are not on offer"),
      Integer("pressure_rounds", 2, 0, 8, "R: sanction rounds before the ultimatum"),
      Number("rents_t", Q(1, 5), Q(0), Q(100), "g_T: the leadership's per-round rents of defiance"),
      Number("sanction_pain", Q(1, 10), Q(0), Q(100), "sigma_1: sanction pain to the leadership in the first round (P)"),
      Number("pain_growth", Q(1, 10), Q(-100), Q(100), "growth of the pain per round: sigma_t = sigma_1 + (t-1) pain_growth (M)"),
      Number("sanction_cost_c", Q(1, 20), Q(0), Q(100), "the coercer's per-round cost of sanctions"),
      Number("stalemate_cost_c", Q(1, 10), Q(0), Q(100), "kappa: the coercer's per-round cost of the standoff (deployments, the hurting stalemate) (M)"),
      Number("stake_c", Q(3, 20), Q(0), Q(100), "the coercer's per-round national-interest cost of an unresolved crisis, e.g. refugees (C)"),
      Number("stalemate_horizon", Q(2), Q(0), Q(100), "h: rounds an unresolved crisis lasts after the game ends without a deal"),
      // ultimatum, settlement and implementation
      Boolean("assurance_offer", true, "1: the coercer may attach its own guarantee (assurance, amnesty) to the ultimatum"),
      Number("assurance_cost", Q(1, 10), Q(0), Q(100), "the coercer's own cost of giving the guarantee"),
      Number("regime_change_t", Q(-3, 2), Q(-100), Q(100), "R_T: the leader's payoff when the settlement's protection is broken (prosecution, regime change)"),
      Number("regime_change_shift_c", Q(-1, 4), Q(-100), Q(100), "change in the coercer's payoff when the settled leader is prosecuted or overthrown"),
      Number("renege_gain", Q(1), Q(-100), Q(100), "the reneging actor's gain from reneging on the settled leader"),
      Number("breach_cost", Q(0), Q(0), Q(100), "k: the reneging actor's cost of breaking a public guarantee (hands tied)"),
      Boolean("coercer_reneges", false, "1: the coercer itself decides the leader's fate after settling (Powell's commitment problem); 0: a successor government does"),
      Number("enforcement", Q(3, 4), Q(0), Q(1), "e: probability that third parties enforce the coercer's guarantee under the mandate"),
      Number("enforcement_no_mandate", Q(1, 2), Q(0), Q(1), "e without a mandate (no UN-backed enforcement)"),
      Number("mediated_enforcement", Q(3, 4), Q(0), Q(1), "probability that the mediator's roadmap guarantee is enforced"),
      // force
      Number("p", Q(9, 10), Q(0), Q(1), "probability that a decisive round of fighting goes to the coercer, with the mandate"),
      Number("p_no_mandate", Q(7, 10), Q(0), Q(1), "the same without a mandate"),
      Number("w_c", Q(7, 5), Q(0), Q(100), "the coercer's cost of a round of fighting with the mandate"),
      Number("w_c_no_mandate", Q(3), Q(0), Q(100), "the same without a mandate (legitimacy and domestic costs)"),
      Number("w_t", Q(1, 2), Q(0), Q(100), "the leadership's personal cost of a round of fighting (P)"),
      Number("defeat_t", Q(0), Q(-100), Q(100), "the leader's payoff when the coercer prevails by force (0: loses the stake; below 0: ousted, tried or killed)"),
      Number("b_c", Q(3, 10), Q(0), Q(100), "the coercer's audience cost of backing down from its ultimatum or sanctions (C)"),
      Number("war_stalemate", Q(1, 2), Q(0), Q(1), "probability that a round of fighting ends in neither side winning (M)"),
      Number("sanction_share_no_mandate", Q(1, 2), Q(0), Q(1), "share of the sanctions' pain that sanctions without a UN mandate inflict"),
      // initiative
      Number("rho", Q(9, 10), Q(0), Q(1), "probability that the mediator's initiative finds a roadmap (I)"),
      Number("mediator_cost", Q(1, 10), Q(0), Q(100), "c_M: the mediator's cost of taking the initiative"),
      Number("mediator_value", Q(1), Q(-100), Q(100), "u_M: the mediator's payoff when its roadmap settles the crisis"),
      Number("advocacy_resolve_c", Q(0), Q(0), Q(100), "advocacy (I): added to the coercer's audience cost b_c"),
  };
  m.switch_effects = CrisisSwitchEffects();
  m.build_effective = BuildCrisisEffective;
  m.build = [effects = m.switch_effects](const ParameterValues& v) {
    return BuildCrisisEffective(ApplySwitchEffects(FindModel("ncpmi-crisis"), v, effects));
  };
  return m;
}

}  // namespace ncpmi::models
