// Reading and writing Gambit .efg files: exact numbers, escapes, optional parts and round trips.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <set>
#include <string>

#include "ncpmi/game/error.h"
#include "ncpmi/game/game.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"

namespace ncpmi {
namespace {

// Three players, two chance events, an information set with two nodes, outcomes on
// non-terminal nodes and outcomes that later nodes name by number only.
constexpr const char* kCrisis = R"(EFG 2 R "Three-way crisis" { "Ann" "Ben" "Cid" }
"written by hand for the reader tests"

c "start" 1 "nature" { "calm" 2/3 "tense" 1/3 } 0
p "ann1" 1 1 "Ann decides" { "talk" "threaten" } 1 "toll" { -1/2 0 0 }
t "talked" 2 "deal" { 2/5 2/5 1/5 }
p "ben" 2 1 "Ben decides" { "back down" "resist" } 0
t "backed down" 3 "win" { 3 -1 0 }
c "fate" 2 "fate" { "escalate" 9/20 "settle" 11/20 } 4 "cost" { -1 -1 -1 }
t "war" 5 "war" { -5 -5 -3 }
t "settled" 2
p "ann2" 1 1 0
t "talked again" 2
p "cid" 3 1 "Cid decides" { "join" "stay" } 0
t "joined" 6 "joint" { 1 1 1 }
t "stayed" 3
)";

Game Read(const std::string& text) { return ReadEfg(text, "test.efg"); }

NodeId FindNode(const Game& g, const std::string& name) {
  for (NodeId n = 0; n < g.NumNodes(); ++n) {
    if (g.NodeName(n) == name) return n;
  }
  FAIL("no node named \"" << name << "\"");
  return kNoNode;
}

Rational PayoffAt(const Game& g, const std::string& node, int player) {
  const OutcomeId o = g.Outcome(FindNode(g, node));
  REQUIRE(o != kNoOutcome);
  return g.Payoff(o, player);
}

Rational Q(long num, long den = 1) { return MakeRational(num, den); }

// Same game up to the ids of information sets and outcomes, which must correspond one to one.
// Node ids are compared directly: both games are in the builder's canonical breadth-first order.
void CheckSameGame(const Game& a, const Game& b) {
  REQUIRE(a.NumPlayers() == b.NumPlayers());
  for (int p = 1; p <= a.NumPlayers(); ++p) CHECK(a.PlayerName(p) == b.PlayerName(p));
  CHECK(a.Title() == b.Title());
  CHECK(a.Comment() == b.Comment());
  REQUIRE(a.NumNodes() == b.NumNodes());
  std::map<InfosetId, InfosetId> infosets;
  std::map<OutcomeId, OutcomeId> outcomes;
  for (NodeId n = 0; n < a.NumNodes(); ++n) {
    INFO("node " << n);
    REQUIRE(a.Parent(n) == b.Parent(n));
    REQUIRE(a.NumChildren(n) == b.NumChildren(n));
    REQUIRE(a.Kind(n) == b.Kind(n));
    REQUIRE(a.Player(n) == b.Player(n));
    CHECK(a.NodeName(n) == b.NodeName(n));
    if (a.Infoset(n) != kNoInfoset) {
      const auto it = infosets.emplace(a.Infoset(n), b.Infoset(n)).first;
      REQUIRE(it->second == b.Infoset(n));
    }
    REQUIRE((a.Outcome(n) == kNoOutcome) == (b.Outcome(n) == kNoOutcome));
    if (a.Outcome(n) != kNoOutcome) {
      const auto it = outcomes.emplace(a.Outcome(n), b.Outcome(n)).first;
      REQUIRE(it->second == b.Outcome(n));
    }
  }
  std::set<InfosetId> infoset_images;
  for (const auto& [ha, hb] : infosets) {
    INFO("information set " << ha);
    infoset_images.insert(hb);
    CHECK(a.InfosetName(ha) == b.InfosetName(hb));
    REQUIRE(a.NumActions(ha) == b.NumActions(hb));
    for (int act = 0; act < a.NumActions(ha); ++act) {
      CHECK(a.ActionName(ha, act) == b.ActionName(hb, act));
      if (a.InfosetPlayer(ha) == kChancePlayer) {
        CHECK(a.ActionProbability(ha, act) == b.ActionProbability(hb, act));
      }
    }
  }
  CHECK(infoset_images.size() == infosets.size());
  CHECK(static_cast<std::size_t>(b.NumInfosets()) == infosets.size());
  std::set<OutcomeId> outcome_images;
  for (const auto& [oa, ob] : outcomes) {
    INFO("outcome " << oa);
    outcome_images.insert(ob);
    CHECK(a.OutcomeName(oa) == b.OutcomeName(ob));
    for (int p = 1; p <= a.NumPlayers(); ++p) CHECK(a.Payoff(oa, p) == b.Payoff(ob, p));
  }
  CHECK(outcome_images.size() == outcomes.size());
}

// Writes, reads back and writes again: the two texts must be identical and the games equal.
std::string CheckRoundTrip(const Game& game, EfgNumbers numbers = EfgNumbers::kRational) {
  const std::string first = WriteEfgString(game, numbers);
  const Game again = Read(first);
  CheckSameGame(game, again);
  const std::string second = WriteEfgString(again, numbers);
  CHECK(first == second);
  return first;
}

std::size_t Occurrences(const std::string& text, const std::string& what) {
  std::size_t count = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("A hand-written .efg game is read with every player, node, information set and number",
          "[efg]") {
  const Game g = Read(kCrisis);
  REQUIRE(g.NumPlayers() == 3);
  CHECK(g.PlayerName(1) == "Ann");
  CHECK(g.PlayerName(3) == "Cid");
  CHECK(g.Title() == "Three-way crisis");
  CHECK(g.NumNodes() == 13);
  CHECK(g.NumChanceNodes() == 2);
  CHECK(g.NumDecisionNodes() == 4);
  CHECK(g.NumTerminalNodes() == 7);
  CHECK_FALSE(g.IsPerfectInformation());

  const NodeId root = FindNode(g, "start");
  CHECK(root == 0);
  CHECK(g.Kind(root) == NodeKind::kChance);
  CHECK(g.ActionProbability(g.Infoset(root), 0) == Q(2, 3));
  CHECK(g.ActionName(g.Infoset(root), 1) == "tense");
  const NodeId fate = FindNode(g, "fate");
  CHECK(g.ActionProbability(g.Infoset(fate), 0) == Q(9, 20));
  CHECK(g.ActionProbability(g.Infoset(fate), 1) == Q(11, 20));

  // ann2 names Ann's information set by number only.
  CHECK(g.Infoset(FindNode(g, "ann1")) == g.Infoset(FindNode(g, "ann2")));
  CHECK(g.InfosetName(g.Infoset(FindNode(g, "ann2"))) == "Ann decides");
  CHECK(g.Player(FindNode(g, "cid")) == 3);
  CHECK(g.ActionName(g.Infoset(FindNode(g, "ben")), 0) == "back down");

  // Outcomes on non-terminal nodes.
  CHECK(PayoffAt(g, "ann1", 1) == Q(-1, 2));
  CHECK(PayoffAt(g, "fate", 3) == Q(-1));
  CHECK(g.Outcome(FindNode(g, "ann2")) == kNoOutcome);
  // Outcome 2 is described once and used three times.
  CHECK(PayoffAt(g, "talked", 1) == Q(2, 5));
  CHECK(PayoffAt(g, "talked", 3) == Q(1, 5));
  CHECK(g.Outcome(FindNode(g, "talked")) == g.Outcome(FindNode(g, "settled")));
  CHECK(g.Outcome(FindNode(g, "talked")) == g.Outcome(FindNode(g, "talked again")));
  CHECK(g.Outcome(FindNode(g, "stayed")) == g.Outcome(FindNode(g, "backed down")));
  CHECK(g.NumOutcomes() == 6);
}

TEST_CASE("Writing a hand-written game to .efg and reading it back gives the same game and text",
          "[efg]") {
  const Game g = Read(kCrisis);
  const std::string text = CheckRoundTrip(g);
  CHECK(text.rfind("EFG 2 R \"Three-way crisis\" { \"Ann\" \"Ben\" \"Cid\" }\n", 0) == 0);
  CHECK(text.find("2/5 2/5 1/5") != std::string::npos);
  CHECK(text.find("\"escalate\" 9/20") != std::string::npos);
  CHECK(text.find("\"calm\" 2/3") != std::string::npos);
  // Outcomes and information sets are described once, then named by number only.
  CHECK(Occurrences(text, "\"deal\"") == 1);
  CHECK(Occurrences(text, "\"Ann decides\"") == 1);
}

TEST_CASE(
    "Random games with chance, fractions, non-terminal outcomes and information sets round-trip through .efg",
    "[efg]") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    RandomGameOptions o;
    o.nodes = 150 + 40 * static_cast<std::int64_t>(seed);
    o.players = 1 + static_cast<int>(seed % 3) + 1;
    o.branching = 2 + static_cast<int>(seed % 2);
    o.chance_fraction = 0.3;
    o.seed = seed;
    o.infoset_size = 2 + static_cast<int>(seed % 2);
    o.denominator = 7;
    o.nonterminal_outcome_fraction = 0.25;
    INFO("seed " << seed);
    const Game g = GenerateRandomGame(o);
    REQUIRE(g.NumChanceNodes() > 0);
    REQUIRE_FALSE(g.IsPerfectInformation());
    CheckRoundTrip(g);
  }
}

TEST_CASE("Numbers just past 64 bits are read exactly, not modulo 2^64", "[efg]") {
  // Found by fuzzing: the compact-number fast path multiplied before testing its bound, so
  // 20000000000000000000 (in [2^64/10, 2^62) after one more digit) wrapped around silently.
  const Game g = Read(R"(EFG 2 R "wide" { "A" "B" }
c "" 1 "" { "x" 1/20000000000000000000 "y" 19999999999999999999/20000000000000000000 } 0
t "integer" 1 "" { 20000000000000000000 -18446744073709551617 }
t "decimal" 2 "" { 2000000000000000000.0 0.00000000000000000005 }
)");
  CHECK(PayoffAt(g, "integer", 1) == Rational("20000000000000000000"));
  CHECK(PayoffAt(g, "integer", 2) == Rational("-18446744073709551617"));
  CHECK(PayoffAt(g, "decimal", 1) == Rational("2000000000000000000"));
  CHECK(PayoffAt(g, "decimal", 2) == Rational("1/20000000000000000000"));
  CHECK(g.ActionProbability(0, 0) == Rational("1/20000000000000000000"));
  CheckRoundTrip(g);
}

TEST_CASE("Decimals, exponents, signs and fractions in .efg files are read exactly", "[efg]") {
  const Game g = Read(R"(EFG 2 R "numbers" { "A" "B" }
c "" 1 "" { "x" 0.1 "y" .9 } 0
t "tenth" 1 "" { 0.1 2.5e-3 }
c "" 2 "" { "x" 1e-1 "y" 9E-1 } 0
t "half" 2 "" { .5 +3 }
p "" 1 1 "" { "l" "r" } 0
t "third" 3 "" { -7/3 2.5E+1 }
t "big" 4 "" { 123456789012345678901234567890 -0.000 }
)");
  CHECK(PayoffAt(g, "tenth", 1) == Q(1, 10));
  CHECK(PayoffAt(g, "tenth", 2) == Q(1, 400));
  CHECK(PayoffAt(g, "half", 1) == Q(1, 2));
  CHECK(PayoffAt(g, "half", 2) == Q(3));
  CHECK(PayoffAt(g, "third", 1) == Q(-7, 3));
  CHECK(PayoffAt(g, "third", 2) == Q(25));
  CHECK(PayoffAt(g, "big", 1) == Rational("123456789012345678901234567890"));
  CHECK(PayoffAt(g, "big", 2) == 0);
  CHECK(g.ActionProbability(0, 0) == Q(1, 10));
  CHECK(g.ActionProbability(0, 1) == Q(9, 10));
  CHECK(g.ActionProbability(g.Infoset(g.ChildBegin(0) + 1), 0) == Q(1, 10));
  CheckRoundTrip(g);
}

TEST_CASE(
    "Decimal .efg files (EFG 2 D) are accepted and decimal output is exact where decimals terminate",
    "[efg]") {
  const Game g = Read(R"(EFG 2 D "decimal" { "A" "B" }
c "" 1 "" { "x" 0.45 "y" 0.55 } 0
t "a" 1 "" { 0.0025 -3.5 }
t "b" 2 "" { 3 1/3 }
)");
  CHECK(PayoffAt(g, "a", 1) == Q(1, 400));
  const std::string text = WriteEfgString(g, EfgNumbers::kDecimal);
  CHECK(text.rfind("EFG 2 D ", 0) == 0);
  CHECK(text.find("\"x\" 0.45 \"y\" 0.55") != std::string::npos);
  CHECK(text.find("{ 0.0025 -3.5 }") != std::string::npos);
  // 1/3 has no finite decimal: 17 significant digits, the shortest that identify the double.
  CHECK(text.find("{ 3 0.33333333333333331 }") != std::string::npos);

  const Game back = Read(text);
  CHECK(PayoffAt(back, "a", 1) == Q(1, 400));
  CHECK(PayoffAt(back, "a", 2) == Q(-7, 2));
  CHECK(back.ActionProbability(0, 0) == Q(9, 20));
  CHECK(WriteEfgString(back, EfgNumbers::kDecimal) == text);
}

TEST_CASE("Games whose numbers all terminate round-trip through decimal .efg output", "[efg]") {
  const Game g = Read(R"(EFG 2 R "terminating" { "A" "B" "C" }
c "" 1 "" { "x" 9/20 "y" 11/20 } 1 "" { 1/8 -1/5 7 }
t "" 2 "" { 2/5 -33/4 0 }
t "" 1
)");
  const std::string text = CheckRoundTrip(g, EfgNumbers::kDecimal);
  CHECK(text.find("{ 0.125 -0.2 7 }") != std::string::npos);
  CHECK(text.find("{ 0.4 -8.25 0 }") != std::string::npos);
}

TEST_CASE("Escaped quotes and backslashes in .efg strings round-trip", "[efg]") {
  const Game g = Read(R"(EFG 2 R "say \"no\" \\ twice" { "A \"the first\"" "B\\C" }
"path C:\temp stays as written"
p "node \"1\"" 1 1 "set \\1" { "a\"" "\\b" } 0
t "" 1 "out \"x\"" { 1 2 }
t "\\" 2 "" { 3 4 }
)");
  CHECK(g.Title() == R"(say "no" \ twice)");
  CHECK(g.PlayerName(1) == R"(A "the first")");
  CHECK(g.PlayerName(2) == R"(B\C)");
  CHECK(g.Comment() == R"(path C:\temp stays as written)");
  CHECK(g.NodeName(0) == R"(node "1")");
  CHECK(g.InfosetName(0) == R"(set \1)");
  CHECK(g.ActionName(0, 0) == R"(a")");
  CHECK(g.ActionName(0, 1) == R"(\b)");
  CHECK(g.OutcomeName(g.Outcome(1)) == R"(out "x")");
  CHECK(g.NodeName(2) == R"(\)");
  const std::string text = CheckRoundTrip(g);
  CHECK(text.find(R"("say \"no\" \\ twice")") != std::string::npos);
  CHECK(text.find(R"("path C:\\temp stays as written")") != std::string::npos);
}

TEST_CASE(
    "Information sets, chance events and outcomes may be described again identically in .efg files",
    "[efg]") {
  const Game g = Read(R"(EFG 2 R "repeats" { "A" "B" }
c "" 1 "coin" { "h" 1/2 "t" 1/2 } 0
p "" 1 1 "guess" { "H" "T" } 0
t "" 1 "right" { 1 -1 }
t "" 2 "wrong" { -1, 1 }
p "" 1 1 "guess" { "H" "T" } 0
t "" 2 "wrong" { -1 1 }
t "" 1 "right" { 1, -1 }
)");
  CHECK(g.NumInfosets() == 2);
  CHECK(g.NumOutcomes() == 2);
  CHECK_FALSE(g.IsPerfectInformation());
  CHECK(g.Infoset(1) == g.Infoset(2));

  const Game chance = Read(R"(EFG 2 R "chance twice" { "A" }
c "" 1 "coin" { "h" 1/2 "t" 1/2 } 0
c "" 1 "coin" { "h" 1/2 "t" 1/2 } 0
t "" 0
t "" 0
t "" 0
)");
  CHECK(chance.NumInfosets() == 1);
  CHECK(chance.NumChanceNodes() == 2);
}

TEST_CASE("The .efg comment line is kept and an absent comment reads as empty", "[efg]") {
  const Game with = Read("EFG 2 R \"t\" { \"A\" }\n\"a comment\nover two lines\"\nt \"\" 0\n");
  CHECK(with.Comment() == "a comment\nover two lines");
  const std::string text = CheckRoundTrip(with);
  CHECK(text.find("\"a comment\nover two lines\"") != std::string::npos);

  const Game without = Read("EFG 2 R \"t\" { \"A\" }\nt \"\" 0\n");
  CHECK(without.Comment().empty());
  CheckRoundTrip(without);
}

TEST_CASE("Whitespace and line breaks may appear anywhere between .efg tokens", "[efg]") {
  const Game normal = Read(kCrisis);
  std::string one_line = kCrisis;
  for (char& c : one_line) {
    if (c == '\n') c = ' ';
  }
  CheckSameGame(normal, Read(one_line));

  // Every space becomes a run of mixed whitespace, and lines end in CRLF; strings keep their
  // spaces, so only spaces outside quotes are replaced.
  std::string spread;
  bool in_string = false;
  for (const char c : std::string(kCrisis)) {
    if (c == '"') in_string = !in_string;
    if (!in_string && c == ' ') {
      spread += "\n\t \r\n  ";
    } else if (!in_string && c == '\n') {
      spread += "\r\n";
    } else {
      spread += c;
    }
  }
  const Game spread_game = Read("\n\n  \t" + spread + "\n\n");
  CheckSameGame(normal, spread_game);
  CHECK(WriteEfgString(spread_game) == WriteEfgString(normal));

  // No whitespace at all where braces and commas separate tokens.
  const Game tight =
      Read(R"(EFG 2 R"tight"{"A""B"}p"root"1 1"i"{"l""r"}0 t"left"1"x"{1,2}t"right"2"y"{3 4})");
  CHECK(tight.NumNodes() == 3);
  CHECK(PayoffAt(tight, "left", 2) == Q(2));
  CHECK(PayoffAt(tight, "right", 1) == Q(3));
}

TEST_CASE("Payoff lists in .efg files are read the same with and without commas", "[efg]") {
  const char* const variants[] = {"{ 1 -2/3 0.5 }", "{ 1, -2/3, 0.5 }", "{1,-2/3,0.5}",
                                  "{ 1 , -2/3 , 0.5 , }", "{ 1, -2/3 0.5 }"};
  for (const char* payoffs : variants) {
    INFO(payoffs);
    const Game g = Read(std::string("EFG 2 R \"c\" { \"A\" \"B\" \"C\" }\nt \"end\" 1 \"o\" ") +
                        payoffs + "\n");
    CHECK(PayoffAt(g, "end", 1) == Q(1));
    CHECK(PayoffAt(g, "end", 2) == Q(-2, 3));
    CHECK(PayoffAt(g, "end", 3) == Q(1, 2));
  }
}

TEST_CASE("A deep chain of nodes round-trips through .efg without recursion", "[efg]") {
  RandomGameOptions o;
  o.nodes = 100000;
  o.shape = TreeShape::kChain;
  o.chance_fraction = 0.1;
  const Game g = GenerateRandomGame(o);
  REQUIRE(g.NumLevels() > 100000);
  // The text determines the game, so equal texts suffice here; a node-by-node comparison
  // would spend seconds in assertion bookkeeping.
  const std::string text = WriteEfgString(g);
  const Game back = Read(text);
  CHECK(back.NumNodes() == g.NumNodes());
  CHECK(back.NumLevels() == g.NumLevels());
  CHECK(WriteEfgString(back) == text);
}

TEST_CASE("A long .efg string full of escapes is read in linear time", "[efg]") {
  // Rescanning for the closing quote after every backslash once made this quadratic: minutes
  // for a few megabytes. Linear reading takes milliseconds, so the bound below is generous.
  constexpr std::size_t kPairs = 1'000'000;
  std::string title;
  title.reserve(2 * kPairs);
  for (std::size_t k = 0; k < kPairs; ++k) title += k % 2 == 0 ? "\\\\" : "\\\"";
  const auto start = std::chrono::steady_clock::now();
  const Game g = Read("EFG 2 R \"" + title + "\" { \"A\" }\nt \"\" 0\n");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(g.Title().size() == kPairs);
  CHECK(g.Title().substr(0, 4) == "\\\"\\\"");
  CHECK(seconds < 10.0);
}

}  // namespace ncpmi

namespace ncpmi {
namespace {

TEST_CASE("Information sets keep the numbers their file gives them, and others are numbered by appearance", "[efg]") {
  // Sets 3 (Row) and 5 (Column), and the writer's normalised file numbers them 1 and 1.
  const Game read = ReadEfgFile(std::string(NCPMI_TESTS_DIR) + "/data/numbered_sets.efg");
  REQUIRE(read.NumInfosets() == 2);
  CHECK(read.InfosetNumbers() == std::vector<std::int64_t>{3, 5});
  CHECK(read.InfosetFileNumber(1) == 5);
  // A set whose number comes before a lower one in the file keeps it after breadth-first renumbering.
  const Game swapped = ReadEfg(R"(EFG 2 R "" { "A" "B" }
""
c "" 4 "" { "x" 1/2 "y" 1/2 } 0
p "" 1 9 "" { "a" "b" } 0
t "" 1 "" { 1 0 }
p "" 2 2 "" { "c" "d" } 0
t "" 2 "" { 0 1 }
t "" 3 "" { 2 2 }
p "" 1 7 "" { "e" "f" } 0
t "" 4 "" { 3 3 }
t "" 5 "" { 4 4 }
)", "<test>");
  std::vector<std::int64_t> numbers = swapped.InfosetNumbers();
  for (InfosetId h = 0; h < swapped.NumInfosets(); ++h) {
    INFO("set " << h << " of player " << swapped.InfosetPlayer(h) << " first action " << swapped.ActionName(h, 0));
    const std::string first = swapped.ActionName(h, 0);
    const std::int64_t expected = first == "x" ? 4 : first == "a" ? 9 : first == "c" ? 2 : 7;
    CHECK(numbers[static_cast<std::size_t>(h)] == expected);
  }
  RandomGameOptions o;
  o.nodes = 20;
  o.infoset_size = 2;
  const Game generated = GenerateRandomGame(o);
  CHECK(generated.InfosetFileNumber(0) == 0);
  for (const std::int64_t number : generated.InfosetNumbers()) CHECK(number >= 1);
}

}  // namespace
}  // namespace ncpmi
