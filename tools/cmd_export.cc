// `ncpmi export`: write a scenario's game as a Gambit .efg file whose comment records the
// scenario (title, model, conditions, every parameter value with its source note).
#include <memory>

#include "commands.h"
#include "limits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::cli {
namespace {

std::string Quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// End of the quoted string starting at text[at] == '"' (one past the closing quote).
std::size_t SkipQuoted(const std::string& text, std::size_t at) {
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i;
    } else if (text[i] == '"') {
      return i + 1;
    }
  }
  throw std::logic_error("export: unterminated string in the written .efg header");
}

// Replaces the title and the comment of a normalised .efg text (as WriteEfg writes it:
// `EFG 2 R "title" { "player" ... }` on the first line, the quoted comment on the second).
std::string Retitle(const std::string& efg, const std::string& title, const std::string& comment) {
  const std::size_t title_begin = efg.find('"');
  const std::size_t title_end = SkipQuoted(efg, title_begin);
  std::size_t i = title_end;
  while (i < efg.size() && efg[i] != '}') i = efg[i] == '"' ? SkipQuoted(efg, i) : i + 1;
  const std::size_t comment_begin = efg.find('"', i);
  const std::size_t comment_end = SkipQuoted(efg, comment_begin);
  return efg.substr(0, title_begin) + Quoted(title) + efg.substr(title_end, comment_begin - title_end) +
         Quoted(comment) + efg.substr(comment_end);
}

}  // namespace

void AddExportCommand(CLI::App& app) {
  struct ExportOptions {
    std::string scenario;
    std::string output = "-";
    bool decimal = false;
    LimitFlags limits;
  };
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Write a scenario's game as a Gambit .efg file (the comment records the scenario)");
  cmd->add_option("SCENARIO", o->scenario, "Scenario file (.toml; '-' for standard input)")->required();
  cmd->add_option("-o,--output", o->output, "Output .efg file ('-' for standard output)")
      ->capture_default_str();
  cmd->add_flag("--decimal", o->decimal, "Write 'EFG 2 D' with decimal numbers (default: exact 'EFG 2 R')");
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    const models::Scenario scenario = models::ReadScenarioFile(o->scenario, o->limits.Limits());
    const Game game = BuildScenarioWithin(scenario, o->limits.Limits());
    const std::string title = scenario.title.empty() ? game.Title() : scenario.title + " -- " + game.Title();
    const std::string text =
        Retitle(WriteEfgString(game, o->decimal ? EfgNumbers::kDecimal : EfgNumbers::kRational), title,
                models::ScenarioComment(scenario));
    WriteOutput(o->output, text);
  });
}

}  // namespace ncpmi::cli
