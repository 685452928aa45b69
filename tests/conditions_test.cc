// The NCPMI conditions analysis of the bundled scenarios, derived by solving the model: verdicts,
// necessity, the amnesty and assurance variants, QCA, and thread-count independence.
#include <catch2/catch.hpp>

#include <omp.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/bi/spe_enumeration.h"
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
  // shortcut to what the enumeration gives, over a grid that crosses the thresholds of docs/models.md.
  const Scenario base = Load("haiti-1994");
  int tie_free = 0, tied = 0;
  for (int wt = 0; wt <= 10; ++wt) {
    for (int bc = 0; bc <= 10; ++bc) {
      for (const char* pain : {"0", "1"}) {
        const Scenario s = With(base, {{"w_t", R(wt, 10)}, {"b_c", R(bc, 10)}, {"pain", R(pain[0] - '0')}});
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

TEST_CASE("Haiti 1994 settles with all five conditions and every one of them is necessary", "[conditions]") {
  const Scenario s = Load("haiti-1994");
  const ConditionsAnalysis a = AnalyseConditions(s, ConditionsOptions{});
  REQUIRE(a.rows.size() == 32);
  const ConditionsRow& all = a.ScenarioRow();
  CHECK(&all == &a.rows.back());
  CHECK(all.result.verdict == Verdict::kAll);
  CHECK(all.result.summary.p_settlement == R(9, 10));
  CHECK(all.result.summary.p_durable == R(27, 40));
  CHECK(all.result.decided_by == "enumeration");
  CHECK(a.Necessary() == kAll);
  CHECK(a.Weakening().empty());
  // No row with a condition missing settles, so the complex solution is the full conjunction.
  CHECK(a.SolutionFormula(0) == "N*C*P*M*I");
  CHECK(a.solutions.size() == 1);
  CHECK(*a.solution_crisp.consistency == 1);
  CHECK(*a.solution_crisp.coverage == 1);
  CHECK(*a.solution_fuzzy.consistency == R(9, 10));
  CHECK(*a.solution_fuzzy.coverage == 1);
  // Each condition is necessary in the QCA sense too (consistency 1), covering 1 of its 16 rows.
  for (const ConditionFit& f : a.necessity) {
    CAPTURE(f.term);
    CHECK(*f.crisp.consistency == (f.term[0] == '~' ? 0 : 1));
    CHECK(*f.crisp.coverage == (f.term[0] == '~' ? R(0) : R(1, 16)));
  }
}

TEST_CASE("the Haiti 1994 scenario with an unenforced amnesty settles in every SPE, but never durably", "[conditions]") {
  const GameAnalysis r = Analyse(With(Load("haiti-1994"), {{"enforcement", 0}}));
  CHECK(r.verdict == Verdict::kAll);
  CHECK(r.summary.p_settlement >= R(1, 2));
  CHECK(r.summary.p_durable == 0);
}

TEST_CASE("Haiti 1993 (no credible force) has no settling SPE, and adding C alone does not settle it",
          "[conditions]") {
  const Scenario s = Load("haiti-1993");
  const ConditionsAnalysis a = AnalyseConditions(s, ConditionsOptions{});
  CHECK(a.ScenarioRow().result.verdict == Verdict::kNo);
  CHECK(a.ScenarioRow().result.p_max == 0);
  CHECK(a.Necessary().empty());
  CHECK(a.SufficientAdditions().empty());  // C and M are both missing
  // Same institutions and numbers with all five conditions: settles (the 1994 outcome).
  CHECK(a.rows.back().result.verdict == Verdict::kAll);
}

TEST_CASE("North Korea: pressure alone does not settle, pressure with a credible assurance does", "[conditions]") {
  const Scenario s = Load("north-korea-2017");
  CHECK(Analyse(s).verdict == Verdict::kNo);  // weakly credible assurance: q = 9/20 > q* = 3/7
  const Scenario credible = With(s, {{"enforcement", R(1, 2)}});
  const GameAnalysis deal = Analyse(credible);
  CHECK(deal.verdict == Verdict::kAll);
  CHECK(deal.summary.p_settlement == 1);
  CHECK(deal.summary.p_durable == R(3, 4));
  // Pressure alone: no assurance offered and no mediated roadmap.
  CHECK(Analyse(With(credible, {{"assurance_offer", 0}, {"initiative", 0}})).verdict == Verdict::kNo);
  // With the credible assurance, pain and no-veto are necessary; the mediator is not.
  const ConditionsAnalysis a = AnalyseConditions(credible, ConditionsOptions{});
  const std::vector<std::string> necessary = a.Necessary();
  CHECK(std::find(necessary.begin(), necessary.end(), "P") != necessary.end());
  CHECK(std::find(necessary.begin(), necessary.end(), "N") != necessary.end());
  CHECK(std::find(necessary.begin(), necessary.end(), "I") == necessary.end());
}

TEST_CASE("the other bundled scenarios give the documented verdicts", "[conditions]") {
  CHECK(Analyse(Load("iran-2015")).verdict == Verdict::kAll);
  CHECK(Analyse(Load("bosnia-1995")).verdict == Verdict::kAll);
  const GameAnalysis libya = Analyse(Load("libya-2011"));
  CHECK(libya.verdict == Verdict::kNo);
  CHECK(libya.main_class == OutcomeClass::kWar);
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
  CHECK_THAT(path, Catch::Matchers::StartsWith("Abstain > Defy > Sanction > "));
  CHECK_THAT(path, Catch::Matchers::Contains(
                       "Initiative > {Found 9/10: Accept > Endorse > {Honoured 3/4; Violated 1/4}; NotFound 1/10: "));
  CHECK(ClassDistribution(r.summary) == "SETTLEMENT:durable 27/40, SETTLEMENT:broken 9/40, WAR 1/10");
}

}  // namespace
}  // namespace ncpmi::models
