// Reading and writing Gambit .nfg files (strategic form stored as a tree), and reading either
// format by content.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/game.h"
#include "ncpmi/game/structure.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/game_file.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi {
namespace {

namespace fs = std::filesystem;

std::string DataPath(const std::string& name) { return (fs::path(NCPMI_TESTS_DIR) / "data" / name).string(); }
std::string DataText(const std::string& name) { return ReadWholeFile(DataPath(name)); }
Game ReadData(const std::string& name) { return ReadNfg(DataText(name), name); }

Rational Q(long num, long den = 1) { return MakeRational(num, den); }

// The leaf reached when every player k plays strategy s[k] (0-based), following the tree.
NodeId LeafOf(const Game& g, const std::vector<int>& s) {
  NodeId n = 0;
  for (int k : s) {
    REQUIRE(!g.IsTerminal(n));
    REQUIRE(k < g.NumChildren(n));
    n = g.ChildBegin(n) + k;
  }
  REQUIRE(g.IsTerminal(n));
  return n;
}

Rational PayoffAt(const Game& g, const std::vector<int>& s, int player) {
  const OutcomeId o = g.Outcome(LeafOf(g, s));
  return o == kNoOutcome ? Rational(0) : g.Payoff(o, player);
}

std::vector<std::string> Actions(const Game& g, NodeId n) {
  std::vector<std::string> labels;
  for (int a = 0; a < g.NumActions(g.Infoset(n)); ++a) labels.push_back(g.ActionName(g.Infoset(n), a));
  return labels;
}

// Player d+1 moves at every node of depth d, all in one information set; leaves at depth n.
void CheckStrategicShape(const Game& g) {
  const int n = g.NumPlayers();
  REQUIRE(g.NumLevels() == n + 1);
  for (int d = 0; d < n; ++d) {
    const InfosetId h = g.Infoset(g.LevelBegin(d));
    for (NodeId v = g.LevelBegin(d); v < g.LevelBegin(d + 1); ++v) {
      CHECK(g.Kind(v) == NodeKind::kDecision);
      CHECK(g.Player(v) == d + 1);
      CHECK(g.Infoset(v) == h);
      CHECK(g.Outcome(v) == kNoOutcome);
    }
  }
  for (NodeId v = g.LevelBegin(n); v < g.NumNodes(); ++v) CHECK(g.IsTerminal(v));
  CHECK(HasStrategicFormShape(g));
}

std::string ErrorOf(const std::string& text, const std::string& name = "t.nfg") {
  try {
    ReadNfg(text, name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

// Standard input replaced by a string for the lifetime of the object.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& text) : buffer_(text), old_(std::cin.rdbuf(&buffer_)) {
    std::cin.clear();
  }
  ~StdinFrom() {
    std::cin.rdbuf(old_);
    std::cin.clear();
  }

 private:
  std::stringbuf buffer_;
  std::streambuf* old_;
};

constexpr const char* kSequential = R"(EFG 2 R "Entry" { "Entrant" "Incumbent" } ""
p "" 1 1 "Enter?" { "out" "in" } 0
t "" 1 "stay out" { 0 2 }
p "" 2 1 "Fight?" { "fight" "accommodate" } 0
t "" 2 "war" { -1 -1 }
t "" 3 "share" { 1 1 }
)";

// A 2x2 simultaneous game written as a tree by hand: Gambit's usual extensive form of a table.
constexpr const char* kSimultaneousEfg = R"(EFG 2 R "Matching pennies" { "Even" "Odd" } "by hand"
p "" 1 1 "" { "H" "T" } 0
p "" 2 1 "" { "h" "t" } 0
t "" 1 "even wins" { 1 -1 }
t "" 2 "odd wins" { -1 1 }
p "" 2 1 "" { "h" "t" } 0
t "" 2 "odd wins" { -1 1 }
t "" 1 "even wins" { 1 -1 }
)";

}  // namespace

TEST_CASE("The payoff version becomes a tree with player 1 at the root and player 2 below in one "
          "information set",
          "[nfg]") {
  const Game g = ReadData("prisoners_dilemma.nfg");
  CHECK(g.Title() == "Prisoners' dilemma");
  CHECK(g.Comment().rfind("Written by hand", 0) == 0);
  REQUIRE(g.NumPlayers() == 2);
  CHECK(g.PlayerName(1) == "Row");
  CHECK(g.PlayerName(2) == "Column");
  CHECK(g.NumNodes() == 7);
  CHECK(g.NumInfosets() == 2);
  CheckStrategicShape(g);
  // Only numbers of strategies are given: the labels are "1", "2" as in Gambit.
  CHECK(Actions(g, 0) == std::vector<std::string>{"1", "2"});
  CHECK(Actions(g, 1) == std::vector<std::string>{"1", "2"});
  CHECK(g.NodeName(0).empty());
  CHECK(g.InfosetName(g.Infoset(0)).empty());
  // Hand-checked cells (strategy 0 cooperates): the file lists (C,C) (D,C) (C,D) (D,D).
  CHECK(PayoffAt(g, {0, 0}, 1) == 3);
  CHECK(PayoffAt(g, {0, 0}, 2) == 3);
  CHECK(PayoffAt(g, {1, 0}, 1) == 5);
  CHECK(PayoffAt(g, {1, 0}, 2) == 0);
  CHECK(PayoffAt(g, {0, 1}, 1) == 0);
  CHECK(PayoffAt(g, {0, 1}, 2) == 5);
  CHECK(PayoffAt(g, {1, 1}, 1) == 1);
  CHECK(PayoffAt(g, {1, 1}, 2) == 1);
  // Every profile has its own unnamed outcome.
  CHECK(g.NumOutcomes() == 4);
  std::set<OutcomeId> outcomes;
  for (NodeId v = g.LevelBegin(2); v < g.NumNodes(); ++v) {
    CHECK(g.OutcomeName(g.Outcome(v)).empty());
    outcomes.insert(g.Outcome(v));
  }
  CHECK(outcomes.size() == 4);
}

TEST_CASE("The outcome version names strategies and outcomes, and outcome 0 leaves zero payoffs",
          "[nfg]") {
  const Game g = ReadData("battle_of_sexes_outcomes.nfg");
  CHECK(g.Title() == "Battle of the sexes, outcome version");
  CheckStrategicShape(g);
  CHECK(Actions(g, 0) == std::vector<std::string>{"Opera", "Football"});
  CHECK(Actions(g, 1) == std::vector<std::string>{"Opera", "Football"});
  CHECK(g.NumOutcomes() == 2);
  const OutcomeId opera = g.Outcome(LeafOf(g, {0, 0}));
  const OutcomeId football = g.Outcome(LeafOf(g, {1, 1}));
  REQUIRE(opera != kNoOutcome);
  REQUIRE(football != kNoOutcome);
  CHECK(g.OutcomeName(opera) == "opera together");
  CHECK(g.OutcomeName(football) == "football together");
  // "D" numbers are read exactly: 1.5 and 15e-1 are both 3/2.
  CHECK(g.Payoff(opera, 1) == 3);
  CHECK(g.Payoff(opera, 2) == Q(3, 2));
  CHECK(g.Payoff(football, 1) == Q(3, 2));
  CHECK(g.Payoff(football, 2) == 3);
  CHECK(g.Outcome(LeafOf(g, {1, 0})) == kNoOutcome);
  CHECK(g.Outcome(LeafOf(g, {0, 1})) == kNoOutcome);
}

TEST_CASE("Profiles that name the same outcome share it", "[nfg]") {
  const Game g = ReadData("rps.nfg");
  CheckStrategicShape(g);
  CHECK(Actions(g, 0) == std::vector<std::string>{"Rock", "Paper", "Scissors"});
  CHECK(g.NumOutcomes() == 3);
  for (int row = 0; row < 3; ++row) {
    for (int column = 0; column < 3; ++column) {
      INFO("row " << row << ", column " << column);
      const OutcomeId o = g.Outcome(LeafOf(g, {row, column}));
      // Paper (1) beats Rock (0), Scissors (2) beat Paper, Rock beats Scissors.
      const int diff = (row - column + 3) % 3;
      CHECK(g.OutcomeName(o) == (diff == 0 ? "draw" : diff == 1 ? "Row wins" : "Column wins"));
      CHECK(g.Payoff(o, 1) == (diff == 0 ? 0 : diff == 1 ? 1 : -1));
      CHECK(g.Payoff(o, 1) + g.Payoff(o, 2) == 0);
    }
  }
  CHECK(g.Outcome(LeafOf(g, {1, 0})) == g.Outcome(LeafOf(g, {2, 1})));
}

TEST_CASE("A three-player table puts player 3 at depth 2 with every profile at its own leaf",
          "[nfg]") {
  const Game g = ReadData("three_player.nfg");
  REQUIRE(g.NumPlayers() == 3);
  CheckStrategicShape(g);
  CHECK(g.NumNodes() == 1 + 2 + 6 + 12);
  CHECK(Actions(g, 0) == std::vector<std::string>{"up", "down"});
  CHECK(Actions(g, 1) == std::vector<std::string>{"left", "middle", "right"});
  CHECK(Actions(g, 3) == std::vector<std::string>{"front", "back"});
  // Hand-checked: (down, right, front) is the 6th profile in the file: 132 -2/3 0.25. Its leaf is
  // the 11th of the last level (down = 2nd of 2, right = 3rd of 3, front = 1st of 2): node 9 + 10.
  CHECK(LeafOf(g, {1, 2, 0}) == 19);
  CHECK(PayoffAt(g, {1, 2, 0}, 1) == 132);
  CHECK(PayoffAt(g, {1, 2, 0}, 2) == Q(-2, 3));
  CHECK(PayoffAt(g, {1, 2, 0}, 3) == Q(1, 4));
  // The file's comment: Ann gets 100c + 10b + a, Ben -a/b, Cal c/4 (1-based strategies).
  for (int a = 1; a <= 2; ++a) {
    for (int b = 1; b <= 3; ++b) {
      for (int c = 1; c <= 2; ++c) {
        INFO("profile (" << a << ", " << b << ", " << c << ")");
        CHECK(PayoffAt(g, {a - 1, b - 1, c - 1}, 1) == 100 * c + 10 * b + a);
        CHECK(PayoffAt(g, {a - 1, b - 1, c - 1}, 2) == Q(-a, b));
        CHECK(PayoffAt(g, {a - 1, b - 1, c - 1}, 3) == Q(c, 4));
      }
    }
  }
}

TEST_CASE("R and D files with the same numbers give the same game, and D is written with decimals",
          "[nfg]") {
  const std::string body = R"( "t" { "A" "B" } { 2 1 } 1/4 0.5 -3 1e2 )";
  const Game r = ReadNfg("NFG 1 R" + body, "r.nfg");
  const Game d = ReadNfg("NFG 1 D" + body, "d.nfg");
  CHECK(WriteNfgString(r) == WriteNfgString(d));
  CHECK(PayoffAt(r, {0, 0}, 1) == Q(1, 4));
  CHECK(PayoffAt(r, {0, 0}, 2) == Q(1, 2));
  CHECK(PayoffAt(r, {1, 0}, 1) == -3);
  CHECK(PayoffAt(r, {1, 0}, 2) == 100);
  CHECK(WriteNfgString(r) == "NFG 1 R \"t\" { \"A\" \"B\" } { 2 1 }\n\"\"\n\n1/4 1/2\n-3 100\n");
  const std::string decimal = WriteNfgString(r, EfgNumbers::kDecimal);
  CHECK(decimal == "NFG 1 D \"t\" { \"A\" \"B\" } { 2 1 }\n\"\"\n\n0.25 0.5\n-3 100\n");
  CHECK(WriteNfgString(ReadNfg(decimal, "x.nfg"), EfgNumbers::kDecimal) == decimal);
}

TEST_CASE("Strategy names with a payoff list and strategy numbers with outcomes are both read",
          "[nfg]") {
  const Game named = ReadNfg(R"(NFG 1 R "x" { "A" "B" } { { "a1" "a2" } { "b1" } } 1 2 3 4)", "x.nfg");
  CHECK(Actions(named, 0) == std::vector<std::string>{"a1", "a2"});
  CHECK(PayoffAt(named, {1, 0}, 2) == 4);
  const Game counted = ReadNfg(R"(NFG 1 R "x" { "A" "B" } { 1 2 } { { "o" 5 6 } } 0 1)", "x.nfg");
  CHECK(Actions(counted, 1) == std::vector<std::string>{"1", "2"});
  CHECK(counted.Outcome(LeafOf(counted, {0, 0})) == kNoOutcome);
  CHECK(PayoffAt(counted, {0, 1}, 1) == 5);
}

TEST_CASE("Escapes in titles, players, strategies and outcome names survive a round trip", "[nfg]") {
  const std::string text = R"(NFG 1 R "say \"no\"" { "a\\b" "C:\path" } { { "x\"y" } { "z" } }
"line one
line two"
{ { "out \"1\"" 1 2 } } 1
)";
  const Game g = ReadNfg(text, "e.nfg");
  CHECK(g.Title() == "say \"no\"");
  CHECK(g.PlayerName(1) == "a\\b");
  CHECK(g.PlayerName(2) == "C:\\path");  // other backslashes are kept as written
  CHECK(Actions(g, 0) == std::vector<std::string>{"x\"y"});
  CHECK(g.Comment() == "line one\nline two");
  CHECK(g.OutcomeName(0) == "out \"1\"");
  const std::string once = WriteNfgString(g);
  CHECK(WriteNfgString(ReadNfg(once, "once.nfg")) == once);
}

TEST_CASE("Writing, reading and writing an .nfg file again is byte-identical", "[nfg][roundtrip]") {
  const auto name = GENERATE(as<std::string>{}, "prisoners_dilemma.nfg", "battle_of_sexes_outcomes.nfg",
                             "rps.nfg", "three_player.nfg");
  INFO(name);
  const std::string once = WriteNfgString(ReadData(name));
  CHECK(WriteNfgString(ReadNfg(once, "once.nfg")) == once);
  const std::string decimal = WriteNfgString(ReadData(name), EfgNumbers::kDecimal);
  CHECK(WriteNfgString(ReadNfg(decimal, "d.nfg"), EfgNumbers::kDecimal) == decimal);
  // Through .efg and back: the same table.
  const Game via_efg = ReadEfg(WriteEfgString(ReadData(name)), "via.efg");
  CHECK(WriteNfgString(via_efg) == once);
}

TEST_CASE("Files already in the normalised layout are written back unchanged", "[nfg][roundtrip]") {
  const auto name = GENERATE(as<std::string>{}, "prisoners_dilemma.nfg", "rps.nfg");
  INFO(name);
  CHECK(WriteNfgString(ReadData(name)) == DataText(name));
}

TEST_CASE("The outcome version is written with outcomes numbered by first use, unused ones dropped",
          "[nfg]") {
  const Game g = ReadNfg(R"(NFG 1 R "u" { "A" "B" } { { "a" "b" } { "c" } }
{ { "never" 9 9 } { "second" 2 2 } { "first" 1 1 } } 3 2)",
                         "u.nfg");
  CHECK(g.NumOutcomes() == 3);  // the unused outcome is kept in the game
  const std::string written = WriteNfgString(g);
  CHECK(written == "NFG 1 R \"u\" { \"A\" \"B\" }\n{\n{ \"a\" \"b\" }\n{ \"c\" }\n}\n\"\"\n\n"
                   "{\n{ \"first\" 1 1 }\n{ \"second\" 2 2 }\n}\n1 2\n");
  CHECK(WriteNfgString(ReadNfg(written, "w.nfg")) == written);
}

TEST_CASE("A hand-written simultaneous .efg is written as .nfg, a sequential one is refused",
          "[nfg]") {
  const Game pennies = ReadEfg(kSimultaneousEfg, "pennies.efg");
  CHECK(HasStrategicFormShape(pennies));
  const std::string nfg = WriteNfgString(pennies);
  CHECK(nfg == "NFG 1 R \"Matching pennies\" { \"Even\" \"Odd\" }\n{\n{ \"H\" \"T\" }\n{ \"h\" \"t\" }\n}\n"
               "\"by hand\"\n\n{\n{ \"even wins\" 1 -1 }\n{ \"odd wins\" -1 1 }\n}\n1 2\n2 1\n");

  const Game entry = ReadEfg(kSequential, "entry.efg");
  std::string reason;
  CHECK_FALSE(HasStrategicFormShape(entry, &reason));
  CHECK(reason == "node 1 at depth 1 is terminal, but every leaf must be at depth 2 (one move per player)");
  CHECK_THROWS_AS(WriteNfgString(entry), UnsupportedError);
  CHECK_THROWS_WITH(WriteNfgString(entry), Catch::Contains("cannot write an .nfg file: node 1") &&
                                               Catch::Contains("reduced normal form is not supported"));
}

TEST_CASE("Games that are almost strategic forms are refused with the reason", "[nfg]") {
  std::string reason;
  // Player 2 moves first.
  CHECK_FALSE(HasStrategicFormShape(
      ReadEfg(R"(EFG 2 R "" { "A" "B" } p "" 2 1 "" { "x" } 0 p "" 1 1 "" { "y" } 0 t "" 0)", "a.efg"),
      &reason));
  CHECK(reason == "node 0 at depth 0 belongs to player 2, but player 1 must move at depth 0");
  // Player 2 observes player 1's move: two information sets.
  CHECK_FALSE(HasStrategicFormShape(ReadEfg(R"(EFG 2 R "" { "A" "B" }
p "" 1 1 "" { "l" "r" } 0 p "" 2 1 "" { "x" } 0 t "" 0 p "" 2 2 "" { "x" } 0 t "" 0)", "b.efg"),
                                    &reason));
  CHECK(reason == "node 2 at depth 1 is not in the information set of node 1 (player 2 must have a "
                  "single information set)");
  // A payoff on the way.
  CHECK_FALSE(HasStrategicFormShape(
      ReadEfg(R"(EFG 2 R "" { "A" } p "" 1 1 "" { "x" } 1 "toll" { -1 } t "" 0)", "c.efg"), &reason));
  CHECK(reason == "node 0 at depth 0 has an outcome, but only leaves may carry payoffs");
  // Chance.
  CHECK_FALSE(HasStrategicFormShape(
      ReadEfg(R"(EFG 2 R "" { "A" } c "" 1 "" { "h" 1/2 "t" 1/2 } 0 t "" 0 t "" 0)", "d.efg"), &reason));
  CHECK(reason == "node 0 at depth 0 is a chance node");
  // Deeper than one move per player.
  CHECK_FALSE(HasStrategicFormShape(
      ReadEfg(R"(EFG 2 R "" { "A" } p "" 1 1 "" { "x" } 0 p "" 1 2 "" { "y" } 0 t "" 0)", "e.efg"), &reason));
  CHECK(reason == "node 1 at depth 1 is not terminal, but a strategic form of 1 player(s) has one "
                  "depth per player");
}

TEST_CASE("A strategic form read from .nfg has perfect recall, one subgame and imperfect information",
          "[nfg][structure]") {
  const Game g = ReadData("three_player.nfg");
  CHECK_FALSE(g.IsPerfectInformation());
  const GameStructure s = AnalyzeStructure(g);
  CHECK(s.perfect_recall);
  CHECK(s.subgame_roots == std::vector<NodeId>{0});
  CHECK_THROWS_AS(SolveBackwardInduction<Rational>(g), UnsupportedError);
}

TEST_CASE("Backward induction solves an .nfg table where only the last player has a choice",
          "[nfg][bi]") {
  // Players 1 and 2 have one strategy each, so every information set is a single node.
  const Game g = ReadNfg(R"(NFG 1 R "last mover" { "A" "B" "C" } { 1 1 3 }
0 0 1  0 0 7/2  0 0 2)",
                         "last.nfg");
  CHECK(g.IsPerfectInformation());
  const auto solution = SolveBackwardInduction<Rational>(g);
  CHECK(solution.choice[2] == 1);
  CHECK(solution.Value(0, 3) == Q(7, 2));
  // And the same table through .efg.
  const Game via = ReadEfg(WriteEfgString(g), "last.efg");
  CHECK(SolveBackwardInduction<Rational>(via).Value(0, 3) == Q(7, 2));
}

TEST_CASE("A one-player table is a root with one leaf per strategy", "[nfg]") {
  const Game g = ReadNfg(R"(NFG 1 R "solo" { "Only" } { 3 } 4 -1 2.5)", "solo.nfg");
  CHECK(g.NumNodes() == 4);
  CHECK(PayoffAt(g, {2}, 1) == Q(5, 2));
  CHECK(SolveBackwardInduction<Rational>(g).choice[0] == 0);
}

TEST_CASE("Too many strategy profiles are refused from the header, before any table is allocated",
          "[nfg]") {
  CHECK(ErrorOf(R"(NFG 1 R "big" { "A" "B" } { 100000 1001 })") ==
        "t.nfg:1:36: the game has more than 100000000 strategy profiles (the product of the numbers "
        "of strategies), the limit of this reader");
  // Players with one strategy add nodes but no profiles: the tree's size is bounded too.
  std::string players, counts;
  for (int k = 0; k < 10; ++k) {
    players += " \"p\"";
    counts += k == 0 ? " 100000000" : " 1";
  }
  CHECK_THAT(ErrorOf("NFG 1 R \"deep\" {" + players + " } {" + counts + " } 0"),
             Catch::Contains("nodes, the limit of this reader"));
}

TEST_CASE("Standard input is read as .nfg and named <stdin> in messages", "[nfg][stdin]") {
  {
    StdinFrom in(DataText("rps.nfg"));
    CHECK(WriteNfgString(ReadNfgFile("-")) == DataText("rps.nfg"));
  }
  {
    StdinFrom in(DataText("prisoners_dilemma.nfg"));
    CHECK(PayoffAt(ReadGameFile("-"), {1, 0}, 1) == 5);
  }
  {
    StdinFrom in("NFG 1 R \"t\" { \"A\" } { 2 } 1");
    CHECK_THROWS_WITH(ReadGameFile("-"),
                      "<stdin>:1:28: too few payoffs: the file ends after 1 of the 2 payoffs (2 strategy "
                      "profile(s) x 1 player(s))");
  }
}

TEST_CASE("ReadGame chooses the reader by the first word, after leading whitespace", "[nfg][game_file]") {
  const std::string nfg = DataText("prisoners_dilemma.nfg");
  CHECK(DetectGameFileFormat(" \n\t" + nfg, "x") == GameFileFormat::kNfg);
  CHECK(ReadGame("\n\n  " + nfg, "x.efg").NumPlayers() == 2);  // content wins over the name
  const Game efg = ReadGame(kSequential, "x.nfg");
  CHECK(efg.NumNodes() == 5);
  CHECK(DetectGameFileFormat(kSequential, "x") == GameFileFormat::kEfg);
  CHECK_THROWS_WITH(ReadGame("\n  GAME 1 R", "g.txt"),
                    "g.txt:2:3: not a game file: expected 'EFG' (extensive form) or 'NFG' (strategic "
                    "form) at the start, found 'GAME'");
  CHECK_THROWS_WITH(ReadGame("{ }", "g.txt"), Catch::StartsWith("g.txt:1:1: not a game file") &&
                                                   Catch::EndsWith("found '{'"));
  // No first word: the name's extension picks the reader that reports the empty file.
  CHECK_THROWS_WITH(ReadGame(" \n", "e.nfg"), "e.nfg:2:1: the file is empty: expected 'NFG 1 R' at the start");
  CHECK_THROWS_WITH(ReadGame("", "e.efg"), "e.efg:1:1: the file is empty: expected 'EFG 2 R' at the start");
  CHECK_THROWS_WITH(ReadGame("", "<stdin>"), Catch::Contains("expected 'EFG 2 R'"));
}

TEST_CASE("ReadGameFile reads both formats from files and refuses a directory", "[nfg][game_file]") {
  CHECK(ReadGameFile(DataPath("rps.nfg")).NumNodes() == 13);
  CHECK(ReadGameFile(DataPath("centipede.efg")).NumPlayers() >= 2);
  CHECK_THROWS_WITH(ReadGameFile(NCPMI_TESTS_DIR), Catch::EndsWith("is a directory, not a game file"));
  CHECK_THROWS_AS(ReadGameFile(DataPath("no_such_file.nfg")), InputError);
}

TEST_CASE("Every malformed .nfg input gives one line with its location", "[nfg][malformed]") {
  const std::string header = R"(NFG 1 R "g" { "A" "B" } { 2 1 })";
  CHECK(ErrorOf(header + " 1 2 3") ==
        "t.nfg:1:38: too few payoffs: the file ends after 3 of the 4 payoffs (2 strategy profile(s) x 2 "
        "player(s))");
  CHECK(ErrorOf(header + " 1 2 3 4 5") ==
        "t.nfg:1:41: too many payoffs: expected 4 payoffs (2 strategy profile(s) x 2 player(s)), found more");
  CHECK(ErrorOf(header + " 1 2 \"3\" 4") ==
        "t.nfg:1:37: expected the payoff of player 1 \"A\" in strategy profile (2, 1) (a number), found a "
        "quoted string \"3\"");
  CHECK(ErrorOf(header + " 1 2 3 4e") == "t.nfg:1:39: invalid number '4e': the exponent has no digits");
  CHECK(ErrorOf(header + " 1 2 3 4x") == "t.nfg:1:39: invalid number '4x'");
  CHECK(ErrorOf(header + " { { \"o\" 1 2 } } 1 0 }") ==
        "t.nfg:1:53: expected the end of the file after the 2 outcome numbers, found '}'");
}

}  // namespace ncpmi
