// Entry point of `ncpmi`: parses the command line and maps errors to exit codes
// (0 ok, 1 failure, 2 bad input or usage). The one try/catch of the tool.
#include <gmp.h>
#include <omp.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string>

#ifdef NCPMI_WITH_MIMALLOC
#include <mimalloc.h>
#endif

#include "commands.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/io/bounded_read.h"
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

namespace {

constexpr char kOutOfMemory[] =
    "out of memory (an allocation failed; --max-memory refuses work it can estimate before allocating it)\n";

// "ncpmi: FILE: out of memory (...)", with FILE the command's input when one has been read.
std::string OutOfMemoryMessage() {
  const std::string input = ncpmi::CurrentInputName();
  return "ncpmi: " + (input.empty() ? std::string() : input + ": ") + kOutOfMemory;
}

// An allocation failure where no exception can travel (inside GMP, an OpenMP region, a noexcept
// function): the one line, the temporaries removed, exit 2. Writes with write(2) only.
[[noreturn]] void ExitOutOfMemory() noexcept {
  static const char kLine[] = "ncpmi: ";
  const char* input = ncpmi::CurrentInputName();
  ssize_t ignored = ::write(STDERR_FILENO, kLine, sizeof kLine - 1);
  if (input[0] != '\0') {
    ignored = ::write(STDERR_FILENO, input, std::strlen(input));
    ignored = ::write(STDERR_FILENO, ": ", 2);
  }
  ignored = ::write(STDERR_FILENO, kOutOfMemory, sizeof kOutOfMemory - 1);
  (void)ignored;
  ncpmi::RemoveTemporariesNow();
  ::_exit(2);
}

void OnTerminate() {
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::bad_alloc&) {
      ExitOutOfMemory();
    } catch (...) {
    }
  }
  ncpmi::RemoveTemporariesNow();
  std::abort();
}

// GMP's allocation functions: GMP cannot report a failure, so a failure ends the process here.
void* GmpAllocate(std::size_t n) {
  void* p = std::malloc(n);
  if (p == nullptr) ExitOutOfMemory();
  return p;
}
void* GmpReallocate(void* p, std::size_t, std::size_t n) {
  void* q = std::realloc(p, n);
  if (q == nullptr) ExitOutOfMemory();
  return q;
}
void GmpFree(void* p, std::size_t) { std::free(p); }

}  // namespace

int main(int argc, char** argv) {
  std::set_terminate(OnTerminate);
#ifdef NCPMI_WITH_MIMALLOC
  // mimalloc (a C build) aborts when operator new fails; it reports the failure first.
  mi_register_error([](int error, void*) { if (error == ENOMEM) ExitOutOfMemory(); }, nullptr);
#endif
  mp_set_memory_functions(GmpAllocate, GmpReallocate, GmpFree);
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
    std::cerr << OutOfMemoryMessage();
    return 2;
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
