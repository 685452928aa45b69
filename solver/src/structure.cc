// Perfect recall and subgame roots from one Boost.Graph depth-first search over the tree.
#include "ncpmi/game/structure.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/depth_first_search.hpp>

#include <algorithm>
#include <limits>

namespace ncpmi {
namespace {

using TreeGraph = boost::compressed_sparse_row_graph<boost::directedS>;
using Vertex = TreeGraph::vertex_descriptor;

constexpr ActionId kNoAction = -1;  // "no own move yet"

struct State {
  const Game& game;
  std::vector<ActionId> last_own;           // per player (index 0 unused): last own action
  std::vector<ActionId> saved;              // restore stack, one entry per open non-root node
  std::vector<ActionId> infoset_history;    // per infoset: last own action of its first member
  std::vector<NodeId> infoset_first_member;
  std::vector<NodeId> tin, tout;
  NodeId clock = 0;
  GameStructure* result;
};

std::string DescribeHistory(const Game& game, int player, ActionId action) {
  if (action == kNoAction) return "before any move of player " + std::to_string(player);
  // Find the information set owning the global action id.
  InfosetId lo = 0, hi = game.NumInfosets() - 1;
  while (lo < hi) {
    const InfosetId mid = (lo + hi + 1) / 2;
    if (game.ActionBegin(mid) <= action) lo = mid; else hi = mid - 1;
  }
  return "after action \"" + game.ActionName(lo, action - game.ActionBegin(lo)) +
         "\" at information set " + std::to_string(game.InfosetNumbers()[lo]);
}

class StructureVisitor : public boost::default_dfs_visitor {
 public:
  explicit StructureVisitor(State* s) : s_(s) {}

  void discover_vertex(Vertex v, const TreeGraph&) const {
    const Game& g = s_->game;
    const auto n = static_cast<NodeId>(v);
    s_->tin[n] = s_->clock++;
    if (n != 0) {
      const NodeId parent = g.Parent(n);
      const int mover = g.Player(parent);
      s_->saved.push_back(s_->last_own[mover]);
      if (mover != kChancePlayer) {
        s_->last_own[mover] = g.ActionBegin(g.Infoset(parent)) + g.ActionIndexInParent(n);
      }
    }
    const InfosetId h = g.Infoset(n);
    if (h < 0) return;
    const int player = g.InfosetPlayer(h);
    if (player == kChancePlayer) return;
    const ActionId history = s_->last_own[player];
    if (s_->infoset_first_member[h] == kNoNode) {
      s_->infoset_first_member[h] = n;
      s_->infoset_history[h] = history;
    } else if (s_->infoset_history[h] != history && s_->result->perfect_recall) {
      const NodeId first = s_->infoset_first_member[h];
      s_->result->perfect_recall = false;
      s_->result->recall_violation_infoset = h;
      const std::string infoset = "information set " + std::to_string(g.InfosetNumbers()[h]) + " of player " +
                                  std::to_string(player) + " (\"" + g.InfosetName(h) + "\")";
      bool absent_minded = false;  // `first` on the path to n: walked once, at the first violation
      for (NodeId a = g.Parent(n); a != kNoNode && !absent_minded; a = a == 0 ? kNoNode : g.Parent(a)) {
        absent_minded = a == first;
      }
      s_->result->recall_violation =
          absent_minded
              ? infoset + " is absent-minded: " + DescribeNode(g, first) + " lies on the path to " +
                    DescribeNode(g, n) + ", of the same information set"
              : infoset + " violates perfect recall: " + DescribeNode(g, first) + " is reached " +
                    DescribeHistory(g, player, s_->infoset_history[h]) + ", " + DescribeNode(g, n) +
                    " is reached " + DescribeHistory(g, player, history);
    }
  }

  void finish_vertex(Vertex v, const TreeGraph&) const {
    const Game& g = s_->game;
    const auto n = static_cast<NodeId>(v);
    s_->tout[n] = s_->clock - 1;
    if (n != 0) {
      s_->last_own[g.Player(g.Parent(n))] = s_->saved.back();
      s_->saved.pop_back();
    }
  }

 private:
  State* s_;
};

}  // namespace

std::string DescribeNode(const Game& game, NodeId node) {
  std::string text = "node " + std::to_string(node);
  if (!game.NodeName(node).empty()) text += " \"" + game.NodeName(node) + "\"";
  if (node == 0) return text + " (the root)";
  const std::vector<std::string> path = game.PathLabels(node);
  text += " (path: ";
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path.size() > 12 && i == 4) {
      text += "..., ";
      i = path.size() - 5;
      continue;
    }
    text += path[i] + (i + 1 < path.size() ? ", " : "");
  }
  return text + ")";
}

GameStructure AnalyzeStructure(const Game& game) {
  GameStructure result;
  const NodeId n = game.NumNodes();
  // Tree edges in parent order: node ids are breadth-first, so (Parent(c), c) is already sorted.
  std::vector<std::pair<std::size_t, std::size_t>> edges;
  edges.reserve(static_cast<std::size_t>(n > 0 ? n - 1 : 0));
  for (NodeId c = 1; c < n; ++c) {
    edges.emplace_back(static_cast<std::size_t>(game.Parent(c)), static_cast<std::size_t>(c));
  }
  const TreeGraph tree(boost::edges_are_sorted, edges.begin(), edges.end(),
                       static_cast<std::size_t>(n));
  edges.clear();
  edges.shrink_to_fit();

  State state{game,
              std::vector<ActionId>(static_cast<std::size_t>(game.NumPlayers()) + 1, kNoAction),
              {},
              std::vector<ActionId>(static_cast<std::size_t>(game.NumInfosets()), kNoAction),
              std::vector<NodeId>(static_cast<std::size_t>(game.NumInfosets()), kNoNode),
              std::vector<NodeId>(static_cast<std::size_t>(n)),
              std::vector<NodeId>(static_cast<std::size_t>(n)),
              0,
              &result};
  std::vector<boost::default_color_type> colors(static_cast<std::size_t>(n), boost::white_color);
  boost::depth_first_visit(
      tree, Vertex{0}, StructureVisitor(&state),
      boost::make_iterator_property_map(colors.begin(), boost::get(boost::vertex_index, tree)));

  // Subgame roots: n is one iff every information set met in its subtree lies inside
  // [tin(n), tout(n)]. Aggregate each infoset's preorder span bottom-up (reverse id order).
  std::vector<NodeId> span_lo(static_cast<std::size_t>(game.NumInfosets()),
                              std::numeric_limits<NodeId>::max());
  std::vector<NodeId> span_hi(static_cast<std::size_t>(game.NumInfosets()), -1);
  for (NodeId v = 0; v < n; ++v) {
    const InfosetId h = game.Infoset(v);
    if (h < 0) continue;
    span_lo[h] = std::min(span_lo[h], state.tin[v]);
    span_hi[h] = std::max(span_hi[h], state.tin[v]);
  }
  std::vector<NodeId> lo(static_cast<std::size_t>(n)), hi(static_cast<std::size_t>(n));
  for (NodeId v = n; v-- > 0;) {
    const InfosetId h = game.Infoset(v);
    lo[v] = h < 0 ? state.tin[v] : span_lo[h];
    hi[v] = h < 0 ? state.tin[v] : span_hi[h];
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      lo[v] = std::min(lo[v], lo[c]);
      hi[v] = std::max(hi[v], hi[c]);
    }
  }
  for (NodeId v = 0; v < n; ++v) {
    if (!game.IsTerminal(v) && lo[v] >= state.tin[v] && hi[v] <= state.tout[v]) {
      result.subgame_roots.push_back(v);
    }
  }
  return result;
}

}  // namespace ncpmi
