// An immutable extensive-form game stored as a structure of arrays indexed by node id.
//
// Design (why it is stored this way):
//  * Node ids are breadth-first: the root is 0, the children of a node are contiguous
//    (ChildBegin(n)..ChildEnd(n), in action order), and every depth is a contiguous id range
//    (LevelBegin(d)..LevelBegin(d+1)). Backward induction sweeps levels from the deepest up and
//    runs each level in parallel; a parent id is always smaller than its children's ids, so a
//    plain reverse loop over ids is also a valid bottom-up order. No pointers, no recursion.
//  * Information sets, actions and outcomes are flat arrays too. Actions of information set h
//    are the global action ids ActionBegin(h)..ActionBegin(h+1).
//  * Numbers are exact: payoffs and chance probabilities are StoredRational (16 bytes, no heap);
//    the rare value that does not fit in 64-bit numerator/denominator lives in a side table.
//  * Labels (node, information set, action, outcome names) are interned 32-bit ids.
// A 2-player perfect-information binary tree costs 38 bytes per node without labels; see
// MemoryReport().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ncpmi/game/array.h"
#include "ncpmi/game/labels.h"
#include "ncpmi/game/rational.h"

namespace ncpmi {

using NodeId = std::int32_t;
using InfosetId = std::int32_t;
using OutcomeId = std::int32_t;
using ActionId = std::int32_t;

constexpr NodeId kNoNode = -1;
constexpr InfosetId kNoInfoset = -1;
constexpr OutcomeId kNoOutcome = -1;
constexpr int kChancePlayer = 0;  // players are 1..NumPlayers(); 0 is chance

enum class NodeKind : std::uint8_t { kTerminal, kDecision, kChance };

// Bytes the game holds, split into what the node-count target counts and the labels.
struct MemoryReport {
  std::size_t structure_bytes = 0;  // nodes, information sets, actions, outcomes, numbers
  std::size_t label_bytes = 0;      // label ids and the label table
  std::size_t nodes = 0;
  double StructureBytesPerNode() const {
    return nodes == 0 ? 0.0 : static_cast<double>(structure_bytes) / static_cast<double>(nodes);
  }
};

class GameBuilder;

class Game {
 public:
  Game() = default;

  // --- players and description
  int NumPlayers() const { return static_cast<int>(player_labels_.size()); }
  // player in 1..NumPlayers()
  const std::string& PlayerName(int player) const { return labels_[player_labels_[player - 1]]; }
  const std::string& Title() const { return title_; }
  const std::string& Comment() const { return comment_; }

  // --- nodes
  NodeId NumNodes() const { return static_cast<NodeId>(node_parent_.size()); }
  NodeId Parent(NodeId n) const { return node_parent_[n]; }
  NodeId ChildBegin(NodeId n) const { return child_begin_[n]; }
  NodeId ChildEnd(NodeId n) const { return child_begin_[n + 1]; }
  int NumChildren(NodeId n) const { return child_begin_[n + 1] - child_begin_[n]; }
  bool IsTerminal(NodeId n) const { return child_begin_[n + 1] == child_begin_[n]; }
  InfosetId Infoset(NodeId n) const { return node_infoset_[n]; }
  // 0 for chance nodes, -1 for terminal nodes.
  int Player(NodeId n) const {
    return node_infoset_[n] < 0 ? -1 : infoset_player_[node_infoset_[n]];
  }
  NodeKind Kind(NodeId n) const {
    if (node_infoset_[n] < 0) return NodeKind::kTerminal;
    return infoset_player_[node_infoset_[n]] == kChancePlayer ? NodeKind::kChance
                                                              : NodeKind::kDecision;
  }
  OutcomeId Outcome(NodeId n) const { return node_outcome_[n]; }
  const std::string& NodeName(NodeId n) const { return labels_[node_label_[n]]; }
  // Which action of its parent leads to n (n != root).
  int ActionIndexInParent(NodeId n) const { return n - child_begin_[node_parent_[n]]; }

  // Depths: nodes at depth d are LevelBegin(d)..LevelBegin(d+1).
  int NumLevels() const { return static_cast<int>(level_begin_.size()) - 1; }
  NodeId LevelBegin(int depth) const { return level_begin_[depth]; }

  // --- information sets (chance "events" included, with player 0)
  InfosetId NumInfosets() const { return static_cast<InfosetId>(infoset_player_.size()); }
  int InfosetPlayer(InfosetId h) const { return infoset_player_[h]; }
  const std::string& InfosetName(InfosetId h) const { return labels_[infoset_label_[h]]; }
  int NumActions(InfosetId h) const { return action_begin_[h + 1] - action_begin_[h]; }
  ActionId ActionBegin(InfosetId h) const { return action_begin_[h]; }
  const std::string& ActionName(InfosetId h, int a) const {
    return labels_[action_label_[action_begin_[h] + a]];
  }
  // Probability of action a at chance information set h.
  Rational ActionProbability(InfosetId h, int a) const {
    return Expand(chance_prob_[prob_begin_[h] + a]);
  }
  double ActionProbabilityDouble(InfosetId h, int a) const {
    return ExpandDouble(chance_prob_[prob_begin_[h] + a]);
  }

  // --- outcomes
  OutcomeId NumOutcomes() const { return static_cast<OutcomeId>(outcome_label_.size()); }
  const std::string& OutcomeName(OutcomeId o) const { return labels_[outcome_label_[o]]; }
  // player in 1..NumPlayers()
  Rational Payoff(OutcomeId o, int player) const {
    return Expand(payoff_[static_cast<std::size_t>(o) * player_labels_.size() + player - 1]);
  }
  double PayoffDouble(OutcomeId o, int player) const {
    return ExpandDouble(payoff_[static_cast<std::size_t>(o) * player_labels_.size() + player - 1]);
  }

  // Raw stored forms, for writers that must not allocate per number. A StoredRational with
  // IsBig() refers to BigNumber(num).
  const StoredRational& PayoffStored(OutcomeId o, int player) const {
    return payoff_[static_cast<std::size_t>(o) * player_labels_.size() + player - 1];
  }
  const StoredRational& ActionProbabilityStored(InfosetId h, int a) const {
    return chance_prob_[prob_begin_[h] + a];
  }
  const Rational& BigNumber(std::int64_t index) const {
    return big_numbers_[static_cast<std::size_t>(index)];
  }

  // Read-only views of the arrays for hot solver loops (valid while the game lives).
  struct Arrays {
    const NodeId* child_begin;
    const InfosetId* node_infoset;
    const OutcomeId* node_outcome;
    const std::int32_t* infoset_player;
    const std::int32_t* prob_begin;
    const StoredRational* chance_prob;
    const StoredRational* payoff;  // outcome-major
  };
  Arrays Raw() const {
    return {child_begin_.data(), node_infoset_.data(), node_outcome_.data(), infoset_player_.data(),
            prob_begin_.data(), chance_prob_.data(), payoff_.data()};
  }
  // The value of a stored number, in double or exact arithmetic.
  double ToDoubleValue(const StoredRational& r) const { return ExpandDouble(r); }
  Rational ToRationalValue(const StoredRational& r) const { return Expand(r); }

  // --- derived facts
  bool IsPerfectInformation() const { return perfect_information_; }
  int NumDecisionNodes() const { return num_decision_nodes_; }
  int NumChanceNodes() const { return num_chance_nodes_; }
  int NumTerminalNodes() const { return NumNodes() - num_decision_nodes_ - num_chance_nodes_; }

  MemoryReport Memory() const;

  // Node ids in preorder (the order of a Gambit file), computed with an explicit stack.
  // O(n) time and memory.
  std::vector<NodeId> Preorder() const;

  // Per information set, its number among its player's sets (chance: among chance events): the
  // number the file gave it when the game was read from a file (InfosetFileNumber), otherwise
  // 1-based in order of first appearance in preorder, the numbers a normalised .efg file uses.
  // Computed on demand (O(n)) because only messages and reports need it.
  std::vector<std::int64_t> InfosetNumbers() const;
  // The number the game file gave information set h, or 0 when the game was not read from a
  // file (built by a model, the generator or a cut).
  std::int64_t InfosetFileNumber(InfosetId h) const {
    return static_cast<std::size_t>(h) < infoset_file_number_.size() ? infoset_file_number_[static_cast<std::size_t>(h)] : 0;
  }

  // Action labels from the root to n.
  std::vector<std::string> PathLabels(NodeId n) const;

 private:
  friend class GameBuilder;
  Rational Expand(const StoredRational& r) const;
  // Inline for the compact case: the solvers call this for every payoff they read.
  double ExpandDouble(const StoredRational& r) const {
    constexpr std::int64_t kExact = std::int64_t{1} << 53;
    if (!r.IsBig() && r.num <= kExact && r.num >= -kExact && r.den <= kExact) {
      return static_cast<double>(r.num) / static_cast<double>(r.den);  // correctly rounded
    }
    return ExpandDoubleSlow(r);
  }
  double ExpandDoubleSlow(const StoredRational& r) const;

  std::string title_, comment_;
  LabelTable labels_;
  Array<LabelId> player_labels_;

  Array<NodeId> node_parent_;
  Array<NodeId> child_begin_;  // NumNodes()+1 entries
  Array<InfosetId> node_infoset_;
  Array<OutcomeId> node_outcome_;
  Array<LabelId> node_label_;
  Array<NodeId> level_begin_;

  Array<std::int32_t> infoset_player_;
  Array<LabelId> infoset_label_;
  Array<ActionId> action_begin_;    // NumInfosets()+1 entries
  Array<std::int32_t> prob_begin_;  // into chance_prob_; -1 for decision sets
  Array<LabelId> action_label_;
  Array<StoredRational> chance_prob_;
  // Per information set, its number in the file read (empty: not read from a file). Counted with
  // the labels in Memory(): like names, it is what the file called the set.
  std::vector<std::int64_t> infoset_file_number_;

  Array<LabelId> outcome_label_;
  Array<StoredRational> payoff_;  // outcome-major, NumPlayers() per outcome
  std::vector<Rational> big_numbers_;   // values StoredRational cannot hold

  bool perfect_information_ = true;
  int num_decision_nodes_ = 0;
  int num_chance_nodes_ = 0;
};

}  // namespace ncpmi
