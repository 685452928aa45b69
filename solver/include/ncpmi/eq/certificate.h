// Certificates: how much each player could gain by deviating from a behaviour profile.
#pragma once

#include <vector>

#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/game/game.h"

namespace ncpmi {

template <class T>
struct NashCertificate {
  std::vector<T> payoff;         // per player (index player-1): expected payoff of the profile
  std::vector<T> best_response;  // per player: best expected payoff against the others' strategies
  std::vector<T> gain;           // best_response - payoff, never negative
  // Every gain is exactly 0 (Rational), or at most 1e-9 relative to the payoff scale (double).
  bool verified = false;
};

// Checks a behaviour profile of the whole game for a Nash equilibrium: for each player, the best
// payoff any strategy of theirs earns against the others' behaviour (a best response computed over
// the player's own information sets, bottom-up, which is exact under perfect recall), minus what
// the profile earns. Works directly on the tree — it shares no code with the LP and MIP solvers —
// so a wrong sequence form cannot certify itself. Payoffs include outcomes on non-terminal nodes.
// Throws UnsupportedError without perfect recall (a best response is then not computed by
// information set). O(nodes × players) time and memory.
template <class T>
NashCertificate<T> CertifyNash(const Game& game, const BehaviorProfile<T>& profile);

// The same without the perfect-recall check, for callers that check a game once and then certify
// many profiles of it (pure-strategy enumeration). Wrong answers without perfect recall.
template <class T>
NashCertificate<T> CertifyNashPerfectRecall(const Game& game, const BehaviorProfile<T>& profile);

// Expected payoff of every player, and the probability of reaching every terminal node (positive
// probability only, by node id), under a behaviour profile. O(nodes × players).
template <class T>
struct ProfileOutcome {
  std::vector<T> payoffs;
  std::vector<std::pair<NodeId, T>> terminals;
};
template <class T>
ProfileOutcome<T> OutcomeOf(const Game& game, const BehaviorProfile<T>& profile);

}  // namespace ncpmi
