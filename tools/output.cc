// Text, JSON and CSV views of a solve report.
#include "output.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "ncpmi/bi/number_traits.h"

namespace ncpmi::cli {
namespace {

nlohmann::ordered_json JsonNumber(const Rational& v) { return FormatRational(v); }
nlohmann::ordered_json JsonNumber(double v) { return v; }

std::string PlayerName(const Game& game, int player) {
  return player == kChancePlayer ? std::string("chance") : game.PlayerName(player);
}

// Sum of the outcomes on the path root..terminal (Gambit's incremental payoffs).
template <class T>
std::vector<T> TerminalPayoffs(const Game& game, NodeId terminal) {
  std::vector<T> payoffs(static_cast<std::size_t>(game.NumPlayers()), T(0));
  for (NodeId v = terminal; v != kNoNode; v = game.Parent(v)) {
    const OutcomeId o = game.Outcome(v);
    if (o == kNoOutcome) continue;
    for (int i = 1; i <= game.NumPlayers(); ++i) {
      payoffs[static_cast<std::size_t>(i - 1)] += NumberTraits<T>::Payoff(game, o, i);
    }
  }
  return payoffs;
}

// One move on the play: a decision node's chosen action, or a chance node's positive branch.
struct Move {
  NodeId node;
  int action;
};

template <class T>
std::vector<Move> MovesOf(const Game& game, const PlayOutcome<T>& play) {
  std::vector<NodeId> terminals;
  for (const auto& t : play.terminals) terminals.push_back(t.first);
  const std::vector<NodeId> path = ReachedNonterminals(game, terminals);  // preorder
  // Every reached node, sorted, to ask which children of a path node are reached.
  std::vector<NodeId> reached(path);
  reached.insert(reached.end(), terminals.begin(), terminals.end());
  std::sort(reached.begin(), reached.end());
  std::vector<Move> moves;
  for (NodeId v : path) {
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      if (std::binary_search(reached.begin(), reached.end(), c)) {
        moves.push_back({v, c - game.ChildBegin(v)});
      }
    }
  }
  return moves;
}

template <class T>
std::string Join(const std::vector<T>& values, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += sep;
    out += FormatNumber(values[i]);
  }
  return out;
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

// Probability of an action at a node: chance's, or the solved behaviour strategy's.
template <class T>
T MoveProbability(const Game& game, const SolveReport<T>& r, NodeId v, int action) {
  const InfosetId h = game.Infoset(v);
  if (game.InfosetPlayer(h) == kChancePlayer) return NumberTraits<T>::Probability(game, h, action);
  return r.profile != nullptr ? r.profile->Prob(game, h, action) : T(1);
}

// Decision information sets worth listing: several nodes, or a mixed choice.
template <class T>
std::vector<InfosetId> ListedInfosets(const Game& game, const BehaviorProfile<T>& profile) {
  std::vector<int> members(static_cast<std::size_t>(game.NumInfosets()), 0);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.Infoset(v) >= 0) ++members[static_cast<std::size_t>(game.Infoset(v))];
  }
  std::vector<InfosetId> listed;
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) == kChancePlayer) continue;
    bool mixed = false;
    for (int a = 0; a < game.NumActions(h); ++a) {
      const T& p = profile.Prob(game, h, a);
      if (p != T(0) && p != T(1)) mixed = true;
    }
    if (mixed || members[static_cast<std::size_t>(h)] > 1) listed.push_back(h);
  }
  return listed;
}

// Per decision information set with more than one node: its nodes, by id (the sets beliefs are
// printed for).
std::vector<std::pair<InfosetId, std::vector<NodeId>>> BeliefSets(const Game& game) {
  std::vector<std::vector<NodeId>> members(static_cast<std::size_t>(game.NumInfosets()));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.Kind(v) == NodeKind::kDecision) members[static_cast<std::size_t>(game.Infoset(v))].push_back(v);
  }
  std::vector<std::pair<InfosetId, std::vector<NodeId>>> sets;
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (members[static_cast<std::size_t>(h)].size() > 1) sets.emplace_back(h, std::move(members[static_cast<std::size_t>(h)]));
  }
  return sets;
}

std::string PlayerList(const Game& game, const std::vector<int>& players) {
  std::string out;
  for (int p : players) out += (out.empty() ? "" : ", ") + game.PlayerName(p);
  return out.empty() ? std::string("none") : out;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

template <class T>
void WriteText(const Game& game, const SolveReport<T>& r, std::ostream& out) {
  out << "game: " << (game.Title().empty() ? "(untitled)" : game.Title()) << " [" << r.file
      << "]\n";
  out << "players:";
  for (int p = 1; p <= game.NumPlayers(); ++p) out << (p > 1 ? "," : "") << ' ' << p << ' ' << game.PlayerName(p);
  out << '\n';
  if (r.method == "subgame-decomposition") {
    out << "method: subgame decomposition (" << r.subgames.size()
        << " subgame(s) with imperfect information, " << r.backward_induction_steps
        << " backward-induction step(s)), " << (r.exact ? "exact rational" : "double")
        << " arithmetic, ties broken by the " << r.tie_rule << " listed action, equilibrium "
        << "selection: " << r.selection << '\n';
  } else {
    out << "method: backward induction, " << (r.exact ? "exact rational" : "double")
        << " arithmetic, "
        << (r.tie_rule == "all" ? "all pure SPE outcomes (branching at ties)"
                                : "ties broken by the " + r.tie_rule + " listed action")
        << '\n';
  }
  if (r.tie_rule == "all") {
    out << "equilibria: " << r.equilibria.size() << " distinct pure SPE outcome(s)";
    if (!r.complete) {
      out << " -- INCOMPLETE: more than " << r.cap << " at node " << r.cap_node
          << "; raise --max-equilibria";
    }
    out << '\n';
  }
  for (std::size_t e = 0; e < r.equilibria.size(); ++e) {
    const PlayOutcome<T>& play = r.equilibria[e];
    out << "\nequilibrium " << e + 1 << ":\n  payoffs:";
    for (int p = 1; p <= game.NumPlayers(); ++p) {
      out << (p > 1 ? "," : "") << ' ' << game.PlayerName(p) << ' '
          << FormatNumber(play.payoffs[static_cast<std::size_t>(p - 1)]);
    }
    out << "\n  path:\n";
    const std::vector<Move> moves = MovesOf(game, play);
    for (std::size_t i = 0; i < moves.size(); ++i) {
      const NodeId v = moves[i].node;
      const InfosetId h = game.Infoset(v);
      if (i > 0 && moves[i - 1].node == v) continue;
      out << "    " << PlayerName(game, game.Player(v)) << ": ";
      if (game.Player(v) == kChancePlayer || r.profile != nullptr) {
        bool first = true;
        for (std::size_t k = i; k < moves.size() && moves[k].node == v; ++k, first = false) {
          const T p = MoveProbability(game, r, v, moves[k].action);
          out << (first ? "" : ", ") << game.ActionName(h, moves[k].action);
          if (game.Player(v) == kChancePlayer || p != T(1)) out << ' ' << FormatNumber(p);
        }
      } else {
        out << game.ActionName(h, moves[i].action);
      }
      out << "   [node " << v << (game.NodeName(v).empty() ? "" : " " + Quote(game.NodeName(v)))
          << "]\n";
    }
    out << "  terminals:\n";
    for (const auto& [t, p] : play.terminals) {
      out << "    node " << t << (game.NodeName(t).empty() ? "" : " " + Quote(game.NodeName(t)))
          << "  probability " << FormatNumber(p) << "  payoffs "
          << Join(TerminalPayoffs<T>(game, t), ", ") << '\n';
    }
  }
  if (r.profile != nullptr) {
    const std::vector<InfosetId> listed = ListedInfosets(game, *r.profile);
    const std::vector<std::int64_t> numbers = game.InfosetNumbers();
    out << "\nbehaviour strategies (information sets with several nodes or a mixed choice): "
        << listed.size() << '\n';
    for (const InfosetId h : listed) {
      out << "  " << game.PlayerName(game.InfosetPlayer(h)) << " set " << numbers[h]
          << (game.InfosetName(h).empty() ? "" : " " + Quote(game.InfosetName(h))) << ": ";
      for (int a = 0; a < game.NumActions(h); ++a) {
        out << (a ? ", " : "") << game.ActionName(h, a) << ' '
            << FormatNumber(r.profile->Prob(game, h, a));
      }
      out << '\n';
    }
    if (r.beliefs != nullptr) {
      const auto sets = BeliefSets(game);
      out << "\nbeliefs (information sets with several nodes): " << sets.size() << '\n';
      for (const auto& [h, nodes] : sets) {
        out << "  " << game.PlayerName(game.InfosetPlayer(h)) << " set " << numbers[h]
            << (game.InfosetName(h).empty() ? "" : " " + Quote(game.InfosetName(h))) << ":";
        for (std::size_t k = 0; k < nodes.size(); ++k) {
          std::string history;
          for (const std::string& label : game.PathLabels(nodes[k])) history += (history.empty() ? "" : " ") + label;
          out << (k ? ", " : " ") << "node " << nodes[k] << " [" << history << "] "
              << FormatNumber((*r.beliefs)[static_cast<std::size_t>(nodes[k])]);
        }
        out << '\n';
      }
    }
    out << "\nsubgames with imperfect information: " << r.subgames.size() << '\n';
    for (const SubgameSolution<T>& sub : r.subgames) {
      out << "  node " << sub.root
          << (game.NodeName(sub.root).empty() ? "" : " " + Quote(game.NodeName(sub.root)))
          << ": " << MethodName(sub.method) << ", players " << PlayerList(game, sub.players)
          << ", " << sub.nodes << " nodes, " << sub.infosets << " information sets; payoffs "
          << Join(sub.payoffs, ", ") << "; gains " << Join(sub.gain, ", ")
          << (sub.verified ? " (verified)" : " (NOT VERIFIED)") << '\n';
    }
  }
  out << "\ncertificate: " << (r.verified ? "verified" : "NOT VERIFIED") << " ("
      << r.certificate << "); largest gains:";
  for (int p = 1; p <= game.NumPlayers(); ++p) {
    out << (p > 1 ? "," : "") << ' ' << game.PlayerName(p) << ' '
        << FormatNumber(r.max_gain[static_cast<std::size_t>(p - 1)]);
  }
  out << '\n';
  if (r.ties.empty()) {
    out << "\nties: none\n";
    return;
  }
  out << "\nties: " << r.ties.size() << '\n';
  for (std::size_t i = 0; i < r.ties.size(); ++i) {
    const Tie& tie = r.ties[i];
    const InfosetId h = game.Infoset(tie.node);
    out << "  node " << tie.node
        << (game.NodeName(tie.node).empty() ? "" : " " + Quote(game.NodeName(tie.node))) << " ("
        << game.PlayerName(game.Player(tie.node)) << ", " << (r.tie_on_path[i] ? "on" : "off")
        << " the path): ";
    for (std::size_t a = 0; a < tie.actions.size(); ++a) {
      out << (a ? " = " : "") << game.ActionName(h, tie.actions[a]);
    }
    out << '\n';
  }
}

template <class T>
void WriteJson(const Game& game, const SolveReport<T>& r, std::ostream& out) {
  out << ReportJson(game, r).dump(2) << '\n';
}

}  // namespace

template <class T>
nlohmann::ordered_json ReportJson(const Game& game, const SolveReport<T>& r) {
  nlohmann::ordered_json j;
  j["file"] = r.file;
  j["title"] = game.Title();
  j["players"] = nlohmann::ordered_json::array();
  for (int p = 1; p <= game.NumPlayers(); ++p) j["players"].push_back(game.PlayerName(p));
  // Names may repeat (two players called ""): the numbers, in the same order, tell them apart.
  j["player_numbers"] = nlohmann::ordered_json::array();
  for (int p = 1; p <= game.NumPlayers(); ++p) j["player_numbers"].push_back(p);
  j["exact"] = r.exact;
  j["method"] = r.method;
  j["tie_rule"] = r.tie_rule;
  j["selection"] = r.selection;
  j["concept"] = r.concept_name;
  j["verified"] = r.verified;
  {
    nlohmann::ordered_json gains = nlohmann::ordered_json::array();
    for (const T& g : r.max_gain) gains.push_back(JsonNumber(g));
    j["certificate"] = {{"check", r.certificate}, {"max_gain", std::move(gains)}};
    if (r.beliefs != nullptr) {
      j["certificate"]["bayes_error"] = JsonNumber(r.bayes_error);
      j["certificate"]["belief_sum_error"] = JsonNumber(r.belief_sum_error);
    }
  }
  j["threads"] = r.threads;
  j["complete"] = r.complete;
  j["equilibria"] = nlohmann::ordered_json::array();
  for (const PlayOutcome<T>& play : r.equilibria) {
    nlohmann::ordered_json e;
    e["payoffs"] = nlohmann::ordered_json::array();
    for (const T& v : play.payoffs) e["payoffs"].push_back(JsonNumber(v));
    e["path"] = nlohmann::ordered_json::array();
    e["moves"] = nlohmann::ordered_json::array();
    for (const Move& m : MovesOf(game, play)) {
      const InfosetId h = game.Infoset(m.node);
      const int player = game.Player(m.node);
      if (player != kChancePlayer) e["path"].push_back(game.ActionName(h, m.action));
      nlohmann::ordered_json move{{"node", m.node},
                          {"label", game.NodeName(m.node)},
                          {"player", PlayerName(game, player)},
                          {"player_number", player},
                          {"action", game.ActionName(h, m.action)}};
      if (player == kChancePlayer || r.profile != nullptr) {
        move["probability"] = JsonNumber(MoveProbability(game, r, m.node, m.action));
      }
      e["moves"].push_back(std::move(move));
    }
    e["terminals"] = nlohmann::ordered_json::array();
    for (const auto& [t, p] : play.terminals) {
      nlohmann::ordered_json payoffs = nlohmann::ordered_json::array();
      for (const T& v : TerminalPayoffs<T>(game, t)) payoffs.push_back(JsonNumber(v));
      e["terminals"].push_back({{"node", t},
                                {"label", game.NodeName(t)},
                                {"probability", JsonNumber(p)},
                                {"payoffs", std::move(payoffs)}});
    }
    j["equilibria"].push_back(std::move(e));
  }
  j["ties"] = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.ties.size(); ++i) {
    const Tie& tie = r.ties[i];
    const InfosetId h = game.Infoset(tie.node);
    nlohmann::ordered_json actions = nlohmann::ordered_json::array();
    for (int a : tie.actions) actions.push_back(game.ActionName(h, a));
    j["ties"].push_back({{"node", tie.node},
                         {"label", game.NodeName(tie.node)},
                         {"player", game.PlayerName(game.Player(tie.node))},
                         {"player_number", game.Player(tie.node)},
                         {"actions", std::move(actions)},
                         {"on_path", static_cast<bool>(r.tie_on_path[i])}});
  }
  if (r.profile != nullptr) {
    const std::vector<std::int64_t> numbers = game.InfosetNumbers();
    j["strategies"] = nlohmann::ordered_json::array();
    for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
      if (game.InfosetPlayer(h) == kChancePlayer) continue;
      nlohmann::ordered_json actions = nlohmann::ordered_json::array();
      for (int a = 0; a < game.NumActions(h); ++a) {
        actions.push_back({{"action", game.ActionName(h, a)},
                           {"probability", JsonNumber(r.profile->Prob(game, h, a))}});
      }
      j["strategies"].push_back({{"player", game.PlayerName(game.InfosetPlayer(h))},
                                 {"player_number", game.InfosetPlayer(h)},
                                 {"infoset", numbers[h]},
                                 {"label", game.InfosetName(h)},
                                 {"actions", std::move(actions)}});
    }
    if (r.beliefs != nullptr) {
      j["beliefs"] = nlohmann::ordered_json::array();
      for (const auto& [h, nodes] : BeliefSets(game)) {
        nlohmann::ordered_json entries = nlohmann::ordered_json::array();
        for (const NodeId v : nodes) {
          entries.push_back({{"node", v},
                             {"history", game.PathLabels(v)},
                             {"probability", JsonNumber((*r.beliefs)[static_cast<std::size_t>(v)])}});
        }
        j["beliefs"].push_back({{"player", game.PlayerName(game.InfosetPlayer(h))},
                                {"player_number", game.InfosetPlayer(h)},
                                {"infoset", numbers[h]},
                                {"label", game.InfosetName(h)},
                                {"nodes", std::move(entries)}});
      }
    }
    j["subgames"] = nlohmann::ordered_json::array();
    for (const SubgameSolution<T>& sub : r.subgames) {
      nlohmann::ordered_json payoffs = nlohmann::ordered_json::array();
      nlohmann::ordered_json gains = nlohmann::ordered_json::array();
      for (const T& v : sub.payoffs) payoffs.push_back(JsonNumber(v));
      for (const T& v : sub.gain) gains.push_back(JsonNumber(v));
      nlohmann::ordered_json players = nlohmann::ordered_json::array();
      nlohmann::ordered_json player_numbers = nlohmann::ordered_json::array();
      for (int p : sub.players) {
        players.push_back(game.PlayerName(p));
        player_numbers.push_back(p);
      }
      nlohmann::ordered_json entry{{"root", sub.root},
                                   {"label", game.NodeName(sub.root)},
                                   {"method", MethodName(sub.method)},
                                   {"players", std::move(players)},
                                   {"player_numbers", std::move(player_numbers)},
                                   {"nodes", sub.nodes},
                                   {"infosets", sub.infosets},
                                   {"payoffs", std::move(payoffs)},
                                   {"gain", std::move(gains)},
                                   {"verified", sub.verified}};
      if (sub.method == SolveMethod::kLp || sub.method == SolveMethod::kMip) {
        entry["lp_rows"] = sub.lp_rows;
        entry["lp_columns"] = sub.lp_columns;
        entry["lp_integer_columns"] = sub.lp_integer_columns;
      }
      if (sub.method == SolveMethod::kLcp) entry["lcp_rows"] = sub.lp_rows;
      if (sub.method == SolveMethod::kPure) entry["pure_equilibria_seen"] = sub.pure_equilibria;
      j["subgames"].push_back(std::move(entry));
    }
    j["backward_induction_steps"] = r.backward_induction_steps;
  }
  if (!r.complete) {
    j["cap"] = r.cap;
    j["cap_node"] = r.cap_node;
  }
  return j;
}

namespace {

template <class T>
void WriteCsv(const Game& game, const SolveReport<T>& r, std::ostream& out) {
  out << "equilibrium,node,label,probability";
  for (int p = 1; p <= game.NumPlayers(); ++p) out << ',' << CsvField("payoff_" + game.PlayerName(p));
  for (int p = 1; p <= game.NumPlayers(); ++p) out << ',' << CsvField("expected_" + game.PlayerName(p));
  out << '\n';
  for (std::size_t e = 0; e < r.equilibria.size(); ++e) {
    const PlayOutcome<T>& play = r.equilibria[e];
    for (const auto& [t, p] : play.terminals) {
      out << e + 1 << ',' << t << ',' << CsvField(game.NodeName(t)) << ',' << FormatNumber(p);
      for (const T& v : TerminalPayoffs<T>(game, t)) out << ',' << FormatNumber(v);
      for (const T& v : play.payoffs) out << ',' << FormatNumber(v);
      out << '\n';
    }
  }
}

}  // namespace

std::string FormatNumber(const Rational& value) { return FormatRational(value); }
std::string FormatNumber(double value) { return fmt::format("{}", value); }

template <class T>
void WriteReport(const Game& game, const SolveReport<T>& report, OutputFormat format,
                 std::ostream& out) {
  switch (format) {
    case OutputFormat::kText: WriteText(game, report, out); break;
    case OutputFormat::kJson: WriteJson(game, report, out); break;
    case OutputFormat::kCsv: WriteCsv(game, report, out); break;
  }
}

template nlohmann::ordered_json ReportJson(const Game&, const SolveReport<double>&);
template nlohmann::ordered_json ReportJson(const Game&, const SolveReport<Rational>&);
template void WriteReport<double>(const Game&, const SolveReport<double>&, OutputFormat, std::ostream&);
template void WriteReport<Rational>(const Game&, const SolveReport<Rational>&, OutputFormat, std::ostream&);

}  // namespace ncpmi::cli
