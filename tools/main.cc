// Entry point of `ncpmi`: parses the command line and maps errors to exit codes
// (0 ok, 1 failure, 2 bad input or usage). The one try/catch of the tool.
#include <omp.h>

#include <cstdio>
#include <exception>
#include <iostream>
#include <new>
#include <string>

#ifdef NCPMI_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "commands.h"
#include "ncpmi/game/error.h"
#include "ncpmi/sweep/runner.h"

namespace ncpmi::cli {

int ApplyThreads(int threads) {
  if (threads < 0) throw InputError("--threads must be 0 (all cores) or positive");
  if (threads > 0) omp_set_num_threads(threads);
  return omp_get_max_threads();
}

// "mimalloc 2.0.9" or "C library malloc": the allocator decides much of a sweep's speed.
std::string AllocatorName() {
#ifdef NCPMI_WITH_MIMALLOC
  const int v = mi_version();
  return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." + std::to_string(v % 10);
#else
  return "C library malloc";
#endif
}

}  // namespace ncpmi::cli

int main(int argc, char** argv) {
  CLI::App app{"NCPMI Solver: subgame-perfect equilibria of extensive-form games of coercive "
               "diplomacy"};
  app.set_version_flag("--version", std::string("ncpmi ") + NCPMI_VERSION + " (allocator: " +
                                        ncpmi::cli::AllocatorName() + "; MPI: " +
                                        (ncpmi::sweep::MpiAvailable() ? "yes" : "no") + ")");
  // At most one subcommand; "none" is reported after parsing, so an unknown flag is named
  // as such instead of hiding behind "a subcommand is required".
  app.require_subcommand(0, 1);
  ncpmi::cli::AddSolveCommand(app);
  ncpmi::cli::AddGenCommand(app);
  ncpmi::cli::AddConvertCommand(app);
  ncpmi::cli::AddInfoCommand(app);
  ncpmi::cli::AddModelCommand(app);
  ncpmi::cli::AddModelsCommand(app);
  ncpmi::cli::AddBenchCommand(app);
  ncpmi::cli::AddExportCommand(app);
  ncpmi::cli::AddConditionsCommand(app);
  ncpmi::cli::AddSweepCommand(app);
  ncpmi::cli::AddMergeCommand(app);
  ncpmi::cli::AddDrawCommand(app);
  ncpmi::cli::AddTableCommand(app);
  ncpmi::cli::AddPlotCommand(app);
  ncpmi::cli::AddQcaCommand(app);
  ncpmi::cli::AddRobustnessCommand(app);
  try {
    app.parse(argc, argv);
    if (app.get_subcommands().empty()) {
      std::cerr << "ncpmi: a subcommand is required: solve, gen, convert, info, model, models, bench, "
                   "export, conditions, sweep, merge, draw, table, plot, qca or robustness "
                   "(see --help)\n";
      return 2;
    }
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ncpmi: " << e.what() << " (see --help)\n";
    return 2;
  } catch (const ncpmi::InputError& e) {
    std::cerr << "ncpmi: " << e.what() << '\n';
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "ncpmi: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "ncpmi: " << e.what() << '\n';
    return 1;
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "ncpmi: error writing standard output\n";
    return 1;
  }
  return 0;
}
