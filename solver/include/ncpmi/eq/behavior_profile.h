// A behaviour-strategy profile: one probability per action of every information set.
#pragma once

#include <vector>

#include "ncpmi/bi/number_traits.h"
#include "ncpmi/game/game.h"

namespace ncpmi {

// Indexed by global action id (Game::ActionBegin(h) + a), so one flat array serves every
// player. Chance information sets hold their fixed probabilities; a decision information set's
// probabilities are non-negative and sum to 1. T is double or Rational.
template <class T>
struct BehaviorProfile {
  std::vector<T> prob;

  const T& Prob(const Game& game, InfosetId h, int a) const {
    return prob[static_cast<std::size_t>(game.ActionBegin(h) + a)];
  }
  T& Prob(const Game& game, InfosetId h, int a) {
    return prob[static_cast<std::size_t>(game.ActionBegin(h) + a)];
  }
};

// Chance probabilities filled in, every decision action 0: the start every solver fills.
template <class T>
BehaviorProfile<T> ChanceOnlyProfile(const Game& game) {
  BehaviorProfile<T> profile;
  profile.prob.assign(static_cast<std::size_t>(game.ActionBegin(game.NumInfosets())), T(0));
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) != kChancePlayer) continue;
    for (int a = 0; a < game.NumActions(h); ++a) {
      profile.Prob(game, h, a) = NumberTraits<T>::Probability(game, h, a);
    }
  }
  return profile;
}

}  // namespace ncpmi
