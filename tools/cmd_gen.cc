// `ncpmi gen`: seeded random games for tests and benchmarks.
#include <map>

#include "commands.h"
#include "limits.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"

namespace ncpmi::cli {

void AddGenCommand(CLI::App& app) {
  struct GenOptions {
    RandomGameOptions game;
    std::string output = "-";
    bool decimal = false;
    LimitFlags limits;
  };
  auto o = std::make_shared<GenOptions>();
  CLI::App* cmd = app.add_subcommand("gen", "Generate a seeded random game as a .efg file");
  cmd->add_option("--nodes", o->game.nodes, "Non-terminal nodes (decision + chance)")->required();
  cmd->add_option("--shape", o->game.shape, "Tree shape: random or chain")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, TreeShape>{{"random", TreeShape::kRandom}, {"chain", TreeShape::kChain}}));
  cmd->add_option("--players", o->game.players, "Number of players")->capture_default_str();
  cmd->add_option("--branching", o->game.branching, "Actions per node")->capture_default_str();
  cmd->add_option("--chance", o->game.chance_fraction, "Share of chance nodes in [0,1]")
      ->capture_default_str();
  cmd->add_option("--seed", o->game.seed, "Random seed")->capture_default_str();
  cmd->add_flag("--zero-sum", o->game.zero_sum, "Payoffs sum to zero");
  cmd->add_option("--infoset-size", o->game.infoset_size,
                  "Group decision nodes into information sets of up to K nodes (perfect recall)")
      ->capture_default_str();
  cmd->add_option("--payoff-range", o->game.payoff_range, "Payoff numerators in [-R, R]")
      ->capture_default_str();
  cmd->add_option("--denominator", o->game.denominator, "Payoff denominators in [1, D]")
      ->capture_default_str();
  cmd->add_option("--nonterminal-outcomes", o->game.nonterminal_outcome_fraction,
                  "Share of non-terminal nodes carrying an (incremental) outcome")
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Output file ('-' for standard output)")
      ->capture_default_str();
  cmd->add_flag("--decimal", o->decimal, "Write 'EFG 2 D' (decimal numbers)");
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    o->game.limits = o->limits.Limits();
    const Game game = GenerateRandomGame(o->game);
    WriteEfgFile(game, o->output, o->decimal ? EfgNumbers::kDecimal : EfgNumbers::kRational);
  });
}

}  // namespace ncpmi::cli
