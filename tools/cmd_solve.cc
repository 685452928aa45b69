// `ncpmi solve`: a subgame-perfect equilibrium — backward induction for perfect information,
// subgame decomposition with LP, MIP or enumeration for the subgames with imperfect information.
#include <fnmatch.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "commands.h"
#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/bi/bi_certificate.h"
#include "ncpmi/bi/number_traits.h"
#include "ncpmi/bi/spe_enumeration.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/game_file.h"
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
  std::string objective = "any";
  std::string maximize_prob;
  std::string minimize_prob;
  std::uint64_t max_profiles = 1000000;
  bool verbose = false;
  double time_limit = 0;
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
void RequireVerified(const SolveReport<T>& report) {
  if (report.verified) return;
  std::string gains;
  for (const T& g : report.max_gain) gains += (gains.empty() ? "" : ", ") + FormatNumber(g);
  throw UnsupportedError("the answer above is NOT a verified equilibrium (largest deviation gains " +
                         gains + ")");
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

template <class T>
void Solve(const Game& game, const SolveOptions& o, int threads) {
  SolveReport<T> report;
  report.file = o.file == "-" ? "<stdin>" : o.file;
  report.exact = NumberTraits<T>::kExact;
  report.threads = threads;
  report.tie_rule = o.ties == TieRule::kFirst ? "first" : "last";
  SpeOptions spe;
  spe.method = o.method;
  spe.tie_rule = o.ties;
  spe.max_profiles = o.max_profiles;
  spe.verbose = o.verbose;
  spe.time_limit_seconds = o.time_limit;
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
  const bool pure_bi = game.IsPerfectInformation() &&
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
  }
  FinishTies(game, &report);
  WriteReport(game, report, o.format, std::cout);
  std::cout.flush();
  RequireVerified(report);
}

}  // namespace

void AddSolveCommand(CLI::App& app) {
  auto o = std::make_shared<SolveOptions>();
  CLI::App* cmd = app.add_subcommand(
      "solve",
      "Solve a game: a subgame-perfect equilibrium (backward induction; LP, MIP or enumeration "
      "for subgames with imperfect information), certified");
  cmd->add_option("FILE", o->file, "Gambit .efg or .nfg file ('-' for standard input)")->required();
  cmd->add_flag("--exact", o->exact, "Exact rational arithmetic (fractions in the output)");
  cmd->add_option("--method", o->method,
                  "auto, bi, lp, mip or pure: how subgames with imperfect information are solved "
                  "(auto: lp for 2-player constant-sum, mip for 2-player, pure otherwise)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, SolveMethod>{
          {"auto", SolveMethod::kAuto},
          {"bi", SolveMethod::kBackwardInduction},
          {"lp", SolveMethod::kLp},
          {"mip", SolveMethod::kMip},
          {"pure", SolveMethod::kPure}}));
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
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-profiles", o->max_profiles,
                  "Largest number of pure profiles --method pure may check in one subgame")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--time-limit", o->time_limit, "Seconds per LP or MIP (0: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--verbose", o->verbose, "Show the LP/MIP solver's log on standard error");
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--format", o->format, "Output: text, json or csv")
      ->transform(CLI::CheckedTransformer(std::map<std::string, OutputFormat>{
          {"text", OutputFormat::kText}, {"json", OutputFormat::kJson}, {"csv", OutputFormat::kCsv}}));
  cmd->callback([o] {
    const int threads = ApplyThreads(o->threads);
    const Game game = ReadGameFile(o->file);
    if (o->exact) {
      Solve<Rational>(game, *o, threads);
    } else {
      Solve<double>(game, *o, threads);
    }
  });
}

}  // namespace ncpmi::cli
