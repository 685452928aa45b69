// `ncpmi solve`: a subgame-perfect (or Nash, or sequential) equilibrium — backward induction for
// perfect information, subgame decomposition with LP, LCP, MIP or enumeration for the subgames with
// imperfect information.
#include <fnmatch.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "commands.h"
#include "limits.h"
#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/bi/bi_certificate.h"
#include "ncpmi/bi/number_traits.h"
#include "ncpmi/bi/spe_enumeration.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/game_file.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/scenario.h"
#include "output.h"

namespace ncpmi::cli {
namespace {

struct SolveOptions {
  std::string file;
  bool exact = false;
  TieRule ties = TieRule::kFirst;
  bool all = false;
  std::size_t max_equilibria = 1000;
  int threads = 0;
  OutputFormat format = OutputFormat::kText;
  SolveMethod method = SolveMethod::kAuto;
  SolutionConcept solution_concept = SolutionConcept::kSubgamePerfect;
  std::string objective = "any";
  std::string maximize_prob;
  std::string minimize_prob;
  std::uint64_t max_profiles = 1000000;
  bool verbose = false;
  double time_limit = 0;
  LimitFlags limit_flags;
  ResourceLimits limits;  // from limit_flags, when the command runs
};

// Terminal nodes whose label or outcome name matches the shell pattern (fnmatch).
std::vector<char> MatchTerminals(const Game& game, const std::string& pattern,
                                 const std::string& flag) {
  std::vector<char> selected(static_cast<std::size_t>(game.NumNodes()), 0);
  std::size_t count = 0;
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (!game.IsTerminal(v)) continue;
    const OutcomeId o = game.Outcome(v);
    if (fnmatch(pattern.c_str(), game.NodeName(v).c_str(), 0) == 0 ||
        (o != kNoOutcome && fnmatch(pattern.c_str(), game.OutcomeName(o).c_str(), 0) == 0)) {
      selected[static_cast<std::size_t>(v)] = 1;
      ++count;
    }
  }
  if (count == 0) {
    throw InputError(flag + " '" + pattern +
                     "' matches no terminal node (patterns match terminal node labels and outcome "
                     "names, shell-style: * ? [...])");
  }
  return selected;
}

template <class T>
void FinishTies(const Game& game, SolveReport<T>* report) {
  // A tie is on the path when the play of a listed equilibrium reaches its node: the union of
  // the paths is the set of ancestors of all their terminals, found in one sweep.
  std::vector<NodeId> terminals;
  for (const PlayOutcome<T>& equilibrium : report->equilibria) {
    for (const auto& t : equilibrium.terminals) terminals.push_back(t.first);
  }
  std::vector<NodeId> reached = ReachedNonterminals(game, terminals);
  std::sort(reached.begin(), reached.end());
  for (const Tie& tie : report->ties) {
    report->tie_on_path.push_back(std::binary_search(reached.begin(), reached.end(), tie.node));
  }
}

template <class T>
std::string GainList(const SolveReport<T>& report) {
  std::string gains;
  for (const T& g : report.max_gain) gains += (gains.empty() ? "" : ", ") + FormatNumber(g);
  return gains;
}

template <class T>
void RequireVerified(const SolveReport<T>& report) {
  if (report.verified) return;
  throw UnsupportedError("the answer above is NOT a verified equilibrium (largest deviation gains " +
                         GainList(report) + ")");
}

template <class T>
void SolveByBackwardInduction(const Game& game, const SolveOptions& o, SolveReport<T>* report) {
  BiOptions bi;
  bi.tie_rule = o.ties;
  bi.threads = report->threads;
  const BiSolution<T> solution = SolveBackwardInduction<T>(game, bi);
  report->ties = solution.ties;
  const BiCertificate<T> certificate = CertifyBackwardInduction(game, solution);
  report->verified = certificate.verified;
  report->max_gain = certificate.gain;
  report->certificate = "one-shot deviations at every decision node";
  if (o.all) {
    SpeEnumeration<T> all = EnumerateSpeOutcomes<T>(game, o.max_equilibria);
    report->method = "backward-induction-all";
    report->tie_rule = "all";
    report->equilibria = std::move(all.outcomes);
    report->complete = all.complete;
    report->cap = o.max_equilibria;
    report->cap_node = all.cap_node;
    if (!all.complete) {
      std::cerr << "ncpmi: warning: more than " << o.max_equilibria
                << " distinct SPE outcomes (cut at node " << all.cap_node
                << "); the list is incomplete, raise --max-equilibria\n";
    }
  } else {
    report->method = "backward-induction";
    report->equilibria.push_back(PlayOf(game, solution));
  }
}

// --- scenario files: the report above plus outcome classes, P(settlement), P(durable) and the
// verdict (all / some / no SPE settle), added after the .efg report so its lines and keys stay.

nlohmann::ordered_json JsonValue(const Rational& v, bool exact) {
  if (exact) return FormatRational(v);
  return ToDouble(v);
}

std::string TextValue(const Rational& v, bool exact) {
  return exact ? FormatRational(v) : FormatNumber(ToDouble(v));
}

template <class T>
Rational ToExact(const T& v) {
  if constexpr (std::is_same_v<T, Rational>) {
    return v;
  } else {
    return Rational(v);
  }
}

std::string OnOff(const models::Scenario& scenario) {
  std::string out;
  const std::map<char, std::string> switches = models::ConditionSwitches(models::FindModel(scenario.model));
  for (const char letter : std::string("NCPMI")) {
    const auto it = switches.find(letter);
    if (it == switches.end()) continue;
    out += std::string(out.empty() ? "" : ", ") + letter + (scenario.values.at(it->second) != 0 ? " on" : " off");
  }
  return out.empty() ? std::string("none (the model has no condition switches)") : out;
}

template <class T>
void WriteScenarioReport(const Game& game, const SolveReport<T>& report, const models::Scenario& scenario,
                         const models::GameAnalysis& verdict, const Rational& threshold, OutputFormat format,
                         const std::string& base, std::ostream& out) {
  const bool exact = report.exact;
  std::vector<models::OutcomeSummary<T>> summaries;
  for (const PlayOutcome<T>& e : report.equilibria) summaries.push_back(models::SummarizeOutcomes(game, e.terminals));
  const std::string verdict_line =
      std::string(models::VerdictName(verdict.verdict)) + " (" + std::to_string(verdict.settling) + " of " +
      std::to_string(verdict.equilibria) +
      (verdict.decided_by == "enumeration" ? " distinct pure SPE outcome(s)" : " selected SPE (max and min P(S))") +
      " reach P(S) >= " + FormatRational(threshold) + ")";
  if (format == OutputFormat::kText) {
    out << base << "\nscenario: " << (scenario.title.empty() ? "(untitled)" : scenario.title) << " ["
        << scenario.path << "], model " << scenario.model << '\n';
    out << "conditions: " << OnOff(scenario) << '\n';
    for (std::size_t e = 0; e < summaries.size(); ++e) {
      out << "equilibrium " << e + 1 << ": P(settlement) " << FormatNumber(summaries[e].p_settlement)
          << ", P(durable settlement) " << FormatNumber(summaries[e].p_durable) << "; outcome classes:";
      bool first = true;
      for (int c = 0; c < models::kNumOutcomeClasses; ++c) {
        const T& p = summaries[e].p_class[static_cast<std::size_t>(c)];
        if (p == T(0)) continue;
        out << (first ? " " : ", ") << models::OutcomeClassName(static_cast<models::OutcomeClass>(c)) << ' '
            << FormatNumber(p);
        first = false;
      }
      out << '\n';
    }
    out << "verdict: " << verdict_line << "; P(S) over them from " << TextValue(verdict.p_min, exact) << " to "
        << TextValue(verdict.p_max, exact)
        << (verdict.decided_by == "enumeration"
                ? std::string(", every pure SPE outcome enumerated (branching at ties)")
                : std::string(", decided by SPE selection maximising and minimising P(S) in each subgame"))
        << (verdict.complete ? "" : "; INCOMPLETE enumeration (cap hit)") << '\n';
    return;
  }
  auto classes = [&](const models::OutcomeSummary<T>& s) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (int c = 0; c < models::kNumOutcomeClasses; ++c) {
      const T& p = s.p_class[static_cast<std::size_t>(c)];
      if (p != T(0)) j[models::OutcomeClassName(static_cast<models::OutcomeClass>(c))] = JsonValue(ToExact(p), exact);
    }
    return j;
  };
  if (format == OutputFormat::kJson) {
    nlohmann::ordered_json j = ReportJson(game, report);
    for (std::size_t e = 0; e < summaries.size() && e < j["equilibria"].size(); ++e) {
      j["equilibria"][e]["p_settlement"] = JsonValue(ToExact(summaries[e].p_settlement), exact);
      j["equilibria"][e]["p_durable"] = JsonValue(ToExact(summaries[e].p_durable), exact);
      j["equilibria"][e]["outcome_classes"] = classes(summaries[e]);
    }
    nlohmann::ordered_json conditions = nlohmann::ordered_json::object();
    const std::map<char, std::string> switches = models::ConditionSwitches(models::FindModel(scenario.model));
    for (const char letter : std::string("NCPMI")) {
      const auto it = switches.find(letter);
      if (it != switches.end()) conditions[std::string(1, letter)] = scenario.values.at(it->second) != 0;
    }
    nlohmann::ordered_json parameters = nlohmann::ordered_json::object();
    for (const auto& [name, value] : scenario.values) parameters[name] = FormatRational(value);
    j["scenario"] = {{"file", scenario.path},     {"title", scenario.title},
                     {"threshold", FormatRational(threshold)}, {"conditions", std::move(conditions)},
                     {"parameters", std::move(parameters)}};
    j["model"] = scenario.model;
    if (!summaries.empty()) {
      j["p_settlement"] = JsonValue(ToExact(summaries.front().p_settlement), exact);
      j["p_durable"] = JsonValue(ToExact(summaries.front().p_durable), exact);
      j["outcome_classes"] = classes(summaries.front());
    }
    j["verdict"] = {{"settle", models::VerdictName(verdict.verdict)},
                    {"threshold", FormatRational(threshold)},
                    {"decided_by", verdict.decided_by},
                    {"equilibria", verdict.equilibria},
                    {"settling", verdict.settling},
                    {"complete", verdict.complete},
                    {"p_settlement_min", JsonValue(verdict.p_min, exact)},
                    {"p_settlement_max", JsonValue(verdict.p_max, exact)}};
    out << j.dump(2) << '\n';
    return;
  }
  // CSV: one row per (equilibrium, reached terminal) after the header, in the report's order.
  std::vector<std::string> lines;
  std::istringstream in(base);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::size_t rows = 0;
  for (const PlayOutcome<T>& e : report.equilibria) rows += e.terminals.size();
  if (lines.size() != rows + 1) throw std::logic_error("scenario CSV: unexpected row count");
  out << lines[0] << ",outcome_class,p_settlement,p_durable,verdict\n";
  std::size_t line = 1;
  for (std::size_t e = 0; e < report.equilibria.size(); ++e) {
    for (const auto& t : report.equilibria[e].terminals) {
      out << lines[line++] << ','
          << models::OutcomeClassName(models::ClassifyTerminal(game.NodeName(t.first))) << ','
          << FormatNumber(summaries[e].p_settlement) << ',' << FormatNumber(summaries[e].p_durable) << ','
          << models::VerdictName(verdict.verdict) << '\n';
    }
  }
}

template <class T>
void Solve(const Game& game, const SolveOptions& o, int threads,
           const models::Scenario* scenario = nullptr) {
  SolveReport<T> report;
  report.file = o.file == "-" ? "<stdin>" : o.file;
  report.exact = NumberTraits<T>::kExact;
  report.threads = threads;
  report.tie_rule = o.ties == TieRule::kFirst ? "first" : "last";
  SpeOptions spe;
  spe.solution_concept = o.solution_concept;
  report.concept_name = ConceptName(o.solution_concept);
  spe.method = o.method;
  spe.tie_rule = o.ties;
  spe.max_profiles = o.max_profiles;
  spe.verbose = o.verbose;
  spe.time_limit_seconds = o.time_limit;
  spe.limits = o.limits;
  report.selection = "any";
  if (!o.maximize_prob.empty()) {
    spe.selection = EquilibriumObjective::Kind::kMaxProbability;
    spe.selected_terminals = MatchTerminals(game, o.maximize_prob, "--maximize-prob");
    report.selection = "max-prob " + o.maximize_prob;
  } else if (!o.minimize_prob.empty()) {
    spe.selection = EquilibriumObjective::Kind::kMinProbability;
    spe.selected_terminals = MatchTerminals(game, o.minimize_prob, "--minimize-prob");
    report.selection = "min-prob " + o.minimize_prob;
  } else if (o.objective == "max-total") {
    spe.selection = EquilibriumObjective::Kind::kMaxTotalPayoff;
    report.selection = "max-total-payoff";
  }
  const bool sequential = o.solution_concept == SolutionConcept::kSequential;
  if (sequential && o.all) {
    throw InputError("--all lists pure SPE outcomes; it cannot be combined with --concept sequential");
  }
  // Sequential: the decomposition also for perfect information, which gives the beliefs (trivial).
  const bool pure_bi = game.IsPerfectInformation() && !sequential &&
                       (o.method == SolveMethod::kAuto ||
                        o.method == SolveMethod::kBackwardInduction) &&
                       spe.selection == EquilibriumObjective::Kind::kAny;
  SpeSolution<T> solution;
  if (pure_bi || o.all) {
    if (o.all && spe.selection != EquilibriumObjective::Kind::kAny) {
      throw InputError("--all lists every pure SPE outcome; it cannot be combined with "
                       "--objective, --maximize-prob or --minimize-prob");
    }
    SolveByBackwardInduction(game, o, &report);
  } else {
    solution = SolveSubgamePerfect<T>(game, spe);
    ProfileOutcome<T> outcome = OutcomeOf(game, solution.profile);
    PlayOutcome<T> play;
    play.payoffs = std::move(outcome.payoffs);
    play.terminals = std::move(outcome.terminals);
    report.equilibria.push_back(std::move(play));
    report.method = "subgame-decomposition";
    report.ties = solution.ties;
    report.verified = solution.verified;
    report.max_gain = solution.max_gain;
    report.certificate = "best-response gains in every subgame";
    report.profile = &solution.profile;
    report.subgames = solution.subgames;
    report.backward_induction_steps = solution.backward_induction_steps;
    if (sequential) {
      report.beliefs = &solution.beliefs;
      report.bayes_error = solution.bayes_error;
      report.belief_sum_error = solution.belief_sum_error;
      report.certificate =
          "sequential rationality at every information set given the beliefs, Bayes' rule where "
          "reached, beliefs summing to 1; best-response gains in every subgame";
    }
  }
  FinishTies(game, &report);
  // An assessment that fails its certificate is no sequential equilibrium: nothing is printed.
  if (sequential && !report.verified) {
    throw UnsupportedError("the assessment found failed its certificate (largest gains " + GainList(report) +
                           ", Bayes error " + FormatNumber(report.bayes_error) + ", belief sum error " +
                           FormatNumber(report.belief_sum_error) + "); no answer is printed");
  }
  if (scenario == nullptr) {
    WriteReport(game, report, o.format, std::cout);
  } else {
    std::ostringstream base;  // text and CSV gain lines and columns; JSON is built as an object
    if (o.format != OutputFormat::kJson) WriteReport(game, report, o.format, base);
    models::AnalysisOptions analysis;
    analysis.threshold = scenario->threshold;
    analysis.tie_rule = o.ties;
    analysis.max_equilibria = o.max_equilibria;
    analysis.limits = o.limits;
    const models::GameAnalysis verdict = models::AnalyseGame(game, analysis);
    WriteScenarioReport(game, report, *scenario, verdict, scenario->threshold, o.format, base.str(), std::cout);
  }
  std::cout.flush();
  RequireVerified(report);
}

// Whether standard input holds a scenario rather than a game: a scenario file opens with a TOML
// comment, table or key (`ncpmi models NAME --template | ncpmi solve -`), a game file with EFG or
// NFG. Peeks at the first character without taking it from the buffer the readers share.
bool StdinHoldsScenario() {
  const int c = std::cin.rdbuf()->sgetc();
  return c == '#' || c == '[' || (c >= 'a' && c <= 'z');
}

}  // namespace

void AddSolveCommand(CLI::App& app) {
  auto o = std::make_shared<SolveOptions>();
  CLI::App* cmd = app.add_subcommand(
      "solve",
      "Solve a game: a subgame-perfect (or Nash, or sequential) equilibrium (backward induction; "
      "LP, Lemke, MIP or enumeration for subgames with imperfect information), certified");
  cmd->add_option("FILE", o->file,
                  "Gambit .efg or .nfg file ('-' for standard input), or a scenario file (.toml; on "
                  "standard input, recognised by its first character: '#', '[' or a key)")
      ->required();
  cmd->add_flag("--exact", o->exact, "Exact rational arithmetic (fractions in the output)");
  cmd->add_option("--method", o->method,
                  "auto, bi, lp, lcp, mip or pure: how subgames with imperfect information are "
                  "solved (auto: lp for 2-player constant-sum, lcp (Lemke) for other 2-player "
                  "subgames, mip when an equilibrium is selected, pure for more players)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, SolveMethod>{
          {"auto", SolveMethod::kAuto},
          {"bi", SolveMethod::kBackwardInduction},
          {"lp", SolveMethod::kLp},
          {"lcp", SolveMethod::kLcp},
          {"mip", SolveMethod::kMip},
          {"pure", SolveMethod::kPure}}));
  cmd->add_option("--concept", o->solution_concept,
                  "spe (subgame-perfect, the default), nash (a Nash equilibrium of the whole game) or "
                  "sequential (a quasi-perfect, hence sequential, equilibrium with beliefs at every "
                  "information set; two players moving per subgame with imperfect information)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, SolutionConcept>{
          {"spe", SolutionConcept::kSubgamePerfect},
          {"nash", SolutionConcept::kNash},
          {"sequential", SolutionConcept::kSequential}}));
  cmd->add_option("--ties", o->ties, "Rule at ties: first or last listed best action")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, TieRule>{{"first", TieRule::kFirst}, {"last", TieRule::kLast}}));
  cmd->add_option("--objective", o->objective,
                  "Which equilibrium to pick in each subgame: any or max-total (largest sum of "
                  "payoffs)")
      ->check(CLI::IsMember({"any", "max-total"}));
  auto* max_prob = cmd->add_option(
      "--maximize-prob", o->maximize_prob,
      "Pick, in each subgame, an equilibrium maximising the probability of the terminal nodes "
      "whose label or outcome name matches this shell pattern (e.g. 'SETTLEMENT*')");
  cmd->add_option("--minimize-prob", o->minimize_prob,
                  "Same, minimising that probability")
      ->excludes(max_prob);
  cmd->add_flag("--all", o->all, "Enumerate every distinct pure SPE outcome (branch at ties)");
  cmd->add_option("--max-equilibria", o->max_equilibria,
                  "Cap on distinct outcomes kept per node with --all")
      ->check(WholeNumberAtLeast(1));
  cmd->add_option("--max-profiles", o->max_profiles,
                  "Largest number of pure profiles --method pure may check in one subgame")
      ->check(WholeNumberAtLeast(1))
      ->capture_default_str();
  AddTimeLimitFlag(cmd, &o->time_limit,
                   "Seconds per LP, LCP or MIP (0: none, but the MIP then stops after 600 s per solver "
                   "call); reaching it is a failure (exit 1)");
  AddLimitFlags(cmd, &o->limit_flags);
  cmd->add_flag("--verbose", o->verbose, "Show the LP/MIP solver's log on standard error");
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--format", o->format, "Output: text, json or csv")
      ->transform(CLI::CheckedTransformer(std::map<std::string, OutputFormat>{
          {"text", OutputFormat::kText}, {"json", OutputFormat::kJson}, {"csv", OutputFormat::kCsv}}));
  cmd->callback([o] {
    const int threads = ApplyThreads(o->threads);
    o->limits = o->limit_flags.Limits();
    const std::string name = o->file == "-" ? std::string("<stdin>") : o->file;
    if (models::IsScenarioPath(o->file) || (o->file == "-" && StdinHoldsScenario())) {
      const models::Scenario scenario = models::ReadScenarioFile(o->file, o->limits);
      const Game game = BuildScenarioWithin(scenario, o->limits);
      CheckSolveBudget(game, o->exact, o->limits, name);
      NamingInput(name, [&] {
        if (o->exact) {
          Solve<Rational>(game, *o, threads, &scenario);
        } else {
          Solve<double>(game, *o, threads, &scenario);
        }
      });
      return;
    }
    const Game game = ReadGameWithin(o->file, o->limits);
    CheckSolveBudget(game, o->exact, o->limits, name);
    NamingInput(name, [&] {
      if (o->exact) {
        Solve<Rational>(game, *o, threads);
      } else {
        Solve<double>(game, *o, threads);
      }
    });
  });
}

}  // namespace ncpmi::cli
