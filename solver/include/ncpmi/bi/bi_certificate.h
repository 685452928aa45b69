// Certificate of a backward-induction solution: the one-shot deviation check at every node.
#pragma once

#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/game/game.h"

namespace ncpmi {

template <class T>
struct BiCertificate {
  std::vector<T> gain;   // per player: largest gain of switching the action at one of its nodes
  bool verified = false;  // gains 0 (exact) or within the tie tolerance (double), values consistent
  NodeId inconsistent_node = kNoNode;  // first node whose value is not its outcome + continuation
};

// In a finite game of perfect information a pure profile is subgame perfect iff no player gains
// by changing the action at a single node (one-shot deviation principle). This re-derives every
// node's value from its children's stored values and the chosen action, and measures the best
// single-node gain; it runs serially, independently of the solver's parallel sweep.
// O(nodes × players) time, O(players) memory.
template <class T>
BiCertificate<T> CertifyBackwardInduction(const Game& game, const BiSolution<T>& solution);

}  // namespace ncpmi
