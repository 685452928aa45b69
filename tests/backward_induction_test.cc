// Backward induction, SPE enumeration and game structure against hand derivations and properties.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/bi/spe_enumeration.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/structure.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/registry.h"
#include "test_data.h"

namespace ncpmi {
namespace {

using test::DataPath;
using test::LoadData;

using Catch::Matchers::Contains;
using Catch::Matchers::WithinRel;

std::string HaitiPath() { return std::string(NCPMI_SOURCE_DIR) + "/instances/haiti_1994.efg"; }

std::string Str(const Rational& r) { return FormatRational(r); }
std::string Str(double d) {
  std::ostringstream out;
  out << std::setprecision(17) << d;
  return out.str();
}

NodeId NodeNamed(const Game& g, const std::string& name) {
  NodeId found = kNoNode;
  int count = 0;
  for (NodeId v = 0; v < g.NumNodes(); ++v) {
    if (g.NodeName(v) == name) {
      found = v;
      ++count;
    }
  }
  INFO("node named \"" << name << "\"");
  REQUIRE(count == 1);
  return found;
}

// What a hand derivation says about one selected SPE. Numbers are written as the exact
// strings FormatRational produces, so a failure prints both sides readably.
struct Expected {
  std::vector<std::string> payoffs;
  std::vector<std::string> path;       // "node name: action" at decision nodes reached, preorder
  std::vector<std::string> terminals;  // "terminal name = probability", by node id
  std::vector<std::string> ties;       // "node id: action, action", by node id (on or off path)
  std::vector<std::string> choices;    // further "node name: action" anywhere in the tree
};

template <class T>
std::vector<std::string> PathOf(const Game& g, const BiSolution<T>& s, const PlayOutcome<T>& play) {
  std::vector<NodeId> terminals;
  for (const auto& t : play.terminals) terminals.push_back(t.first);
  std::vector<std::string> path;
  for (NodeId v : ReachedNonterminals(g, terminals)) {
    if (g.Player(v) == kChancePlayer) continue;
    path.push_back(g.NodeName(v) + ": " + g.ActionName(g.Infoset(v), s.choice[v]));
  }
  return path;
}

std::vector<std::string> TiesOf(const std::vector<Tie>& ties) {
  std::vector<std::string> out;
  for (const Tie& t : ties) {
    std::string s = std::to_string(t.node) + ":";
    for (std::size_t i = 0; i < t.actions.size(); ++i) {
      s += (i ? ", " : " ") + std::to_string(t.actions[i]);
    }
    out.push_back(s);
  }
  return out;
}

std::string ChoiceAt(const Game& g, const std::vector<std::int32_t>& choice,
                     const std::string& node) {
  const NodeId v = NodeNamed(g, node);
  return node + ": " + g.ActionName(g.Infoset(v), choice[static_cast<std::size_t>(v)]);
}

// Solves the game at `path` exactly and in double with 1 and 2 threads and compares with the
// derivation.
void CheckSelectedSpe(const std::string& path, TieRule rule, const Expected& e) {
  const Game g = ReadEfgFile(path);
  const std::string file = path.substr(path.rfind('/') + 1);
  for (int threads : {1, 2}) {
    INFO(file << ", " << (rule == TieRule::kFirst ? "ties first" : "ties last") << ", " << threads
              << " thread(s)");
    BiOptions options;
    options.tie_rule = rule;
    options.threads = threads;

    const BiSolution<Rational> s = SolveBackwardInduction<Rational>(g, options);
    const PlayOutcome<Rational> play = PlayOf(g, s);
    std::vector<std::string> payoffs, root, terminals;
    for (const Rational& v : play.payoffs) payoffs.push_back(Str(v));
    for (int p = 1; p <= g.NumPlayers(); ++p) root.push_back(Str(s.Value(0, p)));
    for (const auto& [t, prob] : play.terminals)
      terminals.push_back(g.NodeName(t) + " = " + Str(prob));
    CHECK(payoffs == e.payoffs);
    CHECK(root == e.payoffs);
    CHECK(PathOf(g, s, play) == e.path);
    CHECK(terminals == e.terminals);
    CHECK(TiesOf(s.ties) == e.ties);
    std::vector<std::int32_t> choice(s.choice.begin(), s.choice.end());
    for (const std::string& c : e.choices) {
      CHECK(ChoiceAt(g, choice, c.substr(0, c.find(": "))) == c);
    }

    // Double arithmetic must see the same ties (within its tolerance) and pick the same play.
    const BiSolution<double> d = SolveBackwardInduction<double>(g, options);
    const PlayOutcome<double> dplay = PlayOf(g, d);
    REQUIRE(dplay.payoffs.size() == play.payoffs.size());
    for (std::size_t i = 0; i < play.payoffs.size(); ++i) {
      CHECK_THAT(dplay.payoffs[i],
                 WithinRel(ToDouble(play.payoffs[i]), 1e-12) ||
                     Catch::Matchers::WithinAbs(ToDouble(play.payoffs[i]), 1e-12));
    }
    CHECK(PathOf(g, d, dplay) == e.path);
    REQUIRE(dplay.terminals.size() == play.terminals.size());
    for (std::size_t i = 0; i < play.terminals.size(); ++i) {
      CHECK(dplay.terminals[i].first == play.terminals[i].first);
      CHECK_THAT(dplay.terminals[i].second, WithinRel(ToDouble(play.terminals[i].second), 1e-12));
    }
    CHECK(TiesOf(d.ties) == e.ties);
    CHECK(std::vector<std::int32_t>(d.choice.begin(), d.choice.end()) == choice);
  }
}

// One line per outcome: "payoffs | terminal = probability; ...", sorted, for set comparison.
template <class T>
std::vector<std::string> OutcomeLines(const Game& g, const std::vector<PlayOutcome<T>>& outcomes) {
  std::vector<std::string> lines;
  for (const PlayOutcome<T>& o : outcomes) {
    std::string line;
    for (std::size_t i = 0; i < o.payoffs.size(); ++i) line += (i ? ", " : "") + Str(o.payoffs[i]);
    line += " |";
    for (const auto& [t, p] : o.terminals) line += " " + g.NodeName(t) + " = " + Str(p) + ";";
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

void CheckAllSpe(const std::string& file, std::vector<std::string> expected) {
  INFO(file);
  const Game g = LoadData(file);
  const SpeEnumeration<Rational> all = EnumerateSpeOutcomes<Rational>(g, 1000);
  std::sort(expected.begin(), expected.end());
  CHECK(all.complete);
  CHECK(all.cap_node == kNoNode);
  CHECK(OutcomeLines(g, all.outcomes) == expected);
  // Double finds as many outcomes, with the same terminals.
  const SpeEnumeration<double> dall = EnumerateSpeOutcomes<double>(g, 1000);
  REQUIRE(dall.outcomes.size() == all.outcomes.size());
  std::set<std::vector<NodeId>> exact_supports, double_supports;
  for (const auto& o : all.outcomes) {
    std::vector<NodeId> s;
    for (const auto& t : o.terminals) s.push_back(t.first);
    exact_supports.insert(s);
  }
  for (const auto& o : dall.outcomes) {
    std::vector<NodeId> s;
    for (const auto& t : o.terminals) s.push_back(t.first);
    double_supports.insert(s);
  }
  CHECK(exact_supports == double_supports);
}

// ---------------------------------------------------------------------------------------------
// Hand-derived textbook games (derivations in each file's comment).

TEST_CASE("the ultimatum game's responder tie at offer 0 decides the proposer's offer", "[bi]") {
  // BFS ids: root 0, responders 1..5 (offers 0..4); the tie is at node 1 (Accept = Reject).
  CheckSelectedSpe(DataPath("ultimatum.efg"), TieRule::kFirst,
                   {{"4", "0"},
                    {"Proposer: Offer0", "After offer 0: Accept"},
                    {"Accept 0 = 1"},
                    {"1: 0, 1"},
                    {"After offer 1: Accept", "After offer 4: Accept"}});
  CheckSelectedSpe(DataPath("ultimatum.efg"), TieRule::kLast,
                   {{"3", "1"},
                    {"Proposer: Offer1", "After offer 1: Accept"},
                    {"Accept 1 = 1"},
                    {"1: 0, 1"},
                    {"After offer 0: Reject", "After offer 2: Accept"}});
  CheckAllSpe("ultimatum.efg", {"4, 0 | Accept 0 = 1;", "3, 1 | Accept 1 = 1;"});
}

TEST_CASE("the centipede game unravels to taking at the first move", "[bi]") {
  Expected e{{"1", "0"}, {"Move 1: Take"}, {"Take 1 = 1"}, {}, {}};
  for (int k = 1; k <= 8; ++k) e.choices.push_back("Move " + std::to_string(k) + ": Take");
  CheckSelectedSpe(DataPath("centipede.efg"), TieRule::kFirst, e);
  CheckSelectedSpe(DataPath("centipede.efg"), TieRule::kLast, e);
  CheckAllSpe("centipede.efg", {"1, 0 | Take 1 = 1;"});
  const Game g = LoadData("centipede.efg");
  CHECK(g.NumDecisionNodes() == 8);
  CHECK(NodeNamed(g, "Take 1") == 2);
}

TEST_CASE("entry deterrence deters only the entrant who faces a strong incumbent", "[bi]") {
  const Expected e{{"2/3", "11/3"},
                   {"Entrant, strong incumbent: StayOut", "Entrant, weak incumbent: Enter",
                    "Weak incumbent: Accommodate"},
                   {"Strong: stay out = 2/3", "Weak: accommodate = 1/3"},
                   {},
                   {"Strong incumbent: Fight"}};
  CheckSelectedSpe(DataPath("entry_deterrence.efg"), TieRule::kFirst, e);
  CheckSelectedSpe(DataPath("entry_deterrence.efg"), TieRule::kLast, e);
  CheckAllSpe("entry_deterrence.efg",
              {"2/3, 11/3 | Strong: stay out = 2/3; Weak: accommodate = 1/3;"});
  const Game g = LoadData("entry_deterrence.efg");
  CHECK(NodeNamed(g, "Strong: stay out") == 4);
  CHECK(NodeNamed(g, "Weak: accommodate") == 10);
}

TEST_CASE("the three-market chain store cooperates with every entrant", "[bi]") {
  Expected e{
      {"6", "2", "2", "2"},
      {"Entrant 1 at the start: In", "Store in market 1 at the start: Cooperate",
       "Entrant 2 after InCoop: In", "Store in market 2 after InCoop: Cooperate",
       "Entrant 3 after InCoop InCoop: In", "Store in market 3 after InCoop InCoop: Cooperate"},
      {"InCoop InCoop InCoop = 1"},
      {},
      // Off the path too: after a fight the store still cooperates and entrants enter.
      {"Store in market 2 after InFight: Cooperate", "Entrant 3 after Out Out: In",
       "Store in market 3 after InFight Out: Cooperate"}};
  CheckSelectedSpe(DataPath("chain_store.efg"), TieRule::kFirst, e);
  CheckSelectedSpe(DataPath("chain_store.efg"), TieRule::kLast, e);
  CheckAllSpe("chain_store.efg", {"6, 2, 2, 2 | InCoop InCoop InCoop = 1;"});
  const Game g = LoadData("chain_store.efg");
  CHECK(g.NumPlayers() == 4);
  CHECK(g.NumDecisionNodes() == 26);
  CHECK(g.NumTerminalNodes() == 27);
}

TEST_CASE("outcomes on non-terminal nodes are added along the path", "[bi]") {
  const Expected e{{"5/2", "-5/2"},
                   {"Crisis: Sanction", "Round 1: Comply"},
                   {"Comply in round 1 = 1"},
                   {},
                   {"Renew?: Continue", "Round 2: Defy"}};
  CheckSelectedSpe(DataPath("sanctions_incremental.efg"), TieRule::kFirst, e);
  CheckSelectedSpe(DataPath("sanctions_incremental.efg"), TieRule::kLast, e);
  CheckAllSpe("sanctions_incremental.efg", {"5/2, -5/2 | Comply in round 1 = 1;"});

  // A node's value covers its own outcome and everything below it, not the outcomes above.
  const Game g = LoadData("sanctions_incremental.efg");
  const BiSolution<Rational> s = SolveBackwardInduction<Rational>(g);
  const NodeId round2 = NodeNamed(g, "Round 2"), round1 = NodeNamed(g, "Round 1");
  CHECK(Str(s.Value(round2, 1)) == "-2");  // Stalemate -1 plus the round's -1
  CHECK(Str(s.Value(round2, 2)) == "-2");  // Stalemate 0 plus the round's -2
  CHECK(Str(s.Value(round1, 1)) == "2");
  CHECK(Str(s.Value(round1, 2)) == "-3");
  CHECK(Str(s.Value(NodeNamed(g, "Stalemate"), 1)) == "-1");
}

TEST_CASE("a three-player game with rational payoffs and a 9/20 chance move", "[bi]") {
  const Expected e{{"9/50", "31/20", "23/15"},
                   {"Ann: L", "Ben after Good: a", "Cat after Bad: x"},
                   {"Good-a = 9/20", "Bad-x = 11/20"},
                   {},
                   {"Ben after R: d", "Cat after c: u"}};
  CheckSelectedSpe(DataPath("three_player.efg"), TieRule::kFirst, e);
  CheckSelectedSpe(DataPath("three_player.efg"), TieRule::kLast, e);
  CheckAllSpe("three_player.efg", {"9/50, 31/20, 23/15 | Good-a = 9/20; Bad-x = 11/20;"});
  const Game g = LoadData("three_player.efg");
  CHECK(NodeNamed(g, "Good-a") == 7);
  CHECK(NodeNamed(g, "Bad-x") == 9);
  CHECK(Str(g.Payoff(g.Outcome(NodeNamed(g, "Bad-y")), 1)) == "3/4");  // written 0.75
}

TEST_CASE("a four-player game with a toll on its chance node", "[bi]") {
  const Expected e{{"9/20", "1", "11/30", "71/80"},
                   {"West: Wait", "North after Wait: Down", "East after H: r", "South after T: s"},
                   {"H-r = 9/20", "T-s = 11/20"},
                   {},
                   {"East after Act: Stop", "South after Go: n"}};
  CheckSelectedSpe(DataPath("four_player.efg"), TieRule::kFirst, e);
  CheckSelectedSpe(DataPath("four_player.efg"), TieRule::kLast, e);
  CheckAllSpe("four_player.efg", {"9/20, 1, 11/30, 71/80 | H-r = 9/20; T-s = 11/20;"});
  const Game g = LoadData("four_player.efg");
  CHECK(NodeNamed(g, "H-r") == 13);
  CHECK(NodeNamed(g, "T-s") == 14);
}

TEST_CASE("ties first and ties last select different equilibria when a tie moves an earlier player",
          "[bi]") {
  // Node 1 (after A: x = y) is on the path under ties first; node 3 (after C: p = r, actions 0
  // and 2) is never on the path.
  CheckSelectedSpe(DataPath("ties.efg"), TieRule::kFirst,
                   {{"3", "1"},
                    {"First: A", "Second after A: x"},
                    {"A-x = 1"},
                    {"1: 0, 1", "3: 0, 2"},
                    {"Second after C: p"}});
  CheckSelectedSpe(DataPath("ties.efg"), TieRule::kLast,
                   {{"2", "0"},
                    {"First: B"},
                    {"B = 1"},
                    {"1: 0, 1", "3: 0, 2"},
                    {"Second after A: y", "Second after C: r"}});
  CheckAllSpe("ties.efg", {"3, 1 | A-x = 1;", "2, 0 | B = 1;"});
}

TEST_CASE("a tie through a chance move is found in double arithmetic too", "[bi]") {
  CheckSelectedSpe(DataPath("chance_tie.efg"), TieRule::kFirst,
                   {{"5/2", "33/10"},
                    {"Investor: Gamble", "Partner after slump: Stay", "Partner after flat: Stay"},
                    {"Boom = 7/10", "Slump-Stay = 1/10", "Flat-Stay = 1/5"},
                    {"0: 0, 1", "3: 0, 1", "4: 0, 1"},
                    {}});
  CheckSelectedSpe(DataPath("chance_tie.efg"), TieRule::kLast,
                   {{"5/2", "3"},
                    {"Investor: Safe"},
                    {"Safe = 1"},
                    {"0: 0, 1", "3: 0, 1", "4: 0, 1"},
                    {"Partner after slump: Quit", "Partner after flat: Quit"}});
  CheckAllSpe("chance_tie.efg", {"5/2, 3 | Safe = 1;",
                                 "5/2, 33/10 | Boom = 7/10; Slump-Stay = 1/10; Flat-Stay = 1/5;",
                                 "5/2, 33/10 | Boom = 7/10; Slump-Stay = 1/10; Flat-Quit = 1/5;",
                                 "5/2, 33/10 | Boom = 7/10; Slump-Quit = 1/10; Flat-Stay = 1/5;",
                                 "5/2, 33/10 | Boom = 7/10; Slump-Quit = 1/10; Flat-Quit = 1/5;"});
  // The point of the game: in double the gamble is not exactly 5/2, yet it is a tie.
  const Game g = LoadData("chance_tie.efg");
  const BiSolution<double> d = SolveBackwardInduction<double>(g);
  CHECK(d.Value(1, 1) != 2.5);
  CHECK_THAT(d.Value(1, 1), WithinRel(2.5, 1e-15));
}

TEST_CASE("a capped enumeration is sound but marked incomplete", "[bi]") {
  const Game g = LoadData("chance_tie.efg");
  const SpeEnumeration<Rational> full = EnumerateSpeOutcomes<Rational>(g, 1000);
  const SpeEnumeration<Rational> capped = EnumerateSpeOutcomes<Rational>(g, 2);
  CHECK_FALSE(capped.complete);
  CHECK(capped.cap_node != kNoNode);
  CHECK(capped.outcomes.size() <= 2);
  CHECK_FALSE(capped.outcomes.empty());
  const std::vector<std::string> all = OutcomeLines(g, full.outcomes);
  for (const std::string& line : OutcomeLines(g, capped.outcomes)) {
    CHECK(std::find(all.begin(), all.end(), line) != all.end());
  }
}

TEST_CASE("the Haiti 1994 instance settles: Abstain, Mediate, AcceptAccord", "[bi]") {
  const Expected e{{"15/2", "13/4", "9", "19/4"},
                   {"UNSC: Abstain", "Mediator: Mediate", "Junta, mediated: AcceptAccord"},
                   {"SETTLEMENT:durable = 3/4", "SETTLEMENT:broken = 1/4"},
                   {},
                   {}};
  CheckSelectedSpe(HaitiPath(), TieRule::kFirst, e);
  CheckSelectedSpe(HaitiPath(), TieRule::kLast, e);
  const Game g = ReadEfgFile(HaitiPath());
  const SpeEnumeration<Rational> all = EnumerateSpeOutcomes<Rational>(g, 1000);
  REQUIRE(all.outcomes.size() == 1);
  CHECK(OutcomeLines(g, all.outcomes) ==
        std::vector<std::string>{"15/2, 13/4, 9, 19/4 | SETTLEMENT:durable = 3/4; "
                                 "SETTLEMENT:broken = 1/4;"});
}

TEST_CASE("the Haiti model builder writes exactly the bundled instance file", "[bi]") {
  CHECK(WriteEfgString(models::BuildHaiti1994()) == ReadWholeFile(HaitiPath()));
  CHECK(WriteEfgString(models::BuildModel("haiti1994")) == ReadWholeFile(HaitiPath()));
}

TEST_CASE("backward induction refuses a game with a non-singleton information set", "[bi]") {
  const Game g = LoadData("imperfect_subgame.efg");
  CHECK_FALSE(g.IsPerfectInformation());
  CHECK_THROWS_AS(SolveBackwardInduction<Rational>(g), UnsupportedError);
  CHECK_THROWS_AS(SolveBackwardInduction<double>(g), UnsupportedError);
  CHECK_THROWS_AS(EnumerateSpeOutcomes<Rational>(g, 10), UnsupportedError);
  CHECK_THROWS_WITH(SolveBackwardInduction<double>(g), Contains("information set 1 of player 2") &&
                                                           Contains("Guess") && Contains("node 5"));
}

// ---------------------------------------------------------------------------------------------
// Structure.

TEST_CASE("subgame roots of a small game with an imperfect-information subgame", "[bi]") {
  const GameStructure s = AnalyzeStructure(LoadData("imperfect_subgame.efg"));
  CHECK(s.perfect_recall);
  CHECK(s.subgame_roots == std::vector<NodeId>{0, 2, 3, 7});
  // In a perfect-information game every non-terminal node is a subgame root.
  const Game haiti = ReadEfgFile(HaitiPath());
  const GameStructure h = AnalyzeStructure(haiti);
  CHECK(h.perfect_recall);
  std::vector<NodeId> nonterminal;
  for (NodeId v = 0; v < haiti.NumNodes(); ++v) {
    if (!haiti.IsTerminal(v)) nonterminal.push_back(v);
  }
  CHECK(h.subgame_roots == nonterminal);
}

TEST_CASE("a player who forgets her own move violates perfect recall", "[bi]") {
  const Game g = LoadData("forgetful.efg");
  const GameStructure s = AnalyzeStructure(g);
  CHECK_FALSE(s.perfect_recall);
  REQUIRE(s.recall_violation_infoset != kNoInfoset);
  CHECK(g.InfosetName(s.recall_violation_infoset) == "Second");
  CHECK_THAT(s.recall_violation, Contains("information set 2 of player 1") && Contains("Second"));
  CHECK(s.subgame_roots == std::vector<NodeId>{0, 4});
}

// Subgame roots by definition: every information set met below v lies entirely below v.
// O(nodes × depth); for small games.
std::vector<NodeId> SubgameRootsByDefinition(const Game& g) {
  const NodeId n = g.NumNodes();
  std::vector<NodeId> pre(static_cast<std::size_t>(n)), size(static_cast<std::size_t>(n), 1);
  const std::vector<NodeId> order = g.Preorder();
  for (std::size_t i = 0; i < order.size(); ++i) pre[order[i]] = static_cast<NodeId>(i);
  for (NodeId v = n; v-- > 1;) size[g.Parent(v)] += size[v];
  std::vector<NodeId> lo(static_cast<std::size_t>(g.NumInfosets()), n), hi(lo.size(), -1);
  for (NodeId v = 0; v < n; ++v) {
    if (g.Infoset(v) < 0) continue;
    lo[g.Infoset(v)] = std::min(lo[g.Infoset(v)], pre[v]);
    hi[g.Infoset(v)] = std::max(hi[g.Infoset(v)], pre[v]);
  }
  std::vector<NodeId> roots;
  for (NodeId v = 0; v < n; ++v) {
    if (g.IsTerminal(v)) continue;
    bool closed = true;
    for (NodeId i = pre[v]; i < pre[v] + size[v] && closed; ++i) {
      const InfosetId h = g.Infoset(order[i]);
      if (h >= 0) closed = lo[h] >= pre[v] && hi[h] < pre[v] + size[v];
    }
    if (closed) roots.push_back(v);
  }
  return roots;
}

TEST_CASE("generated games with information sets of 3 have perfect recall", "[bi]") {
  for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
    RandomGameOptions o;
    o.nodes = 2000;
    o.players = 2 + static_cast<int>(seed % 2);
    o.branching = 2 + static_cast<int>(seed % 3);
    o.chance_fraction = 0.2;
    o.infoset_size = 3;
    o.seed = seed;
    const Game g = GenerateRandomGame(o);
    INFO("seed " << seed);
    CHECK_FALSE(g.IsPerfectInformation());  // the grouping really happened
    const GameStructure s = AnalyzeStructure(g);
    CHECK(s.perfect_recall);
    CHECK(s.recall_violation.empty());
    CHECK(s.subgame_roots == SubgameRootsByDefinition(g));
  }
}

// ---------------------------------------------------------------------------------------------
// Properties on generated games.

RandomGameOptions MixedOptions(std::uint64_t seed, std::int64_t nodes) {
  RandomGameOptions o;
  o.nodes = nodes;
  o.players = 2 + static_cast<int>(seed % 3);
  o.branching = 2 + static_cast<int>(seed % 2);
  o.chance_fraction = 0.25;
  o.nonterminal_outcome_fraction = 0.2;
  o.denominator = 12;
  o.payoff_range = 20;  // small: exact ties are common
  o.seed = seed;
  return o;
}

template <class T>
void CheckIdentical(const BiSolution<T>& a, const BiSolution<T>& b) {
  REQUIRE(a.value.size() == b.value.size());
  if constexpr (std::is_same_v<T, double>) {
    CHECK(std::memcmp(a.value.data(), b.value.data(), a.value.size() * sizeof(double)) == 0);
  } else {
    bool equal = true;
    for (std::size_t i = 0; i < a.value.size() && equal; ++i) equal = a.value[i] == b.value[i];
    CHECK(equal);
  }
  CHECK(std::vector<std::int32_t>(a.choice.begin(), a.choice.end()) ==
        std::vector<std::int32_t>(b.choice.begin(), b.choice.end()));
  CHECK(TiesOf(a.ties) == TiesOf(b.ties));
}

TEST_CASE("values, choices and ties are bit-identical for 1, 2 and 3 threads", "[bi]") {
  struct Case {
    std::uint64_t seed;
    std::int64_t nodes;
  };
  for (const Case c : {Case{1, 3000}, Case{2, 20000}, Case{3, 100000}}) {
    const Game g = GenerateRandomGame(MixedOptions(c.seed, c.nodes));
    INFO("seed " << c.seed << ", " << g.NumNodes() << " nodes");
    NodeId widest = 0;
    for (int d = 0; d < g.NumLevels(); ++d) {
      widest = std::max(widest, g.LevelBegin(d + 1) - g.LevelBegin(d));
    }
    // The big game must have levels wide enough to be solved in parallel at all (the solver runs
    // levels under kParallelLevelSize = 8192 nodes on one thread).
    if (c.nodes >= 100000) {
      CHECK(g.NumNodes() >= 200000);
      CHECK(widest >= 8192);
    }
    for (TieRule rule : {TieRule::kFirst, TieRule::kLast}) {
      BiOptions one{rule, 1}, two{rule, 2}, three{rule, 3};
      const BiSolution<double> d1 = SolveBackwardInduction<double>(g, one);
      CheckIdentical(d1, SolveBackwardInduction<double>(g, two));
      CheckIdentical(d1, SolveBackwardInduction<double>(g, three));
      const BiSolution<Rational> e1 = SolveBackwardInduction<Rational>(g, one);
      CheckIdentical(e1, SolveBackwardInduction<Rational>(g, two));
    }
  }
}

// Checks a solution against the definition at every node, in exact arithmetic: chance nodes
// average, movers take a best child (the first or last best one), ties list every best child.
void CheckSolutionDefinition(const Game& g, const BiSolution<Rational>& s, TieRule rule) {
  const int n = g.NumPlayers();
  std::map<NodeId, std::vector<int>> ties;
  for (const Tie& t : s.ties) ties[t.node] = t.actions;
  CHECK(ties.size() == s.ties.size());
  int bad = 0;
  NodeId first_bad = kNoNode;
  for (NodeId v = 0; v < g.NumNodes(); ++v) {
    const int bad_before = bad;
    std::vector<Rational> expect(static_cast<std::size_t>(n), Rational(0));
    const InfosetId h = g.Infoset(v);
    if (g.Kind(v) == NodeKind::kChance) {
      for (int a = 0; a < g.NumActions(h); ++a) {
        for (int p = 1; p <= n; ++p) {
          expect[p - 1] += g.ActionProbability(h, a) * s.Value(g.ChildBegin(v) + a, p);
        }
      }
      if (s.choice[v] != -1) ++bad;
    } else if (g.Kind(v) == NodeKind::kDecision) {
      const int k = g.Player(v);
      Rational best = s.Value(g.ChildBegin(v), k);
      for (NodeId c = g.ChildBegin(v); c < g.ChildEnd(v); ++c) best = std::max(best, s.Value(c, k));
      std::vector<int> argmax;
      for (NodeId c = g.ChildBegin(v); c < g.ChildEnd(v); ++c) {
        if (s.Value(c, k) == best) argmax.push_back(c - g.ChildBegin(v));
      }
      const int want = rule == TieRule::kFirst ? argmax.front() : argmax.back();
      if (s.choice[v] != want) ++bad;
      if (argmax.size() > 1 ? ties[v] != argmax : ties.count(v) != 0) ++bad;
      for (int p = 1; p <= n; ++p) expect[p - 1] = s.Value(g.ChildBegin(v) + want, p);
    } else if (s.choice[v] != -1) {
      ++bad;
    }
    if (g.Outcome(v) != kNoOutcome) {
      for (int p = 1; p <= n; ++p) expect[p - 1] += g.Payoff(g.Outcome(v), p);
    }
    for (int p = 1; p <= n; ++p) {
      if (s.Value(v, p) != expect[p - 1]) ++bad;
    }
    if (bad > bad_before && first_bad == kNoNode) first_bad = v;
  }
  INFO("first disagreement at node " << first_bad);
  CHECK(bad == 0);
}

TEST_CASE("every exact choice is a best reply and every tie is reported", "[bi]") {
  for (std::uint64_t seed : {11, 12, 13, 14}) {
    const Game g = GenerateRandomGame(MixedOptions(seed, 4000));
    INFO("seed " << seed);
    for (TieRule rule : {TieRule::kFirst, TieRule::kLast}) {
      const BiSolution<Rational> s = SolveBackwardInduction<Rational>(g, {rule, 0});
      CHECK_FALSE(s.ties.empty());  // the payoff range is small enough for ties to occur
      CheckSolutionDefinition(g, s, rule);
    }
  }
}

TEST_CASE("the cache-blocked sweep of a wide game meets the definition at every node", "[bi]") {
  // Over 65536 nodes with wide levels: the solver cuts the tree into subtree blocks (swept
  // bottom-up over contiguous ranges per depth), then sweeps the levels above by depth.
  const Game g = GenerateRandomGame(MixedOptions(15, 60000));
  REQUIRE(g.NumNodes() > 4 * 16384);
  for (int threads : {1, 2}) {
    const BiSolution<Rational> s = SolveBackwardInduction<Rational>(g, {TieRule::kFirst, threads});
    CheckSolutionDefinition(g, s, TieRule::kFirst);
  }
}

TEST_CASE("double and exact arithmetic agree on random games with fractions and chance", "[bi]") {
  for (std::uint64_t seed : {21, 22, 23, 24, 25}) {
    RandomGameOptions o = MixedOptions(seed, 5000);
    o.payoff_range = 1000;
    o.denominator = 97;
    const Game g = GenerateRandomGame(o);
    INFO("seed " << seed);
    for (TieRule rule : {TieRule::kFirst, TieRule::kLast}) {
      const BiSolution<Rational> e = SolveBackwardInduction<Rational>(g, {rule, 0});
      const BiSolution<double> d = SolveBackwardInduction<double>(g, {rule, 0});
      std::set<NodeId> tie_nodes;
      for (const Tie& t : e.ties) tie_nodes.insert(t.node);
      int far = 0, differ = 0;
      for (NodeId v = 0; v < g.NumNodes(); ++v) {
        for (int p = 1; p <= g.NumPlayers(); ++p) {
          const double exact = ToDouble(e.Value(v, p));
          if (std::fabs(d.Value(v, p) - exact) > 1e-9 * std::max(1.0, std::fabs(exact))) ++far;
        }
        if (tie_nodes.count(v) == 0 && d.choice[v] != e.choice[v]) ++differ;
      }
      CHECK(far == 0);
      CHECK(differ == 0);
      // The tolerance neither hides an exact tie nor invents one on these games.
      CHECK(TiesOf(d.ties) == TiesOf(e.ties));
    }
  }
}

// All pure SPE outcomes by brute force over every pure profile of a small game.
std::set<std::vector<std::pair<NodeId, Rational>>> BruteForceSpeOutcomes(const Game& g) {
  const NodeId n = g.NumNodes();
  const int players = g.NumPlayers();
  std::vector<NodeId> deciders;
  for (NodeId v = 0; v < n; ++v) {
    if (g.Kind(v) == NodeKind::kDecision) deciders.push_back(v);
  }
  BiSolution<Rational> s;
  s.num_players = players;
  s.choice.assign(static_cast<std::size_t>(n), -1);
  s.value.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(players), Rational(0));
  for (NodeId v : deciders) s.choice[v] = 0;
  auto value = [&](NodeId v, int p) -> Rational& {
    return s.value[static_cast<std::size_t>(v) * static_cast<std::size_t>(players) +
                   static_cast<std::size_t>(p - 1)];
  };
  std::set<std::vector<std::pair<NodeId, Rational>>> outcomes;
  while (true) {
    for (NodeId v = n; v-- > 0;) {
      for (int p = 1; p <= players; ++p) {
        Rational x = 0;
        if (g.Kind(v) == NodeKind::kChance) {
          for (int a = 0; a < g.NumChildren(v); ++a) {
            x += g.ActionProbability(g.Infoset(v), a) * value(g.ChildBegin(v) + a, p);
          }
        } else if (g.Kind(v) == NodeKind::kDecision) {
          x = value(g.ChildBegin(v) + s.choice[v], p);
        }
        if (g.Outcome(v) != kNoOutcome) x += g.Payoff(g.Outcome(v), p);
        value(v, p) = x;
      }
    }
    bool perfect = true;
    for (NodeId v : deciders) {
      const int k = g.Player(v);
      for (NodeId c = g.ChildBegin(v); c < g.ChildEnd(v); ++c) {
        if (value(c, k) > value(g.ChildBegin(v) + s.choice[v], k)) perfect = false;
      }
    }
    if (perfect) outcomes.insert(PlayOf(g, s).terminals);
    std::size_t i = 0;  // odometer over the profiles
    for (; i < deciders.size(); ++i) {
      const NodeId v = deciders[i];
      if (++s.choice[v] < g.NumChildren(v)) break;
      s.choice[v] = 0;
    }
    if (i == deciders.size()) break;
  }
  return outcomes;
}

TEST_CASE("the enumeration finds exactly the SPE outcomes of brute force on small games", "[bi]") {
  int games_with_several = 0;
  for (std::uint64_t seed = 1; seed <= 60; ++seed) {
    RandomGameOptions o;
    o.nodes = 6;
    o.players = 2 + static_cast<int>(seed % 2);
    o.branching = 2 + static_cast<int>(seed % 2);
    o.chance_fraction = 0.3;
    o.nonterminal_outcome_fraction = 0.3;
    o.payoff_range = 1;  // payoffs in {-1, 0, 1}: ties everywhere
    o.seed = seed;
    const Game g = GenerateRandomGame(o);
    INFO("seed " << seed);
    const auto expected = BruteForceSpeOutcomes(g);
    const SpeEnumeration<Rational> all = EnumerateSpeOutcomes<Rational>(g, 100000);
    CHECK(all.complete);
    std::set<std::vector<std::pair<NodeId, Rational>>> found;
    for (const auto& o2 : all.outcomes) found.insert(o2.terminals);
    CHECK(found.size() == all.outcomes.size());  // distinct
    CHECK(found == expected);
    // Each listed outcome's payoffs are the expectation of its terminals' path sums.
    for (const auto& o2 : all.outcomes) {
      for (int p = 1; p <= g.NumPlayers(); ++p) {
        Rational sum = 0;
        for (const auto& [t, prob] : o2.terminals) {
          for (NodeId v = t; v != kNoNode; v = g.Parent(v)) {
            if (g.Outcome(v) != kNoOutcome) sum += prob * g.Payoff(g.Outcome(v), p);
          }
        }
        CHECK(o2.payoffs[static_cast<std::size_t>(p - 1)] == sum);
      }
    }
    for (TieRule rule : {TieRule::kFirst, TieRule::kLast}) {
      CHECK(expected.count(PlayOf(g, SolveBackwardInduction<Rational>(g, {rule, 1})).terminals) ==
            1);
    }
    if (expected.size() > 1) ++games_with_several;
  }
  CHECK(games_with_several >= 10);  // the sample really exercises branching at ties
}

TEST_CASE("a chain of a million decision nodes reads, solves and writes without recursion",
          "[bi]") {
  RandomGameOptions o;
  o.nodes = 1'000'000;
  o.shape = TreeShape::kChain;
  o.seed = 7;
  const Game generated = GenerateRandomGame(o);
  const std::string text = WriteEfgString(generated);
  const Game g = ReadEfg(text, "chain");
  REQUIRE(g.NumDecisionNodes() == 1'000'000);
  REQUIRE(g.NumLevels() == 1'000'001);
  CHECK(WriteEfgString(g) == text);

  const BiSolution<double> s = SolveBackwardInduction<double>(g);
  CheckIdentical(s, SolveBackwardInduction<double>(generated, {TieRule::kFirst, 1}));
  const PlayOutcome<double> play = PlayOf(g, s);
  REQUIRE(play.terminals.size() == 1);
  CHECK(play.terminals[0].second == 1.0);
  CHECK(play.payoffs[0] == s.Value(0, 1));
  const std::vector<NodeId> path = ReachedNonterminals(g, {play.terminals[0].first});
  CHECK(path.front() == 0);
  CHECK(g.Parent(play.terminals[0].first) == path.back());

  const GameStructure st = AnalyzeStructure(g);
  CHECK(st.perfect_recall);
  CHECK(st.subgame_roots.size() == 1'000'000);
  CHECK(g.Preorder().size() == static_cast<std::size_t>(g.NumNodes()));
}

}  // namespace
}  // namespace ncpmi
