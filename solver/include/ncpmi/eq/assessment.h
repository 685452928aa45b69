// Assessments (behaviour strategies at every information set plus beliefs over the nodes of each
// information set) and their certificate: sequential rationality and consistency with Bayes' rule.
#pragma once

#include <vector>

#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/game/game.h"

namespace ncpmi {

// belief[v] for every decision or chance node v: the probability the mover of v's information set
// assigns to v given that the set is reached (1 at a singleton set; 0 at terminal nodes).
template <class T>
struct Assessment {
  BehaviorProfile<T> profile;
  std::vector<T> belief;
};

template <class T>
struct AssessmentCertificate {
  // Per player (index player-1): the largest gain, over the player's information sets h, of the
  // best continuation strategy from h over the assessment's continuation, both evaluated with the
  // beliefs at h and the others' behaviour after h. 0 everywhere means sequentially rational.
  std::vector<T> gain;
  InfosetId worst_infoset = kNoInfoset;  // where the largest gain of any player is, if positive
  // Largest |belief - Bayes| over information sets reached with positive probability under the
  // profile, and largest |sum of beliefs - 1| over all decision information sets.
  T bayes_error = T(0);
  T sum_error = T(0);
  // Gains, Bayes errors and sum errors exactly 0 (Rational), or at most 1e-9 relative to the
  // payoff scale and 1e-9 absolute for probabilities (double).
  bool verified = false;
};

// Checks an assessment. For each decision information set h of player i: the best payoff i can
// get from h on (any continuation strategy; the others play the profile; the nodes of h weighted by
// the beliefs), minus the payoff of the profile's own continuation, computed over the subtrees
// below h's nodes — perfect recall keeps every later set of i inside them. Payoffs of outcomes on
// h's own nodes are sunk and not counted. Works on the tree, sharing nothing with the solvers.
// Throws UnsupportedError without perfect recall. O(sum over information sets of the nodes below
// them), at most O(nodes x depth).
template <class T>
AssessmentCertificate<T> CertifyAssessment(const Game& game, const Assessment<T>& assessment);

// Beliefs for a pure profile as the limit of Bayes' rule when every action the profile does not
// take is taken with probability eps (trembles of equal order): at each information set, the
// nodes reached with the fewest trembles, in proportion to their chance probabilities (uniform at
// a set only chance probability 0 reaches). Consistent by construction. O(nodes).
template <class T>
std::vector<T> EqualTrembleBeliefs(const Game& game, const BehaviorProfile<T>& pure_profile);

}  // namespace ncpmi
