// Game trees as Graphviz DOT and TikZ: a shared pass decides which nodes are drawn and where,
// then each writer emits its syntax.
#include "ncpmi/models/draw_tree.h"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/models/table_render.h"

namespace ncpmi::models {
namespace {

// What both writers need: the drawn nodes in preorder with their positions, cumulative payoffs,
// equilibrium values, reach probabilities and the probability of the move into each node.
struct Drawing {
  std::vector<NodeId> order;             // drawn nodes, preorder
  std::vector<char> drawn, collapsed;    // by node id
  std::vector<int> depth;                // by node id
  std::vector<double> x;                 // by node id (leaf units)
  std::vector<std::vector<Rational>> value;  // by node id: payoffs at a terminal (summed along
                                             // the path) or equilibrium value of a subtree
  std::vector<char> has_value;           // value known (terminal, or solved)
  std::vector<Rational> reach;           // equilibrium reach probability (solved only)
  std::vector<Rational> move_prob;       // probability of the move into n (chance or profile)
  std::vector<char> has_move_prob;
  bool solved = false;
};

Drawing Prepare(const Game& game, const DrawOptions& options) {
  if (options.path_only && options.profile == nullptr) {
    throw InputError("--path-only needs the equilibrium (drop --no-solve)");
  }
  const NodeId n = game.NumNodes();
  const int players = game.NumPlayers();
  Drawing d;
  d.solved = options.profile != nullptr;
  d.drawn.assign(n, 0);
  d.collapsed.assign(n, 0);
  d.depth.assign(n, 0);
  d.x.assign(n, 0.0);
  d.value.assign(n, std::vector<Rational>());
  d.has_value.assign(n, 0);
  d.reach.assign(n, Rational(0));
  d.move_prob.assign(n, Rational(0));
  d.has_move_prob.assign(n, 0);

  // Cumulative payoffs and the move probabilities, top-down (a parent's id is below its children's).
  std::vector<std::vector<Rational>> cum(n, std::vector<Rational>(players, Rational(0)));
  for (NodeId v = 0; v < n; ++v) {
    if (v > 0) {
      NodeId p = game.Parent(v);
      cum[v] = cum[p];
      d.depth[v] = d.depth[p] + 1;
      InfosetId h = game.Infoset(p);
      int a = game.ActionIndexInParent(v);
      if (d.solved) {
        d.move_prob[v] = options.profile->Prob(game, h, a);
        d.has_move_prob[v] = 1;
      } else if (game.Kind(p) == NodeKind::kChance) {
        d.move_prob[v] = game.ActionProbability(h, a);
        d.has_move_prob[v] = 1;
      }
    }
    if (game.Outcome(v) != kNoOutcome) {
      for (int i = 1; i <= players; ++i) cum[v][i - 1] += game.Payoff(game.Outcome(v), i);
    }
  }
  // Values bottom-up: terminals carry their path sums; solved subtrees their expectations.
  for (NodeId v = n - 1; v >= 0; --v) {
    if (game.IsTerminal(v)) {
      d.value[v] = cum[v];
      d.has_value[v] = 1;
    } else if (d.solved) {
      std::vector<Rational> sum(players, Rational(0));
      for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
        if (d.move_prob[c] == 0) continue;
        for (int i = 0; i < players; ++i) sum[i] += d.move_prob[c] * d.value[c][i];
      }
      d.value[v] = std::move(sum);
      d.has_value[v] = 1;
    }
  }
  if (d.solved) {
    d.reach[0] = 1;
    for (NodeId v = 1; v < n; ++v) d.reach[v] = d.reach[game.Parent(v)] * d.move_prob[v];
  }
  // Drawn nodes in preorder (explicit stack); collapse by depth or off the path.
  std::vector<NodeId> stack{0};
  while (!stack.empty()) {
    NodeId v = stack.back();
    stack.pop_back();
    d.drawn[v] = 1;
    d.order.push_back(v);
    if (game.IsTerminal(v)) continue;
    bool collapse = (options.max_depth >= 0 && d.depth[v] >= options.max_depth) ||
                    (options.path_only && d.reach[v] == 0);
    if (collapse) {
      d.collapsed[v] = 1;
      continue;
    }
    for (NodeId c = game.ChildEnd(v) - 1; c >= game.ChildBegin(v); --c) stack.push_back(c);
  }
  // Layout: leaves (and collapsed nodes) equally spaced in preorder; parents centred.
  double next = 0;
  for (NodeId v : d.order) {
    if (game.IsTerminal(v) || d.collapsed[v]) d.x[v] = next++;
  }
  for (auto it = d.order.rbegin(); it != d.order.rend(); ++it) {
    NodeId v = *it;
    if (game.IsTerminal(v) || d.collapsed[v]) continue;
    d.x[v] = (d.x[game.ChildBegin(v)] + d.x[game.ChildEnd(v) - 1]) / 2;
  }
  return d;
}

// Decision edges out of reached nodes with positive probability: the equilibrium path.
bool OnPath(const Game& game, const Drawing& d, NodeId child) {
  return d.solved && d.reach[game.Parent(child)] > 0 && d.move_prob[child] > 0;
}
// A positive-probability decision off the path (the rest of the SPE strategy).
bool Chosen(const Game& game, const Drawing& d, NodeId child) {
  return d.solved && game.Kind(game.Parent(child)) == NodeKind::kDecision &&
         d.move_prob[child] > 0 && !OnPath(game, d, child);
}
// Whether the move into `child` shows its probability: chance moves, and mixed choices.
bool ShowsProbability(const Game& game, const Drawing& d, NodeId child) {
  if (!d.has_move_prob[child]) return false;
  if (game.Kind(game.Parent(child)) == NodeKind::kChance) return true;
  return d.move_prob[child] > 0 && d.move_prob[child] < 1;
}

std::string ActionOf(const Game& game, NodeId child) {
  NodeId p = game.Parent(child);
  return game.ActionName(game.Infoset(p), game.ActionIndexInParent(child));
}

// Information sets with at least two drawn nodes, each as its drawn members in x order.
std::vector<std::vector<NodeId>> DrawnInfosets(const Game& game, const Drawing& d) {
  std::vector<std::vector<NodeId>> members(static_cast<std::size_t>(game.NumInfosets()));
  for (NodeId v : d.order) {
    if (game.Kind(v) == NodeKind::kDecision) members[game.Infoset(v)].push_back(v);
  }
  std::vector<std::vector<NodeId>> out;
  for (auto& m : members) {
    if (m.size() < 2) continue;
    std::sort(m.begin(), m.end(), [&](NodeId a, NodeId b) { return d.x[a] < d.x[b]; });
    out.push_back(std::move(m));
  }
  return out;
}

// --- DOT -------------------------------------------------------------------------------------

std::string DotEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string DotVector(const std::vector<Rational>& v) {
  std::string out;
  for (const Rational& r : v) out += (out.empty() ? "" : ", ") + FormatRational(r);
  return out;
}

// --- TikZ ------------------------------------------------------------------------------------

std::string TexNumber(const Rational& r) {
  return "$" + FormatRational(r) + "$";
}

std::string Cm(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

// Per node: whether it is a decision node of an information set with several drawn nodes, so
// that a belief is worth showing there.
std::vector<char> InSharedSet(const Game& game, const Drawing& d) {
  std::vector<char> shared(static_cast<std::size_t>(game.NumNodes()), 0);
  for (const auto& set : DrawnInfosets(game, d)) {
    for (NodeId v : set) shared[static_cast<std::size_t>(v)] = 1;
  }
  return shared;
}

void WriteGameDot(const Game& game, const DrawOptions& options, std::ostream& out) {
  Drawing d = Prepare(game, options);
  const std::vector<char> shared = InSharedSet(game, d);
  out << "// " << DotEscape(game.Title()) << "\n";
  out << "digraph game {\n";
  out << "  graph [ordering=out, nodesep=0.3, ranksep=0.6, fontname=\"Helvetica\"];\n";
  out << "  node [fontname=\"Helvetica\", fontsize=10];\n";
  out << "  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.5];\n";
  for (NodeId v : d.order) {
    std::string id = "n" + std::to_string(v);
    std::string tip = DotEscape(game.NodeName(v));
    if (game.IsTerminal(v)) {
      out << "  " << id << " [shape=box, style=rounded, label=\"" << DotEscape(game.NodeName(v))
          << "\\n(" << DotVector(d.value[v]) << ")\", tooltip=\"" << tip << "\"];\n";
    } else if (d.collapsed[v]) {
      std::string label = "...";
      if (d.has_value[v]) label += "\\n(" + DotVector(d.value[v]) + ")";
      out << "  " << id << " [shape=triangle, label=\"" << label << "\", tooltip=\"" << tip
          << " (collapsed)\"];\n";
    } else if (game.Kind(v) == NodeKind::kChance) {
      out << "  " << id << " [shape=diamond, label=\"chance\", tooltip=\"" << tip << "\"];\n";
    } else {
      std::string label = DotEscape(game.PlayerName(game.Player(v)));
      if (options.beliefs != nullptr && shared[static_cast<std::size_t>(v)]) {
        label += "\\n[" + FormatRational((*options.beliefs)[static_cast<std::size_t>(v)]) + "]";
      }
      out << "  " << id << " [shape=ellipse, label=\"" << label << "\", tooltip=\"" << tip << "\"];\n";
    }
  }
  for (NodeId v : d.order) {
    if (v == 0) continue;
    std::string label = DotEscape(ActionOf(game, v));
    if (ShowsProbability(game, d, v)) label += " (" + FormatRational(d.move_prob[v]) + ")";
    out << "  n" << game.Parent(v) << " -> n" << v << " [label=\"" << label << "\"";
    if (OnPath(game, d, v)) {
      out << ", color=red, fontcolor=red, penwidth=2.5, class=\"path\"";
    } else if (Chosen(game, d, v)) {
      out << ", penwidth=2, class=\"strategy\"";
    }
    out << "];\n";
  }
  for (const auto& set : DrawnInfosets(game, d)) {
    bool same_depth = true;
    for (NodeId v : set) same_depth = same_depth && d.depth[v] == d.depth[set[0]];
    if (same_depth) {
      out << "  { rank=same;";
      for (NodeId v : set) out << " n" << v << ";";
      out << " }\n";
    }
    for (std::size_t k = 1; k < set.size(); ++k) {
      out << "  n" << set[k - 1] << " -> n" << set[k]
          << " [style=dashed, dir=none, constraint=false, color=gray40, class=\"infoset\"];\n";
    }
  }
  out << "}\n";
}

void WriteGameTikz(const Game& game, const DrawOptions& options, std::ostream& out) {
  Drawing d = Prepare(game, options);
  const std::vector<char> shared = InSharedSet(game, d);
  if (options.standalone) {
    out << "\\documentclass[tikz,border=6pt]{standalone}\n\\begin{document}\n";
  }
  out << "% " << LatexEscape(game.Title()) << " (ncpmi draw)\n";
  out << "\\begin{tikzpicture}[x=" << Cm(options.x_step) << "cm, y=" << Cm(options.y_step)
      << "cm, font=\\footnotesize,\n"
         "  decision/.style={circle, fill=black, inner sep=0pt, minimum size=4pt},\n"
         "  chance/.style={circle, draw=black, fill=white, inner sep=0pt, minimum size=5pt},\n"
         "  collapsed/.style={inner sep=0pt, minimum size=1pt},\n"
         "  leaf/.style={inner sep=0pt, minimum size=1pt},\n"
         "  move/.style={draw=black!70},\n"
         "  strategy/.style={draw=black, very thick},\n"
         "  path/.style={draw=red!80!black, ultra thick},\n"
         "  infoset/.style={draw=black, dashed, thick},\n"
      << (options.beliefs != nullptr ? "  belief/.style={font=\\scriptsize, text=black!70},\n" : "")
      << "  action/.style={inner sep=1pt, font=\\scriptsize},\n"
         "  payoff/.style={below=3pt, align=center, font=\\scriptsize}]\n";
  for (NodeId v : d.order) {
    std::string pos = "(" + Cm(d.x[v]) + "," + Cm(-d.depth[v]) + ")";
    std::string name = "n" + std::to_string(v);
    if (game.IsTerminal(v) || d.collapsed[v]) {
      out << "  \\node[" << (game.IsTerminal(v) ? "leaf" : "collapsed") << "] (" << name
          << ") at " << pos << " {};\n";
      // A class label "SETTLEMENT:durable" breaks after the colon to keep leaves narrow.
      std::string text = "\\ldots";
      if (game.IsTerminal(v)) {
        text = LatexEscape(game.NodeName(v));
        for (std::size_t at = text.find(':'); at != std::string::npos; at = text.find(':', at + 3)) {
          text.insert(at + 1, "\\\\");
        }
      }
      if (d.has_value[v]) {
        for (const Rational& r : d.value[v]) text += "\\\\" + TexNumber(r);
      }
      if (d.collapsed[v]) {  // a small triangle for the collapsed subtree (no TikZ library needed)
        out << "  \\draw[move] (" << name << ") -- ++(-0.12,-0.15) -- ++(0.24,0) -- cycle;\n";
      }
      out << "  \\node[payoff] at (" << name << ".south) {" << text << "};\n";
    } else if (game.Kind(v) == NodeKind::kChance) {
      out << "  \\node[chance, label={above:chance}] (" << name << ") at " << pos << " {};\n";
    } else {
      out << "  \\node[decision, label={above:" << LatexEscape(game.PlayerName(game.Player(v))) << "}";
      if (options.beliefs != nullptr && shared[static_cast<std::size_t>(v)]) {
        out << ", label={[belief]below:$[" << FormatRational((*options.beliefs)[static_cast<std::size_t>(v)]) << "]$}";
      }
      out << "] (" << name << ") at " << pos << " {};\n";
    }
  }
  for (NodeId v : d.order) {
    if (v == 0) continue;
    const char* style = OnPath(game, d, v) ? "path" : Chosen(game, d, v) ? "strategy" : "move";
    std::string label = LatexEscape(ActionOf(game, v));
    if (ShowsProbability(game, d, v)) label += " " + TexNumber(d.move_prob[v]);
    const double dx = d.x[v] - d.x[game.Parent(v)];
    const char* side = dx < 0 ? "action, above left" : dx > 0 ? "action, above right" : "action, right";
    out << "  \\draw[" << style << "] (n" << game.Parent(v) << ") -- node[" << side << "] {" << label
        << "} (n" << v << ");\n";
  }
  for (const auto& set : DrawnInfosets(game, d)) {
    for (std::size_t k = 1; k < set.size(); ++k) {
      out << "  \\draw[infoset] (n" << set[k - 1] << ") -- (n" << set[k] << ");\n";
    }
  }
  out << "\\end{tikzpicture}\n";
  if (options.standalone) out << "\\end{document}\n";
}

}  // namespace ncpmi::models
