// `ncpmi convert`: read a game and write it normalised.
#include "commands.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"

namespace ncpmi::cli {

void AddConvertCommand(CLI::App& app) {
  struct ConvertOptions {
    std::string input, output;
    bool decimal = false;
  };
  auto o = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert a game file: .efg to normalised .efg (preorder, numbered by first use)");
  cmd->add_option("IN", o->input, "Input .efg file ('-' for standard input)")->required();
  cmd->add_option("OUT", o->output, "Output .efg file ('-' for standard output)")->required();
  cmd->add_flag("--decimal", o->decimal, "Write 'EFG 2 D' (decimal numbers; lossy for 1/3)");
  cmd->callback([o] {
    auto has_efg_extension = [](const std::string& path) {
      return path == "-" || (path.size() > 4 && path.compare(path.size() - 4, 4, ".efg") == 0);
    };
    if (!has_efg_extension(o->input)) throw InputError(o->input + ": unknown format (expected .efg)");
    if (!has_efg_extension(o->output)) throw InputError(o->output + ": unknown format (expected .efg)");
    const Game game = ReadEfgFile(o->input);
    WriteEfgFile(game, o->output, o->decimal ? EfgNumbers::kDecimal : EfgNumbers::kRational);
  });
}

}  // namespace ncpmi::cli
