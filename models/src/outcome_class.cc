// Outcome classes: parsing terminal labels and summing a terminal distribution by class.
#include "ncpmi/models/outcome_class.h"

#include "ncpmi/game/rational.h"

namespace ncpmi::models {
namespace {

constexpr std::array<const char*, kNumOutcomeClasses> kNames = {
    "SETTLEMENT:durable", "SETTLEMENT:broken", "SETTLEMENT", "WAR",         "BACKDOWN",
    "UNILATERAL",         "STATUS_QUO",        "STALEMATE",  "UNCLASSIFIED"};

}  // namespace

OutcomeClass ClassifyTerminal(std::string_view label) {
  const std::size_t space = label.find(' ');
  const std::string_view token = label.substr(0, space);
  for (int c = 0; c + 1 < kNumOutcomeClasses; ++c) {
    if (token == kNames[static_cast<std::size_t>(c)]) return static_cast<OutcomeClass>(c);
  }
  return OutcomeClass::kUnclassified;
}

const char* OutcomeClassName(OutcomeClass c) { return kNames[static_cast<std::size_t>(c)]; }

bool IsSettlement(OutcomeClass c) {
  return c == OutcomeClass::kSettlementDurable || c == OutcomeClass::kSettlementBroken ||
         c == OutcomeClass::kSettlement;
}

bool IsDurableSettlement(OutcomeClass c) {
  return c == OutcomeClass::kSettlementDurable || c == OutcomeClass::kSettlement;
}

template <class T>
OutcomeSummary<T> SummarizeOutcomes(const Game& game,
                                    const std::vector<std::pair<NodeId, T>>& terminals) {
  OutcomeSummary<T> s;
  for (auto& p : s.p_class) p = T(0);
  for (const auto& [node, prob] : terminals) {
    const OutcomeClass c = ClassifyTerminal(game.NodeName(node));
    s.p_class[static_cast<std::size_t>(c)] += prob;
    if (IsSettlement(c)) s.p_settlement += prob;
    if (IsDurableSettlement(c)) s.p_durable += prob;
  }
  return s;
}

template OutcomeSummary<double> SummarizeOutcomes(const Game&,
                                                  const std::vector<std::pair<NodeId, double>>&);
template OutcomeSummary<Rational> SummarizeOutcomes(
    const Game&, const std::vector<std::pair<NodeId, Rational>>&);

}  // namespace ncpmi::models
