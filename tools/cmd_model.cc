// `ncpmi model`: write a bundled model as a .efg file.
#include <iostream>

#include "commands.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/registry.h"

namespace ncpmi::cli {

void AddModelCommand(CLI::App& app) {
  struct ModelOptions {
    std::string name;
    std::string output = "-";
    bool list = false;
  };
  auto o = std::make_shared<ModelOptions>();
  CLI::App* cmd = app.add_subcommand("model", "Write a bundled model as a Gambit .efg file");
  cmd->add_option("NAME", o->name, "Model name (see --list)");
  cmd->add_flag("--list", o->list, "List the bundled models");
  cmd->add_option("-o,--output", o->output, "Output file ('-' for standard output)")
      ->capture_default_str();
  cmd->callback([o] {
    if (o->list || o->name.empty()) {
      for (const auto& m : models::Models()) std::cout << m.name << "\t" << m.description << '\n';
      return;
    }
    WriteEfgFile(models::BuildModel(o->name), o->output);
  });
}

}  // namespace ncpmi::cli
