// `ncpmi solve`: subgame-perfect equilibria of a perfect-information game by backward induction.
#include <algorithm>
#include <iostream>
#include <map>

#include "commands.h"
#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/bi/number_traits.h"
#include "ncpmi/bi/spe_enumeration.h"
#include "ncpmi/io/efg.h"
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
};

template <class T>
void Solve(const Game& game, const SolveOptions& o, int threads) {
  SolveReport<T> report;
  report.file = o.file == "-" ? "<stdin>" : o.file;
  report.exact = NumberTraits<T>::kExact;
  report.threads = threads;
  BiOptions bi;
  bi.tie_rule = o.ties;
  bi.threads = threads;
  const BiSolution<T> solution = SolveBackwardInduction<T>(game, bi);
  report.ties = solution.ties;
  if (o.all) {
    SpeEnumeration<T> all = EnumerateSpeOutcomes<T>(game, o.max_equilibria);
    report.method = "backward-induction-all";
    report.tie_rule = "all";
    report.equilibria = std::move(all.outcomes);
    report.complete = all.complete;
    report.cap = o.max_equilibria;
    report.cap_node = all.cap_node;
    if (!all.complete) {
      std::cerr << "ncpmi: warning: more than " << o.max_equilibria
                << " distinct SPE outcomes (cut at node " << all.cap_node
                << "); the list is incomplete, raise --max-equilibria\n";
    }
  } else {
    report.method = "backward-induction";
    report.tie_rule = o.ties == TieRule::kFirst ? "first" : "last";
    report.equilibria.push_back(PlayOf(game, solution));
  }
  // A tie is on the path when the play of a listed equilibrium reaches its node: the union of
  // the paths is the set of ancestors of all their terminals, found in one sweep.
  std::vector<NodeId> terminals;
  for (const PlayOutcome<T>& equilibrium : report.equilibria) {
    for (const auto& t : equilibrium.terminals) terminals.push_back(t.first);
  }
  std::vector<NodeId> reached = ReachedNonterminals(game, terminals);
  std::sort(reached.begin(), reached.end());
  for (const Tie& tie : report.ties) {
    report.tie_on_path.push_back(std::binary_search(reached.begin(), reached.end(), tie.node));
  }
  WriteReport(game, report, o.format, std::cout);
}

}  // namespace

void AddSolveCommand(CLI::App& app) {
  auto o = std::make_shared<SolveOptions>();
  CLI::App* cmd = app.add_subcommand(
      "solve", "Solve a game: a pure subgame-perfect equilibrium by backward induction");
  cmd->add_option("FILE", o->file, "Gambit .efg file ('-' for standard input)")->required();
  cmd->add_flag("--exact", o->exact, "Exact rational arithmetic (fractions in the output)");
  cmd->add_option("--ties", o->ties, "Rule at ties: first or last listed best action")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, TieRule>{{"first", TieRule::kFirst}, {"last", TieRule::kLast}}));
  cmd->add_flag("--all", o->all, "Enumerate every distinct pure SPE outcome (branch at ties)");
  cmd->add_option("--max-equilibria", o->max_equilibria,
                  "Cap on distinct outcomes kept per node with --all")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--format", o->format, "Output: text, json or csv")
      ->transform(CLI::CheckedTransformer(std::map<std::string, OutputFormat>{
          {"text", OutputFormat::kText}, {"json", OutputFormat::kJson}, {"csv", OutputFormat::kCsv}}));
  cmd->callback([o] {
    const int threads = ApplyThreads(o->threads);
    const Game game = ReadEfgFile(o->file);
    if (o->exact) {
      Solve<Rational>(game, *o, threads);
    } else {
      Solve<double>(game, *o, threads);
    }
  });
}

}  // namespace ncpmi::cli
