// The constant-sum sequence-form LP against hand-derived values, in exact and double arithmetic,
// with every answer certified by CertifyNash.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/game/error.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::LoadData;

using Catch::Matchers::Contains;
using Catch::Matchers::WithinAbs;


InfosetId InfosetNamed(const Game& game, const std::string& name) {
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetName(h) == name) return h;
  }
  FAIL("no information set named " << name);
  return kNoInfoset;
}

template <class T>
const T& ProbOf(const Game& game, const LpEquilibrium<T>& eq, const std::string& infoset, int a) {
  return eq.profile.Prob(game, InfosetNamed(game, infoset), a);
}

template <class T>
LpEquilibrium<T> SolveCertified(const Game& game) {
  LpEquilibrium<T> eq = SolveConstantSumLp<T>(game, LpOptions{});
  INFO(eq.message);
  REQUIRE(eq.status == EquilibriumSolveStatus::kSolved);
  const NashCertificate<T> certificate = CertifyNash(game, eq.profile);
  REQUIRE(certificate.verified);
  REQUIRE(certificate.payoff.size() == eq.payoff.size());
  for (std::size_t p = 0; p < eq.payoff.size(); ++p) {
    if constexpr (std::is_same_v<T, Rational>) {
      CHECK(certificate.payoff[p] == eq.payoff[p]);
    } else {
      CHECK_THAT(certificate.payoff[p], WithinAbs(eq.payoff[p], 1e-9));
    }
  }
  return eq;
}

TEST_CASE("Kuhn poker is worth exactly -1/18 to player 1", "[lp]") {
  const Game game = LoadData("kuhn_poker.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff[0] == Rational(-1, 18));
  CHECK(eq.payoff[1] == Rational(1, 18));
  // Textbook facts that hold in every equilibrium: player 2 always calls a bet with the K and
  // folds it with the J; player 1 never calls a bet with the J after checking.
  CHECK(ProbOf(game, eq, "P2 holds K, after bet", 1) == 1);
  CHECK(ProbOf(game, eq, "P2 holds J, after bet", 0) == 1);
  CHECK(eq.rows > 0);
  CHECK(eq.columns > 0);
}

TEST_CASE("Kuhn poker in double arithmetic is worth -1/18 within 1e-9", "[lp]") {
  const Game game = LoadData("kuhn_poker.efg");
  const LpEquilibrium<double> eq = SolveCertified<double>(game);
  CHECK_THAT(eq.payoff[0], WithinAbs(-1.0 / 18.0, 1e-9));
  CHECK_THAT(eq.payoff[1], WithinAbs(1.0 / 18.0, 1e-9));
}

TEST_CASE("rock, paper, scissors has value 0 and uniform strategies of exactly 1/3", "[lp]") {
  const Game game = LoadData("rock_paper_scissors.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff == std::vector<Rational>{0, 0});
  for (const std::string infoset : {"Row", "Column"}) {
    for (int a = 0; a < 3; ++a) CHECK(ProbOf(game, eq, infoset, a) == Rational(1, 3));
  }
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  for (int a = 0; a < 3; ++a) CHECK_THAT(ProbOf(game, rough, "Column", a), WithinAbs(1.0 / 3, 1e-9));
}

TEST_CASE("matching pennies after a sequential move is entered and mixed 2/5 on heads", "[lp]") {
  const Game game = LoadData("pennies_after_entry.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff[0] == Rational(1, 5));
  CHECK(ProbOf(game, eq, "Enter", 0) == 1);
  CHECK(ProbOf(game, eq, "Pick", 0) == Rational(2, 5));
  CHECK(ProbOf(game, eq, "Guess", 0) == Rational(2, 5));
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  CHECK_THAT(rough.payoff[0], WithinAbs(0.2, 1e-9));
  CHECK_THAT(ProbOf(game, rough, "Pick", 0), WithinAbs(0.4, 1e-9));
}

TEST_CASE("outcomes on non-terminal nodes inside the simultaneous part count in the LP value",
          "[lp]") {
  const Game game = LoadData("nonterminal_simultaneous.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff[0] == Rational(12, 7));
  CHECK(eq.payoff[1] == Rational(-12, 7));
  CHECK(ProbOf(game, eq, "Row", 0) == Rational(3, 7));
  CHECK(ProbOf(game, eq, "Column", 0) == Rational(3, 7));
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  CHECK_THAT(rough.payoff[0], WithinAbs(12.0 / 7.0, 1e-9));
}

TEST_CASE("a single player against chance gets the optimum and the bystander's payoff is reported",
          "[lp]") {
  const Game game = LoadData("gamble_against_chance.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff == std::vector<Rational>{1, 0});
  CHECK(ProbOf(game, eq, "Choice", 0) == 1);
  // Never reached by the Gambler's own plan: the first action, by convention.
  CHECK(ProbOf(game, eq, "After a win", 0) == 1);
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  CHECK_THAT(rough.payoff[0], WithinAbs(1.0, 1e-9));
}

TEST_CASE("the constant-sum LP refuses a game whose payoffs do not sum to a constant", "[lp]") {
  const Game game = LoadData("battle_of_the_sexes.efg");
  CHECK_FALSE(IsConstantSum(game, 1, 2));
  REQUIRE_THROWS_AS(SolveConstantSumLp<double>(game, LpOptions{}), UnsupportedError);
  REQUIRE_THROWS_WITH(SolveConstantSumLp<Rational>(game, LpOptions{}), Contains("constant"));
}

TEST_CASE("constant-sum is judged on payoffs summed along each path", "[lp]") {
  CHECK(IsConstantSum(LoadData("nonterminal_simultaneous.efg"), 1, 2));
  CHECK(IsConstantSum(LoadData("kuhn_poker.efg"), 1, 2));
  CHECK_FALSE(IsConstantSum(LoadData("signalling.efg"), 1, 2));
}

TEST_CASE("the LP refuses games without perfect recall", "[lp]") {
  const Game game = LoadData("forgetful.efg");
  REQUIRE_THROWS_WITH(SolveConstantSumLp<double>(game, LpOptions{}), Contains("perfect recall"));
}

TEST_CASE("two threads solve separate LPs at the same time", "[lp]") {
  const Game kuhn = LoadData("kuhn_poker.efg");
  const Game pennies = LoadData("pennies_after_entry.efg");
  std::vector<double> values(4, 0.0);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      const LpEquilibrium<double> eq =
          SolveConstantSumLp<double>(i % 2 == 0 ? kuhn : pennies, LpOptions{});
      values[static_cast<std::size_t>(i)] = eq.payoff.empty() ? 99.0 : eq.payoff[0];
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK_THAT(values[0], WithinAbs(-1.0 / 18, 1e-9));
  CHECK_THAT(values[1], WithinAbs(0.2, 1e-9));
  CHECK_THAT(values[2], WithinAbs(-1.0 / 18, 1e-9));
  CHECK_THAT(values[3], WithinAbs(0.2, 1e-9));
}

TEST_CASE("random zero-sum games get certified LP equilibria in both arithmetics", "[lp]") {
  const int seed = GENERATE(range(1, 31));
  RandomGameOptions options;
  options.nodes = 20 + 4 * seed;
  options.seed = static_cast<std::uint64_t>(seed);
  options.zero_sum = true;
  options.infoset_size = 2 + seed % 3;
  options.chance_fraction = (seed % 4) * 0.1;
  options.branching = 2 + seed % 2;
  options.nonterminal_outcome_fraction = seed % 5 == 0 ? 0.3 : 0.0;
  options.denominator = seed % 3 == 0 ? 4 : 1;
  const Game game = GenerateRandomGame(options);
  INFO("seed " << seed);
  const LpEquilibrium<Rational> exact = SolveCertified<Rational>(game);
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  for (int p = 0; p < 2; ++p) {
    CHECK_THAT(rough.payoff[static_cast<std::size_t>(p)],
               WithinAbs(ToDouble(exact.payoff[static_cast<std::size_t>(p)]), 1e-9));
  }
}

// Large enough (over 2000 rows in player 1's LP) for the interior-point start of the solvers.
Game LargeZeroSumGame(std::uint64_t seed) {
  RandomGameOptions options;
  options.nodes = 3000;
  options.seed = seed;
  options.zero_sum = true;
  options.infoset_size = 4;
  options.branching = 2;
  return GenerateRandomGame(options);
}

TEST_CASE("large zero-sum games are solved from interior-point supports in both arithmetics",
          "[lp]") {
  const std::uint64_t seed = GENERATE(1, 2);
  const Game game = LargeZeroSumGame(seed);
  INFO("seed " << seed);
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  CHECK(rough.rows >= 2000);
  CHECK_THAT(rough.message, Contains("interior point"));
  const LpEquilibrium<Rational> exact = SolveCertified<Rational>(game);
  CHECK_THAT(exact.message, Contains("interior point"));
  for (int p = 0; p < 2; ++p) {
    CHECK_THAT(rough.payoff[static_cast<std::size_t>(p)],
               WithinAbs(ToDouble(exact.payoff[static_cast<std::size_t>(p)]), 1e-9));
  }
}

TEST_CASE("payoffs with outcomes on non-terminal nodes keep the LP value when shifted", "[lp]") {
  // Negative payoffs on non-terminal nodes leave the information-set values free (no shift can
  // make every payoff cell nonnegative); the answer must not change.
  const int seed = GENERATE(range(1, 11));
  RandomGameOptions options;
  options.nodes = 60;
  options.seed = static_cast<std::uint64_t>(seed);
  options.zero_sum = true;
  options.infoset_size = 3;
  options.nonterminal_outcome_fraction = 0.5;
  const Game game = GenerateRandomGame(options);
  INFO("seed " << seed);
  const LpEquilibrium<Rational> exact = SolveCertified<Rational>(game);
  const LpEquilibrium<double> rough = SolveCertified<double>(game);
  CHECK_THAT(rough.payoff[0], WithinAbs(ToDouble(exact.payoff[0]), 1e-9));
}

TEST_CASE("the time limit bounds every phase of the LP solvers", "[lp]") {
  const Game game = LargeZeroSumGame(3);
  LpOptions options;
  options.time_limit_seconds = 1e-3;
  const LpEquilibrium<Rational> exact = SolveConstantSumLp<Rational>(game, options);
  CHECK(exact.status == EquilibriumSolveStatus::kLimitReached);
  CHECK_THAT(exact.message, Contains("time limit"));
  const LpEquilibrium<double> rough = SolveConstantSumLp<double>(game, options);
  CHECK(rough.status == EquilibriumSolveStatus::kLimitReached);
  CHECK_THAT(rough.message, Contains("time limit"));
}

}  // namespace
}  // namespace ncpmi
