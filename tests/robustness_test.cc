// Tests of the robustness exploration (sweep/robustness.h) and its statistics: shares against a
// region known in closed form, flip thresholds against the closed-form threshold, thread-count
// independence, the box rules, the Wilson interval, Spearman's correlation and the simplest
// fraction in an interval.
#include <catch2/catch.hpp>

#include "ncpmi/game/error.h"
#include "ncpmi/models/scenario.h"
#include "ncpmi/sweep/robustness.h"
#include "ncpmi/sweep/statistics.h"

using namespace ncpmi;
using namespace ncpmi::sweep;

namespace {

Rational R(long num, long den = 1) { return MakeRational(num, den); }

models::Scenario UltimatumBox() {
  return models::ReadScenarioFile(std::string(NCPMI_TESTS_DIR) + "/data/robustness/ultimatum-box.toml");
}

RobustnessOptions Options(std::int64_t samples, int threads) {
  RobustnessOptions o;
  o.samples = samples;
  o.params = {"p", "w_c"};
  o.threads = threads;
  o.seed = 7;
  return o;
}

}  // namespace

TEST_CASE("the simplest fraction in an interval is the one with the smallest denominator", "[robustness]") {
  CHECK(SimplestRationalIn(R(3, 10), R(4, 10)) == R(1, 3));
  CHECK(SimplestRationalIn(R(17, 20) - R(1, 1000000000), R(17, 20) + R(1, 1000000000)) == R(17, 20));
  CHECK(SimplestRationalIn(R(2), R(3)) == R(2));
  CHECK(SimplestRationalIn(R(5, 2), R(7, 2)) == R(3));
  CHECK(SimplestRationalIn(R(7, 2), R(7, 2)) == R(7, 2));
  CHECK(SimplestRationalIn(R(-4, 10), R(-3, 10)) == R(-1, 3));
  CHECK(SimplestRationalIn(R(-1), R(1)) == R(0));
  CHECK(SimplestRationalIn(R(1, 101), R(1, 100)) == R(1, 100));
}

TEST_CASE("the Wilson interval matches its closed form and stays inside [0, 1]", "[robustness]") {
  const auto [lo0, hi0] = WilsonInterval(0, 10);
  CHECK(lo0 == 0);
  CHECK_THAT(hi0, Catch::Matchers::WithinAbs(0.2775327998628892, 1e-12));
  const auto [lo5, hi5] = WilsonInterval(5, 10);
  CHECK_THAT(lo5, Catch::Matchers::WithinAbs(0.236593090512564, 1e-12));
  CHECK_THAT(hi5, Catch::Matchers::WithinAbs(0.7634069094874361, 1e-12));
  const auto [lo, hi] = WilsonInterval(81, 100);
  CHECK_THAT(lo, Catch::Matchers::WithinAbs(0.7222115462093562, 1e-12));
  CHECK_THAT(hi, Catch::Matchers::WithinAbs(0.8748524849023126, 1e-12));
}

TEST_CASE("Spearman's correlation is 1 for a monotone relation, averages tied ranks and is undefined for a constant",
          "[robustness]") {
  CHECK(*SpearmanCorrelation({1, 2, 3, 4}, {10, 20, 30, 1000}) == Approx(1));
  CHECK(*SpearmanCorrelation({1, 2, 3, 4}, {4, 3, 2, 1}) == Approx(-1));
  CHECK(AverageRanks({5, 1, 5, 2}) == std::vector<double>{3.5, 1, 3.5, 2});
  // A 0/1 indicator: ranks 1.5 (twice) and 3.5 (twice) against 1..4.
  CHECK(*SpearmanCorrelation({1, 2, 3, 4}, {0, 0, 1, 1}) == Approx(0.894427191));
  CHECK_FALSE(SpearmanCorrelation({1, 2, 3}, {1, 1, 1}).has_value());
}

TEST_CASE("the box comes from [ranges], else from the relative width within the valid range", "[robustness]") {
  const models::Scenario s = UltimatumBox();
  RobustnessOptions o;
  std::vector<std::string> fixed;
  const std::vector<BoxSide> sides = ChooseBox(s, o, &fixed);
  REQUIRE(sides.size() == 3);  // the numeric parameters the file sets: p, w_c, b_c
  CHECK(sides[0].parameter == "p");
  CHECK(sides[0].lo == 0);
  CHECK(sides[0].hi == 1);
  CHECK(sides[0].origin == "ranges");
  CHECK(sides[2].parameter == "b_c");
  CHECK(sides[2].lo == R(3, 16));
  CHECK(sides[2].hi == R(5, 16));
  CHECK(sides[2].origin == "relative");
  // An integer parameter: the integers inside value x (1 -/+ 1/4); demand_grid 10 -> 8..12.
  o.params = {"demand_grid"};
  const std::vector<BoxSide> grid = ChooseBox(s, o, &fixed);
  REQUIRE(grid.size() == 1);
  CHECK(grid[0].integer);
  CHECK(grid[0].lo == 8);
  CHECK(grid[0].hi == 12);
  // --unsourced takes the file's list.
  o.params.clear();
  o.unsourced = true;
  const std::vector<BoxSide> listed = ChooseBox(s, o, &fixed);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0].parameter == "b_c");
}

TEST_CASE("bad parameters for the box are refused with a message", "[robustness]") {
  const models::Scenario s = UltimatumBox();
  RobustnessOptions o;
  std::vector<std::string> fixed;
  o.params = {"pp"};
  REQUIRE_THROWS_WITH(ChooseBox(s, o, &fixed), Catch::Matchers::StartsWith("--params: unknown parameter 'pp'"));
  o.params = {"fixed_demand"};
  REQUIRE_THROWS_WITH(ChooseBox(s, o, &fixed), Catch::Matchers::Contains("is a boolean"));
  o.params = {"p", "p"};
  REQUIRE_THROWS_WITH(ChooseBox(s, o, &fixed), Catch::Matchers::Contains("listed twice"));
  o.params = {"s_t"};  // value 0: a relative box has zero width
  REQUIRE_THROWS_WITH(AnalyseRobustness(s, o), Catch::Matchers::Contains("no parameter to vary"));
}

TEST_CASE("Latin-hypercube samples put exactly one sample in each stratum of each parameter", "[robustness]") {
  const models::Scenario s = UltimatumBox();
  RobustnessOptions o;
  o.params = {"p", "w_c"};
  std::vector<std::string> fixed;
  const std::vector<BoxSide> sides = ChooseBox(s, o, &fixed);
  const std::int64_t n = 50;
  for (std::size_t d = 0; d < sides.size(); ++d) {
    std::vector<int> count(n, 0);
    for (std::int64_t k = 0; k < n; ++k) {
      const Rational v = SampleBox(sides, k, n, 3)[d];  // the box is [0, 1]: stratum floor(v n)
      const Rational scaled = v * n;
      ++count[static_cast<std::size_t>(mpz_class(scaled.get_num() / scaled.get_den()).get_si())];
    }
    CHECK(std::count(count.begin(), count.end(), 1) == n);
  }
}

TEST_CASE("the share of the box where the ultimatum threat settles covers the closed-form area 23/32",
          "[robustness][sweep]") {
  // Settles (verdict all) iff the threat is credible: p - w_c > -b_c, i.e. w_c < p + 1/4. Over
  // p, w_c in [0, 1] that is 1 - (area above the line) = 1 - (3/4)^2 / 2 = 23/32.
  const RobustnessReport r = AnalyseRobustness(UltimatumBox(), Options(4000, 2));
  REQUIRE(r.claims.size() == 1);  // the ultimatum model has no condition switches
  CHECK(r.claims[0].name == "verdict all");
  CHECK(r.errors == 0);
  const ClaimShare& share = r.shares[0];
  CHECK(share.valid == 4000);
  CHECK(share.wilson_low <= 23.0 / 32);
  CHECK(share.wilson_high >= 23.0 / 32);
  // A deliberately wrong area falls outside the interval.
  CHECK_FALSE((share.wilson_low <= 0.75 && 0.75 <= share.wilson_high));
  CHECK_FALSE((share.wilson_low <= 0.68 && 0.68 <= share.wilson_high));
  // The claim depends on w_c negatively and on p positively.
  REQUIRE(share.spearman[0].has_value());
  CHECK(*share.spearman[0] > 0.2);
  CHECK(*share.spearman[1] < -0.2);
}

TEST_CASE("the one-at-a-time flip threshold is the closed-form credibility threshold w_c = p + b_c",
          "[robustness][sweep]") {
  const RobustnessReport r = AnalyseRobustness(UltimatumBox(), Options(20, 2));
  REQUIRE(r.flips.size() == 1);  // only w_c upwards crosses the line within the box
  const Flip& f = r.flips[0];
  CHECK(f.parameter == "w_c");
  CHECK(f.upward);
  CHECK(f.claim == "verdict all");
  CHECK(f.at == R(17, 20));  // 3/5 + 1/4
  CHECK_FALSE(f.holds_at);   // at equality the coercer is indifferent: some SPE do not settle
  CHECK(f.bracket_low <= R(17, 20));
  CHECK(f.bracket_high >= R(17, 20));
  CHECK(f.bracket_high - f.bracket_low < R(1, 1000000000));
}

TEST_CASE("robustness results are identical for every thread count", "[robustness][sweep]") {
  const models::Scenario s = models::ReadScenarioFile(std::string(NCPMI_SOURCE_DIR) + "/instances/kosovo-1999.toml");
  RobustnessOptions o;
  o.samples = 12;
  o.params = {"p", "w_t", "rho"};
  o.threads = 1;
  const RobustnessReport one = AnalyseRobustness(s, o);
  o.threads = 2;
  const RobustnessReport two = AnalyseRobustness(s, o);
  REQUIRE(one.claims.size() == two.claims.size());
  CHECK(one.claims.size() > 1);  // the verdict and a claim per condition present
  for (std::size_t c = 0; c < one.claims.size(); ++c) {
    CHECK(one.shares[c].holds == two.shares[c].holds);
    CHECK(one.shares[c].spearman == two.shares[c].spearman);
  }
  REQUIRE(one.flips.size() == two.flips.size());
  for (std::size_t k = 0; k < one.flips.size(); ++k) {
    CHECK(one.flips[k].at == two.flips[k].at);
    CHECK(one.flips[k].claim == two.flips[k].claim);
  }
}

TEST_CASE("an integer parameter flips at an exact integer: a second demand on the grid averts the war",
          "[robustness][sweep]") {
  // demand_grid = 1: the only demand is 1 > p + w_t = 4/5, resisted, and force pays (p - w_c =
  // 2/5 > 0): WAR, verdict no. With two grid points the demand 1/2 is accepted: it settles.
  const models::Scenario s = models::ParseScenario(
      "model = \"ultimatum\"\n[parameters]\ndemand_grid = 1  # one demand\n[ranges]\ndemand_grid = [1, 4]\n", "grid.toml");
  RobustnessOptions o;
  o.samples = 8;
  o.params = {"demand_grid"};
  o.threads = 2;
  const RobustnessReport r = AnalyseRobustness(s, o);
  CHECK(r.claims[0].name == "verdict no");
  CHECK(r.shares[0].holds == 2);  // LHS on 1..4 with 8 samples: two samples per integer
  REQUIRE(r.flips.size() == 1);
  CHECK(r.flips[0].parameter == "demand_grid");
  CHECK(r.flips[0].at == 2);
  CHECK(r.flips[0].exact);
}
