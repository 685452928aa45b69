// A mutable builder that checks and freezes a game into the immutable Game.
#pragma once

#include <cstdint>
#include <memory>
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
  // The empty label (most node and set names) without a call: readers intern every name.
  LabelId InternLabel(std::string_view text) {
    return text.empty() ? 0 : game_.labels_.Intern(text);
  }
  NodeId NumNodes() const {
    return stream_nodes_ > 0 ? stream_nodes_ : static_cast<NodeId>(game_.node_parent_.size());
  }
  void Reserve(std::size_t nodes, std::size_t infosets, std::size_t actions, std::size_t outcomes);

  // --- Streaming form, for readers whose nodes arrive in preorder (a file's order).
  // A node is given with its depth (0: the root) instead of its parent. The caller guarantees the
  // shape: one root, then nodes in preorder, each followed by exactly as many children as its
  // information set has actions, and every information set used by some node (the readers check
  // this as they read, so their messages can name the line). Nothing is stored per node but the
  // node's own three ids, appended to its depth; Finalize() then lays out the breadth-first arrays
  // in one sequential pass, without the parent array and the analysis passes the general form
  // needs. Cannot be mixed with AddNode. Throws InputError beyond 2^31-1 nodes.
  void AddPreorderNode(int depth, InfosetId infoset, OutcomeId outcome, LabelId label) {
    if (stream_nodes_ == kMaxStreamNodes) TooManyNodes();
    if (static_cast<std::size_t>(depth) >= stream_levels_.size() ||
        stream_levels_[static_cast<std::size_t>(depth)].write ==
            stream_levels_[static_cast<std::size_t>(depth)].chunk_end) {
      NewStreamChunk(depth);
    }
    StreamLevel& level = stream_levels_[static_cast<std::size_t>(depth)];
    *level.write++ = {infoset, outcome, label};
    ++level.count;
    ++stream_nodes_;
  }
  // Bulk forms of BeginOutcome/AddPayoff and BeginInfoset/AddAction for readers, with labels
  // already interned: payoffs are NumPlayers() values in lowest terms with den > 0; a player's
  // (not chance) information set with `count` actions.
  // Inline: the .efg reader calls them for most nodes.
  OutcomeId AddOutcomeInterned(LabelId name, const StoredRational* payoffs) {
    const std::size_t players = player_names_.size();
    if (game_.payoff_.size() != game_.outcome_label_.size() * players) CheckOpenOutcomeComplete();
    game_.outcome_label_.push_back(name);
    for (std::size_t p = 0; p < players; ++p) game_.payoff_.push_back(payoffs[p]);
    return static_cast<OutcomeId>(game_.outcome_label_.size() - 1);
  }
  // Records the number a game file gives information set h (readers call it for every set they
  // create, so that reports can use the file's numbers; see Game::InfosetFileNumber).
  void SetInfosetFileNumber(InfosetId h, std::int64_t number) {
    auto& numbers = game_.infoset_file_number_;
    if (numbers.size() <= static_cast<std::size_t>(h)) numbers.resize(static_cast<std::size_t>(h) + 1, 0);
    numbers[static_cast<std::size_t>(h)] = number;
  }
  InfosetId AddInfosetInterned(int player, LabelId name, const LabelId* actions, int count) {
    if (player < 1 || player > NumPlayers()) NoSuchPlayer(player);
    game_.infoset_player_.push_back(player);
    game_.infoset_label_.push_back(name);
    game_.action_begin_.push_back(static_cast<ActionId>(game_.action_label_.size()));
    game_.prob_begin_.push_back(-1);
    for (int a = 0; a < count; ++a) game_.action_label_.push_back(actions[a]);
    return static_cast<InfosetId>(game_.infoset_player_.size() - 1);
  }

  // Checks the structure and returns the game with breadth-first node ids. Throws InputError
  // for: no root or several, a parent added after its child, a node whose number of children
  // differs from its information set's number of actions, chance probabilities outside [0,1] or
  // not summing to exactly 1, an outcome with the wrong number of payoffs.
  // O(n) time; the builder is left empty.
  Game Finalize();

 private:
  // Streaming form: each depth's nodes in arrival order, kept in chunks that grow with the depth's
  // node count and are carved from a few large blocks, so that neither a wide tree (no copying
  // as a depth grows) nor a deep chain (a few slots per depth) wastes time or memory.
  struct StreamNode {
    InfosetId infoset;
    OutcomeId outcome;
    LabelId label;
  };
  struct StreamLevel {
    StreamNode* write = nullptr;      // next free slot of the depth's current chunk
    StreamNode* chunk_end = nullptr;  // end of that chunk
    std::int32_t first_chunk = -1;    // into stream_chunks_
    std::int32_t last_chunk = -1;
    NodeId count = 0;
  };
  struct StreamChunk {
    StreamNode* begin;
    std::int32_t capacity;
    std::int32_t next;  // the depth's next chunk, -1 for its last
  };
  static constexpr NodeId kMaxStreamNodes = 2147483647;  // node ids are int32
  void NewStreamChunk(int depth);
  [[noreturn]] static void TooManyNodes();
  [[noreturn]] void NoSuchPlayer(int player) const;
  Game FinalizeStream();

  StoredRational Store(const Rational& value);
  static void RenumberInfosetsBreadthFirst(Game* game);
  static void RenumberOutcomesBreadthFirst(Game* game);
  static void ShrinkToFit(Game* game);
  static bool FinalizePreorder(Game* game);
  static void FinalizeGeneral(Game* game, Array<NodeId> child_start);
  void CheckOpenOutcomeComplete() const;

  Game game_;  // accumulates arrays in insertion order; renumbered by Finalize()
  std::vector<std::string> player_names_;

  NodeId stream_nodes_ = 0;
  std::vector<StreamLevel> stream_levels_;  // by depth
  std::vector<StreamChunk> stream_chunks_;
  std::vector<std::unique_ptr<StreamNode[]>> stream_blocks_;
  std::size_t stream_block_free_ = 0;  // slots left at the end of the last block
};

// Compacts a rational into StoredRational if it fits (den > 0 then).
bool TryCompact(const Rational& value, StoredRational* out);

// True if the `count` values are compact (den > 0, lowest terms), each in [0,1], and sum to
// exactly 1, computed in 128-bit fractions without GMP. False otherwise, including when the sum
// outgrows 128 bits: callers then decide with exact rationals. O(count).
bool IsCompactDistribution(const StoredRational* values, int count);

}  // namespace ncpmi
