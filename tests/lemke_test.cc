// Lemke's algorithm on the sequence-form LCP: hand-derived equilibria, degenerate games, and random
// games checked by the certificate, by a brute-force best response over pure strategies, and
// against the MIP.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/lemke.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/eq/sequence_form.h"
#include "ncpmi/eq/sequence_form_lcp.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::LoadData;

// P1 picks Top or Bottom, P2 (not seeing it) Left or Right. P1 gets 2 at (T,L), 1 at (B,R), else 0;
// P2 gets 1 at (T,R), 3 at (B,L), else 0. No pure equilibrium (each cell has a profitable
// deviation), so the equilibrium is mixed and unique: P2 indifferent needs 3(1-p) = p, p = 3/4 on
// Top; P1 indifferent needs 2q = 1 - q, q = 1/3 on Left. Payoffs 2/3 and 3/4.
constexpr const char* kAsymmetricPennies = R"(EFG 2 R "Asymmetric pennies" { "P1" "P2" }
""
p "" 1 1 "P1" { "Top" "Bottom" } 0
p "" 2 1 "P2" { "Left" "Right" } 0
t "TL" 1 "TL" { 2 0 }
t "TR" 2 "TR" { 0 1 }
p "" 2 1 0
t "BL" 3 "BL" { 0 3 }
t "BR" 4 "BR" { 1 0 }
)";

// Every payoff equal: every profile is an equilibrium, the LCP is as degenerate as it gets.
constexpr const char* kAllTies = R"(EFG 2 R "All ties" { "P1" "P2" }
""
p "" 1 1 "P1" { "a" "b" "c" } 0
p "" 2 1 "P2" { "x" "y" } 0
t "" 1 "o" { 5 5 }
t "" 1
p "" 2 1 0
t "" 1
t "" 1
p "" 2 1 0
t "" 1
t "" 1
)";

// Duplicated strategies and weakly dominated ones: P1's a and b are identical, P2's y is weakly
// dominated by x; equilibria form a continuum.
constexpr const char* kDuplicates = R"(EFG 2 R "Duplicates" { "P1" "P2" }
""
p "" 1 1 "P1" { "a" "b" "c" } 0
p "" 2 1 "P2" { "x" "y" } 0
t "" 1 "ax" { 1 2 }
t "" 2 "ay" { 0 2 }
p "" 2 1 0
t "" 1
t "" 2
p "" 2 1 0
t "" 3 "cx" { 1 1 }
t "" 4 "cy" { 1 0 }
)";

Game Parse(const char* text) { return ReadEfg(text, "<test>"); }

template <class T>
LpEquilibrium<T> SolveCertified(const Game& game) {
  LpEquilibrium<T> eq = SolveSequenceFormLcp<T>(game, LpOptions{});
  test::RequireCertifiedNash(game, eq);
  return eq;
}

// Expected payoffs under a behaviour profile in which `player` plays the pure strategy `choice`
// (one action per own information set), by a forward sweep over the tree: shares nothing with the
// sequence form or the certificate's best response.
std::vector<Rational> PayoffsWithPure(const Game& game, const BehaviorProfile<Rational>& profile, int player,
                                      const std::vector<int>& choice) {
  std::vector<Rational> reach(static_cast<std::size_t>(game.NumNodes()), Rational(0));
  std::vector<Rational> payoff(static_cast<std::size_t>(game.NumPlayers()), Rational(0));
  reach[0] = 1;
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const Rational& p = reach[static_cast<std::size_t>(v)];
    if (p == 0) continue;
    if (game.Outcome(v) != kNoOutcome) {
      for (int i = 1; i <= game.NumPlayers(); ++i) payoff[static_cast<std::size_t>(i - 1)] += p * game.Payoff(game.Outcome(v), i);
    }
    if (game.IsTerminal(v)) continue;
    const InfosetId h = game.Infoset(v);
    for (int a = 0; a < game.NumActions(h); ++a) {
      const Rational q = game.InfosetPlayer(h) == player
                             ? Rational(choice[static_cast<std::size_t>(h)] == a ? 1 : 0)
                             : profile.Prob(game, h, a);
      reach[static_cast<std::size_t>(game.ChildBegin(v) + a)] = p * q;
    }
  }
  return payoff;
}

// The best payoff of any pure strategy of `player` against the profile, by enumerating them all
// (the caller keeps the games small).
Rational BruteForceBestResponse(const Game& game, const BehaviorProfile<Rational>& profile, int player) {
  std::vector<InfosetId> own;
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) == player) own.push_back(h);
  }
  std::vector<int> choice(static_cast<std::size_t>(game.NumInfosets()), 0);
  Rational best = PayoffsWithPure(game, profile, player, choice)[static_cast<std::size_t>(player - 1)];
  while (true) {
    std::size_t k = 0;
    for (; k < own.size(); ++k) {
      int& c = choice[static_cast<std::size_t>(own[k])];
      if (++c < game.NumActions(own[k])) break;
      c = 0;
    }
    if (k == own.size()) break;
    const Rational value = PayoffsWithPure(game, profile, player, choice)[static_cast<std::size_t>(player - 1)];
    if (value > best) best = value;
  }
  return best;
}

RandomGameOptions SmallImperfect(std::uint64_t seed, int nodes, bool chance) {
  RandomGameOptions o;
  o.nodes = nodes;
  o.seed = seed;
  o.infoset_size = 2 + static_cast<int>(seed % 3);
  o.branching = 2 + static_cast<int>(seed % 2);
  o.chance_fraction = chance ? 0.2 : 0.0;
  o.payoff_range = 5 + static_cast<int>(seed % 7);  // small ranges: ties and degenerate LCPs
  o.nonterminal_outcome_fraction = seed % 4 == 0 ? 0.2 : 0.0;
  return o;
}

TEST_CASE("Lemke finds the unique mixed equilibrium of asymmetric pennies exactly", "[lcp]") {
  const Game game = Parse(kAsymmetricPennies);
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.profile.Prob(game, 0, 0) == Rational(3, 4));
  CHECK(eq.profile.Prob(game, 1, 0) == Rational(1, 3));
  CHECK(eq.payoff == std::vector<Rational>{Rational(2, 3), Rational(3, 4)});
  const LpEquilibrium<double> approx = SolveCertified<double>(game);
  CHECK_THAT(approx.profile.Prob(game, 0, 0), Catch::Matchers::WithinAbs(0.75, 1e-12));
  CHECK_THAT(approx.profile.Prob(game, 1, 0), Catch::Matchers::WithinAbs(1.0 / 3, 1e-12));
}

TEST_CASE("Lemke and the MIP agree on a game with a unique equilibrium", "[lcp][mip]") {
  const Game game = Parse(kAsymmetricPennies);
  const LpEquilibrium<Rational> lemke = SolveCertified<Rational>(game);
  const LpEquilibrium<Rational> mip = SolveGeneralSumMip<Rational>(game, LpOptions{});
  REQUIRE(mip.status == EquilibriumSolveStatus::kSolved);
  CHECK(mip.profile.prob == lemke.profile.prob);
}

TEST_CASE("Lemke terminates with an equilibrium on degenerate games", "[lcp]") {
  for (const char* text : {kAllTies, kDuplicates}) {
    const Game game = Parse(text);
    INFO(game.Title());
    SolveCertified<Rational>(game);
    SolveCertified<double>(game);
  }
}

TEST_CASE("Lemke gives Kuhn poker its value of -1/18 for player 1", "[lcp]") {
  const Game game = LoadData("kuhn_poker.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK(eq.payoff[0] == Rational(-1, 18));
  CHECK(eq.payoff[1] == Rational(1, 18));
}

TEST_CASE("Lemke solves the hand-written signalling and coordination games", "[lcp]") {
  for (const char* name : {"signalling.efg", "battle_of_the_sexes.efg", "signalling_separating.efg",
                           "pennies_after_entry.efg"}) {
    INFO(name);
    const Game game = LoadData(name);
    SolveCertified<Rational>(game);
    SolveCertified<double>(game);
  }
}

TEST_CASE("Lemke's answers on random games pass a brute-force best-response check", "[lcp]") {
  const std::uint64_t seed = GENERATE(range(1, 41));
  const Game game = GenerateRandomGame(SmallImperfect(seed, 12 + static_cast<int>(seed % 10), seed % 2 == 1));
  INFO("seed " << seed);
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  for (int player = 1; player <= game.NumPlayers(); ++player) {
    CHECK(BruteForceBestResponse(game, eq.profile, player) == eq.payoff[static_cast<std::size_t>(player - 1)]);
  }
  // Double mode (the exact answer converted) and the double path alone are equilibria too, within
  // the double tolerance.
  SolveCertified<double>(game);
  const LpEquilibrium<double> path_double = SolveSequenceFormLcpDoublePath(game, LpOptions{});
  if (path_double.status == EquilibriumSolveStatus::kSolved) {
    CHECK(CertifyNash(game, path_double.profile).verified);
  } else {
    CHECK(path_double.status == EquilibriumSolveStatus::kNumericalFailure);  // rounding: reported
  }
  // The whole exact path, without the double crossover, also ends at an exact equilibrium.
  const LpEquilibrium<Rational> path = SolveSequenceFormLcpIntegerPath(game, LpOptions{});
  test::RequireCertifiedNash(game, path);
  CHECK_THAT(path.message, Catch::Matchers::Contains("(integer pivoting)"));
}

TEST_CASE("the exact solver solves the double path's final basis exactly and checks it", "[lcp]") {
  const Game game = LoadData("kuhn_poker.efg");
  const LpEquilibrium<Rational> eq = SolveCertified<Rational>(game);
  CHECK_THAT(eq.message, Catch::Matchers::Contains("final basis solved exactly"));
}

TEST_CASE("a basis that is not complementary or not feasible is rejected", "[lcp]") {
  // w = q + z with q = (-1, 1): the solution is z = (1, 0), basis (z_0, w_1) = variables (2, 1).
  LinearComplementarityProblem<Rational> problem;
  problem.size = 2;
  problem.matrix = {{0, 0, Rational(1)}, {1, 1, Rational(1)}};
  problem.rhs = {{Rational(-1), Rational(1)}};
  problem.covering = {Rational(1), Rational(1)};
  const LemkeResult<Rational> good = SolveLcpAtBasis(problem, {2, 1}, LemkeOptions{});
  REQUIRE(good.status == LemkeStatus::kSolved);
  CHECK(good.z[0] == std::vector<Rational>{Rational(1), Rational(0)});
  CHECK(SolveLcpAtBasis(problem, {0, 1}, LemkeOptions{}).status == LemkeStatus::kBasisRejected);  // w_0 = -1
  CHECK(SolveLcpAtBasis(problem, {0, 2}, LemkeOptions{}).status == LemkeStatus::kBasisRejected);  // w_0 and z_0
}

TEST_CASE("a basis feasible only through its eps terms is accepted, and one negative there rejected", "[lcp]") {
  // w = q(eps) + z with q(eps) = 0 - eps: w_0 basic gives w = -eps < 0 for every small eps
  // (rejected although its constant term is 0); z_0 basic gives z = eps (accepted).
  LinearComplementarityProblem<Rational> problem;
  problem.size = 1;
  problem.matrix = {{0, 0, Rational(1)}};
  problem.rhs = {{Rational(0)}, {Rational(-1)}};
  problem.covering = {Rational(1)};
  CHECK(SolveLcpAtBasis(problem, {0}, LemkeOptions{}).status == LemkeStatus::kBasisRejected);
  const LemkeResult<Rational> z = SolveLcpAtBasis(problem, {1}, LemkeOptions{});
  REQUIRE(z.status == LemkeStatus::kSolved);
  CHECK(z.z[0][0] == 0);
  CHECK(z.z[1][0] == 1);
}

TEST_CASE("a singular basis is rejected by the exact crossover", "[lcp]") {
  // M = [[1, 1], [1, 1]]: the basis (z_0, z_1) makes M itself the basis matrix, singular.
  LinearComplementarityProblem<Rational> problem;
  problem.size = 2;
  problem.matrix = {{0, 0, Rational(1)}, {0, 1, Rational(1)}, {1, 0, Rational(1)}, {1, 1, Rational(1)}};
  problem.rhs = {{Rational(-1), Rational(-1)}};
  problem.covering = {Rational(1), Rational(1)};
  CHECK(SolveLcpAtBasis(problem, {2, 3}, LemkeOptions{}).status == LemkeStatus::kBasisRejected);
}

// The revised method (sparse LU of the basis, eta vectors, rows of the inverse for ties) is a
// second implementation of the dense tableau's path: same rule, so the same pivots and final basis
// wherever rounding does not decide a tie. Compared on the LCPs of random games, of games whose
// every payoff ties, and of games with as many pivots as factorization intervals.
TEST_CASE("the revised and the dense double Lemke paths take the same pivots to the same basis", "[lcp]") {
  const auto same_path = [](const Game& game) {
    const SequenceForm<double> form = BuildSequenceForm<double>(game);
    const SequenceFormLcp<double> lcp = BuildSequenceFormLcp(game, form);
    LemkeOptions dense;
    dense.dense_tableau = true;
    const LemkeResult<double> a = SolveLcpLemke(lcp.problem, LemkeOptions{});
    const LemkeResult<double> b = SolveLcpLemke(lcp.problem, dense);
    REQUIRE(a.status == LemkeStatus::kSolved);
    REQUIRE(b.status == LemkeStatus::kSolved);
    CHECK(a.pivots == b.pivots);
    std::vector<int> basis_a = a.basis;
    std::vector<int> basis_b = b.basis;
    std::sort(basis_a.begin(), basis_a.end());
    std::sort(basis_b.begin(), basis_b.end());
    CHECK(basis_a == basis_b);
    for (std::size_t i = 0; i < a.z[0].size(); ++i) CHECK(a.z[0][i] == Approx(b.z[0][i]).margin(1e-9));
    return a.pivots;
  };
  SECTION("random games") {
    const std::uint64_t seed = GENERATE(range(1, 21));
    INFO("seed " << seed);
    same_path(GenerateRandomGame(SmallImperfect(seed, 12 + static_cast<int>(seed % 10), seed % 2 == 1)));
  }
  SECTION("degenerate games") {
    same_path(Parse(kAllTies));
    same_path(Parse(kDuplicates));
  }
  SECTION("a path several factorizations long") {
    RandomGameOptions o = SmallImperfect(7, 300, false);
    o.infoset_size = 4;
    CHECK(same_path(GenerateRandomGame(o)) > 3 * 64);
  }
}

TEST_CASE("no equilibrium found by Lemke has a larger total payoff than the MIP's best", "[lcp][mip]") {
  const std::uint64_t seed = GENERATE(range(101, 113));
  const Game game = GenerateRandomGame(SmallImperfect(seed, 10, seed % 2 == 0));
  INFO("seed " << seed);
  const LpEquilibrium<Rational> lemke = SolveCertified<Rational>(game);
  LpOptions best;
  best.objective.kind = EquilibriumObjective::Kind::kMaxTotalPayoff;
  const LpEquilibrium<Rational> mip = SolveGeneralSumMip<Rational>(game, best);
  REQUIRE(mip.status == EquilibriumSolveStatus::kSolved);
  CHECK(lemke.payoff[0] + lemke.payoff[1] <= mip.payoff[0] + mip.payoff[1]);
}

TEST_CASE("auto takes Lemke for general-sum subgames and the MIP when an equilibrium is selected", "[lcp]") {
  const Game game = LoadData("signalling.efg");
  SpeOptions options;
  SpeSolution<Rational> any = SolveSubgamePerfect<Rational>(game, options);
  REQUIRE(any.subgames.size() == 1);
  CHECK(any.subgames[0].method == SolveMethod::kLcp);
  CHECK(any.verified);
  options.selection = EquilibriumObjective::Kind::kMaxTotalPayoff;
  SpeSolution<Rational> best = SolveSubgamePerfect<Rational>(game, options);
  CHECK(best.subgames[0].method == SolveMethod::kMip);
  options.method = SolveMethod::kLcp;
  CHECK_THROWS_AS(SolveSubgamePerfect<Rational>(game, options), InputError);
}

TEST_CASE("the lcp method refuses a subgame in which three players move", "[lcp]") {
  const Game game = LoadData("three_player_dilemma.efg");  // A, B and C move simultaneously
  SpeOptions options;
  options.method = SolveMethod::kLcp;
  CHECK_THROWS_WITH(SolveSubgamePerfect<Rational>(game, options), Catch::Matchers::Contains("--method lcp"));
}

TEST_CASE("Lemke solves a small LCP with a polynomial right-hand side lexicographically", "[lcp]") {
  // w = q(eps) + M z with M = [[1, 0], [0, 1]] and q = (-1 + eps, -eps): the solution for small
  // eps > 0 is z = (1 - eps, eps), which a numerical eps would only approximate.
  LinearComplementarityProblem<Rational> problem;
  problem.size = 2;
  problem.matrix = {{0, 0, Rational(1)}, {1, 1, Rational(1)}};
  problem.rhs = {{Rational(-1), Rational(0)}, {Rational(1), Rational(-1)}};
  problem.covering = {Rational(1), Rational(1)};
  const LemkeResult<Rational> result = SolveLcpLemke(problem, LemkeOptions{});
  REQUIRE(result.status == LemkeStatus::kSolved);
  CHECK(result.z[0] == std::vector<Rational>{Rational(1), Rational(0)});
  CHECK(result.z[1] == std::vector<Rational>{Rational(-1), Rational(1)});
}

TEST_CASE("Lemke reports a secondary ray for an LCP without a solution", "[lcp]") {
  // w = -1 + 0 z >= 0 has no solution: the path leaves along a ray at once.
  LinearComplementarityProblem<Rational> problem;
  problem.size = 1;
  problem.rhs = {{Rational(-1)}};
  problem.covering = {Rational(1)};
  CHECK(SolveLcpLemke(problem, LemkeOptions{}).status == LemkeStatus::kSecondaryRay);
  LinearComplementarityProblem<double> approx;
  approx.size = 1;
  approx.rhs = {{-1.0}};
  approx.covering = {1.0};
  CHECK(SolveLcpLemke(approx, LemkeOptions{}).status == LemkeStatus::kSecondaryRay);
}

}  // namespace
}  // namespace ncpmi
