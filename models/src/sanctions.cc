// "sanctions": sanction rounds with accumulating pain as non-terminal outcomes (docs/models.md, sanctions;
// Lacy & Niou 2004, Morgan, Bapat & Kobayashi 2014). The game states form a DAG — a state is
// (round, accumulated intensity), whatever order of intensities led there — built with
// Boost.Graph and unfolded into the tree the Game stores.
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>

#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

constexpr std::int64_t kMaxTreeNodes = 2000000;

struct DagVertex {
  int player = -1;                   // 1 Coercer, 2 Target; -1 terminal
  std::string label;
  std::vector<std::string> actions;  // decision vertices, in out-edge order
  std::vector<Rational> payoffs;     // terminal vertices
};

struct DagEdge {
  std::vector<Rational> flow;  // incremental payoffs on the child (empty: none)
  int id = 0;
};

using Dag = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, DagVertex, DagEdge>;
using Vertex = boost::graph_traits<Dag>::vertex_descriptor;

struct SanctionsDag {
  Dag dag;
  Vertex root = 0;
  int num_edges = 0;
};

SanctionsDag BuildDag(const ParameterValues& v) {
  const int rounds = detail::IntParam(v, "rounds");
  const int levels = detail::IntParam(v, "levels");
  const Rational& g_t = detail::Param(v, "rents_t");
  const Rational& pain = detail::Param(v, "pain");
  const Rational& growth = detail::Param(v, "pain_growth");
  const Rational& kappa = detail::Param(v, "kappa");
  const Rational& x = detail::Param(v, "demand");
  const Rational& s_t = detail::Param(v, "s_t");
  const Rational& lift_c = detail::Param(v, "lift_c");
  const Rational& lift_t = detail::Param(v, "lift_t");
  const Rational& war_c = detail::Param(v, "war_c");
  const Rational& f_t = detail::Param(v, "f_t");

  SanctionsDag out;
  Dag& g = out.dag;
  auto add = [&g](int player, std::string label, std::vector<std::string> actions,
                  std::vector<Rational> payoffs) {
    const Vertex u = boost::add_vertex(g);
    g[u].player = player;
    g[u].label = std::move(label);
    g[u].actions = std::move(actions);
    g[u].payoffs = std::move(payoffs);
    return u;
  };
  std::vector<std::string> c_actions;
  for (int j = 1; j <= levels; ++j) {
    c_actions.push_back(levels == 1 ? std::string("Sanction") : "Sanction level " + std::to_string(j));
  }
  c_actions.push_back("Lift");

  // States of round t: accumulated intensity A in [t-1, levels (t-1)]. target[t][A - (t-1)].
  std::vector<std::vector<Vertex>> target(static_cast<std::size_t>(rounds) + 2);
  std::vector<std::vector<Vertex>> coercer(static_cast<std::size_t>(rounds) + 1);
  for (int t = 1; t <= rounds + 1; ++t) {
    const int lo = t - 1, hi = levels * (t - 1);
    for (int a = lo; a <= hi; ++a) {
      const std::string where = "round " + std::to_string(t) +
                                (levels > 1 ? ", intensity " + std::to_string(a) : std::string());
      if (t <= rounds) {
        target[t].push_back(add(2, "Target, " + where, {"Comply", "Defy"}, {}));
        coercer[t].push_back(add(1, "Coercer, " + where, c_actions, {}));
      } else {
        target[t].push_back(add(2, "Target facing the final threat" +
                                        (levels > 1 ? ", intensity " + std::to_string(a) : std::string()),
                                {"Comply", "Resist"}, {}));
      }
    }
  }
  auto edge = [&](Vertex from, Vertex to, std::vector<Rational> flow) {
    const auto e = boost::add_edge(from, to, g).first;
    g[e].flow = std::move(flow);
    g[e].id = out.num_edges++;
  };
  for (int t = 1; t <= rounds + 1; ++t) {
    const int lo = t - 1;
    for (std::size_t i = 0; i < target[t].size(); ++i) {
      const int a = lo + static_cast<int>(i);
      const std::string where = (t <= rounds ? " in round " + std::to_string(t) : std::string(" at the final threat")) +
                                (levels > 1 ? ", intensity " + std::to_string(a) : std::string());
      const Vertex tv = target[t][i];
      edge(tv, add(-1, "SETTLEMENT complied" + where, {}, {x, s_t}), {});
      if (t > rounds) {
        edge(tv, add(-1, "WAR final threat executed" + where, {}, {war_c, f_t}), {});
        continue;
      }
      const Vertex cv = coercer[t][i];
      edge(tv, cv, {});
      for (int j = 1; j <= levels; ++j) {
        const Rational sigma = j * pain + a * growth;
        if (sgn(sigma) < 0) {
          detail::ParameterError("pain_growth", "the pain of sanction level " + std::to_string(j) +
                                                    " at accumulated intensity " + std::to_string(a) +
                                                    ", pain*level + pain_growth*intensity = " +
                                                    FormatRational(sigma) + ", is negative");
        }
        const Rational flow_c = -(j * kappa), flow_t = g_t - sigma;
        edge(cv, target[t + 1][i + static_cast<std::size_t>(j) - 1],
             {flow_c, flow_t});
      }
      edge(cv, add(-1, "BACKDOWN sanctions lifted" + where, {}, {lift_c, lift_t}), {});
    }
  }
  out.root = target[1][0];
  return out;
}

// Number of root paths to every vertex, summed: the size of the unfolded tree. Topological order
// from Boost.Graph (its depth-first search keeps an explicit stack).
std::int64_t TreeSize(const SanctionsDag& d) {
  std::vector<Vertex> order;
  order.reserve(boost::num_vertices(d.dag));
  boost::topological_sort(d.dag, std::back_inserter(order));  // reverse topological order
  std::vector<std::int64_t> paths(boost::num_vertices(d.dag), 0);
  paths[d.root] = 1;
  std::int64_t total = 0;
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const std::int64_t p = paths[*it];
    total += p;
    if (total > kMaxTreeNodes) return total;  // enough to refuse; avoids overflow
    for (auto [e, end] = boost::out_edges(*it, d.dag); e != end; ++e) {
      paths[boost::target(*e, d.dag)] += p;
    }
  }
  return total;
}

void CheckTreeSize(std::int64_t tree_nodes) {
  if (tree_nodes > kMaxTreeNodes) {
    detail::ParameterError("rounds", "the unfolded game tree would have more than " +
                                         std::to_string(kMaxTreeNodes) +
                                         " nodes; lower rounds or levels");
  }
}

Game BuildSanctions(const ParameterValues& v) {
  const SanctionsDag d = BuildDag(v);
  const std::int64_t tree_nodes = TreeSize(d);
  CheckTreeSize(tree_nodes);
  const Dag& g = d.dag;

  detail::TreeWriter w({"Coercer", "Target"});
  GameBuilder& b = w.Builder();
  std::vector<OutcomeId> edge_outcome(static_cast<std::size_t>(d.num_edges), kNoOutcome);
  std::vector<OutcomeId> terminal_outcome(boost::num_vertices(g), kNoOutcome);
  std::vector<LabelId> vertex_label(boost::num_vertices(g));
  for (Vertex u = 0; u < boost::num_vertices(g); ++u) vertex_label[u] = b.InternLabel(g[u].label);

  // Depth-first unfolding with an explicit stack; children are pushed in reverse so nodes are
  // added in preorder (the builder's fast path) and siblings in action order.
  struct Item {
    Vertex vertex;
    NodeId parent;
    OutcomeId outcome;
  };
  std::vector<Item> stack{{d.root, kNoNode, kNoOutcome}};
  std::vector<Item> children;
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const DagVertex& dv = g[item.vertex];
    if (dv.player < 0) {
      OutcomeId& o = terminal_outcome[item.vertex];
      if (o == kNoOutcome) o = b.AddOutcome(dv.label, dv.payoffs);
      b.AddNode(item.parent, kNoInfoset, o, vertex_label[item.vertex]);
      continue;
    }
    const InfosetId h = b.AddInfoset(dv.player, dv.label, dv.actions);
    const NodeId node = b.AddNode(item.parent, h, item.outcome, vertex_label[item.vertex]);
    children.clear();
    for (auto [e, end] = boost::out_edges(item.vertex, g); e != end; ++e) {
      const DagEdge& de = g[*e];
      OutcomeId o = kNoOutcome;
      if (!de.flow.empty()) {
        OutcomeId& cached = edge_outcome[static_cast<std::size_t>(de.id)];
        if (cached == kNoOutcome) cached = b.AddOutcome("Sanction round: " + dv.label, de.flow);
        o = cached;
      }
      children.push_back({boost::target(*e, g), node, o});
    }
    stack.insert(stack.end(), children.rbegin(), children.rend());
  }
  const int rounds = detail::IntParam(v, "rounds");
  const int levels = detail::IntParam(v, "levels");
  return w.Finalize("Sanctions over " + std::to_string(rounds) + " round(s), " +
                        std::to_string(levels) + " intensity level(s)",
                    "A sanction round of level j at accumulated intensity A adds "
                    "(-j kappa, g_T - (j pain + pain_growth A)) as a non-terminal outcome; after the "
                    "last round T complies or the final threat is executed. DAG of " +
                        std::to_string(boost::num_vertices(g)) + " states unfolded into " +
                        std::to_string(tree_nodes) + " nodes.");
}

}  // namespace

SanctionsNodeCounts CountSanctionsNodes(const ParameterValues& values) {
  const SanctionsDag d = BuildDag(values);
  SanctionsNodeCounts counts;
  counts.dag_nodes = static_cast<std::int64_t>(boost::num_vertices(d.dag));
  counts.tree_nodes = TreeSize(d);
  CheckTreeSize(counts.tree_nodes);
  return counts;
}

ModelSpec SanctionsModel() {
  using detail::Integer;
  using detail::Number;
  ModelSpec m;
  m.name = "sanctions";
  m.summary = "Rounds of Comply/Defy by T and Sanction (at a chosen intensity) or Lift by C, with "
              "per-round costs and pain as non-terminal outcomes, then a final threat";
  m.anchor = "Lacy & Niou, J. Politics 66(1) 2004; Morgan, Bapat & Kobayashi (TIES), CMPS 31(5) "
             "2014: sanctions that would work succeed at the threat stage and are never imposed; "
             "Escriba-Folch & Wright, ISQ 54 (2010) for pain by regime type";
  m.parameters = {
      Integer("rounds", 4, 1, 12, "R: sanction rounds before the final threat"),
      Integer("levels", 2, 1, 3, "intensity levels C may choose per round (1: a single schedule of pain; more: states merge into a DAG)"),
      Number("rents_t", Q(9, 20), Q(0), Q(100), "g_T: T's per-round rents of defiance"),
      Number("pain", Q(1, 5), Q(0), Q(100), "pain per unit of intensity in a round (sigma_1 at level 1)"),
      Number("pain_growth", Q(1, 10), Q(-10), Q(10), "added pain per unit of accumulated intensity (sigma_t = pain + (t-1) pain_growth at level 1)"),
      Number("kappa", Q(1, 10), Q(0), Q(100), "kappa: C's cost per round and unit of intensity"),
      Number("demand", Q(1), Q(-100), Q(100), "x: C's payoff when T complies"),
      Number("s_t", Q(0), Q(-100), Q(100), "S_T: T's payoff from complying"),
      Number("lift_c", Q(-1, 2), Q(-100), Q(100), "L_C: C's payoff when it lifts sanctions without compliance"),
      Number("lift_t", Q(1), Q(-100), Q(100), "T's payoff when sanctions are lifted"),
      Number("war_c", Q(-1, 5), Q(-100), Q(100), "C's payoff when the final threat is executed"),
      Number("f_t", Q(-1), Q(-100), Q(100), "F_T: T's payoff when it resists the final threat"),
  };
  m.build = BuildSanctions;
  return m;
}

}  // namespace ncpmi::models
