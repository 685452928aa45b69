// Sequence form construction and the conversions between realization plans and behaviour.
#include "ncpmi/eq/sequence_form.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>

#include "ncpmi/bi/number_traits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/structure.h"

namespace ncpmi {
namespace {

// Realization values this small in double mode are simplex rounding noise, not play.
constexpr double kRealizationNoise = 1e-13;

template <class T>
T Clean(const T& value) {
  if constexpr (NumberTraits<T>::kExact) {
    return value;
  } else {
    return value < kRealizationNoise ? 0.0 : value;
  }
}

}  // namespace

std::vector<int> ActivePlayers(const Game& game) {
  std::vector<char> owns(static_cast<std::size_t>(game.NumPlayers()) + 1, 0);
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) owns[game.InfosetPlayer(h)] = 1;
  std::vector<int> active;
  for (int p = 1; p <= game.NumPlayers(); ++p) {
    if (owns[p]) active.push_back(p);
  }
  return active;
}

std::vector<ConstraintEntry> ConstraintMatrix(const SideSequences& side) {
  std::vector<ConstraintEntry> entries;
  entries.reserve(static_cast<std::size_t>(side.NumSequences() + side.NumInfosets()));
  entries.push_back({0, 0, 1});
  for (int k = 0; k < side.NumInfosets(); ++k) {
    entries.push_back({k + 1, side.infoset_parent[k], -1});
    for (int s = side.infoset_first[k]; s < side.infoset_first[k + 1]; ++s) {
      entries.push_back({k + 1, s, 1});
    }
  }
  return entries;
}

template <class T>
SequenceForm<T> BuildSequenceForm(const Game& game) {
  const GameStructure structure = AnalyzeStructure(game);
  if (!structure.perfect_recall) {
    throw UnsupportedError("the sequence form needs perfect recall: " + structure.recall_violation);
  }
  const std::vector<int> active = ActivePlayers(game);
  if (active.size() > 2) {
    throw UnsupportedError("the sequence-form solvers handle at most two players who move; this "
                           "game has " + std::to_string(active.size()));
  }

  SequenceForm<T> form;
  form.num_players = game.NumPlayers();
  std::vector<int> side_of_player(static_cast<std::size_t>(game.NumPlayers()) + 1, -1);
  for (std::size_t i = 0; i < active.size(); ++i) {
    form.side[i].player = active[i];
    side_of_player[static_cast<std::size_t>(active[i])] = static_cast<int>(i);
  }

  // Sequences: the empty one, then each own information set's actions in id order.
  const auto num_actions = static_cast<std::size_t>(game.ActionBegin(game.NumInfosets()));
  form.action_sequence.assign(num_actions, -1);
  form.action_side.assign(num_actions, -1);
  std::vector<int> infoset_index(static_cast<std::size_t>(game.NumInfosets()), -1);
  for (SideSequences& side : form.side) side.sequence_infoset.push_back(-1);
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    const int s = side_of_player[static_cast<std::size_t>(game.InfosetPlayer(h))];
    if (s < 0) continue;
    SideSequences& side = form.side[static_cast<std::size_t>(s)];
    const int k = side.NumInfosets();
    infoset_index[h] = k;
    side.infosets.push_back(h);
    side.infoset_parent.push_back(-1);
    side.infoset_first.push_back(side.NumSequences());
    for (int a = 0; a < game.NumActions(h); ++a) {
      const auto action = static_cast<std::size_t>(game.ActionBegin(h) + a);
      form.action_sequence[action] = side.NumSequences();
      form.action_side[action] = static_cast<signed char>(s);
      side.sequence_infoset.push_back(k);
    }
  }
  for (SideSequences& side : form.side) side.infoset_first.push_back(side.NumSequences());

  // Per node, in id order (parents first): last sequence of each side and chance reach.
  const auto n = static_cast<std::size_t>(game.NumNodes());
  for (auto& v : form.node_sequence) v.assign(n, 0);
  form.node_chance.assign(n, T(0));
  form.node_chance[0] = T(1);
  for (NodeId v = 1; v < game.NumNodes(); ++v) {
    const NodeId parent = game.Parent(v);
    const InfosetId h = game.Infoset(parent);
    const auto vi = static_cast<std::size_t>(v);
    const auto pi = static_cast<std::size_t>(parent);
    form.node_sequence[0][vi] = form.node_sequence[0][pi];
    form.node_sequence[1][vi] = form.node_sequence[1][pi];
    const int a = game.ActionIndexInParent(v);
    if (game.InfosetPlayer(h) == kChancePlayer) {
      form.node_chance[vi] = form.node_chance[pi] * NumberTraits<T>::Probability(game, h, a);
    } else {
      form.node_chance[vi] = form.node_chance[pi];
      const auto action = static_cast<std::size_t>(game.ActionBegin(h) + a);
      form.node_sequence[static_cast<std::size_t>(form.action_side[action])][vi] =
          form.action_sequence[action];
    }
  }
  // Parent sequence of each information set: that of any member (perfect recall makes them equal).
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const InfosetId h = game.Infoset(v);
    if (h < 0) continue;
    const int k = infoset_index[h];
    if (k < 0) continue;
    const int s = side_of_player[static_cast<std::size_t>(game.InfosetPlayer(h))];
    form.side[static_cast<std::size_t>(s)].infoset_parent[static_cast<std::size_t>(k)] =
        form.node_sequence[static_cast<std::size_t>(s)][static_cast<std::size_t>(v)];
  }

  // Payoff cells: every node with an outcome and positive chance reach, sorted by sequence pair.
  const auto columns = static_cast<std::int64_t>(form.side[1].NumSequences());
  std::vector<std::pair<std::int64_t, NodeId>> paid;
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const auto vi = static_cast<std::size_t>(v);
    if (game.Outcome(v) == kNoOutcome || NumberTraits<T>::IsZero(form.node_chance[vi])) continue;
    paid.emplace_back(form.node_sequence[0][vi] * columns + form.node_sequence[1][vi], v);
  }
  std::sort(paid.begin(), paid.end());
  const auto players = static_cast<std::size_t>(form.num_players);
  for (std::size_t i = 0; i < paid.size(); ++i) {
    if (i == 0 || paid[i].first != paid[i - 1].first) {
      form.cell_row.push_back(static_cast<int>(paid[i].first / columns));
      form.cell_column.push_back(static_cast<int>(paid[i].first % columns));
      form.cell_payoff.resize(form.cell_payoff.size() + players, T(0));
    }
    const NodeId v = paid[i].second;
    const T& reach = form.node_chance[static_cast<std::size_t>(v)];
    T* cell = &form.cell_payoff[form.cell_payoff.size() - players];
    for (int p = 1; p <= form.num_players; ++p) {
      cell[p - 1] += reach * NumberTraits<T>::Payoff(game, game.Outcome(v), p);
    }
  }
  return form;
}

template <class T>
BehaviorProfile<T> BehaviorFromRealization(const Game& game, const SequenceForm<T>& form,
                                           const RealizationPlans<T>& plans) {
  BehaviorProfile<T> profile = ChanceOnlyProfile<T>(game);
  for (std::size_t s = 0; s < 2; ++s) {
    const SideSequences& side = form.side[s];
    for (int k = 0; k < side.NumInfosets(); ++k) {
      const InfosetId h = side.infosets[static_cast<std::size_t>(k)];
      const int first = side.infoset_first[static_cast<std::size_t>(k)];
      T total(0);
      for (int a = 0; a < game.NumActions(h); ++a) {
        total += Clean(plans[s][static_cast<std::size_t>(first + a)]);
      }
      if (total > T(0)) {
        for (int a = 0; a < game.NumActions(h); ++a) {
          profile.Prob(game, h, a) = Clean(plans[s][static_cast<std::size_t>(first + a)]) / total;
        }
      } else {
        profile.Prob(game, h, 0) = T(1);
      }
    }
  }
  return profile;
}

template <class T>
RealizationPlans<T> RealizationFromBehavior(const Game& game, const SequenceForm<T>& form,
                                            const BehaviorProfile<T>& profile) {
  RealizationPlans<T> plans;
  for (std::size_t s = 0; s < 2; ++s) {
    const SideSequences& side = form.side[s];
    plans[s].assign(static_cast<std::size_t>(side.NumSequences()), T(0));
    plans[s][0] = T(1);
    // Information sets ascend by id and a parent sequence belongs to a smaller id, so parents
    // are filled first.
    for (int k = 0; k < side.NumInfosets(); ++k) {
      const InfosetId h = side.infosets[static_cast<std::size_t>(k)];
      const int first = side.infoset_first[static_cast<std::size_t>(k)];
      const T parent = plans[s][static_cast<std::size_t>(side.infoset_parent[static_cast<std::size_t>(k)])];
      for (int a = 0; a < game.NumActions(h); ++a) {
        plans[s][static_cast<std::size_t>(first + a)] = parent * profile.Prob(game, h, a);
      }
    }
  }
  return plans;
}

template <class T>
std::vector<T> ExpectedPayoffs(const SequenceForm<T>& form, const RealizationPlans<T>& plans) {
  std::vector<T> payoff(static_cast<std::size_t>(form.num_players), T(0));
  for (std::size_t c = 0; c < form.NumCells(); ++c) {
    const T weight = plans[0][static_cast<std::size_t>(form.cell_row[c])] *
                     plans[1][static_cast<std::size_t>(form.cell_column[c])];
    if (NumberTraits<T>::IsZero(weight)) continue;
    for (int p = 1; p <= form.num_players; ++p) payoff[p - 1] += weight * form.CellPayoff(c, p);
  }
  return payoff;
}

template <class T>
T BestResponsePayoff(const SequenceForm<T>& form, int side_index, const RealizationPlans<T>& plans) {
  const auto s = static_cast<std::size_t>(side_index);
  const SideSequences& side = form.side[s];
  if (side.player == 0) return T(0);
  const std::vector<T>& other = plans[1 - s];
  // value[q]: what sequence q earns from payoffs paid on q itself, plus the best continuation of
  // every information set that q leads to.
  std::vector<T> value(static_cast<std::size_t>(side.NumSequences()), T(0));
  for (std::size_t c = 0; c < form.NumCells(); ++c) {
    const int own = s == 0 ? form.cell_row[c] : form.cell_column[c];
    const int theirs = s == 0 ? form.cell_column[c] : form.cell_row[c];
    const T& weight = other[static_cast<std::size_t>(theirs)];
    if (NumberTraits<T>::IsZero(weight)) continue;
    value[static_cast<std::size_t>(own)] += weight * form.CellPayoff(c, side.player);
  }
  // Children have larger information set ids than their parents: a reverse loop is bottom-up.
  for (int k = side.NumInfosets() - 1; k >= 0; --k) {
    const auto kk = static_cast<std::size_t>(k);
    T best = value[static_cast<std::size_t>(side.infoset_first[kk])];
    for (int q = side.infoset_first[kk] + 1; q < side.infoset_first[kk + 1]; ++q) {
      if (value[static_cast<std::size_t>(q)] > best) best = value[static_cast<std::size_t>(q)];
    }
    value[static_cast<std::size_t>(side.infoset_parent[kk])] += best;
  }
  return value[0];
}

template <class T>
std::array<T, 2> EquilibriumGains(const SequenceForm<T>& form, const RealizationPlans<T>& plans) {
  const std::vector<T> payoff = ExpectedPayoffs(form, plans);
  std::array<T, 2> gains{T(0), T(0)};
  for (int s = 0; s < 2; ++s) {
    const int player = form.side[static_cast<std::size_t>(s)].player;
    if (player == 0) continue;
    gains[static_cast<std::size_t>(s)] =
        BestResponsePayoff(form, s, plans) - payoff[static_cast<std::size_t>(player - 1)];
  }
  return gains;
}

#define NCPMI_INSTANTIATE_SEQUENCE_FORM(T)                                                      \
  template SequenceForm<T> BuildSequenceForm<T>(const Game&);                                   \
  template BehaviorProfile<T> BehaviorFromRealization<T>(const Game&, const SequenceForm<T>&,   \
                                                         const RealizationPlans<T>&);           \
  template RealizationPlans<T> RealizationFromBehavior<T>(const Game&, const SequenceForm<T>&,  \
                                                          const BehaviorProfile<T>&);           \
  template std::vector<T> ExpectedPayoffs<T>(const SequenceForm<T>&, const RealizationPlans<T>&); \
  template T BestResponsePayoff<T>(const SequenceForm<T>&, int, const RealizationPlans<T>&);    \
  template std::array<T, 2> EquilibriumGains<T>(const SequenceForm<T>&, const RealizationPlans<T>&);

NCPMI_INSTANTIATE_SEQUENCE_FORM(double)
NCPMI_INSTANTIATE_SEQUENCE_FORM(Rational)

}  // namespace ncpmi
