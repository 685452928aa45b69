// Settlement verdicts (every SPE / some / none settle), the 32-row NCPMI truth table of a
// scenario, solved in parallel, and its crisp- and fuzzy-set QCA summary.
#include "ncpmi/models/conditions.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>

#include "ncpmi/bi/spe_enumeration.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"

namespace ncpmi::models {
namespace {

const char* const kLetterNames[kNumConditions] = {"N", "C", "P", "M", "I"};

Rational SettlementProbability(const Game& game, const std::vector<std::pair<NodeId, Rational>>& terminals) {
  return SummarizeOutcomes(game, terminals).p_settlement;
}

// Moves on the play that reaches `terminals`: every reached child of every reached non-terminal
// node, in preorder; `probability(node, action)` gives a decision's probability.
template <class Prob>
std::vector<PlayMove> PathOf(const Game& game, const std::vector<std::pair<NodeId, Rational>>& terminals,
                             Prob probability) {
  std::vector<NodeId> ends;
  for (const auto& t : terminals) ends.push_back(t.first);
  const std::vector<NodeId> path = ReachedNonterminals(game, ends);
  std::vector<NodeId> reached(path);
  reached.insert(reached.end(), ends.begin(), ends.end());
  std::sort(reached.begin(), reached.end());
  std::vector<PlayMove> moves;
  for (NodeId v : path) {
    const InfosetId h = game.Infoset(v);
    const int player = game.Player(v);
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      if (!std::binary_search(reached.begin(), reached.end(), c)) continue;
      const int a = c - game.ChildBegin(v);
      PlayMove m;
      m.node = v;
      m.child = c;
      m.label = game.NodeName(v);
      m.player = player == kChancePlayer ? std::string("chance") : game.PlayerName(player);
      m.player_number = player == kChancePlayer ? 0 : player;
      m.action = game.ActionName(h, a);
      m.probability = player == kChancePlayer ? game.ActionProbability(h, a) : probability(v, a);
      moves.push_back(std::move(m));
    }
  }
  return moves;
}

void FinishSummary(const Game& game, GameAnalysis* r) {
  r->summary = SummarizeOutcomes(game, r->terminals);
  int best = -1;
  for (int c = 0; c < kNumOutcomeClasses; ++c) {
    if (r->summary.p_class[static_cast<std::size_t>(c)] > 0 &&
        (best < 0 || r->summary.p_class[static_cast<std::size_t>(c)] > r->summary.p_class[static_cast<std::size_t>(best)])) {
      best = c;
    }
  }
  r->main_class = best < 0 ? OutcomeClass::kUnclassified : static_cast<OutcomeClass>(best);
}

Verdict FromCounts(int settling, int total) {
  if (settling == 0) return Verdict::kNo;
  return settling == total ? Verdict::kAll : Verdict::kSome;
}

GameAnalysis AnalysePerfectInformation(const Game& game, const AnalysisOptions& o, BiSolution<Rational>* scratch) {
  GameAnalysis r;
  BiOptions bi;
  bi.tie_rule = o.tie_rule;
  bi.threads = 1;
  BiSolution<Rational> own;
  BiSolution<Rational>& solution = scratch != nullptr ? *scratch : own;
  SolveBackwardInductionInto<Rational>(game, bi, &solution);
  PlayOutcome<Rational> play = PlayOf(game, solution);
  r.payoffs = std::move(play.payoffs);
  r.terminals = std::move(play.terminals);
  r.ties = static_cast<int>(solution.ties.size());
  r.path = PathOf(game, r.terminals, [](NodeId, int) { return Rational(1); });
  FinishSummary(game, &r);
  r.decided_by = "enumeration";
  if (solution.ties.empty()) {
    // Exact backward induction reports every tie, on and off the path. With none, every node has
    // exactly one SPE outcome, so the enumeration would list just this play. Sweeps meet this at
    // almost every point, and the enumeration's per-node sets of GMP vectors cost ~40% of a point.
    r.complete = true;
    r.equilibria = 1;
    r.p_min = r.p_max = r.summary.p_settlement;
    r.settling = r.p_min >= o.threshold ? 1 : 0;
    r.verdict = FromCounts(r.settling, r.equilibria);
    return r;
  }

  const SpeEnumeration<Rational> all = EnumerateSpeOutcomes<Rational>(game, o.max_equilibria);
  r.complete = all.complete;
  r.equilibria = static_cast<int>(all.outcomes.size());
  bool first = true;
  for (const PlayOutcome<Rational>& e : all.outcomes) {
    const Rational p = SettlementProbability(game, e.terminals);
    if (p >= o.threshold) ++r.settling;
    if (first || p < r.p_min) r.p_min = p;
    if (first || p > r.p_max) r.p_max = p;
    first = false;
  }
  r.verdict = FromCounts(r.settling, r.equilibria);
  return r;
}

// One quasi-perfect (hence sequential) equilibrium: its verdict is that equilibrium's, and says
// nothing of the others.
GameAnalysis AnalyseSequential(const Game& game, const AnalysisOptions& o) {
  GameAnalysis r;
  SpeOptions spe;
  spe.tie_rule = o.tie_rule;
  spe.limits = o.limits;
  spe.time_limit_seconds = o.lp_time_limit_seconds;
  spe.solution_concept = SolutionConcept::kSequential;
  SpeSolution<Rational> found;
#pragma omp critical(ncpmi_conditions_glpk)
  { found = SolveSubgamePerfect<Rational>(game, spe); }
  if (!found.verified || !found.assessment_verified) {
    throw UnsupportedError("the sequential equilibrium found failed its certificate");
  }
  ProfileOutcome<Rational> outcome = OutcomeOf(game, found.profile);
  r.payoffs = std::move(outcome.payoffs);
  r.terminals = std::move(outcome.terminals);
  r.ties = static_cast<int>(found.ties.size());
  r.path = PathOf(game, r.terminals, [&](NodeId v, int a) { return found.profile.Prob(game, game.Infoset(v), a); });
  FinishSummary(game, &r);
  r.decided_by = "sequential";
  r.p_min = r.p_max = r.summary.p_settlement;
  r.equilibria = 1;
  r.settling = r.summary.p_settlement >= o.threshold ? 1 : 0;
  r.verdict = FromCounts(r.settling, 1);
  return r;
}

GameAnalysis AnalyseImperfectInformation(const Game& game, const AnalysisOptions& o) {
  if (o.solution_concept == SolutionConcept::kSequential) return AnalyseSequential(game, o);
  if (o.solution_concept == SolutionConcept::kNash) {
    throw InputError("a settlement verdict needs subgame-perfect or sequential equilibria: --concept spe or sequential");
  }
  GameAnalysis r;
  SpeOptions spe;
  spe.tie_rule = o.tie_rule;
  spe.limits = o.limits;
  spe.time_limit_seconds = o.lp_time_limit_seconds;
  std::vector<char> settlement(static_cast<std::size_t>(game.NumNodes()), 0);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    settlement[static_cast<std::size_t>(v)] = game.IsTerminal(v) && IsSettlement(ClassifyTerminal(game.NodeName(v)));
  }
  // GLPK keeps global state: one LP at a time across the threads of AnalyseConditions.
  SpeSolution<Rational> any, high, low;
#pragma omp critical(ncpmi_conditions_glpk)
  {
    any = SolveSubgamePerfect<Rational>(game, spe);
    spe.selected_terminals = settlement;
    spe.selection = EquilibriumObjective::Kind::kMaxProbability;
    high = SolveSubgamePerfect<Rational>(game, spe);
    spe.selection = EquilibriumObjective::Kind::kMinProbability;
    low = SolveSubgamePerfect<Rational>(game, spe);
  }
  ProfileOutcome<Rational> outcome = OutcomeOf(game, any.profile);
  r.payoffs = std::move(outcome.payoffs);
  r.terminals = std::move(outcome.terminals);
  r.ties = static_cast<int>(any.ties.size());
  r.path = PathOf(game, r.terminals, [&](NodeId v, int a) { return any.profile.Prob(game, game.Infoset(v), a); });
  FinishSummary(game, &r);
  r.decided_by = "selection";
  r.p_max = SettlementProbability(game, OutcomeOf(game, high.profile).terminals);
  r.p_min = SettlementProbability(game, OutcomeOf(game, low.profile).terminals);
  r.equilibria = 2;
  r.settling = (r.p_max >= o.threshold ? 1 : 0) + (r.p_min >= o.threshold ? 1 : 0);
  r.verdict = FromCounts(r.settling, 2);
  return r;
}

}  // namespace

namespace {

std::string TimeLimitMessage(int done, int total, double seconds) {
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", seconds);
  return "time limit reached after " + std::to_string(done) + " of " + std::to_string(total) +
         " combinations (--time-limit " + limit + ")";
}

}  // namespace

TimeLimitReached::TimeLimitReached(int done_rows, int total_rows, double seconds)
    : std::runtime_error(TimeLimitMessage(done_rows, total_rows, seconds)), done(done_rows), total(total_rows) {}

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kAll: return "all";
    case Verdict::kSome: return "some";
    case Verdict::kNo: return "no";
  }
  return "?";
}

GameAnalysis AnalyseGame(const Game& game, const AnalysisOptions& options) {
  return AnalyseGame(game, options, nullptr);
}

GameAnalysis AnalyseGame(const Game& game, const AnalysisOptions& options, BiSolution<Rational>* scratch) {
  return game.IsPerfectInformation() ? AnalysePerfectInformation(game, options, scratch)
                                     : AnalyseImperfectInformation(game, options);
}

std::string ClassDistribution(const OutcomeSummary<Rational>& summary) {
  std::string out;
  for (int c = 0; c < kNumOutcomeClasses; ++c) {
    const Rational& p = summary.p_class[static_cast<std::size_t>(c)];
    if (p == 0) continue;
    out += (out.empty() ? "" : ", ") + std::string(OutcomeClassName(static_cast<OutcomeClass>(c))) + " " +
           FormatRational(p);
  }
  return out.empty() ? std::string("none") : out;
}

std::string FormatPath(const std::vector<PlayMove>& path) {
  if (path.empty()) return std::string();
  // The moves at each node, contiguous in `path` (preorder).
  std::map<NodeId, std::pair<std::size_t, std::size_t>> at;
  for (std::size_t i = 0; i < path.size(); ++i) {
    auto it = at.find(path[i].node);
    if (it == at.end()) {
      at.emplace(path[i].node, std::make_pair(i, i + 1));
    } else {
      it->second.second = i + 1;
    }
  }
  // Explicit stack of pieces: text to append, or a node whose moves to expand.
  struct Piece {
    std::string text;
    NodeId node = kNoNode;
  };
  std::string out;
  std::vector<Piece> stack{{std::string(), path.front().node}};
  while (!stack.empty()) {
    Piece piece = std::move(stack.back());
    stack.pop_back();
    if (piece.node == kNoNode) {
      out += piece.text;
      continue;
    }
    const auto [begin, end] = at.at(piece.node);
    std::vector<Piece> pieces;
    const bool branches = end - begin > 1 || path[begin].probability != 1;
    if (branches) pieces.push_back({"{"});
    for (std::size_t k = begin; k < end; ++k) {
      const PlayMove& m = path[k];
      if (k > begin) pieces.push_back({"; "});
      pieces.push_back({m.action + (branches ? " " + FormatRational(m.probability) : std::string())});
      if (at.count(m.child) != 0) {
        pieces.push_back({branches ? ": " : " > "});
        pieces.push_back({std::string(), m.child});
      }
    }
    if (branches) pieces.push_back({"}"});
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) stack.push_back(std::move(*it));
  }
  return out;
}

std::uint32_t ConditionsRow::Code() const {
  std::uint32_t code = 0;
  for (int k = 0; k < kNumConditions; ++k) {
    if (on[static_cast<std::size_t>(k)]) code |= std::uint32_t{1} << k;
  }
  return code;
}

std::vector<std::string> ConditionsAnalysis::SolutionTerms(std::size_t which) const {
  std::vector<std::string> terms;
  if (which >= solutions.size()) return terms;
  for (int i : solutions[which]) terms.push_back(qca::FormatTerm(primes[static_cast<std::size_t>(i)], letters));
  return terms;
}

std::string ConditionsAnalysis::SolutionFormula(std::size_t which) const {
  std::vector<qca::Term> terms;
  if (which < solutions.size()) {
    for (int i : solutions[which]) terms.push_back(primes[static_cast<std::size_t>(i)]);
  }
  return qca::FormatSum(terms, letters);
}

const ConditionsRow& ConditionsAnalysis::Row(const std::array<bool, kNumConditions>& on) const {
  std::size_t r = 0;
  for (int k = 0; k < kNumConditions; ++k) {
    if (on[static_cast<std::size_t>(k)]) r |= std::size_t{1} << (kNumConditions - 1 - k);
  }
  return rows.at(r);
}

const ConditionsRow& ConditionsAnalysis::ScenarioRow() const { return Row(scenario_on); }

std::vector<std::string> ConditionsAnalysis::Pivotal() const {
  std::vector<std::string> out;
  if (ScenarioRow().result.verdict == Verdict::kNo) return out;
  for (int k = 0; k < kNumConditions; ++k) {
    if (!scenario_on[static_cast<std::size_t>(k)]) continue;
    std::array<bool, kNumConditions> off = scenario_on;
    off[static_cast<std::size_t>(k)] = false;
    if (Row(off).result.verdict == Verdict::kNo) out.push_back(letters[static_cast<std::size_t>(k)]);
  }
  return out;
}

std::vector<std::string> ConditionsAnalysis::Weakening() const {
  std::vector<std::string> out;
  if (ScenarioRow().result.verdict != Verdict::kAll) return out;
  for (int k = 0; k < kNumConditions; ++k) {
    if (!scenario_on[static_cast<std::size_t>(k)]) continue;
    std::array<bool, kNumConditions> off = scenario_on;
    off[static_cast<std::size_t>(k)] = false;
    if (Row(off).result.verdict == Verdict::kSome) out.push_back(letters[static_cast<std::size_t>(k)]);
  }
  return out;
}

std::vector<std::string> ConditionsAnalysis::SufficientAdditions() const {
  std::vector<std::string> out;
  if (ScenarioRow().settles) return out;
  for (int k = 0; k < kNumConditions; ++k) {
    if (scenario_on[static_cast<std::size_t>(k)]) continue;
    std::array<bool, kNumConditions> with = scenario_on;
    with[static_cast<std::size_t>(k)] = true;
    if (Row(with).settles) out.push_back(letters[static_cast<std::size_t>(k)]);
  }
  return out;
}

ConditionsAnalysis AnalyseConditions(const Scenario& scenario, const ConditionsOptions& options) {
  const ModelSpec& model = FindModel(scenario.model);
  const std::map<char, std::string> switches = ConditionSwitches(model);
  ConditionsAnalysis a;
  a.options = options;
  for (int k = 0; k < kNumConditions; ++k) {
    const char letter = kLetterNames[k][0];
    const auto it = switches.find(letter);
    if (it == switches.end()) {
      throw InputError(scenario.path, std::max(scenario.model_location.line, 1),
                       std::max(scenario.model_location.column, 1),
                       "model " + model.name + " has no switch for condition " + letter +
                           ": the conditions analysis needs all five (N C P M I), as ncpmi-crisis has");
    }
    a.letters.emplace_back(1, letter);
    a.switches.push_back(it->second);
    a.scenario_on[static_cast<std::size_t>(k)] = scenario.values.at(it->second) != 0;
  }
  constexpr int kRows = 1 << kNumConditions;
  a.rows.resize(kRows);
  std::vector<std::exception_ptr> errors(kRows);
  std::vector<char> done(kRows, 0), input_error(kRows, 0);
  using Clock = std::chrono::steady_clock;
  const bool limited = options.time_limit_seconds > 0;
  const Clock::time_point deadline =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(limited ? options.time_limit_seconds : 0.0));
  auto seconds_left = [&] { return std::chrono::duration<double>(deadline - Clock::now()).count(); };
  AnalysisOptions base = options.analysis;
  base.limits.max_memory_bytes = MemoryLimitBytes(base.limits);  // read /proc/meminfo once
#pragma omp parallel for schedule(dynamic, 1)
  for (int r = 0; r < kRows; ++r) {
    if (limited && seconds_left() <= 0) continue;  // counted as not done below
    try {
      AnalysisOptions analysis = base;
      if (limited) {
        const double left = std::max(seconds_left(), 1e-3);
        if (analysis.lp_time_limit_seconds <= 0 || analysis.lp_time_limit_seconds > left) {
          analysis.lp_time_limit_seconds = left;
        }
      }
      ConditionsRow& row = a.rows[static_cast<std::size_t>(r)];
      ParameterValues overrides;
      for (int k = 0; k < kNumConditions; ++k) {
        row.on[static_cast<std::size_t>(k)] = (r >> (kNumConditions - 1 - k)) & 1;
        overrides[a.switches[static_cast<std::size_t>(k)]] = row.on[static_cast<std::size_t>(k)] ? 1 : 0;
      }
      const Game game = BuildScenario(scenario, overrides);
      if (analysis.limits.max_nodes != 0) {
        CheckNodeBudget(static_cast<std::uint64_t>(game.NumNodes()), 0, analysis.limits,
                        "the game of combination " + std::to_string(r), scenario.path);
      }
      row.result = AnalyseGame(game, analysis);
      row.settles = row.result.verdict == Verdict::kAll ||
                    (options.some_settles && row.result.verdict == Verdict::kSome);
      if (r == kRows - 1) {
        for (int p = 1; p <= game.NumPlayers(); ++p) a.players.push_back(game.PlayerName(p));
      }
      done[static_cast<std::size_t>(r)] = 1;
    } catch (const InputError&) {
      errors[static_cast<std::size_t>(r)] = std::current_exception();
      input_error[static_cast<std::size_t>(r)] = 1;
    } catch (...) {
      errors[static_cast<std::size_t>(r)] = std::current_exception();
    }
  }
  // Bad input first (it would fail again with more time); then the time limit, which also
  // explains an LP stopped by the time it was given; then any other failure.
  for (int r = 0; r < kRows; ++r) {
    if (input_error[static_cast<std::size_t>(r)]) std::rethrow_exception(errors[static_cast<std::size_t>(r)]);
  }
  const int finished = static_cast<int>(std::count(done.begin(), done.end(), 1));
  if (limited && finished < kRows && seconds_left() <= 0) {
    throw TimeLimitReached(finished, kRows, options.time_limit_seconds);
  }
  for (const std::exception_ptr& e : errors) {
    if (e) std::rethrow_exception(e);
  }

  // QCA: memberships per row (crisp condition, crisp and fuzzy outcome).
  std::vector<Rational> y_crisp, y_fuzzy;
  std::vector<std::uint32_t> settling;
  for (const ConditionsRow& row : a.rows) {
    y_crisp.emplace_back(row.settles ? 1 : 0);
    y_fuzzy.push_back(row.result.summary.p_settlement);
    if (row.settles) settling.push_back(row.Code());
  }
  for (int k = 0; k < kNumConditions; ++k) {
    for (const bool negated : {false, true}) {
      std::vector<Rational> x;
      for (const ConditionsRow& row : a.rows) x.emplace_back(row.on[static_cast<std::size_t>(k)] != negated ? 1 : 0);
      a.necessity.push_back({(negated ? "~" : "") + a.letters[static_cast<std::size_t>(k)],
                             qca::Necessity(x, y_crisp), qca::Necessity(x, y_fuzzy)});
    }
  }
  a.primes = qca::PrimeImplicants(kNumConditions, settling);
  a.solutions = qca::MinimalCovers(a.primes, settling);
  std::vector<Rational> s;
  for (const ConditionsRow& row : a.rows) {
    bool covered = false;
    if (!a.solutions.empty()) {
      for (int i : a.solutions.front()) covered = covered || a.primes[static_cast<std::size_t>(i)].Covers(row.Code());
    }
    s.emplace_back(covered ? 1 : 0);
  }
  a.solution_crisp = qca::Sufficiency(s, y_crisp);
  a.solution_fuzzy = qca::Sufficiency(s, y_fuzzy);
  return a;
}

}  // namespace ncpmi::models
