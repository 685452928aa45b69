// Enumeration of distinct pure SPE outcomes by propagating outcome sets bottom-up.
#include "ncpmi/bi/spe_enumeration.h"

#include <algorithm>

#include "ncpmi/bi/number_traits.h"

namespace ncpmi {
namespace {

template <class T>
bool TerminalsLess(const PlayOutcome<T>& a, const PlayOutcome<T>& b) {
  return std::lexicographical_compare(
      a.terminals.begin(), a.terminals.end(), b.terminals.begin(), b.terminals.end(),
      [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first < y.first : x.second < y.second;
      });
}

template <class T>
bool TerminalsEqual(const PlayOutcome<T>& a, const PlayOutcome<T>& b) {
  return a.terminals == b.terminals;
}

template <class T>
class Enumerator {
 public:
  using Traits = NumberTraits<T>;
  using Set = std::vector<PlayOutcome<T>>;

  Enumerator(const Game& game, std::size_t cap, SpeEnumeration<T>* out)
      : game_(game), cap_(std::max<std::size_t>(cap, 1)), out_(*out) {}

  void Run() {
    const NodeId n = game_.NumNodes();
    sets_.resize(static_cast<std::size_t>(n));
    for (NodeId v = n; v-- > 0;) {
      Set set = game_.IsTerminal(v) ? TerminalSet(v)
                : game_.Player(v) == kChancePlayer ? ChanceSet(v)
                                                   : DecisionSet(v);
      for (NodeId c = game_.ChildBegin(v); c < game_.ChildEnd(v); ++c) Set().swap(sets_[c]);
      AddOutcome(v, &set);
      Normalize(v, &set);
      sets_[v] = std::move(set);
    }
    out_.outcomes = std::move(sets_[0]);
  }

 private:
  Set TerminalSet(NodeId v) {
    PlayOutcome<T> leaf;
    leaf.payoffs.assign(static_cast<std::size_t>(game_.NumPlayers()), T(0));
    leaf.terminals.emplace_back(v, T(1));
    return Set{std::move(leaf)};
  }

  Set DecisionSet(NodeId v) {
    const int k = game_.Player(v) - 1;
    const NodeId first = game_.ChildBegin(v), last = game_.ChildEnd(v);
    // Smallest SPE payoff of the mover after each action; the two lowest-index... the two
    // largest of these minima give max over b != a in O(1).
    std::vector<T> worst;
    worst.reserve(static_cast<std::size_t>(last - first));
    for (NodeId c = first; c < last; ++c) {
      const Set& s = sets_[c];
      T m = s.front().payoffs[static_cast<std::size_t>(k)];
      for (const auto& o : s) {
        if (o.payoffs[static_cast<std::size_t>(k)] < m) m = o.payoffs[static_cast<std::size_t>(k)];
      }
      worst.push_back(std::move(m));
    }
    std::size_t top = 0;
    for (std::size_t a = 1; a < worst.size(); ++a) {
      if (worst[a] > worst[top]) top = a;
    }
    std::size_t second = top == 0 ? 1 : 0;
    for (std::size_t a = 0; a < worst.size(); ++a) {
      if (a != top && worst[a] > worst[second]) second = a;
    }
    Set result;
    for (NodeId c = first; c < last; ++c) {
      const auto a = static_cast<std::size_t>(c - first);
      if (worst.size() == 1) {
        for (auto& o : sets_[c]) result.push_back(std::move(o));
        continue;
      }
      const T& threshold = worst[a == top ? second : top];
      for (auto& o : sets_[c]) {
        if (!Traits::Better(threshold, o.payoffs[static_cast<std::size_t>(k)])) {
          result.push_back(std::move(o));
        }
      }
    }
    return result;
  }

  Set ChanceSet(NodeId v) {
    const InfosetId h = game_.Infoset(v);
    const NodeId first = game_.ChildBegin(v);
    Set result(1);
    result[0].payoffs.assign(static_cast<std::size_t>(game_.NumPlayers()), T(0));
    for (int a = 0; a < game_.NumActions(h); ++a) {
      const T p = Traits::Probability(game_, h, a);
      if (Traits::IsZero(p)) continue;
      const Set& child = sets_[first + a];
      Set next;
      for (const auto& partial : result) {
        for (const auto& o : child) {
          if (next.size() == cap_) {
            MarkCut(v);
            break;
          }
          PlayOutcome<T> combined = partial;
          for (std::size_t i = 0; i < combined.payoffs.size(); ++i) {
            combined.payoffs[i] += p * o.payoffs[i];
          }
          for (const auto& [t, q] : o.terminals) combined.terminals.emplace_back(t, p * q);
          next.push_back(std::move(combined));
        }
      }
      result = std::move(next);
    }
    for (auto& o : result) {
      std::sort(o.terminals.begin(), o.terminals.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
    }
    return result;
  }

  void AddOutcome(NodeId v, Set* set) {
    const OutcomeId o = game_.Outcome(v);
    if (o == kNoOutcome) return;
    for (auto& item : *set) {
      for (int i = 0; i < game_.NumPlayers(); ++i) {
        item.payoffs[static_cast<std::size_t>(i)] += Traits::Payoff(game_, o, i + 1);
      }
    }
  }

  void Normalize(NodeId v, Set* set) {
    std::sort(set->begin(), set->end(), TerminalsLess<T>);
    set->erase(std::unique(set->begin(), set->end(), TerminalsEqual<T>), set->end());
    if (set->size() > cap_) {
      set->resize(cap_);
      MarkCut(v);
    }
  }

  void MarkCut(NodeId v) {
    if (out_.complete) out_.cap_node = v;
    out_.complete = false;
  }

  const Game& game_;
  const std::size_t cap_;
  SpeEnumeration<T>& out_;
  std::vector<Set> sets_;
};

}  // namespace

template <class T>
SpeEnumeration<T> EnumerateSpeOutcomes(const Game& game, std::size_t cap) {
  RequirePerfectInformation(game);
  SpeEnumeration<T> result;
  Enumerator<T>(game, cap, &result).Run();
  return result;
}

template SpeEnumeration<double> EnumerateSpeOutcomes<double>(const Game&, std::size_t);
template SpeEnumeration<Rational> EnumerateSpeOutcomes<Rational>(const Game&, std::size_t);

}  // namespace ncpmi
