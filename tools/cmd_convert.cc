// `ncpmi convert`: read a game (.efg or .nfg, by content) and write it normalised as .efg or .nfg.
#include <string_view>

#include "commands.h"
#include "limits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/game_file.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi::cli {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

void AddConvertCommand(CLI::App& app) {
  struct ConvertOptions {
    std::string input, output, to;
    bool decimal = false;
    LimitFlags limits;
  };
  auto o = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand(
      "convert",
      "Convert a game file (.efg or .nfg, recognised by its first word) to normalised .efg "
      "(preorder, numbered by first use) or .nfg (strategic-form-shaped games only)");
  cmd->add_option("IN", o->input, "Input .efg or .nfg file ('-' for standard input)")->required();
  cmd->add_option("OUT", o->output,
                  "Output file: its extension .efg or .nfg gives the format ('-' for standard "
                  "output, .efg unless --to says otherwise)")
      ->required();
  cmd->add_flag("--decimal", o->decimal,
                "Write decimal numbers ('EFG 2 D' or 'NFG 1 D'; lossy for 1/3)");
  cmd->add_option("--to", o->to, "Output format, overriding the extension of OUT")
      ->check(CLI::IsMember({"efg", "nfg"}));
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    const ResourceLimits limits = o->limits.Limits();
    std::string format = o->to;
    const std::string by_name = EndsWith(o->output, ".efg")   ? "efg"
                                : EndsWith(o->output, ".nfg") ? "nfg"
                                                              : "";
    if (format.empty()) {
      if (o->output == "-") {
        format = "efg";
      } else if (by_name.empty()) {
        throw InputError(o->output + ": unknown output format (expected a name ending in .efg or "
                                     ".nfg, or --to efg|nfg)");
      } else {
        format = by_name;
      }
    } else if (!by_name.empty() && by_name != format) {
      throw InputError("--to " + format + " contradicts the extension of " + o->output);
    }
    const Game game = ReadGameWithin(o->input, limits);
    const EfgNumbers numbers = o->decimal ? EfgNumbers::kDecimal : EfgNumbers::kRational;
    if (format == "efg") {
      WriteEfgFile(game, o->output, numbers);
      return;
    }
    try {
      WriteNfgFile(game, o->output, numbers);
    } catch (const UnsupportedError& e) {
      throw UnsupportedError((o->input == "-" ? std::string("<stdin>") : o->input) + ": " + e.what());
    }
  });
}

}  // namespace ncpmi::cli
