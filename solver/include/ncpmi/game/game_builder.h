// A mutable builder that checks and freezes a game into the immutable Game.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ncpmi/game/game.h"

namespace ncpmi {

// Build a game by adding outcomes, information sets and nodes, then Finalize().
// Nodes may be added in any order as long as a parent exists before its children; the
// children of a node are ordered as they were added and correspond to the actions of its
// information set. Errors in the structure are reported by Finalize() as InputError naming
// the node. Not thread-safe.
class GameBuilder {
 public:
  explicit GameBuilder(const std::vector<std::string>& player_names);

  void SetTitle(std::string title) { game_.title_ = std::move(title); }
  void SetComment(std::string comment) { game_.comment_ = std::move(comment); }
  int NumPlayers() const { return game_.NumPlayers(); }

  // Outcomes: payoffs in player order. Returns the outcome id.
  OutcomeId AddOutcome(std::string_view name, const std::vector<Rational>& payoffs);
  // Low-level variant for readers: BeginOutcome, then exactly NumPlayers() AddPayoff calls.
  OutcomeId BeginOutcome(std::string_view name);
  void AddPayoff(const Rational& value);
  void AddPayoff(StoredRational value);  // value must be in lowest terms with den > 0
  Rational PayoffValue(OutcomeId o, int player) const { return game_.Payoff(o, player); }
  const std::string& OutcomeName(OutcomeId o) const { return game_.OutcomeName(o); }

  // Information sets of player 1..n, or chance events with player kChancePlayer (0).
  // Actions are appended to the most recently begun set; chance actions need a probability.
  InfosetId BeginInfoset(int player, std::string_view name);
  void AddAction(std::string_view label);
  void AddChanceAction(std::string_view label, const Rational& probability);
  void AddChanceAction(std::string_view label, StoredRational probability);
  // Convenience forms.
  InfosetId AddInfoset(int player, std::string_view name, const std::vector<std::string>& actions);
  InfosetId AddChanceInfoset(std::string_view name, const std::vector<std::string>& actions,
                             const std::vector<Rational>& probabilities);
  int InfosetPlayer(InfosetId h) const { return game_.infoset_player_[h]; }
  int NumActions(InfosetId h) const;
  const std::string& InfosetName(InfosetId h) const { return game_.InfosetName(h); }
  const std::string& ActionName(InfosetId h, int a) const { return game_.labels_[game_.action_label_[game_.action_begin_[h] + a]]; }
  Rational ActionProbability(InfosetId h, int a) const;

  // Nodes. parent == kNoNode for the root (exactly one). infoset == kNoInfoset for terminals.
  NodeId AddNode(NodeId parent, InfosetId infoset, OutcomeId outcome, std::string_view label = {});
  // Same, with a label already interned by InternLabel() (readers whose label text does not
  // outlive the next token).
  NodeId AddNode(NodeId parent, InfosetId infoset, OutcomeId outcome, LabelId label);
  LabelId InternLabel(std::string_view text) { return game_.labels_.Intern(text); }
  NodeId NumNodes() const { return static_cast<NodeId>(game_.node_parent_.size()); }
  void Reserve(std::size_t nodes, std::size_t infosets, std::size_t actions, std::size_t outcomes);

  // Checks the structure and returns the game with breadth-first node ids. Throws InputError
  // for: no root or several, a parent added after its child, a node whose number of children
  // differs from its information set's number of actions, chance probabilities outside [0,1] or
  // not summing to exactly 1, an outcome with the wrong number of payoffs.
  // O(n) time; the builder is left empty.
  Game Finalize();

 private:
  StoredRational Store(const Rational& value);
  static void RenumberInfosetsBreadthFirst(Game* game);
  static void RenumberOutcomesBreadthFirst(Game* game);
  static void ShrinkToFit(Game* game);
  static bool FinalizePreorder(Game* game);
  static void FinalizeGeneral(Game* game, Array<NodeId> child_start);
  void CheckOpenOutcomeComplete() const;

  Game game_;  // accumulates arrays in insertion order; renumbered by Finalize()
  std::vector<std::string> player_names_;
};

// Compacts a rational into StoredRational if it fits (den > 0 then).
bool TryCompact(const Rational& value, StoredRational* out);

}  // namespace ncpmi
