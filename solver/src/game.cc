// Read-only queries on the frozen game: number expansion, memory, preorder, paths.
#include "ncpmi/game/game.h"

#include <algorithm>

namespace ncpmi {
namespace {

template <class V>
std::size_t Bytes(const V& v) {
  return v.capacity() * sizeof(typename V::value_type);
}

}  // namespace

Rational Game::Expand(const StoredRational& r) const {
  if (r.IsBig()) return big_numbers_[static_cast<std::size_t>(r.num)];
  Rational q;
  mpz_set_si(q.get_num_mpz_t(), r.num);
  mpz_set_si(q.get_den_mpz_t(), r.den);
  return q;  // stored in lowest terms
}

double Game::ExpandDoubleSlow(const StoredRational& r) const {
  if (r.IsBig()) return ToDouble(big_numbers_[static_cast<std::size_t>(r.num)]);
  return ToDouble(Expand(r));
}

MemoryReport Game::Memory() const {
  MemoryReport report;
  report.nodes = static_cast<std::size_t>(NumNodes());
  report.structure_bytes = Bytes(node_parent_) + Bytes(child_begin_) + Bytes(node_infoset_) +
                           Bytes(node_outcome_) + Bytes(level_begin_) + Bytes(infoset_player_) +
                           Bytes(action_begin_) + Bytes(prob_begin_) +
                           Bytes(chance_prob_) + Bytes(payoff_) + Bytes(player_labels_);
  for (const Rational& r : big_numbers_) {
    report.structure_bytes += sizeof(Rational) +
                              (mpz_size(r.get_num_mpz_t()) + mpz_size(r.get_den_mpz_t())) *
                                  sizeof(mp_limb_t);
  }
  report.label_bytes = Bytes(node_label_) + Bytes(infoset_label_) + Bytes(action_label_) +
                       Bytes(outcome_label_) + labels_.MemoryBytes() + title_.capacity() +
                       comment_.capacity() + infoset_file_number_.capacity() * sizeof(std::int64_t);
  return report;
}

std::vector<NodeId> Game::Preorder() const {
  std::vector<NodeId> order;
  order.reserve(static_cast<std::size_t>(NumNodes()));
  std::vector<NodeId> stack;
  if (NumNodes() > 0) stack.push_back(0);
  while (!stack.empty()) {
    const NodeId n = stack.back();
    stack.pop_back();
    order.push_back(n);
    for (NodeId c = ChildEnd(n); c-- > ChildBegin(n);) stack.push_back(c);
  }
  return order;
}

std::vector<std::int64_t> Game::InfosetNumbers() const {
  // The file's numbers, when every set has one (readers give every set its number).
  if (infoset_file_number_.size() == static_cast<std::size_t>(NumInfosets()) &&
      std::find(infoset_file_number_.begin(), infoset_file_number_.end(), 0) == infoset_file_number_.end()) {
    return infoset_file_number_;
  }
  std::vector<std::int64_t> numbers(static_cast<std::size_t>(NumInfosets()), 0);
  std::vector<std::int64_t> next(static_cast<std::size_t>(NumPlayers()) + 1, 1);
  for (const NodeId n : Preorder()) {
    const InfosetId h = Infoset(n);
    if (h >= 0 && numbers[h] == 0) numbers[h] = next[InfosetPlayer(h)]++;
  }
  return numbers;
}

std::vector<std::string> Game::PathLabels(NodeId n) const {
  std::vector<std::string> labels;
  for (; n != 0; n = Parent(n)) {
    labels.push_back(ActionName(Infoset(Parent(n)), ActionIndexInParent(n)));
  }
  std::reverse(labels.begin(), labels.end());
  return labels;
}

}  // namespace ncpmi
