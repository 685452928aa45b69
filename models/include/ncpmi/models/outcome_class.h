// Outcome classes of terminal nodes (settlement durable/broken, war, backdown, ...) and the
// probability of each under a terminal distribution.
#pragma once

#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "ncpmi/game/game.h"

namespace ncpmi::models {

// A terminal label starts with the class token, optionally followed by a space and free text:
//   SETTLEMENT:durable   settlement whose promises were kept
//   SETTLEMENT:broken    settlement whose promise was violated after implementation
//   SETTLEMENT           settlement without a promise to break (counts as durable)
//   WAR, BACKDOWN, UNILATERAL, STATUS_QUO, STALEMATE
// Any other label (e.g. a hand-written .efg game) is kUnclassified.
enum class OutcomeClass {
  kSettlementDurable,
  kSettlementBroken,
  kSettlement,
  kWar,
  kBackdown,
  kUnilateral,
  kStatusQuo,
  kStalemate,
  kUnclassified,
};
constexpr int kNumOutcomeClasses = 9;

// Parses the first token of a terminal label (case-sensitive, as written above). O(label).
OutcomeClass ClassifyTerminal(std::string_view label);

// The token as written in labels ("SETTLEMENT:durable", "WAR", ...); "UNCLASSIFIED" for
// kUnclassified.
const char* OutcomeClassName(OutcomeClass c);

// SETTLEMENT, SETTLEMENT:durable or SETTLEMENT:broken.
bool IsSettlement(OutcomeClass c);
// SETTLEMENT:durable or SETTLEMENT (nothing was promised, so nothing can be broken).
bool IsDurableSettlement(OutcomeClass c);

// Probabilities of the classes under a terminal distribution. T is double or Rational.
template <class T>
struct OutcomeSummary {
  T p_settlement = T(0);  // P(S): every settlement class
  T p_durable = T(0);     // P(durable): SETTLEMENT:durable and SETTLEMENT
  std::array<T, kNumOutcomeClasses> p_class{};  // by static_cast<int>(OutcomeClass)
  const T& Probability(OutcomeClass c) const { return p_class[static_cast<int>(c)]; }
};

// Sums the probabilities of `terminals` ((terminal node, probability) pairs, as returned by
// OutcomeOf or PlayOf) by the class of each node's label in `game`. O(terminals × label length).
template <class T>
OutcomeSummary<T> SummarizeOutcomes(const Game& game,
                                    const std::vector<std::pair<NodeId, T>>& terminals);

}  // namespace ncpmi::models
