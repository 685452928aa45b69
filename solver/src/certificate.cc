// Best-response certificates computed on the tree, independently of the LP and MIP solvers.
#include "ncpmi/eq/certificate.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "ncpmi/game/error.h"
#include "ncpmi/game/structure.h"

namespace ncpmi {
namespace {

constexpr std::int32_t kEmptySequence = -1;

// Probability that the moves on the path root..v are taken, counting only the factors selected
// by `counts(mover)`: all movers for the play's reach, everyone but player i for a best response.
// Node ids are breadth-first, so a parent is always filled before its children.
template <class T, class Counts>
std::vector<T> Reach(const Game& game, const BehaviorProfile<T>& profile, Counts counts) {
  std::vector<T> reach(static_cast<std::size_t>(game.NumNodes()), T(0));
  if (game.NumNodes() == 0) return reach;
  reach[0] = T(1);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.IsTerminal(v)) continue;
    const InfosetId h = game.Infoset(v);
    const bool counted = counts(game.InfosetPlayer(h));
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      const int a = c - game.ChildBegin(v);
      reach[static_cast<std::size_t>(c)] =
          counted ? T(reach[static_cast<std::size_t>(v)] * profile.Prob(game, h, a))
                  : reach[static_cast<std::size_t>(v)];
    }
  }
  return reach;
}

template <class T>
T OutcomePayoff(const Game& game, NodeId v, int player) {
  const OutcomeId o = game.Outcome(v);
  return o == kNoOutcome ? T(0) : NumberTraits<T>::Payoff(game, o, player);
}

// Player i's best payoff against the others: each node's outcome, weighted by the others' and
// chance's reach, is credited to i's last own sequence (information set, action) before the node;
// then, with perfect recall, sequences form a tree and the best continuation of each sequence is
// the sum over the information sets that follow it of their best action. An information set's
// first member in breadth-first order comes after the first member of the set preceding it, so
// sets taken in decreasing order of first member come children first.
template <class T>
T BestResponse(const Game& game, const BehaviorProfile<T>& profile, int player) {
  const std::vector<T> reach =
      Reach(game, profile, [player](int mover) { return mover != player; });
  std::vector<std::int32_t> last(static_cast<std::size_t>(game.NumNodes()), kEmptySequence);
  std::vector<NodeId> first_member(static_cast<std::size_t>(game.NumInfosets()), kNoNode);
  std::vector<std::int32_t> parent_sequence(static_cast<std::size_t>(game.NumInfosets()),
                                            kEmptySequence);
  const std::size_t num_actions = static_cast<std::size_t>(game.ActionBegin(game.NumInfosets()));
  std::vector<T> value(num_actions, T(0));  // per own sequence (global action id)
  T empty_value(0);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const std::int32_t seq = last[static_cast<std::size_t>(v)];
    const OutcomeId o = game.Outcome(v);
    if (o != kNoOutcome && !NumberTraits<T>::IsZero(reach[static_cast<std::size_t>(v)])) {
      const T credit = reach[static_cast<std::size_t>(v)] * NumberTraits<T>::Payoff(game, o, player);
      if (seq == kEmptySequence) {
        empty_value += credit;
      } else {
        value[static_cast<std::size_t>(seq)] += credit;
      }
    }
    if (game.IsTerminal(v)) continue;
    const InfosetId h = game.Infoset(v);
    const bool own = game.InfosetPlayer(h) == player;
    if (own && first_member[static_cast<std::size_t>(h)] == kNoNode) {
      first_member[static_cast<std::size_t>(h)] = v;
      parent_sequence[static_cast<std::size_t>(h)] = seq;
    }
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      last[static_cast<std::size_t>(c)] = own ? game.ActionBegin(h) + (c - game.ChildBegin(v)) : seq;
    }
  }
  std::vector<InfosetId> own_sets;
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (first_member[static_cast<std::size_t>(h)] != kNoNode) own_sets.push_back(h);
  }
  std::sort(own_sets.begin(), own_sets.end(), [&first_member](InfosetId a, InfosetId b) {
    return first_member[static_cast<std::size_t>(a)] > first_member[static_cast<std::size_t>(b)];
  });
  for (const InfosetId h : own_sets) {
    T best = value[static_cast<std::size_t>(game.ActionBegin(h))];
    for (int a = 1; a < game.NumActions(h); ++a) {
      const T& candidate = value[static_cast<std::size_t>(game.ActionBegin(h) + a)];
      if (candidate > best) best = candidate;
    }
    const std::int32_t parent = parent_sequence[static_cast<std::size_t>(h)];
    if (parent == kEmptySequence) {
      empty_value += best;
    } else {
      value[static_cast<std::size_t>(parent)] += best;
    }
  }
  return empty_value;
}

void RequirePerfectRecall(const Game& game) {
  const GameStructure structure = AnalyzeStructure(game);
  if (!structure.perfect_recall) {
    throw UnsupportedError("cannot certify an equilibrium without perfect recall: " + structure.recall_violation);
  }
}

bool WithinTolerance(double gain, double scale) { return gain <= 1e-9 * std::max(1.0, scale); }

}  // namespace

template <class T>
ProfileOutcome<T> OutcomeOf(const Game& game, const BehaviorProfile<T>& profile) {
  ProfileOutcome<T> result;
  result.payoffs.assign(static_cast<std::size_t>(game.NumPlayers()), T(0));
  const std::vector<T> reach = Reach(game, profile, [](int) { return true; });
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const T& p = reach[static_cast<std::size_t>(v)];
    if (NumberTraits<T>::IsZero(p)) continue;
    if (game.Outcome(v) != kNoOutcome) {
      for (int i = 1; i <= game.NumPlayers(); ++i) {
        result.payoffs[static_cast<std::size_t>(i - 1)] += p * OutcomePayoff<T>(game, v, i);
      }
    }
    if (game.IsTerminal(v)) result.terminals.emplace_back(v, p);
  }
  return result;
}

template <class T>
NashCertificate<T> CertifyNash(const Game& game, const BehaviorProfile<T>& profile) {
  RequirePerfectRecall(game);
  return CertifyNashPerfectRecall(game, profile);
}

template <class T>
NashCertificate<T> CertifyNashPerfectRecall(const Game& game, const BehaviorProfile<T>& profile) {
  NashCertificate<T> certificate;
  certificate.payoff = OutcomeOf(game, profile).payoffs;
  certificate.verified = true;
  for (int i = 1; i <= game.NumPlayers(); ++i) {
    const T best = BestResponse(game, profile, i);
    const T& payoff = certificate.payoff[static_cast<std::size_t>(i - 1)];
    T gain = best - payoff;
    if constexpr (NumberTraits<T>::kExact) {
      if (sgn(gain) != 0) certificate.verified = false;
    } else {
      const double scale = std::max(std::fabs(best), std::fabs(payoff));
      if (gain < 0 && WithinTolerance(-gain, scale)) gain = 0;  // rounding, not a loss
      if (!WithinTolerance(gain, scale)) certificate.verified = false;
    }
    certificate.best_response.push_back(best);
    certificate.gain.push_back(gain);
  }
  return certificate;
}

template ProfileOutcome<double> OutcomeOf(const Game&, const BehaviorProfile<double>&);
template ProfileOutcome<Rational> OutcomeOf(const Game&, const BehaviorProfile<Rational>&);
template NashCertificate<double> CertifyNash(const Game&, const BehaviorProfile<double>&);
template NashCertificate<Rational> CertifyNash(const Game&, const BehaviorProfile<Rational>&);
template NashCertificate<double> CertifyNashPerfectRecall(const Game&,
                                                          const BehaviorProfile<double>&);
template NashCertificate<Rational> CertifyNashPerfectRecall(const Game&,
                                                            const BehaviorProfile<Rational>&);

}  // namespace ncpmi
