// Subgame decomposition against hand-derived equilibria of games with imperfect information.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::LoadData;
using test::NodeNamed;

using Catch::Matchers::Contains;



template <class T>
T TerminalProbability(const Game& game, const SpeSolution<T>& solution, const std::string& name) {
  const NodeId node = NodeNamed(game, name);
  for (const auto& [t, p] : OutcomeOf(game, solution.profile).terminals) {
    if (t == node) return p;
  }
  return T(0);
}

template <class T>
const T& ActionProbability(const Game& game, const SpeSolution<T>& solution,
                           const std::string& node_name, int action) {
  return solution.profile.Prob(game, game.Infoset(NodeNamed(game, node_name)), action);
}

SpeOptions WithMethod(SolveMethod method) {
  SpeOptions options;
  options.method = method;
  return options;
}

TEST_CASE("A mixed simultaneous subgame under tolls is solved by the LP and its value carried up",
          "[spe]") {
  const Game game = LoadData("simultaneous_toll.efg");
  const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  CHECK(s.verified);
  CHECK(s.root_payoffs == std::vector<Rational>{Rational(-3, 10), Rational(-6, 5)});
  REQUIRE(s.subgames.size() == 1);
  CHECK(s.subgames[0].root == NodeNamed(game, "Battle"));
  CHECK(s.subgames[0].method == SolveMethod::kLp);
  CHECK(s.subgames[0].payoffs == std::vector<Rational>{Rational(-4, 5), Rational(-6, 5)});
  CHECK(ActionProbability(game, s, "Battle", 0) == Rational(2, 5));
  CHECK(ActionProbability(game, s, "Guard after H", 0) == Rational(2, 5));
  CHECK(ActionProbability(game, s, "Crisis", 0) == 1);
  CHECK(TerminalProbability(game, s, "H-h") == Rational(4, 25));
  CHECK(TerminalProbability(game, s, "D-d") == Rational(9, 25));
  CHECK(s.backward_induction_steps == 1);

  const SpeSolution<double> d = SolveSubgamePerfect<double>(game, SpeOptions{});
  CHECK(d.verified);
  CHECK(d.root_payoffs[0] == Approx(-0.3).margin(1e-9));
  CHECK(d.root_payoffs[1] == Approx(-1.2).margin(1e-9));
}

TEST_CASE("The MIP solves the same constant-sum subgame to the same unique equilibrium", "[spe]") {
  const Game game = LoadData("simultaneous_toll.efg");
  const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, WithMethod(SolveMethod::kMip));
  CHECK(s.verified);
  REQUIRE(s.subgames.size() == 1);
  CHECK(s.subgames[0].method == SolveMethod::kMip);
  CHECK(s.root_payoffs == std::vector<Rational>{Rational(-3, 10), Rational(-6, 5)});
}

TEST_CASE("Matching pennies after a sequential move: the tie rule decides between equal branches",
          "[spe]") {
  const Game game = LoadData("imperfect_subgame.efg");
  const SpeSolution<Rational> first = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  CHECK(first.verified);
  CHECK(first.root_payoffs == std::vector<Rational>{0, 0});
  CHECK(ActionProbability(game, first, "Attacker", 0) == 1);  // Out
  REQUIRE(first.ties.size() == 1);
  CHECK(first.ties[0].node == 0);
  CHECK(first.ties[0].actions == std::vector<int>{0, 1});
  // The probe subgame is solved by backward-induction steps: the Defender repels (c).
  CHECK(ActionProbability(game, first, "Respond to probe", 0) == 1);
  CHECK(ActionProbability(game, first, "Where", 0) == Rational(1, 2));

  SpeOptions last;
  last.tie_rule = TieRule::kLast;
  const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, last);
  CHECK(ActionProbability(game, s, "Attacker", 1) == 1);  // In
  CHECK(TerminalProbability(game, s, "A-a") == Rational(1, 4));
  CHECK(TerminalProbability(game, s, "B-b") == Rational(1, 4));
}

TEST_CASE("Probability selections break ties toward or away from the selected terminals", "[spe]") {
  const Game game = LoadData("imperfect_subgame.efg");
  SpeOptions options;
  options.selected_terminals.assign(static_cast<std::size_t>(game.NumNodes()), 0);
  options.selected_terminals[static_cast<std::size_t>(NodeNamed(game, "A-a"))] = 1;
  options.selected_terminals[static_cast<std::size_t>(NodeNamed(game, "A-b"))] = 1;
  options.selection = EquilibriumObjective::Kind::kMaxProbability;
  const SpeSolution<Rational> most = SolveSubgamePerfect<Rational>(game, options);
  CHECK(ActionProbability(game, most, "Attacker", 1) == 1);  // In: A is reached with 1/2
  options.selection = EquilibriumObjective::Kind::kMinProbability;
  const SpeSolution<Rational> least = SolveSubgamePerfect<Rational>(game, options);
  CHECK(ActionProbability(game, least, "Attacker", 0) == 1);  // Out
}

TEST_CASE("A signalling game goes to Lemke's algorithm, or the MIP when asked, and gives its unique separating equilibrium", "[spe]") {
  const Game game = LoadData("signalling_separating.efg");
  SpeOptions mip;
  mip.method = SolveMethod::kMip;
  for (const SpeOptions& options : {SpeOptions{}, mip}) {
    const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, options);
    CHECK(s.verified);
    REQUIRE(s.subgames.size() == 1);
    CHECK(s.subgames[0].method == (options.method == SolveMethod::kMip ? SolveMethod::kMip : SolveMethod::kLcp));
    CHECK(s.root_payoffs == std::vector<Rational>{2, Rational(1, 2)});
    CHECK(TerminalProbability(game, s, "Strong-Threat-Yield") == Rational(1, 2));
    CHECK(TerminalProbability(game, s, "Weak-Quiet-Resist") == Rational(1, 2));
  }
  const SpeSolution<double> d = SolveSubgamePerfect<double>(game, SpeOptions{});
  CHECK(d.verified);
  CHECK(d.root_payoffs[0] == Approx(2.0).margin(1e-9));
}

TEST_CASE("Three players who move together are solved by pure-strategy enumeration", "[spe]") {
  const Game game = LoadData("three_player_dilemma.efg");
  const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  CHECK(s.verified);
  REQUIRE(s.subgames.size() == 1);
  CHECK(s.subgames[0].method == SolveMethod::kPure);
  CHECK(s.subgames[0].players == std::vector<int>{1, 2, 3});
  CHECK(s.subgames[0].pure_equilibria == 1);
  CHECK(s.root_payoffs == std::vector<Rational>{1, 1, 1});
  CHECK(TerminalProbability(game, s, "D-D-D") == 1);
}

TEST_CASE("A subgame without a pure equilibrium is reported, not answered", "[spe]") {
  const Game game = LoadData("three_player_cycle.efg");
  REQUIRE_THROWS_AS(SolveSubgamePerfect<Rational>(game, SpeOptions{}), UnsupportedError);
  REQUIRE_THROWS_WITH(SolveSubgamePerfect<Rational>(game, SpeOptions{}),
                      Contains("no pure-strategy equilibrium"));
  SpeOptions tiny;
  tiny.max_profiles = 4;
  REQUIRE_THROWS_WITH(SolveSubgamePerfect<double>(game, tiny), Contains("above the limit of 4"));
}

TEST_CASE("Methods that cannot apply to a subgame are refused with the subgame named", "[spe]") {
  REQUIRE_THROWS_AS(SolveSubgamePerfect<double>(LoadData("imperfect_subgame.efg"),
                                                WithMethod(SolveMethod::kBackwardInduction)),
                    InputError);
  REQUIRE_THROWS_WITH(SolveSubgamePerfect<double>(LoadData("signalling_separating.efg"),
                                                  WithMethod(SolveMethod::kLp)),
                      Contains("not constant-sum"));
  REQUIRE_THROWS_WITH(SolveSubgamePerfect<double>(LoadData("three_player_dilemma.efg"),
                                                  WithMethod(SolveMethod::kMip)),
                      Contains("3 players move in it"));
  REQUIRE_THROWS_WITH(SolveSubgamePerfect<double>(LoadData("forgetful.efg"), SpeOptions{}),
                      Contains("perfect recall"));
  REQUIRE_THROWS_AS(SolveSubgamePerfect<double>(LoadData("forgetful.efg"), SpeOptions{}),
                    InputError);
}

TEST_CASE("On perfect-information games the decomposition reproduces backward induction", "[spe]") {
  for (const char* name : {"centipede.efg", "chain_store.efg", "entry_deterrence.efg",
                           "sanctions_incremental.efg", "ties.efg", "four_player.efg"}) {
    INFO(name);
    const Game game = LoadData(name);
    const BiSolution<Rational> bi = SolveBackwardInduction<Rational>(game);
    const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, SpeOptions{});
    CHECK(s.verified);
    CHECK(s.subgames.empty());
    for (int i = 1; i <= game.NumPlayers(); ++i) {
      CHECK(s.root_payoffs[static_cast<std::size_t>(i - 1)] == bi.Value(0, i));
    }
    for (NodeId v = 0; v < game.NumNodes(); ++v) {
      if (game.Kind(v) != NodeKind::kDecision) continue;
      CHECK(s.profile.Prob(game, game.Infoset(v), bi.choice[static_cast<std::size_t>(v)]) == 1);
    }
  }
}

TEST_CASE("Random games with information sets are solved and certified in both arithmetics",
          "[spe]") {
  for (std::uint64_t seed = 1; seed <= 12; ++seed) {
    RandomGameOptions g;
    g.nodes = 40;
    g.seed = seed;
    g.infoset_size = 2 + static_cast<int>(seed % 2);
    g.zero_sum = seed % 3 != 0;
    g.chance_fraction = seed % 4 == 0 ? 0.2 : 0.0;
    g.nonterminal_outcome_fraction = 0.2;
    g.payoff_range = 10;
    const Game game = GenerateRandomGame(g);
    INFO("seed " << seed << ", zero-sum " << g.zero_sum);
    const SpeSolution<Rational> exact = SolveSubgamePerfect<Rational>(game, SpeOptions{});
    CHECK(exact.verified);
    for (const Rational& gain : exact.max_gain) CHECK(gain == 0);
    const SpeSolution<double> fast = SolveSubgamePerfect<double>(game, SpeOptions{});
    CHECK(fast.verified);
    if (g.zero_sum) {  // the value of a zero-sum game is unique
      for (std::size_t i = 0; i < exact.root_payoffs.size(); ++i) {
        CHECK(fast.root_payoffs[i] ==
              Approx(ToDouble(exact.root_payoffs[i])).margin(1e-7));
      }
    }
  }
}

}  // namespace
}  // namespace ncpmi
