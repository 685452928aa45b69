// The NCPMI conditions analysis, derived by solving the model: verdicts, the truth table against
// solving each row alone, QCA, and thread-count independence. The bundled cases' own outcomes
// and mechanisms are pinned in models_crisis_test.cc.
#include <catch2/catch.hpp>

#include <omp.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/bi/spe_enumeration.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/outcome_class.h"
#include "ncpmi/models/presets.h"

namespace ncpmi::models {
namespace {

namespace fs = std::filesystem;

Rational R(long num, long den = 1) { return MakeRational(num, den); }

Scenario Load(const std::string& name) {
  return ReadScenarioFile((fs::path(NCPMI_SOURCE_DIR) / "instances" / (name + ".toml")).string());
}

// The scenario with some values replaced (validated as a scenario file would be).
Scenario With(Scenario s, const ParameterValues& changes) {
  for (const auto& [name, value] : changes) s.given[name] = value;
  s.values = ResolveParameters(FindModel(s.model), s.given);
  return s;
}

GameAnalysis Analyse(const Scenario& s) { return AnalyseGame(BuildScenario(s), AnalysisOptions{}); }

const std::vector<std::string> kAll{"N", "C", "P", "M", "I"};

TEST_CASE("A game without ties is analysed exactly as the enumeration of all its SPE outcomes would", "[conditions]") {
  // AnalyseGame skips the enumeration when backward induction finds no tie; this pins the
  // shortcut to what the enumeration gives, over a grid that crosses the credibility and acceptance
  // thresholds (one demand, so that the demand is never a tie).
  const Scenario base = Load("haiti-1994");
  int tie_free = 0, tied = 0;
  for (int wt = 0; wt <= 10; ++wt) {
    for (int bc = 0; bc <= 10; ++bc) {
      for (const char* pain : {"0", "1"}) {
        const Scenario s = With(base, {{"w_t", R(wt, 10)}, {"b_c", R(bc, 10)}, {"pain", R(pain[0] - '0')}, {"demand_grid", 1}});
        const Game game = BuildScenario(s);
        CAPTURE(wt, bc, pain);
        const GameAnalysis got = AnalyseGame(game, AnalysisOptions{});
        (SolveBackwardInduction<Rational>(game, BiOptions{}).ties.empty() ? tie_free : tied) += 1;
        const SpeEnumeration<Rational> all = EnumerateSpeOutcomes<Rational>(game, 1000);
        REQUIRE(all.complete);
        CHECK(got.complete);
        CHECK(got.equilibria == static_cast<int>(all.outcomes.size()));
        int settling = 0;
        std::vector<Rational> p;
        for (const PlayOutcome<Rational>& e : all.outcomes) {
          p.push_back(SummarizeOutcomes(game, e.terminals).p_settlement);
          settling += p.back() >= AnalysisOptions{}.threshold ? 1 : 0;
        }
        CHECK(got.settling == settling);
        CHECK(got.p_min == *std::min_element(p.begin(), p.end()));
        CHECK(got.p_max == *std::max_element(p.begin(), p.end()));
      }
    }
  }
  // Both branches of AnalyseGame were taken.
  CHECK(tie_free > 0);
  CHECK(tied > 0);
}

TEST_CASE("the truth table agrees with solving each combination on its own", "[conditions]") {
  const Scenario s = Load("haiti-1994");
  const ConditionsAnalysis a = AnalyseConditions(s, ConditionsOptions{});
  for (const ConditionsRow& row : a.rows) {
    ParameterValues switches;
    for (int k = 0; k < kNumConditions; ++k) switches[a.switches[static_cast<std::size_t>(k)]] = row.on[static_cast<std::size_t>(k)] ? 1 : 0;
    const GameAnalysis alone = AnalyseGame(BuildScenario(s, switches), AnalysisOptions{});
    CAPTURE(row.Code());
    CHECK(alone.verdict == row.result.verdict);
    CHECK(alone.payoffs == row.result.payoffs);
    CHECK(FormatPath(alone.path) == FormatPath(row.result.path));
  }
}

TEST_CASE("the conditions analysis is identical for one and two threads", "[conditions]") {
  const Scenario s = Load("north-korea-2017");
  const int before = omp_get_max_threads();
  omp_set_num_threads(1);
  const ConditionsAnalysis one = AnalyseConditions(s, ConditionsOptions{});
  omp_set_num_threads(2);
  const ConditionsAnalysis two = AnalyseConditions(s, ConditionsOptions{});
  omp_set_num_threads(before);
  REQUIRE(one.rows.size() == two.rows.size());
  for (std::size_t r = 0; r < one.rows.size(); ++r) {
    CHECK(one.rows[r].result.verdict == two.rows[r].result.verdict);
    CHECK(one.rows[r].result.payoffs == two.rows[r].result.payoffs);
    CHECK(one.rows[r].result.summary.p_settlement == two.rows[r].result.summary.p_settlement);
    CHECK(FormatPath(one.rows[r].result.path) == FormatPath(two.rows[r].result.path));
  }
  CHECK(one.SolutionFormula(0) == two.SolutionFormula(0));
  CHECK(one.players == two.players);
}

TEST_CASE("a row settles when every SPE settles, or when some do if asked", "[conditions]") {
  const Scenario s = Load("haiti-1994");
  const ConditionsAnalysis no = AnalyseConditions(s, ConditionsOptions{});
  for (const ConditionsRow& row : no.rows) CHECK(row.settles == (row.result.verdict == Verdict::kAll));
  ConditionsOptions yes;
  yes.some_settles = true;
  const ConditionsAnalysis a = AnalyseConditions(s, yes);
  CHECK(a.options.some_settles);
  for (const ConditionsRow& row : a.rows) {
    CHECK(row.settles == (row.result.verdict != Verdict::kNo));
  }
}

TEST_CASE("a game with imperfect information is decided by max and min settlement selections", "[conditions]") {
  const Game game = ReadEfgFile((fs::path(NCPMI_TESTS_DIR) / "data" / "simultaneous_toll.efg").string());
  REQUIRE_FALSE(game.IsPerfectInformation());
  const GameAnalysis r = AnalyseGame(game, AnalysisOptions{});
  CHECK(r.decided_by == "selection");
  CHECK(r.verdict == Verdict::kNo);  // no terminal is labelled SETTLEMENT
  CHECK(r.equilibria == 2);
}

TEST_CASE("a path formats branches with their probabilities and the play below each", "[conditions]") {
  const GameAnalysis r = Analyse(Load("haiti-1994"));
  const std::string path = FormatPath(r.path);
  CHECK_THAT(path, Catch::Matchers::StartsWith("Abstain > Demand 1 > Defy > Sanction > Defy > Sanction > Ultimatum > "));
  CHECK_THAT(path, Catch::Matchers::Contains("Initiative > {Found 9/10: Sign > Endorse > {Enforced 1/2; Unenforced 1/2: "
                                             "Renege}; NotFound 1/10: Resist > Force > {"));
  CHECK(ClassDistribution(r.summary) == "SETTLEMENT:durable 9/20, SETTLEMENT:broken 9/20, WAR 1/10");
}

}  // namespace
}  // namespace ncpmi::models

namespace ncpmi::models {
namespace {

TEST_CASE("with --concept sequential an imperfect-information game is decided by one sequential equilibrium",
          "[conditions]") {
  // assurance-trust at prior 3/5 > p* = 4/7: the target disarms; the one equilibrium settles.
  const ModelSpec& m = FindModel("assurance-trust");
  const Game game = m.build(ResolveParameters(m, {{"prior", MakeRational(3, 5)}}));
  AnalysisOptions options;
  options.solution_concept = SolutionConcept::kSequential;
  const GameAnalysis r = AnalyseGame(game, options);
  CHECK(r.decided_by == "sequential");
  CHECK(r.equilibria == 1);
  CHECK(r.verdict == Verdict::kAll);
  CHECK(r.summary.p_settlement == 1);
  // Perfect information is decided as before: every SPE is sequential there.
  const Game haiti = BuildScenario(ReadScenarioFile((std::filesystem::path(NCPMI_SOURCE_DIR) / "instances" / "haiti-1994.toml").string()));
  CHECK(AnalyseGame(haiti, options).decided_by == "enumeration");
  options.solution_concept = SolutionConcept::kNash;
  CHECK_THROWS_AS(AnalyseGame(game, options), InputError);
}

}  // namespace
}  // namespace ncpmi::models
