// Seeded random extensive-form games for tests and benchmarks.
#pragma once

#include <cstdint>

#include "ncpmi/game/game.h"
#include "ncpmi/game/resource_limits.h"

namespace ncpmi {

enum class TreeShape { kRandom, kChain };

struct RandomGameOptions {
  std::int64_t nodes = 1000;       // non-terminal nodes (decision + chance)
  TreeShape shape = TreeShape::kRandom;  // kChain: each node's first child continues the chain
  int players = 2;
  int branching = 2;               // actions at every non-terminal node
  double chance_fraction = 0.0;    // share of non-terminal nodes that are chance nodes
  std::uint64_t seed = 1;
  bool zero_sum = false;           // payoffs sum to zero at every outcome
  int infoset_size = 1;            // >1 groups decision nodes into information sets (perfect recall)
  int payoff_range = 100;          // payoff numerators uniform in [-range, range]
  int denominator = 1;             // payoff denominators uniform in [1, denominator]
  double nonterminal_outcome_fraction = 0.0;  // share of non-terminal nodes with an outcome
  ResourceLimits limits;           // checked before anything is allocated (--max-nodes, --max-memory)
};

// Peak bytes per node (nodes * branching + 1 of them) while generating: the generator's arrays,
// the builder and the finished game, plus a payoff per player on each terminal. Measured as peak
// RSS of `ncpmi gen` (docs/guarantees.md).
constexpr std::uint64_t kGenerateBytesPerNode = 100;
constexpr std::uint64_t kGenerateBytesPerNodePlayer = 20;

// Grows a tree by expanding a uniformly chosen open leaf `nodes` times (depth O(log nodes)),
// or, for kChain, always the first child of the last expanded node (depth = nodes),
// assigns movers uniformly, chance probabilities w/Σw with w in 1..9, and one outcome per
// terminal. With infoset_size K > 1, decision nodes of a player that share the player's last
// own (information set, action) are grouped, K at a time, so the game has perfect recall.
// The same options give the same game on every platform (own xoshiro256** generator).
// Throws InputError for out-of-range options, and (before allocating) when the game would have
// more than options.limits.max_nodes nodes or need more memory than the limit.
Game GenerateRandomGame(const RandomGameOptions& options);

}  // namespace ncpmi
