// Solving into a used solution gives exactly what a fresh solve gives.
#include <catch2/catch.hpp>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/gen/random_game.h"

TEST_CASE("solving into a reused solution matches a fresh solve bit for bit", "[bi]") {
  ncpmi::RandomGameOptions big;
  big.nodes = 30000;
  big.chance_fraction = 0.1;
  big.nonterminal_outcome_fraction = 0.2;
  ncpmi::RandomGameOptions small = big;
  small.nodes = 500;
  small.seed = 9;
  small.payoff_range = 3;  // many ties, so stale ties from the first solve would show
  const ncpmi::Game first = ncpmi::GenerateRandomGame(big);
  const ncpmi::Game second = ncpmi::GenerateRandomGame(small);
  ncpmi::BiOptions options;
  options.threads = 2;
  ncpmi::BiSolution<double> reused;
  ncpmi::SolveBackwardInductionInto<double>(first, options, &reused);
  ncpmi::SolveBackwardInductionInto<double>(second, options, &reused);
  const ncpmi::BiSolution<double> fresh = ncpmi::SolveBackwardInduction<double>(second, options);
  REQUIRE(reused.value == fresh.value);
  REQUIRE(reused.choice == fresh.choice);
  REQUIRE(reused.ties.size() == fresh.ties.size());
  for (std::size_t i = 0; i < fresh.ties.size(); ++i) {
    REQUIRE(reused.ties[i].node == fresh.ties[i].node);
    REQUIRE(reused.ties[i].actions == fresh.ties[i].actions);
  }
}
