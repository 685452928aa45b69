// ncpmi draw: DOT and TikZ structure of small games (nodes, information sets, the equilibrium
// path, payoffs, chance probabilities, collapsing).
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/game_file.h"
#include "ncpmi/models/draw_tree.h"

namespace ncpmi::models {
namespace {

using Catch::Matchers::Contains;

// A 2x2 game in extensive form: Bob does not see Alice's move (one information set of two
// nodes). L and l are dominant, so the equilibrium path is L, l with payoffs (3/2, 2).
constexpr const char* kSimultaneous = R"(EFG 2 R "Small_game" { "Alice" "Bob" } ""
p "root" 1 1 "A" { "L" "R" } 0
p "b1" 2 1 "B" { "l" "r" } 0
t "Ll" 1 "Ll" { 3/2 2 }
t "Lr" 2 "Lr" { 1 1 }
p "b2" 2 1 "B" { "l" "r" } 0
t "Rl" 3 "Rl" { 1 1 }
t "Rr" 4 "Rr" { 0 0 }
)";

Game Small() { return ReadGame(kSimultaneous, "small.efg"); }
Game Haiti() { return ReadGameFile(std::string(NCPMI_SOURCE_DIR) + "/instances/haiti_1994.efg"); }

std::string Dot(const Game& game, const DrawOptions& options) {
  std::ostringstream out;
  WriteGameDot(game, options, out);
  return out.str();
}
std::string Tikz(const Game& game, const DrawOptions& options) {
  std::ostringstream out;
  WriteGameTikz(game, options, out);
  return out.str();
}

TEST_CASE("draw writes a DOT graph with players, actions, payoffs and dashed information sets", "[draw]") {
  const Game game = Small();
  const std::string dot = Dot(game, DrawOptions{});
  CHECK_THAT(dot, Contains("digraph game {"));
  CHECK_THAT(dot, Contains("n0 [shape=ellipse, label=\"Alice\""));
  CHECK_THAT(dot, Contains("n1 [shape=ellipse, label=\"Bob\""));
  CHECK_THAT(dot, Contains("n0 -> n1 [label=\"L\"]"));
  CHECK_THAT(dot, Contains("label=\"Ll\\n(3/2, 2)\""));
  CHECK_THAT(dot, Contains("{ rank=same; n1; n2; }"));
  CHECK_THAT(dot, Contains("n1 -> n2 [style=dashed, dir=none, constraint=false"));
  CHECK_THAT(dot, !Contains("color=red"));  // nothing solved, nothing highlighted
}

TEST_CASE("draw highlights the equilibrium path in DOT and TikZ", "[draw]") {
  const Game game = Small();
  const SpeSolution<Rational> solution = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  DrawOptions options;
  options.profile = &solution.profile;
  const std::string dot = Dot(game, options);
  CHECK_THAT(dot, Contains("n0 -> n1 [label=\"L\", color=red"));
  CHECK_THAT(dot, Contains("n1 -> n3 [label=\"l\", color=red"));
  CHECK_THAT(dot, Contains("n0 -> n2 [label=\"R\"];"));
  // Bob's l at the unreached node is the strategy, not the path.
  CHECK_THAT(dot, Contains("n2 -> n5 [label=\"l\", penwidth=2, class=\"strategy\"]"));
  const std::string tikz = Tikz(game, options);
  CHECK_THAT(tikz, Contains("\\draw[path] (n0) -- node[action, above left] {L} (n1);"));
  CHECK_THAT(tikz, Contains("\\draw[move] (n0) -- node[action, above right] {R} (n2);"));
  CHECK_THAT(tikz, Contains("\\draw[infoset] (n1) -- (n2);"));
}

TEST_CASE("draw writes a TikZ picture with escaped labels and stacked payoffs", "[draw]") {
  const Game game = Haiti();
  DrawOptions options;
  const std::string doc = Tikz(game, options);
  CHECK_THAT(doc, Contains("\\documentclass[tikz,border=6pt]{standalone}"));
  CHECK_THAT(doc, Contains("\\end{document}"));
  CHECK_THAT(doc, Contains("label={above:P5\\_Holdout}"));
  CHECK_THAT(doc, Contains("{SETTLEMENT:\\\\durable\\\\$8$\\\\$4$\\\\$10$\\\\$5$}"));
  CHECK_THAT(doc, Contains("\\node[chance, label={above:chance}]"));
  CHECK_THAT(doc, Contains("{Honoured $3/4$}"));
  options.standalone = false;
  const std::string bare = Tikz(game, options);
  CHECK_THAT(bare, !Contains("documentclass"));
  CHECK_THAT(bare, Contains("\\begin{tikzpicture}"));
}

TEST_CASE("draw shows chance probabilities and collapses subtrees beyond a depth", "[draw]") {
  const Game game = Haiti();
  const SpeSolution<Rational> solution = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  DrawOptions options;
  options.profile = &solution.profile;
  CHECK_THAT(Dot(game, options), Contains("label=\"Honoured (3/4)\", color=red"));
  options.max_depth = 1;
  const std::string dot = Dot(game, options);
  // The mediator's node (depth 1) is collapsed with its equilibrium value, the veto node too.
  CHECK_THAT(dot, Contains("n1 [shape=triangle, label=\"...\\n(15/2, 13/4, 9, 19/4)\""));
  CHECK_THAT(dot, !Contains("n3 ["));
}

TEST_CASE("draw --path-only keeps the reached nodes and needs an equilibrium", "[draw]") {
  const Game game = Haiti();
  DrawOptions options;
  options.path_only = true;
  REQUIRE_THROWS_AS(Dot(game, options), InputError);
  const SpeSolution<Rational> solution = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  options.profile = &solution.profile;
  const std::string dot = Dot(game, options);
  CHECK_THAT(dot, Contains("n2 [shape=triangle"));  // Veto: not reached, collapsed
  CHECK_THAT(dot, Contains("SETTLEMENT:durable\\n(8, 4, 10, 5)"));
}

TEST_CASE("draw shows mixed probabilities on the edges", "[draw]") {
  const Game game = ReadEfgFile(std::string(NCPMI_TESTS_DIR) + "/data/simultaneous_toll.efg");
  const SpeSolution<Rational> solution = SolveSubgamePerfect<Rational>(game, SpeOptions{});
  DrawOptions options;
  options.profile = &solution.profile;
  const std::string dot = Dot(game, options);
  CHECK_THAT(dot, Contains("label=\"H (2/5)\""));
  CHECK_THAT(dot, Contains("style=dashed"));
}

}  // namespace
}  // namespace ncpmi::models
