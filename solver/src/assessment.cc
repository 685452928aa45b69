// The assessment certificate: best continuation at every information set given the beliefs,
// Bayes' rule where it applies, and beliefs that sum to 1.
#include "ncpmi/eq/assessment.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "ncpmi/bi/number_traits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/structure.h"

namespace ncpmi {
namespace {

template <class T>
T OutcomePayoff(const Game& game, NodeId v, int player) {
  const OutcomeId o = game.Outcome(v);
  return o == kNoOutcome ? T(0) : NumberTraits<T>::Payoff(game, o, player);
}

template <class T>
T Abs(const T& value) {
  return value < T(0) ? T(-value) : value;
}

template <class T>
bool Negligible(const T& value, double scale) {
  if constexpr (NumberTraits<T>::kExact) {
    return sgn(value) == 0;
  } else {
    return std::fabs(value) <= 1e-9 * std::max(1.0, scale);
  }
}

// The gain at information set h of `player` (members: its nodes): best continuation value minus
// the profile's, with `continuation` the profile's payoffs from each node on (node-major, one per
// player). The nodes below the members are collected and sorted by id, a top-down order because
// ids ascend along every path.
template <class T>
T ContinuationGain(const Game& game, const Assessment<T>& assessment, const std::vector<T>& continuation,
                   InfosetId h, const std::vector<NodeId>& members, int player, double* scale) {
  const BehaviorProfile<T>& profile = assessment.profile;
  std::vector<NodeId> below;
  std::vector<NodeId> stack(members.begin(), members.end());
  while (!stack.empty()) {
    const NodeId v = stack.back();
    stack.pop_back();
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      below.push_back(c);
      stack.push_back(c);
    }
  }
  std::sort(below.begin(), below.end());
  auto index = [&below](NodeId v) {
    return static_cast<std::size_t>(std::lower_bound(below.begin(), below.end(), v) - below.begin());
  };
  // weight: beliefs at h times everyone else's probabilities (and chance) on the way down;
  // last: the player's last own action (global action id) on the way from h.
  std::vector<T> weight(below.size(), T(0));
  std::vector<ActionId> last(below.size(), -1);
  std::vector<T> value(static_cast<std::size_t>(game.ActionBegin(game.NumInfosets())), T(0));
  std::vector<InfosetId> own_sets;
  std::vector<NodeId> first_member(static_cast<std::size_t>(game.NumInfosets()), kNoNode);
  std::vector<ActionId> parent_action(static_cast<std::size_t>(game.NumInfosets()), -1);
  T actual(0);
  for (const NodeId v : members) {
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      const std::size_t k = index(c);
      weight[k] = assessment.belief[static_cast<std::size_t>(v)];
      last[k] = game.ActionBegin(h) + (c - game.ChildBegin(v));
    }
    actual += assessment.belief[static_cast<std::size_t>(v)] *
              continuation[static_cast<std::size_t>(v) * static_cast<std::size_t>(game.NumPlayers()) +
                           static_cast<std::size_t>(player - 1)];
  }
  for (std::size_t k = 0; k < below.size(); ++k) {
    const NodeId v = below[k];
    if (NumberTraits<T>::IsZero(weight[k])) continue;
    value[static_cast<std::size_t>(last[k])] += weight[k] * OutcomePayoff<T>(game, v, player);
    if (game.IsTerminal(v)) continue;
    const InfosetId g = game.Infoset(v);
    const bool own = game.InfosetPlayer(g) == player;
    if (own && first_member[static_cast<std::size_t>(g)] == kNoNode) {
      first_member[static_cast<std::size_t>(g)] = v;
      parent_action[static_cast<std::size_t>(g)] = last[k];
      own_sets.push_back(g);
    }
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      const std::size_t j = index(c);
      const int a = c - game.ChildBegin(v);
      weight[j] = own ? weight[k] : T(weight[k] * profile.Prob(game, g, a));
      last[j] = own ? game.ActionBegin(g) + a : last[k];
    }
  }
  // Later sets first (a set's first member comes after its predecessor's), as the certificate does.
  std::sort(own_sets.begin(), own_sets.end(), [&first_member](InfosetId a, InfosetId b) {
    return first_member[static_cast<std::size_t>(a)] > first_member[static_cast<std::size_t>(b)];
  });
  for (const InfosetId g : own_sets) {
    T best = value[static_cast<std::size_t>(game.ActionBegin(g))];
    for (int a = 1; a < game.NumActions(g); ++a) {
      best = std::max(best, value[static_cast<std::size_t>(game.ActionBegin(g) + a)]);
    }
    value[static_cast<std::size_t>(parent_action[static_cast<std::size_t>(g)])] += best;
  }
  T best = value[static_cast<std::size_t>(game.ActionBegin(h))];
  for (int a = 1; a < game.NumActions(h); ++a) {
    best = std::max(best, value[static_cast<std::size_t>(game.ActionBegin(h) + a)]);
  }
  *scale = std::max({*scale, std::fabs(NumberTraits<T>::ToDouble(best)),
                     std::fabs(NumberTraits<T>::ToDouble(actual))});
  return best - actual;
}

}  // namespace

template <class T>
AssessmentCertificate<T> CertifyAssessment(const Game& game, const Assessment<T>& assessment) {
  const GameStructure structure = AnalyzeStructure(game);
  if (!structure.perfect_recall) {
    throw UnsupportedError("cannot certify an assessment without perfect recall: " + structure.recall_violation);
  }
  const BehaviorProfile<T>& profile = assessment.profile;
  const auto n = static_cast<std::size_t>(game.NumNodes());
  const int players = game.NumPlayers();
  AssessmentCertificate<T> certificate;
  certificate.gain.assign(static_cast<std::size_t>(players), T(0));
  // continuation[v * players + i]: player i's payoff from v on under the profile, v's own outcome
  // excluded (it is sunk once v is reached). Children have larger ids: a reverse loop is bottom-up.
  std::vector<T> continuation(n * static_cast<std::size_t>(players), T(0));
  for (NodeId v = game.NumNodes() - 1; v >= 0; --v) {
    if (game.IsTerminal(v)) continue;
    const InfosetId h = game.Infoset(v);
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      const T& p = profile.Prob(game, h, c - game.ChildBegin(v));
      if (NumberTraits<T>::IsZero(p)) continue;
      for (int i = 1; i <= players; ++i) {
        continuation[static_cast<std::size_t>(v) * static_cast<std::size_t>(players) + static_cast<std::size_t>(i - 1)] +=
            p * (OutcomePayoff<T>(game, c, i) +
                 continuation[static_cast<std::size_t>(c) * static_cast<std::size_t>(players) + static_cast<std::size_t>(i - 1)]);
      }
    }
  }
  // Reach probabilities of the play, for Bayes' rule.
  std::vector<T> reach(n, T(0));
  if (n > 0) reach[0] = T(1);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.IsTerminal(v)) continue;
    const InfosetId h = game.Infoset(v);
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      reach[static_cast<std::size_t>(c)] = reach[static_cast<std::size_t>(v)] * profile.Prob(game, h, c - game.ChildBegin(v));
    }
  }
  std::vector<std::vector<NodeId>> members(static_cast<std::size_t>(game.NumInfosets()));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (!game.IsTerminal(v)) members[static_cast<std::size_t>(game.Infoset(v))].push_back(v);
  }
  certificate.verified = true;
  T largest(0);
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    const int player = game.InfosetPlayer(h);
    if (player == kChancePlayer) continue;
    const std::vector<NodeId>& nodes = members[static_cast<std::size_t>(h)];
    T sum(0), reached(0);
    for (const NodeId v : nodes) {
      sum += assessment.belief[static_cast<std::size_t>(v)];
      reached += reach[static_cast<std::size_t>(v)];
    }
    const T sum_error = Abs(T(sum - T(1)));
    if (sum_error > certificate.sum_error) certificate.sum_error = sum_error;
    if (!Negligible(sum_error, 1.0)) certificate.verified = false;
    if (reached > T(0)) {
      for (const NodeId v : nodes) {
        const T error = Abs(T(assessment.belief[static_cast<std::size_t>(v)] - reach[static_cast<std::size_t>(v)] / reached));
        if (error > certificate.bayes_error) certificate.bayes_error = error;
        if (!Negligible(error, 1.0)) certificate.verified = false;
      }
    }
    double scale = 1.0;
    T gain = ContinuationGain(game, assessment, continuation, h, nodes, player, &scale);
    if constexpr (!NumberTraits<T>::kExact) {
      if (gain < 0 && Negligible(gain, scale)) gain = 0;  // rounding, not a loss
    }
    if (!Negligible(gain, scale)) certificate.verified = false;
    T& worst = certificate.gain[static_cast<std::size_t>(player - 1)];
    if (gain > worst) worst = gain;
    if (gain > largest) {
      largest = gain;
      certificate.worst_infoset = h;
    }
  }
  return certificate;
}

template <class T>
std::vector<T> EqualTrembleBeliefs(const Game& game, const BehaviorProfile<T>& pure_profile) {
  const auto n = static_cast<std::size_t>(game.NumNodes());
  std::vector<int> trembles(n, 0);
  std::vector<T> chance(n, T(0));
  if (n > 0) chance[0] = T(1);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {  // parents first: ids are breadth-first
    if (game.IsTerminal(v)) continue;
    const InfosetId h = game.Infoset(v);
    const bool by_chance = game.InfosetPlayer(h) == kChancePlayer;
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      const T& p = pure_profile.Prob(game, h, c - game.ChildBegin(v));
      chance[static_cast<std::size_t>(c)] = by_chance ? T(chance[static_cast<std::size_t>(v)] * p)
                                                      : chance[static_cast<std::size_t>(v)];
      trembles[static_cast<std::size_t>(c)] =
          trembles[static_cast<std::size_t>(v)] + (by_chance || p > T(0) ? 0 : 1);
    }
  }
  // Per information set: the fewest trembles at a node chance reaches, and the chance weight there.
  const auto sets = static_cast<std::size_t>(game.NumInfosets());
  std::vector<int> fewest(sets, -1), members(sets, 0);
  std::vector<T> weight(sets, T(0));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.IsTerminal(v)) continue;
    const auto h = static_cast<std::size_t>(game.Infoset(v));
    ++members[h];
    if (NumberTraits<T>::IsZero(chance[static_cast<std::size_t>(v)])) continue;
    const int t = trembles[static_cast<std::size_t>(v)];
    if (fewest[h] < 0 || t < fewest[h]) {
      fewest[h] = t;
      weight[h] = T(0);
    }
    if (t == fewest[h]) weight[h] += chance[static_cast<std::size_t>(v)];
  }
  std::vector<T> belief(n, T(0));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.IsTerminal(v)) continue;
    const auto h = static_cast<std::size_t>(game.Infoset(v));
    const auto vi = static_cast<std::size_t>(v);
    if (fewest[h] < 0) {
      belief[vi] = T(1) / T(members[h]);
    } else if (trembles[vi] == fewest[h] && !NumberTraits<T>::IsZero(chance[vi])) {
      belief[vi] = chance[vi] / weight[h];
    }
  }
  return belief;
}

template std::vector<double> EqualTrembleBeliefs(const Game&, const BehaviorProfile<double>&);
template std::vector<Rational> EqualTrembleBeliefs(const Game&, const BehaviorProfile<Rational>&);
template AssessmentCertificate<double> CertifyAssessment(const Game&, const Assessment<double>&);
template AssessmentCertificate<Rational> CertifyAssessment(const Game&, const Assessment<Rational>&);

}  // namespace ncpmi
