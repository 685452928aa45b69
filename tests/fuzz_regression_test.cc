// Regression tests for what the fuzz targets (tests/fuzz/) found in the solvers; input errors
// they found are in the malformed catalogues instead.
#include <catch2/catch.hpp>

#include <string>

#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi {
namespace {

SpeSolution<Rational> Solve(const std::string& nfg, SolveMethod method) {
  const Game game = ReadNfg(nfg, "fuzz.nfg");
  SpeOptions options;
  options.method = method;
  return SolveSubgamePerfect<Rational>(game, options);
}

}  // namespace

// game_file target: the payoff 1e400 became inf in GLPK's double copy, GLPK's scaling computed an
// invalid scale factor from it and GLPK aborted the whole process.
TEST_CASE("the LP and MIP refuse a payoff beyond the range of a double instead of passing inf to GLPK",
          "[spe][fuzz]") {
  const std::string general_sum = "NFG 1 R \"g\" { \"Row\" \"Col\" } { 2 2 }\n1 1 0 1e400 1 -1 0 1\n";
  const std::string zero_sum = "NFG 1 R \"z\" { \"Row\" \"Col\" } { 2 2 }\n1e400 -1e400 -1 1 -1 1 1 -1\n";
  const auto refused = Catch::Contains("beyond the range of a double");
  CHECK_THROWS_WITH(Solve(general_sum, SolveMethod::kMip), refused);
  CHECK_THROWS_WITH(Solve(zero_sum, SolveMethod::kLp), refused);
}

}  // namespace ncpmi
