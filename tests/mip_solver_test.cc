// The general-sum sequence-form MIP: hand-derived equilibria, the three objectives, exact answers,
// and certified equilibria of random games.
#include <catch2/catch.hpp>

#include <string>
#include <type_traits>
#include <vector>

#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/game/error.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/lp/glpk_problem.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::LoadData;
using test::NodeNamed;

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;
using Kind = EquilibriumObjective::Kind;



LpOptions Objective(const Game& game, Kind kind, const std::vector<std::string>& terminals = {}) {
  LpOptions options;
  options.objective.kind = kind;
  options.objective.leaf_weight.assign(static_cast<std::size_t>(game.NumNodes()), 0.0);
  for (const std::string& name : terminals) {
    options.objective.leaf_weight[static_cast<std::size_t>(NodeNamed(game, name))] = 1.0;
  }
  return options;
}

template <class T>
LpEquilibrium<T> SolveCertified(const Game& game, const LpOptions& options = {}) {
  LpEquilibrium<T> eq = SolveGeneralSumMip<T>(game, options);
  INFO(eq.message);
  REQUIRE(eq.status == EquilibriumSolveStatus::kSolved);
  const NashCertificate<T> certificate = CertifyNash(game, eq.profile);
  REQUIRE(certificate.verified);
  if constexpr (std::is_same_v<T, Rational>) {
    CHECK(certificate.payoff == eq.payoff);
  }
  return eq;
}

// Probability of reaching the named terminal under the answer's profile.
template <class T>
T ProbabilityOf(const Game& game, const LpEquilibrium<T>& eq, const std::string& terminal) {
  const NodeId z = NodeNamed(game, terminal);
  for (const auto& [node, probability] : OutcomeOf(game, eq.profile).terminals) {
    if (node == z) return probability;
  }
  return T(0);
}

TEST_CASE("the MIP finds a certified equilibrium of the battle of the sexes", "[mip]") {
  const Game game = LoadData("battle_of_the_sexes.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  const bool known = eq.payoff == std::vector<Rational>{4, 2} ||
                     eq.payoff == std::vector<Rational>{1, 3} ||
                     eq.payoff == std::vector<Rational>{Rational(4, 5), Rational(6, 5)};
  CHECK(known);
  CHECK(eq.integer_columns > 0);
  SolveCertified<double>(game);
}

TEST_CASE("maximising total payoff picks the better pure equilibrium of the battle of the sexes",
          "[mip]") {
  const Game game = LoadData("battle_of_the_sexes.efg");
  const LpOptions options = Objective(game, Kind::kMaxTotalPayoff);
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game, options);
  CHECK(eq.payoff == std::vector<Rational>{4, 2});
  CHECK(ProbabilityOf(game, eq, "Opera-opera") == 1);
  const LpEquilibrium<double> rough = SolveCertified<double>(game, options);
  CHECK_THAT(rough.payoff[0], WithinAbs(4.0, 1e-9));
  CHECK_THAT(rough.payoff[1], WithinAbs(2.0, 1e-9));
}

TEST_CASE("maximising the probability of one terminal reaches it for sure when an equilibrium can",
          "[mip]") {
  const Game game = LoadData("battle_of_the_sexes.efg");
  const LpOptions options = Objective(game, Kind::kMaxProbability, {"Football-football"});
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game, options);
  CHECK(ProbabilityOf(game, eq, "Football-football") == 1);
  CHECK(eq.payoff == std::vector<Rational>{1, 3});
  const LpEquilibrium<double> rough = SolveCertified<double>(game, options);
  CHECK_THAT(ProbabilityOf(game, rough, "Football-football"), WithinAbs(1.0, 1e-9));
}

TEST_CASE("minimising the probability of one terminal avoids it when an equilibrium can", "[mip]") {
  const Game game = LoadData("battle_of_the_sexes.efg");
  const LpOptions options = Objective(game, Kind::kMinProbability, {"Opera-opera"});
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game, options);
  CHECK(ProbabilityOf(game, eq, "Opera-opera") == 0);
  CHECK(eq.payoff == std::vector<Rational>{1, 3});
  const LpEquilibrium<double> rough = SolveCertified<double>(game, options);
  CHECK_THAT(ProbabilityOf(game, rough, "Opera-opera"), WithinAbs(0.0, 1e-12));
}

TEST_CASE("a terminal no equilibrium reaches gets probability 0 under both probability objectives",
          "[mip]") {
  const Game game = LoadData("prisoners_dilemma.efg");
  for (const Kind kind : {Kind::kMaxProbability, Kind::kMinProbability}) {
    const LpOptions options = Objective(game, kind, {"C-C"});
    const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game, options);
    CHECK(ProbabilityOf(game, eq, "C-C") == 0);
    CHECK(ProbabilityOf(game, eq, "D-D") == 1);
    const LpEquilibrium<double> rough = SolveCertified<double>(game, options);
    CHECK_THAT(ProbabilityOf(game, rough, "C-C"), WithinAbs(0.0, 1e-12));
  }
}

TEST_CASE("the signalling game's best equilibrium has total payoff 3/2", "[mip]") {
  const Game game = LoadData("signalling.efg");
  SolveCertified<Rational>(game);
  SolveCertified<double>(game);
  const LpOptions options = Objective(game, Kind::kMaxTotalPayoff);
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game, options);
  CHECK(eq.payoff[0] + eq.payoff[1] == Rational(3, 2));
  // Total 3/2 needs High answered x for sure and Low never sending a (see the game's comment).
  CHECK(ProbabilityOf(game, eq, "High-a-y") + ProbabilityOf(game, eq, "High-b-y") == 0);
  CHECK(ProbabilityOf(game, eq, "Low-a-x") + ProbabilityOf(game, eq, "Low-a-y") == 0);
}

TEST_CASE("the separating equilibrium of the signalling game is found when its terminals are wanted",
          "[mip]") {
  const Game game = LoadData("signalling.efg");
  const LpOptions options = Objective(game, Kind::kMaxProbability, {"High-a-x", "Low-b-y"});
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game, options);
  CHECK(ProbabilityOf(game, eq, "High-a-x") == Rational(1, 2));
  CHECK(ProbabilityOf(game, eq, "Low-b-y") == Rational(1, 2));
  CHECK(eq.payoff == std::vector<Rational>{Rational(1, 2), 1});
}

TEST_CASE("the MIP solves zero-sum games too: Kuhn poker is worth -1/18", "[mip]") {
  const Game game = LoadData("kuhn_poker.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff[0] == Rational(-1, 18));
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  CHECK_THAT(rough.payoff[0], WithinAbs(-1.0 / 18, 1e-9));
}

TEST_CASE("outcomes on non-terminal nodes count in the MIP's equilibrium", "[mip]") {
  const Game game = LoadData("nonterminal_simultaneous.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff[0] == Rational(12, 7));
}

TEST_CASE("a single player against chance is optimised by the MIP", "[mip]") {
  const Game game = LoadData("gamble_against_chance.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff == std::vector<Rational>{1, 0});
}

TEST_CASE("the MIP refuses more than two players who move", "[mip]") {
  const Game game = LoadData("three_player.efg");
  REQUIRE_THROWS_WITH(SolveGeneralSumMip<double>(game, LpOptions{}), Contains("at most two"));
}

TEST_CASE("random general-sum games get certified MIP equilibria in both arithmetics", "[mip]") {
  const int seed = GENERATE(range(1, 31));
  RandomGameOptions options;
  // Optimising objectives make GLPK's branch and bound work much harder than kAny (the big-M
  // relaxation is weak), so those games stay small.
  const Kind kind = seed % 3 == 0 ? Kind::kMaxTotalPayoff : Kind::kAny;
  options.nodes = kind == Kind::kAny ? 10 + 2 * seed : 8 + seed / 3;
  options.seed = static_cast<std::uint64_t>(1000 + seed);
  options.infoset_size = 2 + seed % 2;
  options.chance_fraction = (seed % 3) * 0.15;
  options.nonterminal_outcome_fraction = seed % 4 == 0 ? 0.3 : 0.0;
  options.payoff_range = 10;
  options.denominator = seed % 5 == 0 ? 3 : 1;
  const Game game = GenerateRandomGame(options);
  INFO("seed " << seed);
  LpOptions lp_options;
  lp_options.objective.kind = kind;
  const LpEquilibrium<Rational> exact = SolveCertified<Rational>(game, lp_options);
  const LpEquilibrium<double> rough = SolveCertified<double>(game, lp_options);
  if (kind == Kind::kMaxTotalPayoff) {
    CHECK_THAT(ToDouble(exact.payoff[0] + exact.payoff[1]),
               WithinAbs(rough.payoff[0] + rough.payoff[1], 1e-6));
  }
}

}  // namespace
}  // namespace ncpmi

namespace ncpmi::lp {
namespace {

// max x1 + x2 over binaries with 2 x1 + 2 x2 <= 3: the relaxation's optimum (3/2) is fractional,
// so the search has a tree for the memory guard to watch.
GlpkProblem FractionalKnapsack() {
  GlpkProblem problem;
  problem.Resize(1, 2);
  problem.SetMaximize(true);
  problem.SetRowBounds(0, -kInfinity, 3);
  for (int j = 0; j < 2; ++j) {
    problem.SetObjective(j, 1);
    problem.SetBinary(j);
  }
  problem.LoadMatrix({{0, 0, 2}, {0, 1, 2}});
  return problem;
}

TEST_CASE("the MIP's search stops at the memory limit and says so", "[mip]") {
  GlpkProblem unlimited = FractionalKnapsack();
  REQUIRE(unlimited.SolveMip(GlpkSolveOptions{}) == LpStatus::kOptimal);
  CHECK(unlimited.MipObjectiveValue() == 1);
  GlpkProblem limited = FractionalKnapsack();
  GlpkSolveOptions options;
  options.max_memory_bytes = 1;  // below what GLPK holds for the problem itself
  CHECK(limited.SolveMip(options) == LpStatus::kMemoryLimit);
}

}  // namespace
}  // namespace ncpmi::lp
