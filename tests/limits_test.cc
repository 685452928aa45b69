// Tests of the resource guards: the LP/MIP size estimate and memory guard, the generator's guard,
// and the time limits of the conditions analysis and of sweeps.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/sweep/runner.h"
#include "ncpmi/sweep/spec.h"
#include "ncpmi/sweep/store.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using Catch::Matchers::Contains;
namespace fs = std::filesystem;

ResourceLimits Memory(std::uint64_t bytes) {
  ResourceLimits limits;
  limits.max_memory_bytes = bytes;
  return limits;
}

Game ZeroSumGame(std::int64_t nodes, std::uint64_t seed) {
  RandomGameOptions o;
  o.nodes = nodes;
  o.zero_sum = true;
  o.infoset_size = 4;
  o.seed = seed;
  return GenerateRandomGame(o);
}

}  // namespace

TEST_CASE("the LP guard refuses a subgame's LP over the memory limit and names the subgame", "[limits][lp]") {
  const Game game = test::LoadData("simultaneous_toll.efg");
  SpeOptions options;
  options.limits = Memory(10 * 1024);
  CHECK_THROWS_AS(SolveSubgamePerfect<double>(game, options), InputError);
  CHECK_THROWS_WITH(SolveSubgamePerfect<Rational>(game, options),
                    Contains("the sequence-form LP of the subgame at node 1 \"Battle\"") &&
                        Contains("above the memory limit of 10.0 KiB (--max-memory)"));
  options.method = SolveMethod::kMip;
  CHECK_THROWS_WITH(SolveSubgamePerfect<double>(game, options), Contains("the sequence-form MIP of the subgame"));
  // The default limit (80% of the machine's memory) lets it through.
  options.limits = ResourceLimits{};
  CHECK(SolveSubgamePerfect<double>(game, options).verified);
}

TEST_CASE("the LP size estimate bounds the programme the solvers build", "[limits][lp]") {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const Game game = ZeroSumGame(300, seed);
    const LpEquilibrium<double> lp = SolveConstantSumLp<double>(game, LpOptions{});
    REQUIRE(lp.status == EquilibriumSolveStatus::kSolved);
    const LpSizeEstimate lp_size = EstimateLpSize(game, /*mip=*/false, /*exact=*/false);
    CHECK(lp_size.rows >= static_cast<std::uint64_t>(lp.rows));
    CHECK(lp_size.columns >= static_cast<std::uint64_t>(lp.columns));
    CHECK(lp_size.rows <= 2 * static_cast<std::uint64_t>(lp.rows) + 2);
    const LpEquilibrium<double> mip = SolveGeneralSumMip<double>(ZeroSumGame(40, seed), LpOptions{});
    REQUIRE(mip.status == EquilibriumSolveStatus::kSolved);
    const LpSizeEstimate mip_size = EstimateLpSize(ZeroSumGame(40, seed), /*mip=*/true, /*exact=*/false);
    CHECK(mip_size.rows >= static_cast<std::uint64_t>(mip.rows));
    CHECK(mip_size.columns >= static_cast<std::uint64_t>(mip.columns));
  }
  // Exact arithmetic and bigger games need more.
  const Game small = ZeroSumGame(100, 1), large = ZeroSumGame(1000, 1);
  CHECK(EstimateLpSize(small, false, true).bytes > EstimateLpSize(small, false, false).bytes);
  CHECK(EstimateLpSize(large, false, false).bytes > EstimateLpSize(small, false, false).bytes);
  CHECK(EstimateLpSize(small, true, false).bytes > EstimateLpSize(small, false, false).bytes);
}

TEST_CASE("the generator refuses a game over the node or memory limit before allocating it", "[limits][gen]") {
  RandomGameOptions o;
  o.nodes = 400'000'000;  // 8e8 nodes: would take tens of GiB
  o.limits = Memory(std::uint64_t{1} << 30);
  CHECK_THROWS_WITH(GenerateRandomGame(o), Contains("the game to generate would need about") &&
                                               Contains("800,000,001 nodes") &&
                                               Contains("above the memory limit of 1.0 GiB (--max-memory)"));
  o.nodes = 1000;
  o.limits = ResourceLimits{};
  o.limits.max_nodes = 1000;
  CHECK_THROWS_WITH(GenerateRandomGame(o), Contains("has 2,001 nodes, above the limit of 1,000 (--max-nodes)"));
  o.limits.max_nodes = 2001;
  CHECK(GenerateRandomGame(o).NumNodes() == 2001);
}

TEST_CASE("the conditions analysis stops with TimeLimitReached when its time runs out", "[limits][conditions]") {
  const models::Scenario scenario = models::ReadScenarioFile(
      (fs::path(NCPMI_SOURCE_DIR) / "instances" / "haiti-1994.toml").string());
  models::ConditionsOptions options;
  options.time_limit_seconds = 1e-9;
  try {
    (void)models::AnalyseConditions(scenario, options);
    FAIL("no TimeLimitReached");
  } catch (const models::TimeLimitReached& e) {
    CHECK(e.total == 32);
    CHECK(e.done < 32);
    CHECK_THAT(std::string(e.what()), Contains("time limit reached after") && Contains("of 32 combinations"));
  }
  options.time_limit_seconds = 600;
  CHECK(models::AnalyseConditions(scenario, options).rows.size() == 32);
}

TEST_CASE("a sweep that runs out of time stops resumably and --resume completes it", "[limits][sweep]") {
  const sweep::SweepSpec spec =
      sweep::ReadSweepSpec(std::string(NCPMI_TESTS_DIR) + "/data/sweep/small.toml");
  const fs::path dir = fs::temp_directory_path() / "ncpmi-limits-test-sweep";
  fs::remove_all(dir);
  fs::create_directories(dir);
  sweep::SweepOptions o;
  o.out = (dir / "out.csv").string();
  o.progress = 0;
  o.chunk_size = 10;
  o.time_limit_seconds = 1e-9;
  const sweep::SweepReport stopped = sweep::RunSweep(spec, o);
  CHECK(stopped.timed_out);
  CHECK(stopped.interrupted);
  CHECK_FALSE(stopped.complete);
  CHECK(stopped.done == 0);
  CHECK_FALSE(fs::exists(o.out));
  CHECK(fs::exists(sweep::PartsDir(o.out)));
  o.time_limit_seconds = 0;
  o.resume = true;
  const sweep::SweepReport resumed = sweep::RunSweep(spec, o);
  CHECK(resumed.complete);
  CHECK(resumed.done == spec.NumPoints());
  CHECK_FALSE(fs::exists(sweep::PartsDir(o.out)));
}

}  // namespace ncpmi
