// One-shot deviation check of a backward-induction solution.
#include "ncpmi/bi/bi_certificate.h"

#include <algorithm>
#include <cmath>

#include "ncpmi/bi/number_traits.h"

namespace ncpmi {
namespace {

bool Consistent(double stored, double derived) {
  return std::fabs(stored - derived) <=
         1e-9 * std::max(1.0, std::max(std::fabs(stored), std::fabs(derived)));
}
bool Consistent(const Rational& stored, const Rational& derived) { return stored == derived; }

}  // namespace

template <class T>
BiCertificate<T> CertifyBackwardInduction(const Game& game, const BiSolution<T>& solution) {
  using Traits = NumberTraits<T>;
  const int players = game.NumPlayers();
  BiCertificate<T> certificate;
  certificate.gain.assign(static_cast<std::size_t>(players), T(0));
  std::vector<T> derived(static_cast<std::size_t>(players), T(0));
  bool better_action_found = false;  // beyond the tie tolerance in double mode
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    std::fill(derived.begin(), derived.end(), T(0));
    const OutcomeId o = game.Outcome(v);
    if (o != kNoOutcome) {
      for (int i = 1; i <= players; ++i) derived[static_cast<std::size_t>(i - 1)] = Traits::Payoff(game, o, i);
    }
    if (!game.IsTerminal(v)) {
      const InfosetId h = game.Infoset(v);
      const NodeId first = game.ChildBegin(v);
      if (game.InfosetPlayer(h) == kChancePlayer) {
        for (int a = 0; a < game.NumActions(h); ++a) {
          const T p = Traits::Probability(game, h, a);
          for (int i = 1; i <= players; ++i) {
            derived[static_cast<std::size_t>(i - 1)] += p * solution.Value(first + a, i);
          }
        }
      } else {
        const int mover = game.InfosetPlayer(h);
        const int chosen = solution.choice[static_cast<std::size_t>(v)];
        for (int i = 1; i <= players; ++i) {
          derived[static_cast<std::size_t>(i - 1)] += solution.Value(first + chosen, i);
        }
        const T& kept = solution.Value(first + chosen, mover);
        T& gain = certificate.gain[static_cast<std::size_t>(mover - 1)];
        for (int a = 0; a < game.NumActions(h); ++a) {
          const T& alternative = solution.Value(first + a, mover);
          if (Traits::Better(alternative, kept)) better_action_found = true;
          const T g = alternative - kept;
          if (g > gain) gain = g;
        }
      }
    }
    for (int i = 1; i <= players; ++i) {
      if (!Consistent(solution.Value(v, i), derived[static_cast<std::size_t>(i - 1)]) &&
          certificate.inconsistent_node == kNoNode) {
        certificate.inconsistent_node = v;
      }
    }
  }
  certificate.verified = certificate.inconsistent_node == kNoNode && !better_action_found;
  return certificate;
}

template BiCertificate<double> CertifyBackwardInduction(const Game&, const BiSolution<double>&);
template BiCertificate<Rational> CertifyBackwardInduction(const Game&, const BiSolution<Rational>&);

}  // namespace ncpmi
