// Backward induction over breadth-first ids: subtree blocks in parallel, then the levels above.
#include "ncpmi/bi/backward_induction.h"

#include <omp.h>

#include <algorithm>
#include <cstdlib>
#include <new>
#include <string>
#include <type_traits>

#include "ncpmi/bi/number_traits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/structure.h"

namespace ncpmi {
namespace {

// Levels smaller than this run on the calling thread: a parallel region costs more than it
// saves there, and deep chains have a million such levels.
constexpr NodeId kParallelLevelSize = 8192;
// Nodes per cache block of the bottom-up sweep: two adjacent depths of a block's values stay
// in the per-core cache.
constexpr NodeId kBlockNodes = 16384;

template <class T>
T ValueOf(const Game& game, const StoredRational& r) {
  if constexpr (std::is_same_v<T, double>) {
    return game.ToDoubleValue(r);
  } else {
    return game.ToRationalValue(r);
  }
}

// kPlayers > 0 fixes the player count at compile time (unrolled inner loops for the common
// 2-4 player double case); 0 reads it at run time.
template <class T, int kPlayers>
class Solver {
 public:
  using Traits = NumberTraits<T>;

  Solver(const Game& game, const BiOptions& options, BiSolution<T>* out)
      : game_(game), raw_(game.Raw()), options_(options), out_(*out),
        players_(kPlayers > 0 ? kPlayers : game.NumPlayers()) {}

  void Run() {
    const NodeId n = game_.NumNodes();
    out_.num_players = players_;
    // Not zero-filled: SolveNode writes every entry (first touch happens in parallel too).
    out_.choice.resize(static_cast<std::size_t>(n));
    out_.value.resize(static_cast<std::size_t>(n) * static_cast<std::size_t>(players_));
    value_ = out_.value.data();
    choice_ = out_.choice.data();
    const int threads = options_.threads > 0 ? options_.threads : omp_get_max_threads();
    std::vector<std::vector<Tie>> ties(static_cast<std::size_t>(threads));
    const int split = SplitLevel();
    if (split >= 0) SolveBlocks(split, threads, &ties);
    for (int level = split >= 0 ? split : game_.NumLevels(); level-- > 0;) {
      const NodeId begin = game_.LevelBegin(level);
      const NodeId end = game_.LevelBegin(level + 1);
      if (end - begin < kParallelLevelSize || threads == 1) {
        for (NodeId v = begin; v < end; ++v) SolveNode(v, &ties[0]);
        continue;
      }
#pragma omp parallel num_threads(threads)
      {
        // Looked up once per thread: omp_get_thread_num() is a library call.
        std::vector<Tie>* my_ties = &ties[static_cast<std::size_t>(omp_get_thread_num())];
#pragma omp for schedule(static)
        for (NodeId v = begin; v < end; ++v) SolveNode(v, my_ties);
      }
    }
    for (auto& part : ties) {
      out_.ties.insert(out_.ties.end(), std::make_move_iterator(part.begin()),
                       std::make_move_iterator(part.end()));
    }
    std::sort(out_.ties.begin(), out_.ties.end(),
              [](const Tie& a, const Tie& b) { return a.node < b.node; });
  }

 private:
  // c ? x : y by masks: the compiler turns the conditional into a (mispredicted) branch.
  // The shallowest level wide enough to cut the tree into cache-sized blocks (subtrees of
  // about kBlockNodes nodes), or -1 when no level is (chains, small games).
  int SplitLevel() const {
    const NodeId n = game_.NumNodes();
    if (n < 4 * kBlockNodes) return -1;
    const NodeId wanted = std::max<NodeId>(64, n / kBlockNodes);
    for (int level = 0; level < game_.NumLevels(); ++level) {
      if (game_.LevelBegin(level + 1) - game_.LevelBegin(level) >= wanted) return level;
    }
    return -1;
  }

  // Solves every node at depth >= split, one block of subtrees at a time: the descendants of a
  // range of nodes at one depth form a contiguous range at each deeper depth (breadth-first ids
  // follow preorder within a depth), so a block is swept bottom-up over those ranges while its
  // children's values are still in cache. One parallel region for all blocks; each node is
  // computed as in the level sweep, so results do not depend on the thread count or schedule.
  void SolveBlocks(int split, int threads, std::vector<std::vector<Tie>>* ties) {
    const NodeId begin = game_.LevelBegin(split);
    const NodeId end = game_.LevelBegin(split + 1);
    const NodeId below = game_.NumNodes() - begin;
    // Level-`split` nodes per block, so that a block holds about kBlockNodes nodes on average.
    const NodeId per_block = std::max<NodeId>(
        1, static_cast<NodeId>(static_cast<std::int64_t>(end - begin) * kBlockNodes / below));
    const NodeId blocks = (end - begin + per_block - 1) / per_block;
#pragma omp parallel num_threads(threads)
    {
      std::vector<Tie>* my_ties = &(*ties)[static_cast<std::size_t>(omp_get_thread_num())];
      std::vector<std::pair<NodeId, NodeId>> ranges;
#pragma omp for schedule(dynamic, 1)
      for (NodeId b = 0; b < blocks; ++b) {
        NodeId lo = begin + b * per_block;
        NodeId hi = std::min(end, lo + per_block);
        ranges.clear();
        while (lo < hi) {
          ranges.emplace_back(lo, hi);
          lo = raw_.child_begin[lo];
          hi = raw_.child_begin[hi];
        }
        for (std::size_t i = ranges.size(); i-- > 0;) {
          for (NodeId v = ranges[i].first; v < ranges[i].second; ++v) SolveNode(v, my_ties);
        }
      }
    }
  }

  int Players() const { return kPlayers > 0 ? kPlayers : players_; }
  T* Row(NodeId v) const {
    return value_ + static_cast<std::size_t>(v) * static_cast<std::size_t>(Players());
  }

  // Inlined into the level loops: the call overhead was a fifth of the work per node.
  __attribute__((always_inline)) inline void SolveNode(NodeId v, std::vector<Tie>* ties) {
    const int players = Players();
    T* row = Row(v);
    const NodeId first = raw_.child_begin[v];
    const NodeId last = raw_.child_begin[v + 1];
    choice_[v] = -1;
    if (first == last) {
      for (int i = 0; i < players; ++i) row[i] = T(0);
    } else {
      const InfosetId h = raw_.node_infoset[v];
      const int mover = raw_.infoset_player[h];
      if (mover == kChancePlayer) {
        for (int i = 0; i < players; ++i) row[i] = T(0);
        const StoredRational* probs = raw_.chance_prob + raw_.prob_begin[h];
        for (NodeId c = first; c < last; ++c) {
          const T p = ValueOf<T>(game_, probs[c - first]);
          if (Traits::IsZero(p)) continue;
          const T* child = Row(c);
          for (int i = 0; i < players; ++i) row[i] += p * child[i];
        }
      } else {
        const int k = mover - 1;
        if constexpr (std::is_same_v<T, double>) {
          // Two actions without a tie (the common case): select the better child without a
          // branch on the comparison, which is a coin flip in random trees.
          if (last - first == 2 && !Traits::Tied(Row(first)[k], Row(first + 1)[k])) {
            const NodeId pick = Row(first + 1)[k] > Row(first)[k] ? 1 : 0;
            choice_[v] = pick;
            const T* child = Row(first + pick);
            for (int i = 0; i < players; ++i) row[i] = child[i];
            AddOutcome(v, row);
            return;
          }
        }
        const T* best_row = Row(first);
        for (NodeId c = first + 1; c < last; ++c) {
          if (Row(c)[k] > best_row[k]) best_row = Row(c);
        }
        const T& best = best_row[k];
        // Every child within tolerance (double) or equal (exact) to the best is tied.
        const auto best_child = static_cast<NodeId>((best_row - value_) / Players());
        NodeId chosen = kNoNode;
        int tied = 0;
        for (NodeId c = first; c < last; ++c) {
          if (c != best_child && !Traits::Tied(Row(c)[k], best)) continue;
          ++tied;
          if (chosen == kNoNode || options_.tie_rule == TieRule::kLast) chosen = c;
        }
        if (tied > 1) {
          Tie tie{v, {}};
          for (NodeId c = first; c < last; ++c) {
            if (Traits::Tied(Row(c)[k], best)) tie.actions.push_back(c - first);
          }
          ties->push_back(std::move(tie));
        }
        choice_[v] = chosen - first;
        const T* child = Row(chosen);
        for (int i = 0; i < players; ++i) row[i] = child[i];
      }
    }
    AddOutcome(v, row);
  }

  __attribute__((always_inline)) inline void AddOutcome(NodeId v, T* row) const {
    const int players = Players();
    const OutcomeId o = raw_.node_outcome[v];
    if (o != kNoOutcome) {
      const StoredRational* payoff = raw_.payoff + static_cast<std::size_t>(o) * static_cast<std::size_t>(players);
      for (int i = 0; i < players; ++i) row[i] += ValueOf<T>(game_, payoff[i]);
    }
  }

  const Game& game_;
  const Game::Arrays raw_;
  const BiOptions& options_;
  BiSolution<T>& out_;
  const int players_;
  T* value_ = nullptr;
  std::int32_t* choice_ = nullptr;
};

template <class T>
void RunSolver(const Game& game, const BiOptions& options, BiSolution<T>* solution) {
  if constexpr (std::is_same_v<T, double>) {
    switch (game.NumPlayers()) {
      case 2: Solver<T, 2>(game, options, solution).Run(); return;
      case 3: Solver<T, 3>(game, options, solution).Run(); return;
      case 4: Solver<T, 4>(game, options, solution).Run(); return;
      default: break;
    }
  }
  Solver<T, 0>(game, options, solution).Run();
}

}  // namespace

void RequirePerfectInformation(const Game& game) {
  if (game.IsPerfectInformation()) return;
  std::vector<int> members(static_cast<std::size_t>(game.NumInfosets()), 0);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const InfosetId h = game.Infoset(v);
    if (h < 0 || game.InfosetPlayer(h) == kChancePlayer) continue;
    if (++members[h] == 2) {
      throw UnsupportedError("backward induction needs perfect information, but information set " +
                             std::to_string(game.InfosetNumbers()[h]) + " of player " +
                             std::to_string(game.InfosetPlayer(h)) + " (\"" + game.InfosetName(h) +
                             "\") has more than one node (" + DescribeNode(game, v) + ")");
    }
  }
}

template <class T>
void SolveBackwardInductionInto(const Game& game, const BiOptions& options, BiSolution<T>* solution) {
  RequirePerfectInformation(game);
  solution->ties.clear();
  RunSolver<T>(game, options, solution);
}

template <class T>
BiSolution<T> SolveBackwardInduction(const Game& game, const BiOptions& options) {
  BiSolution<T> solution;
  SolveBackwardInductionInto<T>(game, options, &solution);
  return solution;
}

template <class T>
PlayOutcome<T> PlayOf(const Game& game, const BiSolution<T>& solution) {
  using Traits = NumberTraits<T>;
  PlayOutcome<T> play;
  for (int i = 1; i <= game.NumPlayers(); ++i) play.payoffs.push_back(solution.Value(0, i));
  std::vector<std::pair<NodeId, T>> stack{{0, T(1)}};
  while (!stack.empty()) {
    auto [v, p] = std::move(stack.back());
    stack.pop_back();
    if (game.IsTerminal(v)) {
      play.terminals.emplace_back(v, std::move(p));
      continue;
    }
    const InfosetId h = game.Infoset(v);
    if (game.InfosetPlayer(h) == kChancePlayer) {
      for (int a = 0; a < game.NumActions(h); ++a) {
        T q = Traits::Probability(game, h, a);
        if (Traits::IsZero(q)) continue;
        stack.emplace_back(game.ChildBegin(v) + a, p * q);
      }
    } else {
      stack.emplace_back(game.ChildBegin(v) + solution.choice[static_cast<std::size_t>(v)], p);
    }
  }
  std::sort(play.terminals.begin(), play.terminals.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return play;
}

std::vector<NodeId> ReachedNonterminals(const Game& game,
                                        const std::vector<NodeId>& reached_terminals) {
  std::vector<bool> on_path(static_cast<std::size_t>(game.NumNodes()), false);
  for (NodeId t : reached_terminals) {
    // Climb until a node already marked: every node is visited once in total.
    for (NodeId v = game.Parent(t); v != kNoNode && !on_path[v]; v = game.Parent(v)) {
      on_path[v] = true;
    }
  }
  std::vector<NodeId> order;
  if (reached_terminals.empty() || game.IsTerminal(0)) return order;
  std::vector<NodeId> stack{0};
  while (!stack.empty()) {
    const NodeId v = stack.back();
    stack.pop_back();
    order.push_back(v);
    for (NodeId c = game.ChildEnd(v); c-- > game.ChildBegin(v);) {
      if (on_path[c]) stack.push_back(c);
    }
  }
  return order;
}

template void SolveBackwardInductionInto<double>(const Game&, const BiOptions&, BiSolution<double>*);
template void SolveBackwardInductionInto<Rational>(const Game&, const BiOptions&, BiSolution<Rational>*);
template BiSolution<double> SolveBackwardInduction<double>(const Game&, const BiOptions&);
template BiSolution<Rational> SolveBackwardInduction<Rational>(const Game&, const BiOptions&);
template PlayOutcome<double> PlayOf<double>(const Game&, const BiSolution<double>&);
template PlayOutcome<Rational> PlayOf<Rational>(const Game&, const BiSolution<Rational>&);

}  // namespace ncpmi
