// The sequence form of a two-player game with perfect recall (Koller, Megiddo, von Stengel 1996):
// sequences, realization-plan constraints and sparse payoff matrices, in double or exact arithmetic.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/game/game.h"

namespace ncpmi {

// The sequences of one "side": an active player (a player who owns a decision information set),
// or a placeholder with only the empty sequence when the game has fewer than two active players.
//
// Sequence 0 is the empty sequence; then, for the side's information sets in ascending id order,
// one sequence per action, contiguous. A realization plan r satisfies r[0] = 1 and, for every own
// information set k, sum of r over k's actions = r[infoset_parent[k]]: the constraint matrix E has
// row 0 (the empty sequence) and row k+1 for own information set k.
struct SideSequences {
  int player = 0;  // game player 1..NumPlayers(), or 0 for a placeholder
  std::vector<InfosetId> infosets;      // own information sets, ascending id
  std::vector<int> infoset_parent;      // per own information set: the sequence leading to it
  std::vector<int> infoset_first;       // per own information set, plus a sentinel: first action's sequence
  std::vector<int> sequence_infoset;    // per sequence: own information set index it ends at (-1: empty)

  int NumSequences() const { return static_cast<int>(sequence_infoset.size()); }
  int NumInfosets() const { return static_cast<int>(infosets.size()); }
  int NumConstraintRows() const { return NumInfosets() + 1; }
};

// One entry of a realization-plan constraint matrix (coefficients are +1 or -1).
struct ConstraintEntry {
  int row = 0;
  int sequence = 0;
  int value = 0;
};

// E (or F): row 0 holds +1 at the empty sequence; row k+1 holds -1 at infoset_parent[k] and +1 at
// each action sequence of information set k. The right-hand side is the unit vector e_0.
// O(sequences).
std::vector<ConstraintEntry> ConstraintMatrix(const SideSequences& side);

// T is double or Rational.
template <class T>
struct SequenceForm {
  int num_players = 0;              // players in the game's header (payoffs are kept for all)
  std::array<SideSequences, 2> side;  // the active players in ascending player number

  // Per global action id: the sequence the action ends, within its owner's side (-1: chance).
  std::vector<int> action_sequence;
  // Per global action id: which side (0 or 1) owns the action (-1: chance).
  std::vector<signed char> action_side;

  // Per node id: the last sequence of each side on the path from the root to the node (the node's
  // own move not included), and the product of chance probabilities on that path.
  std::array<std::vector<int>, 2> node_sequence;
  std::vector<T> node_chance;

  // Sparse payoff matrices over sequence pairs, one cell per (side-0 sequence, side-1 sequence)
  // pair that some outcome pays on, sorted by (row, column). cell_payoff is cell-major with
  // num_players values per cell: the sum over nodes n carrying an outcome with that sequence pair
  // of chance reach(n) × payoff. Outcomes on non-terminal nodes count like terminal ones: they are
  // paid whenever play passes the node, i.e. with the realization of the pair leading to it.
  std::vector<int> cell_row;
  std::vector<int> cell_column;
  std::vector<T> cell_payoff;

  std::size_t NumCells() const { return cell_row.size(); }
  const T& CellPayoff(std::size_t cell, int player) const {
    return cell_payoff[cell * static_cast<std::size_t>(num_players) +
                       static_cast<std::size_t>(player - 1)];
  }
};

// Players who own at least one decision information set, ascending.
std::vector<int> ActivePlayers(const Game& game);

// Builds the sequence form. Throws UnsupportedError without perfect recall (naming the first
// violating information set and why) or with more than two active players. Iterative (node ids are
// breadth-first, so a forward loop visits parents first); O(nodes × players + cells log cells)
// time, O(nodes + cells × players) memory; no dense matrices.
template <class T>
SequenceForm<T> BuildSequenceForm(const Game& game);

// A realization plan per side (indexed by sequence).
template <class T>
using RealizationPlans = std::array<std::vector<T>, 2>;

// The behaviour profile of two realization plans: at each decision information set, the action
// realizations divided by their sum. Where that sum is 0 (the set is never reached by its owner's
// plan, so its behaviour cannot change any payoff), the first action is played with probability 1.
// In double mode entries below 1e-13 and negative rounding noise count as 0. Chance sets get their
// probabilities. O(actions).
template <class T>
BehaviorProfile<T> BehaviorFromRealization(const Game& game, const SequenceForm<T>& form,
                                           const RealizationPlans<T>& plans);

// The realization plans of a behaviour profile (products of the owner's probabilities). O(sequences).
template <class T>
RealizationPlans<T> RealizationFromBehavior(const Game& game, const SequenceForm<T>& form,
                                            const BehaviorProfile<T>& profile);

// Expected payoff of every header player (index player-1) under two realization plans. O(cells).
template <class T>
std::vector<T> ExpectedPayoffs(const SequenceForm<T>& form, const RealizationPlans<T>& plans);

// The best payoff side `side`'s player can get against the other side's plan, over all of its
// realization plans (bottom-up over its information sets). O(cells + sequences).
template <class T>
T BestResponsePayoff(const SequenceForm<T>& form, int side, const RealizationPlans<T>& plans);

// Per side: best response payoff minus actual payoff (0 for a placeholder side). Both 0 exactly
// (Rational) or to rounding (double) means the plans form a Nash equilibrium.
template <class T>
std::array<T, 2> EquilibriumGains(const SequenceForm<T>& form, const RealizationPlans<T>& plans);

}  // namespace ncpmi
