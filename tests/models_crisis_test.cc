// The composite NCPMI crisis game and the calibrated presets: which conditions produce a
// settlement, derived by solving (every pure SPE where ties could matter).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "models_test_util.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/models/presets.h"

namespace ncpmi::models {
namespace {

using testing::R;
using testing::SettlementRange;
using testing::Solve;
using testing::Solved;

const char* const kSwitches[5] = {"no_veto", "commitment", "pain", "mutually_hurting_stalemate", "initiative"};

ParameterValues PresetValues(const std::string& name) { return FindPreset(name).values; }

ParameterValues With(ParameterValues v, const std::string& name, const Rational& value) {
  v[name] = value;
  return v;
}

TEST_CASE("the composite model has exactly one boolean switch per NCPMI condition", "[models]") {
  const ModelSpec& m = FindModel("ncpmi-crisis");
  std::string letters;
  for (const ParameterSpec& p : m.parameters) {
    if (p.condition == 0) continue;
    CHECK(p.kind == ParameterKind::kBoolean);
    letters += p.condition;
  }
  CHECK(letters == "NCPMI");
  for (int c = 0; c < 5; ++c) CHECK(m.parameters[static_cast<std::size_t>(c)].name == kSwitches[c]);
}

TEST_CASE("Haiti 1994 settles with all five conditions, with P(S) = rho and P(durable) = rho (1 - q0 (1 - e))",
          "[models]") {
  const ParameterValues v = PresetValues("haiti-1994");
  const Solved s = Solve("ncpmi-crisis", v);
  CAPTURE(s.Reached());
  const Rational rho = v.at("rho"), q = v.at("regime_change_risk") * (1 - v.at("enforcement"));
  CHECK(s.summary.p_settlement == rho);
  CHECK(s.summary.p_durable == rho * (1 - q));
  CHECK(s.summary.p_settlement == R(9, 10));
  CHECK(s.summary.p_durable == R(27, 40));
  CHECK(s.Choice("UNSC vote on the force resolution") == "Abstain");
  CHECK(s.Choice("Mediator: bare demand") == "Initiative");
  CHECK(s.Choice("Target: accept the roadmap? bare demand") == "Accept");
  CHECK(s.Choice("Coercer: endorse the roadmap? bare demand") == "Endorse");
  const auto [lo, hi] = SettlementRange("ncpmi-crisis", v);
  CHECK(lo == R(9, 10));  // every SPE settles
  CHECK(hi == R(9, 10));
}

TEST_CASE("in Haiti 1994 switching off any single condition destroys the settlement in every SPE", "[models]") {
  const ParameterValues v = PresetValues("haiti-1994");
  for (const char* c : kSwitches) {
    const auto [lo, hi] = SettlementRange("ncpmi-crisis", With(v, c, 0));
    CAPTURE(c);
    CHECK(hi < R(1, 2));
    CHECK(hi == 0);
  }
}

TEST_CASE("in Haiti 1994 each switch acts only by zeroing its intensities or removing moves", "[models]") {
  const ParameterValues v = PresetValues("haiti-1994");
  struct Case {
    const char* condition;
    std::vector<std::pair<const char*, Rational>> same_as;
  };
  // N is a preference (the holdout's shield) and I removes moves; C, P and M only zero intensities.
  const std::vector<Case> cases = {
      {"commitment", {{"b_c", 0}, {"enforcement", 0}}},
      {"pain", {{"w_t", 0}, {"sanction_pain", 0}}},
      {"mutually_hurting_stalemate", {{"pain_growth", 0}, {"stalemate_cost_c", 0}}},
  };
  for (const Case& k : cases) {
    ParameterValues zeroed = v;
    for (const auto& [name, value] : k.same_as) zeroed[name] = value;
    const Solved off = Solve("ncpmi-crisis", With(v, k.condition, 0));
    const Solved same = Solve("ncpmi-crisis", zeroed);
    CAPTURE(k.condition);
    CHECK(off.play.payoffs == same.play.payoffs);
    CHECK(off.summary.p_settlement == same.summary.p_settlement);
    CHECK_FALSE(same.Settles());
  }
}

TEST_CASE("Haiti 1994 without a mutually hurting stalemate fails because backing down no longer hurts the coercer",
          "[models]") {
  // MHS is identified through the pressure stage: with stalemate costs the threat is credible.
  const ParameterValues v = PresetValues("haiti-1994");
  const Solved on = Solve("ncpmi-crisis", v);
  const Solved off = Solve("ncpmi-crisis", With(v, "mutually_hurting_stalemate", 0));
  CHECK(on.Choice("Execution: roadmap resisted, bare demand") == "Force");
  CHECK(off.Choice("Execution: roadmap resisted, bare demand") == "BackDown");
  CHECK(off.Choice("Target: accept the roadmap? bare demand") == "Resist");
}

TEST_CASE("Haiti 1994 with an unenforced amnesty still settles, but never durably", "[models]") {
  const ParameterValues v = With(PresetValues("haiti-1994"), "enforcement", 0);
  const Solved s = Solve("ncpmi-crisis", v);
  CAPTURE(s.Reached());
  CHECK(s.Settles());
  CHECK(s.summary.p_durable < s.summary.p_settlement);
  CHECK(s.summary.p_durable == 0);
  CHECK(SettlementRange("ncpmi-crisis", v).first >= R(1, 2));
}

TEST_CASE("Haiti 1993 (no credible force) has no settlement in any SPE", "[models]") {
  CHECK(SettlementRange("ncpmi-crisis", PresetValues("haiti-1993")).second == 0);
}

TEST_CASE("North Korea: pressure with a weakly credible assurance does not settle", "[models]") {
  const ParameterValues v = PresetValues("north-korea-2017");
  const Solved s = Solve("ncpmi-crisis", v);
  CAPTURE(s.Reached());
  CHECK(SettlementRange("ncpmi-crisis", v).second == 0);
  CHECK(s.Choice("UNSC vote on the force resolution") == "Abstain");   // China enforces
  CHECK(s.Choice("Coercer, round 1") == "Sanction");                    // pressure is kept up
  CHECK(s.summary.Probability(OutcomeClass::kBackdown) == 1);           // DPRK keeps its weapons
}

TEST_CASE("North Korea: the deal follows the 6.2 threshold q < q* = (S_T - K_T)/(S_T - R_T)", "[models]") {
  const ParameterValues v = PresetValues("north-korea-2017");
  // K_T: keeping the weapons under the pressure that continues after the US backs down.
  const Rational sigma_after = v.at("sanction_pain") + v.at("pressure_rounds") * v.at("pain_growth");
  const Rational k_t = 1 + v.at("stalemate_horizon") * (v.at("rents_t") - sigma_after);
  const Rational s_t = v.at("settlement_t"), r_t = v.at("regime_change_t");
  const Rational q_star = (s_t - k_t) / (s_t - r_t);
  REQUIRE(q_star == R(3, 7));  // domain.md section 8 under enforcement
  const Rational q0 = v.at("regime_change_risk");
  for (const Rational& e : std::vector<Rational>{R(1, 10), R(1, 7), R(1, 5), R(1, 2)}) {
    const Rational q = q0 * (1 - e);
    if (q == q_star) continue;
    const Solved s = Solve("ncpmi-crisis", With(v, "enforcement", e));
    CAPTURE(e, q, s.Reached());
    CHECK(s.Settles() == (q < q_star));
  }
}

TEST_CASE("North Korea: pressure alone does not settle, pressure with a credible no-regime-change assurance does",
          "[models]") {
  const ParameterValues credible = With(PresetValues("north-korea-2017"), "enforcement", R(1, 2));
  const Solved with = Solve("ncpmi-crisis", credible);
  CAPTURE(with.Reached());
  CHECK(with.Settles());
  CHECK(with.Choice("Ultimatum") == "DemandWithAssurance");
  CHECK(with.summary.p_settlement == 1);
  CHECK(with.summary.p_durable == R(3, 4));
  // The same institutions without any promise (no assurance, no mediated roadmap): no deal.
  ParameterValues alone = With(credible, "assurance_offer", 0);
  alone["initiative"] = 0;
  CHECK(SettlementRange("ncpmi-crisis", alone).second == 0);
  // Pain (with N) is necessary too: without it keeping the weapons beats any deal.
  CHECK_FALSE(Solve("ncpmi-crisis", With(credible, "pain", 0)).Settles());
  CHECK_FALSE(Solve("ncpmi-crisis", With(credible, "no_veto", 0)).Settles());
}

TEST_CASE("the other presets give the documented verdicts", "[models]") {
  struct Expect {
    const char* name;
    bool settles;
    bool durable_below_settlement;
  };
  for (const Expect& x : {Expect{"iran-2015", true, true}, Expect{"bosnia-1995", true, true},
                          Expect{"libya-2011", false, false}}) {
    const auto [lo, hi] = SettlementRange("ncpmi-crisis", PresetValues(x.name));
    const Solved s = Solve("ncpmi-crisis", PresetValues(x.name));
    CAPTURE(x.name, s.Reached());
    CHECK((lo >= R(1, 2)) == x.settles);
    CHECK((hi >= R(1, 2)) == x.settles);
    CHECK((s.summary.p_durable < s.summary.p_settlement) == x.durable_below_settlement);
  }
  // Libya: no enforceable exit after the ICC referral, so the leader fights (Krcmaric 2020).
  CHECK(Solve("ncpmi-crisis", PresetValues("libya-2011")).summary.Probability(OutcomeClass::kWar) == 1);
}

TEST_CASE("the subgame-perfect solver agrees with backward induction on every preset", "[models]") {
  for (const Preset& p : Presets()) {
    const Solved s = Solve(p.model, p.values);
    const SpeSolution<Rational> spe = SolveSubgamePerfect<Rational>(s.game, SpeOptions{});
    CAPTURE(p.name);
    CHECK(spe.verified);
    CHECK(spe.root_payoffs == s.play.payoffs);
  }
}

TEST_CASE("negative sanction pain in the composite is refused as a parameter error", "[models]") {
  const ModelSpec& m = FindModel("ncpmi-crisis");
  const ParameterValues v = ResolveParameters(m, {{"sanction_pain", R(1, 10)}, {"pain_growth", R(-1, 10)}});
  REQUIRE_THROWS_AS(m.build(v), InputError);
  REQUIRE_THROWS_WITH(m.build(v), Catch::Matchers::StartsWith("parameter pain_growth: ") &&
                                      Catch::Matchers::Contains("-1/10 in round 3"));
}

}  // namespace
}  // namespace ncpmi::models
