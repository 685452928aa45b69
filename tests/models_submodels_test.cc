// The closed-form thresholds of docs/models.md, checked on both sides against exact solutions of
// the sub-models (backward induction in rationals; the outcome class of the reached terminals).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models_test_util.h"
#include "ncpmi/game/error.h"

namespace ncpmi::models {
namespace {

using testing::R;
using testing::Solve;
using testing::Solved;

// ---------------------------------------------------------------- ultimatum / compellence

TEST_CASE("a credible ultimatum gets the largest grid demand below p + w_T accepted", "[models]") {
  const Rational p = R(3, 5), w_c = R(1, 5), w_t = R(1, 4), b_c = R(1, 2);
  const int n = 10;
  REQUIRE(p - w_c > -b_c);  // credible
  const Solved s = Solve("ultimatum", {{"p", p}, {"w_c", w_c}, {"w_t", w_t}, {"b_c", b_c}, {"demand_grid", n}});
  // T accepts x iff 1 - x > 1 - p - w_T (the value of resisting a credible threat).
  Rational best = 0;
  for (int k = 1; k <= n; ++k) {
    const Rational x = R(k, n);
    const std::string xs = FormatRational(x);
    const bool accepts = 1 - x > 1 - p - w_t;
    CHECK(s.Choice("Target facing demand " + xs) == (accepts ? "Accept" : "Resist"));
    CHECK(s.Choice("Coercer after resistance to " + xs) == "Force");
    if (accepts) best = x;
  }
  REQUIRE(best == R(4, 5));  // the largest grid point strictly below p + w_T = 17/20
  CHECK(s.Choice("Coercer chooses a demand") == "Demand " + FormatRational(best));
  CHECK(s.summary.p_settlement == 1);
  CHECK(s.play.payoffs[0] == best);
}

TEST_CASE("an ultimatum whose threat is not credible gets no demand accepted", "[models]") {
  const Rational p = R(1, 5), w_c = R(3, 5);  // p - w_C = -2/5
  for (const Rational& b_c : std::vector<Rational>{R(2, 5) + R(1, 100), R(2, 5) - R(1, 100)}) {
    const bool credible = p - w_c > -b_c;
    const Solved s = Solve("ultimatum", {{"p", p}, {"w_c", w_c}, {"b_c", b_c}, {"demand_grid", 5}});
    CAPTURE(b_c, s.Reached());
    CHECK(s.Choice("Coercer after resistance to 1") == (credible ? "Force" : "BackDown"));
    if (credible) {
      CHECK(s.summary.p_settlement == 1);
    } else {
      for (int k = 1; k <= 5; ++k) CHECK(s.Choice("Target facing demand " + FormatRational(R(k, 5))) == "Resist");
      CHECK(s.summary.Probability(OutcomeClass::kStatusQuo) == 1);
    }
  }
}

TEST_CASE("a fixed demand is met iff S_T beats 1 - p - w_T and the threat is credible", "[models]") {
  const Rational p = R(3, 5), w_t = R(1, 5);
  const Rational resist = 1 - p - w_t;  // 1/5
  for (const Rational& s_t : std::vector<Rational>{resist + R(1, 100), resist - R(1, 100)}) {
    for (const Rational& b_c : std::vector<Rational>{R(1), R(0)}) {
      const Rational w_c = R(4, 5);  // p - w_C = -1/5: credible iff b_C > 1/5
      const bool credible = p - w_c > -b_c;
      const Solved s = Solve("ultimatum", {{"p", p}, {"w_c", w_c}, {"w_t", w_t}, {"b_c", b_c},
                                           {"fixed_demand", 1}, {"demand", R(1)}, {"s_t", s_t}});
      CAPTURE(s_t, b_c, s.Reached());
      CHECK(s.Choice("Target facing demand 1") == (s_t > resist && credible ? "Accept" : "Resist"));
    }
  }
}

// ---------------------------------------------------------------- security assurance

TEST_CASE("an assurance is credible only if the hands-tying cost exceeds G_RC - G_E", "[models]") {
  const Rational g_e = 8, g_rc = 9;
  for (const Rational& k : std::vector<Rational>{g_rc - g_e + R(1, 10), g_rc - g_e - R(1, 10), R(0)}) {
    const Solved s = Solve("security-assurance", {{"g_e", g_e}, {"g_rc", g_rc}, {"k", k}});
    CAPTURE(k, s.Reached());
    const bool credible = k > g_rc - g_e;
    CHECK(s.Choice("Coercer after disarmament (assured)") == (credible ? "Engage" : "RegimeChange"));
    CHECK(s.Choice("Coercer after disarmament (no assurance)") == "RegimeChange");
    CHECK(s.Choice("Target: disarm? (assured)") == (credible ? "Disarm" : "Keep"));
    CHECK(s.Settles() == credible);
    if (credible) CHECK(s.summary.p_durable == 1);
  }
}

TEST_CASE("with exogenous regime-change risk the target disarms iff q < (S_T - K_T)/(S_T - R_T)", "[models]") {
  const Rational s_t = 4, r_t = -10;
  for (const Rational& k_t : std::vector<Rational>{R(-2), R(1), R(-4)}) {
    const Rational q_star = (s_t - k_t) / (s_t - r_t);
    for (const Rational& q : std::vector<Rational>{q_star - R(1, 100), q_star + R(1, 100)}) {
      const Solved s = Solve("security-assurance", {{"strategic_coercer", 0}, {"s_t", s_t}, {"r_t", r_t},
                                                    {"k_t", k_t}, {"q", q}});
      CAPTURE(k_t, q, q_star, s.Reached());
      CHECK(s.Settles() == (q < q_star));
    }
  }
  // Maximum pressure (lower K_T) raises q*: at q = 1/2 only the harsher pressure settles.
  CHECK_FALSE(Solve("security-assurance", {{"strategic_coercer", 0}, {"k_t", R(-2)}, {"q", R(1, 2)}}).Settles());
  CHECK(Solve("security-assurance", {{"strategic_coercer", 0}, {"k_t", R(-4)}, {"q", R(1, 2)}}).Settles());
}

TEST_CASE("an assurance that lowers the risk below q* buys disarmament and is given", "[models]") {
  // q = 1/2 > q* = 3/7 without an assurance; 1/2 - 1/4 = 1/4 < 3/7 with it.
  const Solved s = Solve("security-assurance", {{"strategic_coercer", 0}, {"q", R(1, 2)},
                                                {"assurance_effect", R(1, 4)}, {"assurance_cost", R(1)}});
  CHECK(s.Choice("Coercer: assurance?") == "Assure");
  CHECK(s.summary.p_settlement == 1);
  CHECK(s.summary.p_durable == R(3, 4));
}

// ---------------------------------------------------------------- amnesty

TEST_CASE("with a reneging successor the leader steps down iff e > (F_T - R_T)/(H_T - R_T)", "[models]") {
  const Rational h = 4, r = -10, f = -2;
  const Rational e_star = (f - r) / (h - r);  // 4/7
  for (const Rational& e : std::vector<Rational>{e_star + R(1, 100), e_star - R(1, 100)}) {
    const Solved s = Solve("amnesty", {{"h_t", h}, {"r_t", r}, {"f_t", f}, {"e", e},
                                       {"successor_honour", 0}, {"successor_renege", 1}});
    CAPTURE(e, s.Reached());
    CHECK(s.Choice("Successor: honour the amnesty?") == "Renege");
    CHECK(s.Settles() == (e > e_star));
    if (e > e_star) {
      CHECK(s.summary.p_durable == e);  // only enforcement keeps the promise
      CHECK(s.summary.Probability(OutcomeClass::kSettlementBroken) == 1 - e);
    } else {
      CHECK(s.summary.Probability(OutcomeClass::kWar) == 1);
    }
  }
}

TEST_CASE("without enforcement a reneging successor causes war although stepping down and honouring is better for all but the successor",
          "[models]") {
  const Solved s = Solve("amnesty", {{"e", 0}});
  CHECK(s.summary.Probability(OutcomeClass::kWar) == 1);
  // (StepDown, Honour) would give C 8 > 3 and the leader 4 > -2: the commitment problem.
  const Game& g = s.game;
  const NodeId honour = s.Node("SETTLEMENT:durable amnesty honoured by the successor");
  const NodeId war = s.Node("WAR leader clings to power");
  CHECK(g.Payoff(g.Outcome(honour), 1) > g.Payoff(g.Outcome(war), 1));
  CHECK(g.Payoff(g.Outcome(honour), 2) > g.Payoff(g.Outcome(war), 2));
}

TEST_CASE("an honouring successor makes the amnesty credible without enforcement iff H_T > F_T", "[models]") {
  for (const Rational& f : std::vector<Rational>{R(3), R(5)}) {
    const Solved s = Solve("amnesty", {{"e", 0}, {"h_t", 4}, {"f_t", f}, {"successor_honour", 2}, {"successor_renege", 1}});
    CAPTURE(f, s.Reached());
    CHECK(s.Settles() == (R(4) > f));
    if (s.Settles()) CHECK(s.summary.p_durable == 1);
  }
}

TEST_CASE("with exogenous reneging the leader steps down iff (1 - q) H_T + q R_T > F_T, q = q0 (1 - e)", "[models]") {
  const Rational h = 4, r = -10, f = -2, q0 = R(1, 2);
  for (const Rational& e : std::vector<Rational>{R(0), R(1, 10), R(1, 5), R(1, 2)}) {
    const Rational q = q0 * (1 - e);
    const Solved s = Solve("amnesty", {{"strategic_successor", 0}, {"q0", q0}, {"e", e}});
    CAPTURE(e, q, s.Reached());
    CHECK(s.Settles() == ((1 - q) * h + q * r > f));
  }
}

// ---------------------------------------------------------------- sanctions

// sigma_t = pain + (t-1) pain_growth at one intensity level.
Rational Sigma(const Rational& pain, const Rational& growth, int t) { return pain + (t - 1) * growth; }

TEST_CASE("under credible sanctions the target defies while sigma_t < g_T and complies at tau*", "[models]") {
  const Rational g_t = R(9, 20), pain = R(1, 5), growth = R(1, 10);
  const int rounds = 5;
  int tau = rounds + 1;  // complies at the final threat if pain never exceeds the rents
  for (int t = rounds; t >= 1; --t) {
    REQUIRE(Sigma(pain, growth, t) != g_t);  // stay off the tie
    if (Sigma(pain, growth, t) > g_t) tau = t;
  }
  REQUIRE(tau == 4);
  const Solved s = Solve("sanctions", {{"rounds", rounds}, {"levels", 1}, {"rents_t", g_t}, {"pain", pain},
                                       {"pain_growth", growth}, {"lift_c", -10}});
  for (int t = 1; t <= tau; ++t) {
    CHECK(s.Choice("Target, round " + std::to_string(t)) == (t < tau ? "Defy" : "Comply"));
  }
  CHECK(s.Reached("SETTLEMENT complied in round " + std::to_string(tau)));
  CHECK(s.summary.p_settlement == 1);
}

TEST_CASE("sanctions that would work succeed at the threat stage and are never imposed", "[models]") {
  const Solved s = Solve("sanctions", {{"levels", 1}, {"rents_t", R(1, 10)}, {"pain", R(1, 5)}});
  CHECK(s.Reached("SETTLEMENT complied in round 1"));
  // No sanction round (a non-terminal outcome) lies on the path.
  for (const NodeId v : ReachedNonterminals(s.game, {s.play.terminals[0].first})) {
    CHECK(s.game.Outcome(v) == kNoOutcome);
  }
}

TEST_CASE("the coercer keeps sanctioning iff x - sum of kappa_s up to tau* beats lifting", "[models]") {
  const Rational kappa = R(1, 10), x = 1;
  const int tau = 4;  // as in the schedule above
  const Rational keep = x - (tau - 1) * kappa;  // value of sanctioning from round 1: 7/10
  for (const Rational& lift : std::vector<Rational>{keep - R(1, 100), keep + R(1, 100)}) {
    const Solved s = Solve("sanctions", {{"rounds", 5}, {"levels", 1}, {"kappa", kappa}, {"demand", x},
                                         {"lift_c", lift}});
    CAPTURE(lift, s.Reached());
    CHECK(s.Choice("Coercer, round 1") == (keep > lift ? "Sanction" : "Lift"));
    CHECK(s.Settles() == (keep > lift));
    if (keep <= lift) CHECK(s.summary.Probability(OutcomeClass::kBackdown) == 1);
  }
}

// ---------------------------------------------------------------- UNSC vote

TEST_CASE("a single member vetoes iff u_j(d) < u_j(Y) - nu_j, and C picks the best passing draft", "[models]") {
  // C prefers desisting to acting alone, so Y = Desist; China: u(Strong) = -1, u(Desist) = 1.
  for (const Rational& nu : std::vector<Rational>{R(2) + R(1, 10), R(2) - R(1, 10)}) {
    const ParameterValues v{{"member_russia", 0}, {"member_china", 1}, {"c_unilateral", -2}, {"c_desist", -1},
                            {"china_strong", -1}, {"china_desist", 1}, {"china_weak", 1}, {"china_veto_cost", nu}};
    const Solved s = Solve("unsc-vote", v);
    CAPTURE(nu, s.Reached());
    const bool strong_passes = R(-1) > R(1) - nu;
    CHECK(s.Choice("Coercer after China's veto of the Strong draft") == "Desist");
    CHECK(s.Choice("China votes on the Strong draft") == (strong_passes ? "Yes" : "Veto"));
    CHECK(s.Choice("China votes on the Weak draft") == "Yes");
    CHECK(s.Choice("Coercer tables a draft") == (strong_passes ? "Strong" : "Weak"));
  }
}

TEST_CASE("a credible outside option gets a draft passed that a member would otherwise veto", "[models]") {
  ParameterValues v{{"member_russia", 0}, {"member_china", 1}, {"china_strong", -1}, {"china_desist", 1},
                    {"china_unilateral", -2}, {"china_veto_cost", 0}, {"c_desist", -1}};
  v["c_unilateral"] = -2;  // U_C^out < U_C^desist: Y = Desist, China prefers it
  CHECK(Solve("unsc-vote", v).Choice("China votes on the Strong draft") == "Veto");
  v["c_unilateral"] = 0;   // U_C^out > U_C^desist: Y = Unilateral, China prefers the resolution
  const Solved s = Solve("unsc-vote", v);
  CHECK(s.Choice("Coercer after China's veto of the Strong draft") == "Unilateral");
  CHECK(s.Choice("China votes on the Strong draft") == "Yes");
  CHECK(s.Reached("STATUS_QUO Strong resolution adopted (continuation value)"));
}

TEST_CASE("with costly vetoes only the last opponent vetoes and earlier ones free-ride", "[models]") {
  const ParameterValues v{{"c_unilateral", -2}, {"c_desist", -1},
                          {"russia_strong", -2}, {"russia_desist", 1}, {"russia_veto_cost", R(1, 2)},
                          {"china_strong", -1}, {"china_desist", 1}, {"china_veto_cost", 1}};
  const Solved s = Solve("unsc-vote", v);
  // Both prefer Y - nu_j to the Strong draft ...
  REQUIRE(R(-2) < R(1) - R(1, 2));
  REQUIRE(R(-1) < R(1) - R(1));
  // ... but Russia, voting first, saves its veto cost because China will veto.
  CHECK(s.Choice("Russia votes on the Strong draft") == "Yes");
  CHECK(s.Choice("China votes on the Strong draft") == "Veto");
}

// ---------------------------------------------------------------- mediator

TEST_CASE("the target accepts a roadmap iff f > u_T(z0)", "[models]") {
  for (const Rational& f : std::vector<Rational>{R(1, 100), R(-1, 100)}) {
    const Solved s = Solve("mediator", {{"roadmap_t", f}, {"z0_t", 0}});
    CHECK(s.Choice("Target: accept the roadmap?") == (f > 0 ? "Accept" : "Resist"));
    CHECK((s.summary.p_settlement > 0) == (f > 0));
  }
}

TEST_CASE("the coercer endorses a roadmap iff u_C(roadmap) > u_C(z0)", "[models]") {
  for (const Rational& c : std::vector<Rational>{R(1, 100), R(-1, 100)}) {
    const Solved s = Solve("mediator", {{"roadmap_c", c}, {"z0_c", 0}});
    CHECK(s.Choice("Coercer: endorse the roadmap?") == (c > 0 ? "Endorse" : "Reject"));
  }
}

TEST_CASE("the mediator initiates iff rho (u_M(settle) - u_M(z0)) > c_M", "[models]") {
  const Rational rho = R(4, 5), u_m = 1, z0_m = 0;
  for (const Rational& c_m : std::vector<Rational>{rho * (u_m - z0_m) - R(1, 100), rho * (u_m - z0_m) + R(1, 100)}) {
    const Solved s = Solve("mediator", {{"rho", rho}, {"mediator_value", u_m}, {"z0_m", z0_m}, {"mediator_cost", c_m}});
    const bool initiates = rho * (u_m - z0_m) > c_m;
    CAPTURE(c_m, s.Reached());
    CHECK(s.Choice("Mediator: take the initiative?") == (initiates ? "Initiative" : "StayOut"));
    CHECK(s.summary.p_settlement == (initiates ? rho : R(0)));
  }
}

}  // namespace
}  // namespace ncpmi::models
