// `ncpmi draw`: a game tree (a .efg/.nfg game or a scenario's game) as Graphviz DOT or TikZ, with
// the subgame-perfect equilibrium's path highlighted.
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include "commands.h"
#include "limits.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/models/draw_tree.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::cli {
namespace {

// Peak bytes per node of the drawing's text and layout (DOT and TikZ lines with labels, payoffs
// and positions), beyond the game and the solve.
constexpr std::uint64_t kDrawBytesPerNode = 400;

}  // namespace

void AddDrawCommand(CLI::App& app) {
  struct DrawCliOptions {
    std::string input;
    std::string format = "dot";
    std::string output = "-";
    bool no_solve = false;
    int depth = -1;
    bool path_only = false;
    bool bare = false;
    double x_step = 2.0, y_step = 2.0;
    std::string concept_name = "spe";
    LimitFlags limits;
  };
  auto o = std::make_shared<DrawCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "draw", "Draw a game tree as Graphviz DOT or TikZ, with the equilibrium path highlighted");
  cmd->add_option("GAME", o->input, "Game (.efg, .nfg) or scenario (.toml); '-' for standard input")
      ->required();
  cmd->add_option("--format", o->format, "dot (Graphviz) or tikz (LaTeX)")
      ->check(CLI::IsMember({"dot", "tikz"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Output file ('-' for standard output)")->capture_default_str();
  cmd->add_flag("--no-solve", o->no_solve, "Do not solve: draw the tree without an equilibrium");
  cmd->add_option("--concept", o->concept_name,
                  "The equilibrium drawn: spe (subgame-perfect) or sequential (with the belief at each node of "
                  "an information set)")
      ->check(CLI::IsMember({"spe", "sequential"}))
      ->capture_default_str();
  cmd->add_option("--depth", o->depth, "Collapse non-terminal nodes at this depth (root 0); -1: none")
      ->capture_default_str();
  cmd->add_flag("--path-only", o->path_only,
                "Collapse every subtree the equilibrium does not reach (values shown)");
  cmd->add_flag("--bare", o->bare, "TikZ: a bare tikzpicture to \\input (default: a standalone document)");
  cmd->add_option("--x-step", o->x_step, "TikZ: cm between neighbouring leaves")->capture_default_str();
  cmd->add_option("--y-step", o->y_step, "TikZ: cm between depths")->capture_default_str();
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    const ResourceLimits limits = o->limits.Limits();
    if (o->depth < -1) throw InputError("--depth must be -1 (no limit) or at least 0");
    if (o->x_step <= 0 || o->y_step <= 0) throw InputError("--x-step and --y-step must be positive");
    const Game game = LoadGameOrScenarioWithin(o->input, limits);
    // The drawing's text: a few hundred bytes per node in either format.
    CheckNodeBudget(static_cast<std::uint64_t>(game.NumNodes()), kDrawBytesPerNode, limits, "drawing the game");
    SpeSolution<Rational> solution;
    models::DrawOptions options;
    if (!o->no_solve) {
      CheckSolveBudget(game, /*exact=*/true, limits, o->input == "-" ? std::string("<stdin>") : o->input);
      try {
        SpeOptions spe;
        spe.limits = limits;
        if (o->concept_name == "sequential") spe.solution_concept = SolutionConcept::kSequential;
        solution = SolveSubgamePerfect<Rational>(game, spe);
        if (o->concept_name == "sequential") {
          if (!solution.verified || !solution.assessment_verified) {
            throw UnsupportedError("no verified sequential equilibrium was found to draw (draw without one: --no-solve)");
          }
          options.beliefs = &solution.beliefs;
        }
      } catch (const UnsupportedError& e) {
        throw UnsupportedError(std::string(e.what()) + " (draw without an equilibrium: --no-solve)");
      }
      options.profile = &solution.profile;
    }
    options.max_depth = o->depth;
    options.path_only = o->path_only;
    options.standalone = !o->bare;
    options.x_step = o->x_step;
    options.y_step = o->y_step;
    std::ostringstream text;
    if (o->format == "dot") {
      models::WriteGameDot(game, options, text);
    } else {
      models::WriteGameTikz(game, options, text);
    }
    WriteOutput(o->output, text.str());
  });
}

}  // namespace ncpmi::cli
