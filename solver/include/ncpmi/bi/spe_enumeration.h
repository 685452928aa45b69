// Every distinct pure subgame-perfect equilibrium outcome of a perfect-information game.
#pragma once

#include <cstddef>
#include <vector>

#include "ncpmi/bi/backward_induction.h"

namespace ncpmi {

template <class T>
struct SpeEnumeration {
  std::vector<PlayOutcome<T>> outcomes;  // distinct terminal distributions, canonical order
  bool complete = true;                  // false when some set was cut at the cap
  NodeId cap_node = kNoNode;             // first node where the cap cut a set
};

// Branches at ties: the SPE outcomes of a decision node are the outcomes s of an action a's
// subgame with u(s) >= the smallest SPE payoff the mover can get after each other action
// (those smallest continuations make a a best reply); a chance node combines one SPE outcome
// per child. Sets are kept distinct by terminal distribution and capped at `cap` per node; a
// capped list is still sound (every listed outcome is an SPE outcome), just not complete.
// Bottom-up over node ids; memory grows with set sizes on one level.
template <class T>
SpeEnumeration<T> EnumerateSpeOutcomes(const Game& game, std::size_t cap);

}  // namespace ncpmi
