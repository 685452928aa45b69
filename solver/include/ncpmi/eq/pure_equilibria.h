// Pure-strategy Nash equilibria of a game with any number of players, by enumeration.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/game/game.h"

namespace ncpmi {

template <class T>
struct PureEquilibriumSearch {
  bool found = false;
  BehaviorProfile<T> profile;        // the selected equilibrium (when found)
  NashCertificate<T> certificate;    // its certificate: verified, gains 0
  std::uint64_t profiles = 0;        // pure profiles in the game (product of action counts)
  std::uint64_t profiles_checked = 0;
  std::uint64_t equilibria = 0;      // pure equilibria met (all of them unless kAny stopped early)
};

// Enumerates the pure profiles of the agent form — one action per decision information set, in
// lexicographic order with the first information set varying slowest — and keeps those where no
// player gains by ANY deviation (a best response over all of the player's information sets, not
// only one at a time). kAny stops at the first; the other selections scan all and keep the best
// (the first among equals). `accept`, when given, is asked about every equilibrium met and those it
// refuses are passed over (the sequential concept checks an assessment there). Throws
// UnsupportedError without perfect recall, or when the number of profiles exceeds max_profiles
// (the message gives the number). O(profiles × nodes × players).
template <class T>
PureEquilibriumSearch<T> FindPureEquilibrium(
    const Game& game, const EquilibriumObjective& selection, std::uint64_t max_profiles,
    const std::function<bool(const BehaviorProfile<T>&)>& accept = {});

}  // namespace ncpmi
