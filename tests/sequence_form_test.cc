// The sequence form: sizes, constraint matrices, payoffs of non-terminal outcomes, conversions.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ncpmi/eq/sequence_form.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::LoadData;

using Catch::Matchers::Contains;


InfosetId InfosetNamed(const Game& game, const std::string& name) {
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetName(h) == name) return h;
  }
  FAIL("no information set named " << name);
  return kNoInfoset;
}

// The sequence of side s that ends with the named action at the named information set.
int SequenceOf(const Game& game, const SequenceForm<Rational>& form, const std::string& infoset,
               int action) {
  const InfosetId h = InfosetNamed(game, infoset);
  return form.action_sequence[static_cast<std::size_t>(game.ActionBegin(h) + action)];
}

TEST_CASE("the sequence form of Kuhn poker has 13 sequences and 7 constraint rows per player",
          "[sequence_form]") {
  const Game game = LoadData("kuhn_poker.efg");
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  for (const SideSequences& side : form.side) {
    CHECK(side.NumSequences() == 13);
    CHECK(side.NumConstraintRows() == 7);
  }
  CHECK(form.side[0].player == 1);
  CHECK(form.side[1].player == 2);
  // Every terminal has its own pair of sequences: 6 deals × 5 terminals.
  CHECK(form.NumCells() == 30);
  // The payoff matrices sum to zero cell by cell.
  for (std::size_t c = 0; c < form.NumCells(); ++c) {
    CHECK(form.CellPayoff(c, 1) + form.CellPayoff(c, 2) == 0);
  }
}

TEST_CASE("each constraint row makes a set's action realizations sum to its parent sequence",
          "[sequence_form]") {
  const Game game = LoadData("kuhn_poker.efg");
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  const SideSequences& side = form.side[0];
  const std::vector<ConstraintEntry> e = ConstraintMatrix(side);
  // Row 0 is r(empty) = 1; each of the 6 other rows has the parent (-1) and two actions (+1).
  CHECK(e.size() == 1 + 6 * 3);
  std::vector<int> row_sum(static_cast<std::size_t>(side.NumConstraintRows()), 0);
  for (const ConstraintEntry& entry : e) row_sum[static_cast<std::size_t>(entry.row)] += entry.value;
  CHECK(row_sum[0] == 1);
  for (std::size_t k = 1; k < row_sum.size(); ++k) CHECK(row_sum[k] == 1);
  // Player 1's second decision with a J follows her Check with a J.
  const int check_with_j = SequenceOf(game, form, "P1 holds J", 0);
  const InfosetId later = InfosetNamed(game, "P1 holds J, after check-bet");
  for (int k = 0; k < side.NumInfosets(); ++k) {
    if (side.infosets[static_cast<std::size_t>(k)] == later) {
      CHECK(side.infoset_parent[static_cast<std::size_t>(k)] == check_with_j);
    }
  }
}

TEST_CASE("a non-terminal outcome is paid with the realization of the sequence pair leading to it",
          "[sequence_form]") {
  const Game game = LoadData("nonterminal_simultaneous.efg");
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  const int a = SequenceOf(game, form, "Row", 0);
  const int b = SequenceOf(game, form, "Row", 1);
  const int y = SequenceOf(game, form, "Column", 1);
  auto payoff_of = [&](int row, int column) {
    Rational total = 0;
    for (std::size_t c = 0; c < form.NumCells(); ++c) {
      if (form.cell_row[c] == row && form.cell_column[c] == column) total += form.CellPayoff(c, 1);
    }
    return total;
  };
  CHECK(payoff_of(0, 0) == 1);  // the root's outcome, paid always
  CHECK(payoff_of(a, 0) == 3);  // Column's node after A, paid whenever A is played
  CHECK(payoff_of(a, y) == -4);
  CHECK(payoff_of(b, y) == 2);
  // Pure plans (A, y): 1 + 3 - 4 = 0; (B, y): 1 + 2 = 3.
  RealizationPlans<Rational> plans;
  plans[0] = {1, 1, 0};
  plans[1] = {1, 0, 1};
  CHECK(ExpectedPayoffs(form, plans)[0] == 0);
  plans[0] = {1, 0, 1};
  CHECK(ExpectedPayoffs(form, plans) == std::vector<Rational>{3, -3});
}

TEST_CASE("realization plans and behaviour profiles convert into each other",
          "[sequence_form]") {
  const Game game = LoadData("kuhn_poker.efg");
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  BehaviorProfile<Rational> profile = ChanceOnlyProfile<Rational>(game);
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) == kChancePlayer) continue;
    profile.Prob(game, h, 0) = MakeRational(h + 1, h + 3);
    profile.Prob(game, h, 1) = 1 - profile.Prob(game, h, 0);
  }
  const RealizationPlans<Rational> plans = RealizationFromBehavior(game, form, profile);
  // Check then Fold with a J: (1/3) · r(fold | J after check-bet).
  const InfosetId open_j = InfosetNamed(game, "P1 holds J");
  const InfosetId later_j = InfosetNamed(game, "P1 holds J, after check-bet");
  const int fold = SequenceOf(game, form, "P1 holds J, after check-bet", 0);
  CHECK(plans[0][static_cast<std::size_t>(fold)] ==
        profile.Prob(game, open_j, 0) * profile.Prob(game, later_j, 0));
  const BehaviorProfile<Rational> back = BehaviorFromRealization(game, form, plans);
  CHECK(back.prob == profile.prob);
}

TEST_CASE("an information set its owner's plan never reaches plays its first action",
          "[sequence_form]") {
  const Game game = LoadData("pennies_after_entry.efg");
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  RealizationPlans<Rational> plans;
  plans[0].assign(static_cast<std::size_t>(form.side[0].NumSequences()), Rational(0));
  plans[0][0] = 1;
  plans[0][static_cast<std::size_t>(SequenceOf(game, form, "Enter", 1))] = 1;  // Quit
  plans[1] = {1, Rational(1, 2), Rational(1, 2)};
  const BehaviorProfile<Rational> profile = BehaviorFromRealization(game, form, plans);
  const InfosetId pick = InfosetNamed(game, "Pick");
  CHECK(profile.Prob(game, pick, 0) == 1);
  CHECK(profile.Prob(game, pick, 1) == 0);
}

TEST_CASE("a best response in the sequence form earns the hand-derived payoff",
          "[sequence_form]") {
  const Game game = LoadData("rock_paper_scissors.efg");
  const SequenceForm<double> form = BuildSequenceForm<double>(game);
  RealizationPlans<double> plans;
  plans[0] = {1, 1, 0, 0};  // Row plays Rock
  plans[1] = {1, 1, 0, 0};  // Column plays Rock
  // Either player's best reply to Rock is Paper, worth 1; Rock against Rock earns 0.
  CHECK(BestResponsePayoff(form, 0, plans) == 1.0);
  CHECK(BestResponsePayoff(form, 1, plans) == 1.0);
  std::array<double, 2> gains = EquilibriumGains(form, plans);
  CHECK(gains[0] == 1.0);
  CHECK(gains[1] == 1.0);
  plans[1] = {1, 0, 1, 0};  // Column plays Paper: Row loses 1, could win 1 with Scissors
  gains = EquilibriumGains(form, plans);
  CHECK(gains[0] == 2.0);
  CHECK(gains[1] == 0.0);
}

TEST_CASE("the sequence form refuses imperfect recall and names the information set",
          "[sequence_form]") {
  const Game game = LoadData("forgetful.efg");
  REQUIRE_THROWS_AS(BuildSequenceForm<double>(game), UnsupportedError);
  REQUIRE_THROWS_WITH(BuildSequenceForm<double>(game),
                      Contains("perfect recall") && Contains("information set 2 of player 1"));
}

TEST_CASE("the sequence form refuses more than two players who move", "[sequence_form]") {
  const Game game = LoadData("three_player.efg");
  REQUIRE_THROWS_AS(BuildSequenceForm<Rational>(game), UnsupportedError);
  REQUIRE_THROWS_WITH(BuildSequenceForm<Rational>(game), Contains("at most two players"));
}

}  // namespace
}  // namespace ncpmi
