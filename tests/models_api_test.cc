// The model API: parameter resolution and its messages, deterministic and well-formed builds,
// outcome classes, presets, and the sanctions DAG's node saving.
#include <catch2/catch.hpp>

#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "models_test_util.h"
#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/structure.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/builders.h"
#include "ncpmi/models/presets.h"
#include "ncpmi/models/registry.h"

namespace ncpmi::models {
namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using testing::R;

Game BuildDefault(const ModelSpec& m) { return m.build(ResolveParameters(m, {})); }

bool IsSnakeCase(const std::string& s) {
  if (s.empty() || !std::islower(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

TEST_CASE("the model list names every bundled model once, in a fixed order", "[models]") {
  std::vector<std::string> names;
  for (const ModelSpec& m : ModelSpecs()) names.push_back(m.name);
  CHECK(names == std::vector<std::string>{"ultimatum", "security-assurance", "amnesty", "sanctions", "unsc-vote",
                                          "mediator", "audience-cost", "assurance-trust", "ncpmi-crisis",
                                          "haiti1994"});
  CHECK(&FindModel("sanctions") == &ModelSpecs()[3]);
  CHECK_THROWS_WITH(FindModel("nope"), StartsWith("unknown model 'nope' (known: ultimatum, security-assurance"));
}

TEST_CASE("every parameter has a snake_case name, a description and a default inside its range", "[models]") {
  for (const ModelSpec& m : ModelSpecs()) {
    CAPTURE(m.name);
    CHECK(!m.summary.empty());
    CHECK(!m.anchor.empty());
    for (const ParameterSpec& p : m.parameters) {
      CAPTURE(p.name);
      CHECK(IsSnakeCase(p.name));
      CHECK(!p.description.empty());
      CHECK(p.min <= p.default_value);
      CHECK(p.default_value <= p.max);
      if (p.kind == ParameterKind::kBoolean) CHECK((p.min == 0 && p.max == 1));
      if (p.condition != 0) CHECK(p.kind == ParameterKind::kBoolean);
    }
  }
}

TEST_CASE("resolving parameters fills in defaults and keeps given values", "[models]") {
  const ModelSpec& m = FindModel("ultimatum");
  const ParameterValues v = ResolveParameters(m, {{"p", R(1, 3)}});
  CHECK(v.size() == m.parameters.size());
  CHECK(v.at("p") == R(1, 3));
  CHECK(v.at("w_c") == R(1, 5));
}

TEST_CASE("resolving parameters rejects unknown names, wrong kinds and values out of range with messages",
          "[models]") {
  const ModelSpec& m = FindModel("sanctions");
  CHECK_THROWS_AS(ResolveParameters(m, {{"rouds", 3}}), InputError);
  CHECK_THROWS_WITH(ResolveParameters(m, {{"rouds", 3}}),
                    StartsWith("parameter rouds: unknown parameter of model sanctions (known: rounds, levels,"));
  CHECK_THROWS_WITH(ResolveParameters(m, {{"rounds", R(5, 2)}}), "parameter rounds: must be an integer, got 5/2");
  CHECK_THROWS_WITH(ResolveParameters(m, {{"rounds", 13}}),
                    "parameter rounds: 13 is outside the valid range [1, 12]");
  CHECK_THROWS_WITH(ResolveParameters(m, {{"kappa", R(-1, 10)}}),
                    "parameter kappa: -1/10 is outside the valid range [0, 100]");
  CHECK_THROWS_WITH(ResolveParameters(FindModel("ncpmi-crisis"), {{"pain", 2}}),
                    "parameter pain: must be a boolean (0 or 1, false or true), got 2");
  CHECK_THROWS_WITH(ResolveParameters(FindModel("haiti1994"), {{"p", 1}}),
                    "parameter p: unknown parameter of model haiti1994 (it has none)");
}

TEST_CASE("a builder called without resolved values names the missing parameter", "[models]") {
  CHECK_THROWS_WITH(FindModel("ultimatum").build({}), StartsWith("parameter p: missing"));
}

TEST_CASE("combinations of in-range values that make an invalid game are parameter errors", "[models]") {
  const ModelSpec& sa = FindModel("security-assurance");
  CHECK_THROWS_WITH(sa.build(ResolveParameters(sa, {{"strategic_coercer", 0}, {"q", R(1, 10)}, {"assurance_effect", R(1, 5)}})),
                    "parameter assurance_effect: the regime-change probability under an assurance, q - "
                    "assurance_effect = -1/10 is outside [0, 1]");
  const ModelSpec& sanctions = FindModel("sanctions");
  CHECK_THROWS_WITH(sanctions.build(ResolveParameters(sanctions, {{"pain", R(1, 10)}, {"pain_growth", R(-1, 10)}})),
                    StartsWith("parameter pain_growth: the pain of sanction level 1 at accumulated intensity 2"));
  CHECK_THROWS_WITH(sanctions.build(ResolveParameters(sanctions, {{"rounds", 12}, {"levels", 3}})),
                    StartsWith("parameter rounds: the unfolded game tree would have more than 2000000 nodes"));
  CHECK_THROWS_AS(CountSanctionsNodes(ResolveParameters(sanctions, {{"rounds", 12}, {"levels", 3}})), InputError);
}

// Checks one built game (not stored: a Game is checked where it is built).
void CheckWellFormed(const std::string& name, const Game& game) {
  CAPTURE(name);
  const GameStructure s = AnalyzeStructure(game);
  CHECK(s.perfect_recall);
  // Only models with a private type have information sets (the target cannot see the type).
  CHECK(game.IsPerfectInformation() == (name != "assurance-trust" && name != "audience-cost"));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.IsTerminal(v)) {
      CAPTURE(game.NodeName(v));
      CHECK(ClassifyTerminal(game.NodeName(v)) != OutcomeClass::kUnclassified);
    }
  }
  // Round trip through the .efg writer and reader keeps the game.
  CHECK(WriteEfgString(ReadEfg(WriteEfgString(game), name)) == WriteEfgString(game));
}

TEST_CASE("every model's default game and every preset builds deterministically with perfect recall", "[models]") {
  for (const ModelSpec& m : ModelSpecs()) {
    const Game game = BuildDefault(m);
    CHECK(WriteEfgString(game) == WriteEfgString(BuildDefault(m)));
    CheckWellFormed(m.name, game);
  }
  for (const Preset& p : Presets()) {
    const ModelSpec& m = FindModel(p.model);
    CheckWellFormed(p.name, m.build(ResolveParameters(m, p.values)));
  }
}

TEST_CASE("the haiti1994 model is the bundled fixed game", "[models]") {
  CHECK(WriteEfgString(BuildDefault(FindModel("haiti1994"))) == WriteEfgString(BuildHaiti1994()));
  CHECK(WriteEfgString(BuildModel("haiti1994")) == WriteEfgString(BuildHaiti1994()));
}

TEST_CASE("terminal labels are classified by their first token", "[models]") {
  CHECK(ClassifyTerminal("SETTLEMENT:durable") == OutcomeClass::kSettlementDurable);
  CHECK(ClassifyTerminal("SETTLEMENT:broken roadmap violated") == OutcomeClass::kSettlementBroken);
  CHECK(ClassifyTerminal("SETTLEMENT") == OutcomeClass::kSettlement);
  CHECK(ClassifyTerminal("WAR over demand 1") == OutcomeClass::kWar);
  CHECK(ClassifyTerminal("BACKDOWN") == OutcomeClass::kBackdown);
  CHECK(ClassifyTerminal("UNILATERAL force") == OutcomeClass::kUnilateral);
  CHECK(ClassifyTerminal("STATUS_QUO") == OutcomeClass::kStatusQuo);
  CHECK(ClassifyTerminal("STALEMATE no roadmap") == OutcomeClass::kStalemate);
  CHECK(ClassifyTerminal("SETTLEMENTS") == OutcomeClass::kUnclassified);
  CHECK(ClassifyTerminal("war") == OutcomeClass::kUnclassified);
  CHECK(ClassifyTerminal("") == OutcomeClass::kUnclassified);
  for (int c = 0; c + 1 < kNumOutcomeClasses; ++c) {
    CHECK(ClassifyTerminal(OutcomeClassName(static_cast<OutcomeClass>(c))) == static_cast<OutcomeClass>(c));
  }
  CHECK(IsSettlement(OutcomeClass::kSettlement));
  CHECK(IsDurableSettlement(OutcomeClass::kSettlement));
  CHECK_FALSE(IsDurableSettlement(OutcomeClass::kSettlementBroken));
  CHECK_FALSE(IsSettlement(OutcomeClass::kStalemate));
}

TEST_CASE("the outcome summary of the Haiti 1994 game gives P(S) = 1 and P(durable) = 3/4 in both arithmetics",
          "[models]") {
  const Game game = BuildHaiti1994();
  const SpeSolution<Rational> exact = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  const OutcomeSummary<Rational> q = SummarizeOutcomes(game, OutcomeOf(game, exact.profile).terminals);
  CHECK(q.p_settlement == 1);
  CHECK(q.p_durable == R(3, 4));
  CHECK(q.Probability(OutcomeClass::kSettlementBroken) == R(1, 4));
  const SpeSolution<double> approx = SolveSubgamePerfect<double>(game, SpeOptions{});
  const OutcomeSummary<double> d = SummarizeOutcomes(game, OutcomeOf(game, approx.profile).terminals);
  CHECK(d.p_settlement == Approx(1.0));
  CHECK(d.p_durable == Approx(0.75));
  CHECK(d.Probability(OutcomeClass::kWar) == 0.0);
}

// Sizes by hand: round t has (levels - 1)(t - 1) + 1 states of 4 vertices (target, coercer,
// compliance, lift); the final threat has (levels - 1) R + 1 states of 3. The tree repeats a
// round-t state once per path: levels^(t-1) copies.
std::int64_t DagFormula(int rounds, int levels) {
  std::int64_t n = 0;
  for (int t = 1; t <= rounds; ++t) n += 4 * ((levels - 1) * (t - 1) + 1);
  return n + 3 * ((levels - 1) * rounds + 1);
}
std::int64_t TreeFormula(int rounds, int levels) {
  std::int64_t n = 0, copies = 1;
  for (int t = 1; t <= rounds; ++t, copies *= levels) n += 4 * copies;
  return n + 3 * copies;
}

TEST_CASE("the sanctions DAG merges states by accumulated intensity and saves nodes over the tree", "[models]") {
  const ModelSpec& m = FindModel("sanctions");
  for (int levels = 1; levels <= 3; ++levels) {
    for (int rounds = 1; rounds <= 6; ++rounds) {
      const ParameterValues v = ResolveParameters(m, {{"rounds", rounds}, {"levels", levels}});
      const SanctionsNodeCounts c = CountSanctionsNodes(v);
      CAPTURE(rounds, levels);
      CHECK(c.dag_nodes == DagFormula(rounds, levels));
      CHECK(c.tree_nodes == TreeFormula(rounds, levels));
      CHECK(c.tree_nodes == m.build(v).NumNodes());
      if (levels == 1) CHECK(c.dag_nodes == c.tree_nodes);  // a chain: nothing to merge
      if (levels > 1 && rounds > 1) CHECK(c.dag_nodes < c.tree_nodes);
    }
  }
  const SanctionsNodeCounts big = CountSanctionsNodes(ResolveParameters(m, {{"rounds", 10}, {"levels", 3}}));
  CHECK(big.dag_nodes == 463);
  CHECK(big.tree_nodes == 295243);
}

TEST_CASE("the unfolded sanctions tree reuses one outcome per DAG edge and solves like the chain", "[models]") {
  const ModelSpec& m = FindModel("sanctions");
  const Game game = m.build(ResolveParameters(m, {{"rounds", 4}, {"levels", 2}}));
  // Outcomes: one per distinct terminal vertex and one per sanction edge of the DAG, far fewer than nodes.
  CHECK(game.NumOutcomes() < game.NumNodes() / 2);
  const BiSolution<Rational> s = SolveBackwardInduction<Rational>(game, BiOptions{});
  const PlayOutcome<Rational> play = PlayOf(game, s);
  CHECK(SummarizeOutcomes(game, play.terminals).p_settlement == 1);
}

TEST_CASE("every preset names a model, resolves, and has a source note for every value", "[models]") {
  std::vector<std::string> names;
  for (const Preset& p : Presets()) {
    CAPTURE(p.name);
    names.push_back(p.name);
    CHECK(!p.summary.empty());
    CHECK(!p.sources.empty());
    const ModelSpec& m = FindModel(p.model);
    CHECK_NOTHROW(ResolveParameters(m, p.values));
    for (const auto& [name, value] : p.values) {
      CAPTURE(name);
      CHECK(p.notes.count(name) == 1);
      CHECK(!p.notes.at(name).empty());
    }
  }
  CHECK(names == std::vector<std::string>{"haiti-1994", "haiti-1993", "north-korea-2017", "iran-2015",
                                          "bosnia-1995", "libya-2011", "kosovo-1999", "iraq-2003",
                                          "syria-2013"});
  CHECK_THROWS_WITH(FindPreset("haiti"), StartsWith("unknown preset 'haiti' (known: haiti-1994, haiti-1993"));
}

}  // namespace
}  // namespace ncpmi::models
