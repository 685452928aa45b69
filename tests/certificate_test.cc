// Best-response certificates against hand-derived gains.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ncpmi/eq/certificate.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::LoadData;


// Sets the probabilities of the information set of node `node` (decision node ids of
// imperfect_subgame.efg: 0 Plan, 2 Where, 4/5 Guess, 3 Respond to probe, 7 Follow-up).
template <class T>
void Set(const Game& game, BehaviorProfile<T>* profile, NodeId node, std::vector<T> probs) {
  const InfosetId h = game.Infoset(node);
  for (int a = 0; a < game.NumActions(h); ++a) profile->Prob(game, h, a) = probs[a];
}

template <class T>
BehaviorProfile<T> OutWithMixedPennies(const Game& game) {
  BehaviorProfile<T> profile = ChanceOnlyProfile<T>(game);
  Set<T>(game, &profile, 0, {T(1), T(0), T(0)});
  Set<T>(game, &profile, 2, {T(1) / 2, T(1) / 2});
  Set<T>(game, &profile, 4, {T(1) / 2, T(1) / 2});
  Set<T>(game, &profile, 3, {T(1), T(0)});
  Set<T>(game, &profile, 7, {T(1), T(0)});
  return profile;
}

TEST_CASE("The subgame-perfect profile of a game with a simultaneous subgame has zero gains",
          "[certificate]") {
  const Game game = LoadData("imperfect_subgame.efg");
  const NashCertificate<Rational> c = CertifyNash(game, OutWithMixedPennies<Rational>(game));
  CHECK(c.verified);
  CHECK(c.payoff == std::vector<Rational>{0, 0});
  CHECK(c.best_response == std::vector<Rational>{0, 0});
  CHECK(c.gain == std::vector<Rational>{0, 0});
  const NashCertificate<double> d = CertifyNash(game, OutWithMixedPennies<double>(game));
  CHECK(d.verified);
}

TEST_CASE("A deviation into an unreached subgame is found and measured exactly", "[certificate]") {
  const Game game = LoadData("imperfect_subgame.efg");
  BehaviorProfile<Rational> profile = OutWithMixedPennies<Rational>(game);
  // The Defender always guesses a: the Attacker should play In, then B (payoff 1 instead of 0).
  Set<Rational>(game, &profile, 4, {Rational(1), Rational(0)});
  const NashCertificate<Rational> c = CertifyNash(game, profile);
  CHECK_FALSE(c.verified);
  CHECK(c.gain == std::vector<Rational>{1, 0});
}

TEST_CASE("A player's gain weighs each node of an information set by the others' reach",
          "[certificate]") {
  const Game game = LoadData("imperfect_subgame.efg");
  BehaviorProfile<Rational> profile = OutWithMixedPennies<Rational>(game);
  // Attacker: In, then A with 3/4. Defender guessing 1/2-1/2 earns 0; guessing a earns
  // 3/4·1 + 1/4·(−1) = 1/2. The Attacker's payoff is 0 and the best it can do against the
  // uniform guess is 0 (In or Out), so only the Defender gains.
  Set<Rational>(game, &profile, 0, {Rational(0), Rational(1), Rational(0)});
  Set<Rational>(game, &profile, 2, {Rational(3, 4), Rational(1, 4)});
  const NashCertificate<Rational> c = CertifyNash(game, profile);
  CHECK(c.payoff == std::vector<Rational>{0, 0});
  CHECK(c.gain == std::vector<Rational>{0, Rational(1, 2)});
}

TEST_CASE("Outcomes on non-terminal nodes count in payoffs and best responses", "[certificate]") {
  const Game game = ReadEfg(
      "EFG 2 R \"toll\" { \"A\" \"B\" }\n"
      "p \"\" 1 1 \"\" { \"go\" \"stay\" } 1 \"toll\" { -1 2 }\n"
      "p \"\" 2 1 \"\" { \"x\" \"y\" } 0\n"
      "t \"\" 2 \"\" { 3 0 }\n"
      "t \"\" 3 \"\" { 0 1 }\n"
      "t \"\" 4 \"\" { 1 1 }\n",
      "toll.efg");
  BehaviorProfile<Rational> profile = ChanceOnlyProfile<Rational>(game);
  // A goes, B plays x: A gets −1 + 3 = 2, B gets 2 + 0; B should play y (2 + 1 = 3).
  profile.Prob(game, game.Infoset(0), 0) = 1;
  profile.Prob(game, game.Infoset(1), 0) = 1;
  const NashCertificate<Rational> c = CertifyNash(game, profile);
  CHECK(c.payoff == std::vector<Rational>{2, 2});
  CHECK(c.best_response == std::vector<Rational>{2, 3});
  const ProfileOutcome<Rational> outcome = OutcomeOf(game, profile);
  REQUIRE(outcome.terminals.size() == 1);
  CHECK(outcome.terminals[0].second == 1);
}

TEST_CASE("Certifying a game without perfect recall is refused with the information set named",
          "[certificate]") {
  const Game game = LoadData("forgetful.efg");
  REQUIRE_THROWS_AS(CertifyNash(game, ChanceOnlyProfile<double>(game)), UnsupportedError);
  REQUIRE_THROWS_WITH(CertifyNash(game, ChanceOnlyProfile<double>(game)),
                      Catch::Matchers::Contains("information set"));
}

}  // namespace
}  // namespace ncpmi
