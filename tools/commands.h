// Subcommand registration for the `ncpmi` tool; each lives in its own cmd_*.cc.
#pragma once

#include <CLI/CLI.hpp>

namespace ncpmi::cli {

// Each adds its subcommand to `app` and sets the callback that runs it.
void AddSolveCommand(CLI::App& app);
void AddGenCommand(CLI::App& app);
void AddConvertCommand(CLI::App& app);
void AddInfoCommand(CLI::App& app);
void AddModelCommand(CLI::App& app);
void AddModelsCommand(CLI::App& app);
void AddBenchCommand(CLI::App& app);
void AddExportCommand(CLI::App& app);      // scenario -> .efg
void AddConditionsCommand(CLI::App& app);  // the NCPMI truth table and QCA of a scenario
void AddSweepCommand(CLI::App& app);       // parameter sweeps (cmd_sweep.cc)
void AddMergeCommand(CLI::App& app);       // merge of sweep shards (cmd_merge.cc)
void AddDrawCommand(CLI::App& app);        // game trees as DOT / TikZ
void AddTableCommand(CLI::App& app);       // results as LaTeX / Markdown / CSV / HTML tables
void AddPlotCommand(CLI::App& app);        // sweep curves and phase diagrams
void AddQcaCommand(CLI::App& app);         // cross-case QCA over scenario files
void AddRobustnessCommand(CLI::App& app);  // claims over a box of plausible values (cmd_robustness.cc)

// Applies --threads (0 keeps OpenMP's default) and returns the count in effect.
int ApplyThreads(int threads);

}  // namespace ncpmi::cli
