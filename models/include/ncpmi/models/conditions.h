// Which NCPMI conditions produce a settlement: the settlement verdict of one game (every SPE,
// some, none at threshold tau), the 32-row truth table of a scenario, and its QCA summary.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/game.h"
#include "ncpmi/game/rational.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/models/outcome_class.h"
#include "ncpmi/models/qca.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::models {

// How many subgame-perfect equilibria reach P(S) >= tau.
enum class Verdict { kAll, kSome, kNo };
const char* VerdictName(Verdict v);  // "all", "some", "no"

struct AnalysisOptions {
  Rational threshold = MakeRational(1, 2);  // tau
  TieRule tie_rule = TieRule::kFirst;       // the equilibrium reported beside the verdict
  std::size_t max_equilibria = 1000;        // cap of the SPE enumeration (per node)
  ResourceLimits limits;                    // memory guard of the imperfect-information LPs
  double lp_time_limit_seconds = 0;         // per LP or MIP of an imperfect-information game; 0: none
  // kSubgamePerfect (default) or kSequential. Perfect information: the same (every SPE is
  // sequential there). Imperfect information: kSequential decides by one quasi-perfect, hence
  // sequential, equilibrium with its beliefs (two players moving per subgame; decided_by
  // "sequential"); kNash is refused (a verdict over subgames needs subgame perfection).
  SolutionConcept solution_concept = SolutionConcept::kSubgamePerfect;
};

// One move on the reported equilibrium's play.
struct PlayMove {
  NodeId node = kNoNode;
  NodeId child = kNoNode;  // the node the move leads to
  std::string label;   // the node's label
  std::string player;  // player name, or "chance"
  int player_number = 0;  // the game's player number (1-based), 0 for chance
  std::string action;
  Rational probability = 1;  // chance probability or behaviour probability
};

// One game solved for its settlement verdict and one reported equilibrium.
struct GameAnalysis {
  Verdict verdict = Verdict::kNo;
  // "sequential": imperfect information with AnalysisOptions::solution_concept kSequential, one
  // sequential equilibrium found (equilibria 1: others may exist).
  // "enumeration": perfect information, every distinct pure SPE outcome listed by branching at
  // ties (EnumerateSpeOutcomes). "selection": imperfect information, the SPE found by maximising
  // and by minimising P(S) in each subgame (SolveSubgamePerfect with kMaxProbability /
  // kMinProbability over the SETTLEMENT terminals): all if the minimising one settles, some if
  // only the maximising one does. Subgame-wise selection need not reach the global extremes.
  std::string decided_by;
  int equilibria = 0;   // enumeration: distinct pure SPE outcomes; selection: 2 (min and max)
  int settling = 0;     // how many of those reach P(S) >= tau
  bool complete = true; // enumeration not cut at the cap (a cut list gives "some" or a lower bound)
  Rational p_min = 0, p_max = 0;  // range of P(S) over those equilibria
  // The reported equilibrium: backward induction with the tie rule (perfect information), or the
  // subgame decomposition with selection "any".
  std::vector<Rational> payoffs;
  std::vector<std::pair<NodeId, Rational>> terminals;
  OutcomeSummary<Rational> summary;
  OutcomeClass main_class = OutcomeClass::kUnclassified;  // the most probable class (first on ties)
  std::vector<PlayMove> path;  // decision and chance moves on the play, in preorder
  int ties = 0;                // decision nodes with tied best actions (backward induction steps)
};

// Solves `game` exactly and decides its verdict at options.threshold. Single-threaded.
// O(game size × equilibria) for perfect information. Throws InputError / UnsupportedError as
// the solvers do. Thread-safe (imperfect-information LPs are serialised, GLPK being global).
GameAnalysis AnalyseGame(const Game& game, const AnalysisOptions& options);
// Same, with the backward-induction arrays of a perfect-information game solved into `scratch`
// (SolveBackwardInductionInto): sweeps that analyse many games of one size reuse them. Results
// are identical to the overload above. `scratch` must not be shared between threads.
GameAnalysis AnalyseGame(const Game& game, const AnalysisOptions& options, BiSolution<Rational>* scratch);

// "SETTLEMENT:durable 27/40, SETTLEMENT:broken 9/40, BACKDOWN 1/10": the classes with positive
// probability, in class order.
std::string ClassDistribution(const OutcomeSummary<Rational>& summary);
// "Abstain > Defy > Initiative > {Found 9/10: Accept > Endorse; NotFound 1/10: Resist > Force}":
// the actions of the play from the root; where it branches (chance, or a mixed choice) the
// branches in braces, each with its probability and the play below it. No recursion.
std::string FormatPath(const std::vector<PlayMove>& path);

struct ConditionsOptions {
  AnalysisOptions analysis;
  // Crisp outcome of a row whose verdict is "some": false (default) counts it as not settling
  // (sufficiency asks that every SPE settles), true as settling.
  bool some_settles = false;
  // Seconds for the 32 combinations (0: none), checked before each combination and passed to
  // the LPs as their time limit. When it runs out, AnalyseConditions throws TimeLimitReached.
  double time_limit_seconds = 0;
};

// What AnalyseConditions throws when options.time_limit_seconds runs out: "time limit reached
// after N of 32 combinations (--time-limit S)". A failure, not bad input (exit 1).
class TimeLimitReached : public std::runtime_error {
 public:
  TimeLimitReached(int done, int total, double seconds);
  int done = 0, total = 0;
};

constexpr int kNumConditions = 5;  // N C P M I

struct ConditionsRow {
  std::array<bool, kNumConditions> on{};  // N C P M I
  std::uint32_t Code() const;             // bit k = condition k (qca::Term convention)
  GameAnalysis result;
  bool settles = false;  // crisp outcome: verdict all (or some, with some_settles)
};

struct ConditionFit {
  std::string term;  // "N" or "~N"
  qca::Fit crisp;    // necessity of the term for settlement
  qca::Fit fuzzy;    // same with P(S) of the reported equilibrium as membership
};

struct ConditionsAnalysis {
  std::vector<std::string> letters;    // "N", "C", "P", "M", "I"
  std::vector<std::string> switches;   // the model's switch parameters, same order
  std::vector<std::string> players;
  std::array<bool, kNumConditions> scenario_on{};
  ConditionsOptions options;
  // 32 rows in truth-table order: row r has condition k present iff bit (4 - k) of r is set, so
  // 00000 (all absent) comes first and 11111 (all present) last.
  std::vector<ConditionsRow> rows;
  // Crisp-set QCA over the 32 rows (each row one case; no logical remainders).
  std::vector<ConditionFit> necessity;           // N, ~N, C, ~C, ...
  std::vector<qca::Term> primes;                 // prime implicants of the settling rows
  std::vector<std::vector<int>> solutions;       // minimal covers (indices into primes)
  qca::Fit solution_crisp, solution_fuzzy;       // of the first solution
  std::vector<std::string> SolutionTerms(std::size_t which) const;
  std::string SolutionFormula(std::size_t which) const;  // "N*C*P*M*I", "0" when empty
  // By switching single conditions in the scenario's own row.
  const ConditionsRow& ScenarioRow() const;
  const ConditionsRow& Row(const std::array<bool, kNumConditions>& on) const;
  // Letters present in the scenario whose removal alone (the others as in the scenario) turns its
  // verdict (all or some) into no: the conditions *pivotal in this scenario*. A counterfactual on
  // one row, not QCA necessity (the consistency in `necessity`, over all 32 rows).
  std::vector<std::string> Pivotal() const;
  // Letters present whose removal alone changes a settling verdict "all" into "some".
  std::vector<std::string> Weakening() const;
  // Letters absent in the scenario whose addition alone makes a non-settling row settle.
  std::vector<std::string> SufficientAdditions() const;
};

// Solves the scenario for all 32 combinations of the five condition switches (other parameters
// as in the scenario) in parallel with OpenMP — each thread builds and solves its own games, one
// row per iteration, so the result is identical for every thread count — and runs the QCA.
// Throws InputError when the model lacks one of the five switches or a row's game is invalid
// (the lowest such row's error, after the parallel region) or over options.analysis.limits, and
// TimeLimitReached when options.time_limit_seconds runs out before every row is done.
ConditionsAnalysis AnalyseConditions(const Scenario& scenario, const ConditionsOptions& options);

}  // namespace ncpmi::models
