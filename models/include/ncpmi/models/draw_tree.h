// Game trees as Graphviz DOT and as TikZ pictures: players, actions, chance and behaviour
// probabilities, information sets, payoffs at the leaves, the equilibrium path highlighted.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/game/game.h"
#include "ncpmi/game/rational.h"

namespace ncpmi::models {

struct DrawOptions {
  // An equilibrium to highlight (edges with positive probability from reached nodes are the
  // path; positive-probability actions off the path are drawn as the strategy), or null.
  const BehaviorProfile<Rational>* profile = nullptr;
  // Beliefs of a sequential equilibrium, one per node (as SpeSolution::beliefs), or null. When
  // given, each decision node of an information set with several drawn nodes shows its belief
  // ("[9/10]"), as textbooks draw an assessment.
  const std::vector<Rational>* beliefs = nullptr;
  // Non-terminal nodes at this depth (root 0) are drawn collapsed; -1: no limit.
  int max_depth = -1;
  // Collapse every node the equilibrium does not reach (needs `profile`).
  bool path_only = false;
  // TikZ: a complete `standalone` document (true) or a bare tikzpicture to \input (false).
  bool standalone = true;
  // TikZ: horizontal distance between neighbouring leaves and vertical distance between
  // depths, in cm.
  double x_step = 2.0;
  double y_step = 2.0;
};

// Writes the game as a Graphviz digraph (`dot -Tsvg`): decision nodes as ellipses labelled with
// the player, chance nodes as diamonds, terminal nodes as boxes with the terminal label and the
// payoff vector (outcomes summed along the path, Gambit semantics), collapsed subtrees as
// triangles with their equilibrium value. Edges carry the action label and, for chance moves
// and mixed choices, the probability; information sets with several drawn nodes are joined by
// dashed undirected edges. Throws InputError when path_only is asked without a profile.
// O(nodes × players) time; no recursion.
void WriteGameDot(const Game& game, const DrawOptions& options, std::ostream& out);

// Writes the game as a TikZ picture in a style close to `istgame`: filled dots for decision
// nodes with the player above, hollow dots for chance, action labels on the edges, payoffs
// stacked under the leaves, dashed lines between nodes of one information set, the path in thick
// red. Laid out by the tree (leaves equally spaced, parents centred over their children), so the
// only packages needed are tikz (and the standalone class when options.standalone).
// Throws InputError as WriteGameDot. O(nodes × players); no recursion.
void WriteGameTikz(const Game& game, const DrawOptions& options, std::ostream& out);

}  // namespace ncpmi::models
