// Finalize() gives the same frozen game whatever order the builder received the nodes in.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "ncpmi/game/game.h"
#include "ncpmi/game/game_builder.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"

namespace {

// Every fact the public interface exposes, node by node, set by set, outcome by outcome.
void RequireSameGame(const ncpmi::Game& a, const ncpmi::Game& b) {
  using namespace ncpmi;
  REQUIRE(a.NumNodes() == b.NumNodes());
  REQUIRE(a.NumLevels() == b.NumLevels());
  for (int d = 0; d <= a.NumLevels(); ++d) REQUIRE(a.LevelBegin(d) == b.LevelBegin(d));
  for (NodeId v = 0; v < a.NumNodes(); ++v) {
    REQUIRE(a.Parent(v) == b.Parent(v));
    REQUIRE(a.ChildBegin(v) == b.ChildBegin(v));
    REQUIRE(a.ChildEnd(v) == b.ChildEnd(v));
    REQUIRE(a.Infoset(v) == b.Infoset(v));
    REQUIRE(a.Outcome(v) == b.Outcome(v));
    REQUIRE(a.NodeName(v) == b.NodeName(v));
  }
  REQUIRE(a.NumInfosets() == b.NumInfosets());
  for (InfosetId h = 0; h < a.NumInfosets(); ++h) {
    REQUIRE(a.InfosetPlayer(h) == b.InfosetPlayer(h));
    REQUIRE(a.InfosetName(h) == b.InfosetName(h));
    REQUIRE(a.NumActions(h) == b.NumActions(h));
    REQUIRE(a.ActionBegin(h) == b.ActionBegin(h));
    for (int k = 0; k < a.NumActions(h); ++k) {
      REQUIRE(a.ActionName(h, k) == b.ActionName(h, k));
      if (a.InfosetPlayer(h) == kChancePlayer) {
        REQUIRE(a.ActionProbability(h, k) == b.ActionProbability(h, k));
      }
    }
  }
  REQUIRE(a.NumOutcomes() == b.NumOutcomes());
  for (OutcomeId o = 0; o < a.NumOutcomes(); ++o) {
    REQUIRE(a.OutcomeName(o) == b.OutcomeName(o));
    for (int p = 1; p <= a.NumPlayers(); ++p) REQUIRE(a.Payoff(o, p) == b.Payoff(o, p));
  }
  REQUIRE(a.IsPerfectInformation() == b.IsPerfectInformation());
  REQUIRE(a.NumDecisionNodes() == b.NumDecisionNodes());
  REQUIRE(a.NumChanceNodes() == b.NumChanceNodes());
}

}  // namespace

TEST_CASE("finalize gives the same game for nodes added in preorder and breadth-first",
          "[game]") {
  // The generator adds nodes breadth-first (general path); the reader adds them in file order,
  // a preorder (streaming path). Both must freeze to identical arrays.
  ncpmi::RandomGameOptions options;
  options.nodes = GENERATE(1, 2, 50, 3000);
  options.seed = GENERATE(1u, 7u);
  options.chance_fraction = 0.2;
  options.nonterminal_outcome_fraction = 0.3;
  options.players = 3;
  options.branching = 3;
  options.infoset_size = GENERATE(1, 3);
  options.denominator = 5;
  const ncpmi::Game breadth_first = ncpmi::GenerateRandomGame(options);
  const ncpmi::Game preorder = ncpmi::ReadEfg(ncpmi::WriteEfgString(breadth_first), "game.efg");
  RequireSameGame(breadth_first, preorder);
}

namespace {

// The same .efg text with every plain integer of the node lines (player, set, outcome numbers
// and integer payoffs) written with leading zeros to 9 digits or more: the same game, but the
// reader's fast path takes integers of at most 8 digits, so every node goes the general path.
std::string PadIntegers(const std::string& text) {
  std::string out;
  std::size_t line_start = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') line_start = i + 1;
    const char first = line_start < text.size() ? text[line_start] : ' ';
    const bool node_line = first == 'p' || first == 'c' || first == 't';
    if (c == '"' && (i == 0 || text[i - 1] != '\\')) in_string = !in_string;
    const bool token_start = i > 0 && (text[i - 1] == ' ' || text[i - 1] == '-');
    if (node_line && !in_string && token_start && c >= '0' && c <= '9') {
      std::size_t end = i;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      if (end == text.size() || text[end] == ' ' || text[end] == '\n') {
        out += std::string(9, '0');
        out.append(text, i, end - i);
        i = end - 1;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

TEST_CASE("the reader's fast path and general path build the same game", "[game][efg]") {
  ncpmi::RandomGameOptions options;
  options.nodes = GENERATE(1, 40, 2000);
  options.seed = GENERATE(3u, 9u);
  options.chance_fraction = 0.3;
  options.nonterminal_outcome_fraction = 0.3;
  options.players = 3;
  options.branching = 3;
  options.infoset_size = GENERATE(1, 3);
  options.denominator = GENERATE(1, 6);
  const std::string text = ncpmi::WriteEfgString(ncpmi::GenerateRandomGame(options));
  const std::string padded = PadIntegers(text);
  REQUIRE(padded != text);
  RequireSameGame(ncpmi::ReadEfg(text, "fast.efg"), ncpmi::ReadEfg(padded, "general.efg"));
}

TEST_CASE("the builder refuses to mix nodes given by parent and by depth", "[game]") {
  ncpmi::GameBuilder a({"A"});
  a.AddPreorderNode(0, ncpmi::kNoInfoset, ncpmi::kNoOutcome, 0);
  CHECK_THROWS_AS(a.AddNode(ncpmi::kNoNode, ncpmi::kNoInfoset, ncpmi::kNoOutcome),
                  std::logic_error);
  ncpmi::GameBuilder b({"A"});
  b.AddNode(ncpmi::kNoNode, ncpmi::kNoInfoset, ncpmi::kNoOutcome);
  CHECK_THROWS_AS(b.AddPreorderNode(0, ncpmi::kNoInfoset, ncpmi::kNoOutcome, 0), std::logic_error);
  // A single root by depth is a whole game.
  CHECK(a.Finalize().NumNodes() == 1);
}

TEST_CASE("finalize gives the same game for a deep chain added in either order", "[game]") {
  ncpmi::RandomGameOptions options;
  options.nodes = 2000;
  options.shape = ncpmi::TreeShape::kChain;
  const ncpmi::Game breadth_first = ncpmi::GenerateRandomGame(options);
  const ncpmi::Game preorder = ncpmi::ReadEfg(ncpmi::WriteEfgString(breadth_first), "chain.efg");
  RequireSameGame(breadth_first, preorder);
}

namespace {

// Re-adds g's nodes breadth-first, with information sets and outcomes created in reverse order,
// so Finalize() must take its general path and renumber everything itself.
ncpmi::Game RebuildBreadthFirst(const ncpmi::Game& g) {
  using namespace ncpmi;
  std::vector<std::string> players;
  for (int p = 1; p <= g.NumPlayers(); ++p) players.push_back(g.PlayerName(p));
  GameBuilder b(players);
  std::vector<OutcomeId> outcome(static_cast<std::size_t>(g.NumOutcomes()));
  for (OutcomeId o = g.NumOutcomes(); o-- > 0;) {
    std::vector<Rational> payoffs;
    for (int p = 1; p <= g.NumPlayers(); ++p) payoffs.push_back(g.Payoff(o, p));
    outcome[o] = b.AddOutcome(g.OutcomeName(o), payoffs);
  }
  std::vector<InfosetId> infoset(static_cast<std::size_t>(g.NumInfosets()));
  for (InfosetId h = g.NumInfosets(); h-- > 0;) {
    std::vector<std::string> actions;
    std::vector<Rational> probabilities;
    for (int a = 0; a < g.NumActions(h); ++a) {
      actions.push_back(g.ActionName(h, a));
      if (g.InfosetPlayer(h) == kChancePlayer) probabilities.push_back(g.ActionProbability(h, a));
    }
    infoset[h] = g.InfosetPlayer(h) == kChancePlayer
                     ? b.AddChanceInfoset(g.InfosetName(h), actions, probabilities)
                     : b.AddInfoset(g.InfosetPlayer(h), g.InfosetName(h), actions);
  }
  for (NodeId v = 0; v < g.NumNodes(); ++v) {
    b.AddNode(g.Parent(v), g.Infoset(v) < 0 ? kNoInfoset : infoset[g.Infoset(v)],
              g.Outcome(v) < 0 ? kNoOutcome : outcome[g.Outcome(v)], g.NodeName(v));
  }
  return b.Finalize();
}

}  // namespace

TEST_CASE("finalize gives the same game for every bundled test game added breadth-first",
          "[game]") {
  // The data games reuse outcomes at several depths and have information sets spanning depths.
  const std::string name = GENERATE(as<std::string>{}, "ultimatum", "centipede",
                                    "entry_deterrence", "chain_store", "sanctions_incremental",
                                    "three_player", "four_player", "ties", "chance_tie",
                                    "imperfect_subgame", "forgetful");
  INFO(name);
  const ncpmi::Game parsed =
      ncpmi::ReadEfgFile(std::string(NCPMI_TESTS_DIR) + "/data/" + name + ".efg");
  RequireSameGame(parsed, RebuildBreadthFirst(parsed));
}

namespace ncpmi {
namespace {

TEST_CASE("A copied game keeps every label, and so does a vector of games that grows",
          "[game]") {
  const Game original = ReadEfgFile(std::string(NCPMI_TESTS_DIR) + "/data/imperfect_subgame.efg");
  std::vector<Game> games;
  for (int k = 0; k < 5; ++k) games.push_back(original);  // growth copies the elements
  const Game copy = games.front();
  REQUIRE(copy.NumNodes() == original.NumNodes());
  for (NodeId v = 0; v < original.NumNodes(); ++v) {
    CHECK(copy.NodeName(v) == original.NodeName(v));
  }
  for (InfosetId h = 0; h < original.NumInfosets(); ++h) {
    CHECK(copy.InfosetName(h) == original.InfosetName(h));
    for (int a = 0; a < original.NumActions(h); ++a) {
      CHECK(copy.ActionName(h, a) == original.ActionName(h, a));
    }
  }
  CHECK(copy.PlayerName(1) == original.PlayerName(1));
}

}  // namespace
}  // namespace ncpmi
