// Sequential equilibria: the eps-perturbed LCP (quasi-perfect equilibria), the assessment
// certificate, and the --concept options of the subgame decomposition.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ncpmi/eq/assessment.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/quasi_perfect.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/gen/random_game.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::LoadData;
using test::NodeNamed;

// The action index of `name` at information set h.
int ActionNamed(const Game& game, InfosetId h, const std::string& name) {
  for (int a = 0; a < game.NumActions(h); ++a) {
    if (game.ActionName(h, a) == name) return a;
  }
  FAIL("no action " << name);
  return -1;
}

// A pure profile from (node label, action label) pairs; other decision sets play their first action.
BehaviorProfile<Rational> PureProfile(const Game& game, const std::vector<std::pair<std::string, std::string>>& moves) {
  BehaviorProfile<Rational> profile = ChanceOnlyProfile<Rational>(game);
  std::vector<char> set(static_cast<std::size_t>(game.NumInfosets()), 0);
  for (const auto& [node, action] : moves) {
    const InfosetId h = game.Infoset(NodeNamed(game, node));
    profile.Prob(game, h, ActionNamed(game, h, action)) = 1;
    set[static_cast<std::size_t>(h)] = 1;
  }
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) != kChancePlayer && !set[static_cast<std::size_t>(h)]) profile.Prob(game, h, 0) = 1;
  }
  return profile;
}

SpeSolution<Rational> SolveSequential(const Game& game) {
  SpeOptions options;
  options.solution_concept = SolutionConcept::kSequential;
  SpeSolution<Rational> solution = SolveSubgamePerfect<Rational>(game, options);
  REQUIRE(solution.verified);
  REQUIRE(solution.assessment_verified);
  return solution;
}

Rational ProbabilityAt(const Game& game, const SpeSolution<Rational>& s, const std::string& node, const std::string& action) {
  const InfosetId h = game.Infoset(NodeNamed(game, node));
  return s.profile.Prob(game, h, ActionNamed(game, h, action));
}

TEST_CASE("a Nash equilibrium whose off-path reply no belief justifies fails the assessment certificate", "[sequential]") {
  const Game game = LoadData("quiet_or_speak.efg");
  const BehaviorProfile<Rational> quiet =
      PureProfile(game, {{"Bold", "Quiet"}, {"Shy", "Quiet"}, {"Bold-Speak", "Punish"}});
  REQUIRE(CertifyNash(game, quiet).verified);  // Nash (and subgame-perfect: no proper subgame)
  for (const Rational& bold : {Rational(0), Rational(1, 3), Rational(1)}) {
    Assessment<Rational> assessment{quiet, std::vector<Rational>(static_cast<std::size_t>(game.NumNodes()), Rational(1))};
    assessment.belief[static_cast<std::size_t>(NodeNamed(game, "Bold-Speak"))] = bold;
    assessment.belief[static_cast<std::size_t>(NodeNamed(game, "Shy-Speak"))] = 1 - bold;
    for (NodeId v = 0; v < game.NumNodes(); ++v) {
      if (game.IsTerminal(v)) assessment.belief[static_cast<std::size_t>(v)] = 0;
    }
    const AssessmentCertificate<Rational> certificate = CertifyAssessment(game, assessment);
    CHECK_FALSE(certificate.verified);
    CHECK(certificate.gain[1] == Rational(1));  // Reward instead of Punish: 1 more, whatever the belief
    CHECK(certificate.gain[0] == Rational(0));
  }
}

TEST_CASE("the sequential solver finds the unique sequential equilibrium of quiet-or-speak", "[sequential]") {
  const Game game = LoadData("quiet_or_speak.efg");
  const SpeSolution<Rational> s = SolveSequential(game);
  CHECK(ProbabilityAt(game, s, "Bold", "Speak") == 1);
  CHECK(ProbabilityAt(game, s, "Shy", "Speak") == 1);
  CHECK(ProbabilityAt(game, s, "Bold-Speak", "Reward") == 1);
  CHECK(s.beliefs[static_cast<std::size_t>(NodeNamed(game, "Bold-Speak"))] == Rational(1, 3));
  CHECK(s.beliefs[static_cast<std::size_t>(NodeNamed(game, "Shy-Speak"))] == Rational(2, 3));
  CHECK(s.root_payoffs == std::vector<Rational>{Rational(2), Rational(1)});
}

TEST_CASE("beer-quiche gives a pooling equilibrium whose off-path belief supports the duel", "[sequential]") {
  const Game game = LoadData("beer_quiche.efg");
  const SpeSolution<Rational> s = SolveSequential(game);
  const Rational strong_beer = ProbabilityAt(game, s, "Strong", "Beer");
  const Rational weak_beer = ProbabilityAt(game, s, "Weak", "Beer");
  REQUIRE(strong_beer == weak_beer);  // pooling
  REQUIRE((strong_beer == 1 || strong_beer == 0));
  const std::string on = strong_beer == 1 ? "Beer" : "Quiche";
  const std::string off = strong_beer == 1 ? "Quiche" : "Beer";
  INFO("pooling on " << on);
  // On the path: retreat, and the prior as belief.
  CHECK(ProbabilityAt(game, s, "Strong-" + on, "Retreat") == 1);
  CHECK(s.beliefs[static_cast<std::size_t>(NodeNamed(game, "Strong-" + on))] == Rational(9, 10));
  CHECK(s.beliefs[static_cast<std::size_t>(NodeNamed(game, "Weak-" + on))] == Rational(1, 10));
  // Off the path: a duel (at least with the probability that keeps both types pooling) and a
  // belief of at least 1/2 on Weak, which is what makes dueling optimal.
  const Rational weak_off = s.beliefs[static_cast<std::size_t>(NodeNamed(game, "Weak-" + off))];
  CHECK(weak_off >= Rational(1, 2));
  CHECK(weak_off + s.beliefs[static_cast<std::size_t>(NodeNamed(game, "Strong-" + off))] == 1);
  CHECK(ProbabilityAt(game, s, "Strong-" + off, "Duel") >= Rational(1, 2));
  const Rational sender = strong_beer == 1 ? Rational(29, 10) : Rational(21, 10);
  CHECK(s.root_payoffs == std::vector<Rational>{sender, Rational(9, 10)});
}

TEST_CASE("the sequential solver excludes a sequential equilibrium in weakly dominated strategies", "[sequential]") {
  const Game game = LoadData("weakly_dominated.efg");
  // (Bottom, Right) with Column's belief on Bottom is a sequential equilibrium: the certificate
  // accepts it. A quasi-perfect one must survive trembles, which only (Top, Left) does.
  const BehaviorProfile<Rational> bottom = PureProfile(game, {{"Row", "Bottom"}, {"After Top", "Right"}});
  std::vector<Rational> belief(static_cast<std::size_t>(game.NumNodes()), Rational(0));
  belief[static_cast<std::size_t>(NodeNamed(game, "Row"))] = 1;
  belief[static_cast<std::size_t>(NodeNamed(game, "After Bottom"))] = 1;
  CHECK(CertifyAssessment(game, Assessment<Rational>{bottom, belief}).verified);
  const SpeSolution<Rational> s = SolveSequential(game);
  CHECK(ProbabilityAt(game, s, "Row", "Top") == 1);
  CHECK(ProbabilityAt(game, s, "After Top", "Left") == 1);
  CHECK(s.beliefs[static_cast<std::size_t>(NodeNamed(game, "After Top"))] == 1);
  CHECK(s.root_payoffs == std::vector<Rational>{Rational(1), Rational(1)});
}

TEST_CASE("the sequential solver gives Kuhn poker its value of -1/18", "[sequential]") {
  const Game game = LoadData("kuhn_poker.efg");
  const SpeSolution<Rational> s = SolveSequential(game);
  CHECK(s.root_payoffs[0] == Rational(-1, 18));
}

TEST_CASE("sequential answers on random games pass the assessment and Nash certificates", "[sequential]") {
  const std::uint64_t seed = GENERATE(range(1, 21));
  RandomGameOptions o;
  o.nodes = 10 + static_cast<int>(seed % 15);
  o.seed = seed;
  o.infoset_size = 2 + static_cast<int>(seed % 3);
  o.chance_fraction = seed % 2 == 0 ? 0.2 : 0.0;
  o.payoff_range = 4 + static_cast<int>(seed % 5);
  const Game game = GenerateRandomGame(o);
  INFO("seed " << seed);
  const SpeSolution<Rational> s = SolveSequential(game);
  CHECK(CertifyNash(game, s.profile).verified);
  // The beliefs sum to 1 over every information set (the certificate checks it; here by hand).
  std::vector<Rational> sum(static_cast<std::size_t>(game.NumInfosets()), Rational(0));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.Kind(v) == NodeKind::kDecision) sum[static_cast<std::size_t>(game.Infoset(v))] += s.beliefs[static_cast<std::size_t>(v)];
  }
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) != kChancePlayer) CHECK(sum[static_cast<std::size_t>(h)] == 1);
  }
  // Double mode converts the exact answer: the same profile to rounding.
  SpeOptions options;
  options.solution_concept = SolutionConcept::kSequential;
  const SpeSolution<double> d = SolveSubgamePerfect<double>(game, options);
  CHECK(d.verified);
}

TEST_CASE("with three players moving, a pure profile is sequential with the beliefs of equal trembles", "[sequential]") {
  // A plays Play or Pass, then A, B and C choose Cooperate or Defect simultaneously: the unique
  // pure equilibrium D-D-D (see the data file) is sequential, B and C believing what A did.
  const Game game = LoadData("three_player_dilemma.efg");
  const SpeSolution<Rational> s = SolveSequential(game);
  REQUIRE(s.subgames.size() == 1);
  CHECK(s.subgames[0].method == SolveMethod::kPure);
  CHECK(s.root_payoffs == std::vector<Rational>{1, 1, 1});
  CHECK(CertifyNash(game, s.profile).verified);
}

TEST_CASE("with three players moving and no pure equilibrium, the sequential concept says none was found", "[sequential]") {
  const Game game = LoadData("three_player_cycle.efg");
  SpeOptions options;
  options.solution_concept = SolutionConcept::kSequential;
  CHECK_THROWS_WITH(SolveSubgamePerfect<Rational>(game, options),
                    Catch::Matchers::Contains("no pure-strategy sequential equilibrium"));
}

TEST_CASE("equal trembles put the belief on the nodes reached with the fewest deviations", "[sequential]") {
  // In quiet-or-speak with both types Quiet, Speak is a deviation at both nodes: one tremble each,
  // so the beliefs are the prior 1/3, 2/3. With Bold speaking, the Shy node needs a tremble: 1, 0.
  const Game game = LoadData("quiet_or_speak.efg");
  const auto quiet = PureProfile(game, {{"Bold", "Quiet"}, {"Shy", "Quiet"}, {"Bold-Speak", "Reward"}});
  std::vector<Rational> belief = EqualTrembleBeliefs(game, quiet);
  CHECK(belief[static_cast<std::size_t>(NodeNamed(game, "Bold-Speak"))] == Rational(1, 3));
  CHECK(belief[static_cast<std::size_t>(NodeNamed(game, "Shy-Speak"))] == Rational(2, 3));
  const auto bold = PureProfile(game, {{"Bold", "Speak"}, {"Shy", "Quiet"}, {"Bold-Speak", "Reward"}});
  belief = EqualTrembleBeliefs(game, bold);
  CHECK(belief[static_cast<std::size_t>(NodeNamed(game, "Bold-Speak"))] == 1);
  CHECK(belief[static_cast<std::size_t>(NodeNamed(game, "Shy-Speak"))] == 0);
}

TEST_CASE("the sequential concept refuses an equilibrium selection and other methods", "[sequential]") {
  const Game game = LoadData("beer_quiche.efg");
  SpeOptions options;
  options.solution_concept = SolutionConcept::kSequential;
  options.method = SolveMethod::kMip;
  CHECK_THROWS_AS(SolveSubgamePerfect<Rational>(game, options), InputError);
  options.method = SolveMethod::kAuto;
  options.selection = EquilibriumObjective::Kind::kMaxTotalPayoff;
  CHECK_THROWS_AS(SolveSubgamePerfect<Rational>(game, options), InputError);
}

TEST_CASE("the nash concept solves a game with imperfect information as one subgame", "[sequential]") {
  const Game game = LoadData("imperfect_subgame.efg");
  SpeOptions options;
  options.solution_concept = SolutionConcept::kNash;
  const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, options);
  REQUIRE(s.subgames.size() == 1);
  CHECK(s.subgames[0].root == 0);
  CHECK(s.verified);
  CHECK(CertifyNash(game, s.profile).verified);
}

}  // namespace
}  // namespace ncpmi
