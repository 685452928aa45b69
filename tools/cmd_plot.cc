// `ncpmi plot`: one-parameter curves and two-parameter phase diagrams of a sweep CSV, through
// gnuplot (PDF, PNG) or as a pgfplots picture (.tex).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include "commands.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/models/draw_plot.h"
#include "ncpmi/models/table_render.h"

namespace ncpmi::cli {
namespace {

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Runs gnuplot on `script` (fed on standard input). Throws UnsupportedError when gnuplot is
// missing or fails.
void RunGnuplot(const std::string& script) {
  if (std::system("command -v gnuplot >/dev/null 2>&1") != 0) {
    throw UnsupportedError(
        "gnuplot is not installed (Debian: apt-get install gnuplot-nox, or scripts/install-deps.sh); "
        "write FIG.tex for pgfplots or save the script with --script instead");
  }
  FILE* pipe = popen("gnuplot", "w");
  if (pipe == nullptr) throw UnsupportedError("cannot start gnuplot");
  std::fwrite(script.data(), 1, script.size(), pipe);
  int status = pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw UnsupportedError("gnuplot failed (its message is above)");
  }
}

}  // namespace

void AddPlotCommand(CLI::App& app) {
  struct PlotCliOptions {
    std::string input;
    std::string output;
    std::string script;
    models::PlotOptions plot;
    bool bare = false;
  };
  auto o = std::make_shared<PlotCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "plot", "Plot a sweep CSV: P(settlement) against one parameter, or a phase diagram over two");
  cmd->add_option("CSV", o->input, "CSV file with a header line (e.g. a sweep); '-' for standard input")
      ->required();
  cmd->add_option("-o,--output", o->output,
                  "FIG.pdf or FIG.png (gnuplot, cairo terminals), FIG.tex (pgfplots) or FIG.gp (the "
                  "gnuplot script only)")
      ->required();
  cmd->add_option("--x", o->plot.x, "Column on the horizontal axis")->required();
  cmd->add_option("--y", o->plot.y, "Column on the vertical axis: a phase diagram coloured by --z");
  cmd->add_option("--z", o->plot.z,
                  "Plotted column: numbers, verdicts (all 1, some 1/2, no 0) or booleans")
      ->capture_default_str();
  cmd->add_option("--group", o->plot.group, "Curves: one curve per value of this column");
  cmd->add_option("--title", o->plot.title, "Title");
  cmd->add_option("--xlabel", o->plot.xlabel, "Axis label (default: the column name)");
  cmd->add_option("--ylabel", o->plot.ylabel, "Axis label (default: the column name)");
  cmd->add_option("--zlabel", o->plot.zlabel, "Label of --z (default: the column name)");
  cmd->add_option("--script", o->script, "Also save the gnuplot script to this file");
  cmd->add_flag("--bare", o->bare, ".tex: a bare tikzpicture to \\input (default: a standalone document)");
  cmd->callback([o] {
    std::string text;
    if (o->input == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      std::ifstream in(o->input, std::ios::binary);
      if (!in) throw InputError(o->input + ": cannot read the file");
      text.assign(std::istreambuf_iterator<char>(in), {});
    }
    const models::Table table = models::ParseCsv(text, o->input);
    o->plot.standalone = !o->bare;
    if (EndsWith(o->output, ".tex")) {
      std::ostringstream out;
      models::WritePgfplots(table, o->plot, out);
      WriteOutput(o->output, out.str());
      return;
    }
    std::string terminal;
    if (EndsWith(o->output, ".pdf")) {
      terminal = "pdfcairo";
    } else if (EndsWith(o->output, ".png")) {
      terminal = "pngcairo";
    } else if (!EndsWith(o->output, ".gp")) {
      throw InputError("-o " + o->output + ": the extension must be .pdf, .png, .tex or .gp");
    }
    if (terminal.empty()) {
      WriteOutput(o->output, models::GnuplotScript(table, o->plot, "pdfcairo",
                                                    o->output.substr(0, o->output.size() - 3) + ".pdf"));
      return;
    }
    const std::string script = models::GnuplotScript(table, o->plot, terminal, o->output);
    if (!o->script.empty()) WriteOutput(o->script, script);
    // gnuplot writes the figure into a temporary file beside it, renamed over FIG once gnuplot
    // has finished without error: a failed or interrupted plot leaves no half-written figure.
    AtomicFile figure(o->output);
    if (figure.temporary_path().empty()) {
      RunGnuplot(script);  // a device or FIFO: written directly
      return;
    }
    RunGnuplot(models::GnuplotScript(table, o->plot, terminal, figure.temporary_path()));
    figure.Commit();
  });
}

}  // namespace ncpmi::cli
