// Structural facts about a game: perfect recall and subgame roots.
#pragma once

#include <string>
#include <vector>

#include "ncpmi/game/game.h"

namespace ncpmi {

struct GameStructure {
  bool perfect_recall = true;
  // When !perfect_recall: the first violating information set met in preorder, and why.
  InfosetId recall_violation_infoset = kNoInfoset;
  std::string recall_violation;
  // Nodes whose subtree is a subgame (no information set straddles its boundary), by node id.
  // The root is always one; terminal nodes are not listed.
  std::vector<NodeId> subgame_roots;
};

// One depth-first traversal (Boost.Graph, explicit stack): a player has perfect recall iff all
// nodes of each of its information sets share the same last own (information set, action)
// pair; subgame roots come from discover/finish times. O(n + infosets) time and memory.
GameStructure AnalyzeStructure(const Game& game);

// "node 7 (path: Abstain, Mediate)", for messages.
std::string DescribeNode(const Game& game, NodeId node);

}  // namespace ncpmi
