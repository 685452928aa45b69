// Pure-strategy equilibria by enumeration of the agent form's profiles.
#include "ncpmi/eq/pure_equilibria.h"

#include <limits>
#include <string>

#include "ncpmi/game/error.h"
#include "ncpmi/game/structure.h"

namespace ncpmi {
namespace {

// Saturating product of the action counts of the decision information sets.
std::uint64_t CountProfiles(const Game& game, const std::vector<InfosetId>& sets) {
  std::uint64_t count = 1;
  for (const InfosetId h : sets) {
    const auto actions = static_cast<std::uint64_t>(game.NumActions(h));
    if (count > std::numeric_limits<std::uint64_t>::max() / actions) {
      return std::numeric_limits<std::uint64_t>::max();
    }
    count *= actions;
  }
  return count;
}

template <class T>
T Score(const Game& game, const EquilibriumObjective& selection, const NashCertificate<T>& certificate,
        const BehaviorProfile<T>& profile) {
  T score(0);
  if (selection.kind == EquilibriumObjective::Kind::kMaxTotalPayoff) {
    for (const T& p : certificate.payoff) score += p;
    return score;
  }
  for (const auto& [node, probability] : OutcomeOf(game, profile).terminals) {
    score += probability * T(selection.leaf_weight.at(static_cast<std::size_t>(node)));
  }
  return selection.kind == EquilibriumObjective::Kind::kMinProbability ? T(-score) : score;
}

}  // namespace

template <class T>
PureEquilibriumSearch<T> FindPureEquilibrium(const Game& game, const EquilibriumObjective& selection,
                                             std::uint64_t max_profiles,
                                             const std::function<bool(const BehaviorProfile<T>&)>& accept) {
  const GameStructure structure = AnalyzeStructure(game);
  if (!structure.perfect_recall) {
    throw UnsupportedError("pure-strategy enumeration needs perfect recall: " + structure.recall_violation);
  }
  std::vector<InfosetId> sets;
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) != kChancePlayer) sets.push_back(h);
  }
  PureEquilibriumSearch<T> search;
  search.profiles = CountProfiles(game, sets);
  if (search.profiles > max_profiles) {
    throw UnsupportedError(
        "pure-strategy enumeration would check " +
        (search.profiles == std::numeric_limits<std::uint64_t>::max()
             ? std::string("more than 1.8e19")
             : std::to_string(search.profiles)) +
        " profiles, above the limit of " + std::to_string(max_profiles) +
        " (raise --max-profiles, or use --method lp or mip for two players)");
  }
  BehaviorProfile<T> profile = ChanceOnlyProfile<T>(game);
  std::vector<int> choice(sets.size(), 0);
  for (const InfosetId h : sets) profile.Prob(game, h, 0) = T(1);
  T best_score(0);
  while (true) {
    ++search.profiles_checked;
    NashCertificate<T> certificate = CertifyNashPerfectRecall(game, profile);
    if (certificate.verified && (!accept || accept(profile))) {
      ++search.equilibria;
      if (selection.kind == EquilibriumObjective::Kind::kAny) {
        search.found = true;
        search.profile = profile;
        search.certificate = std::move(certificate);
        return search;
      }
      const T score = Score(game, selection, certificate, profile);
      if (!search.found || NumberTraits<T>::Better(score, best_score)) {
        search.found = true;
        best_score = score;
        search.profile = profile;
        search.certificate = std::move(certificate);
      }
    }
    // Next profile: the last information set varies fastest.
    std::size_t k = sets.size();
    while (k > 0) {
      --k;
      const InfosetId h = sets[k];
      profile.Prob(game, h, choice[k]) = T(0);
      if (++choice[k] < game.NumActions(h)) {
        profile.Prob(game, h, choice[k]) = T(1);
        break;
      }
      choice[k] = 0;
      profile.Prob(game, h, 0) = T(1);
      if (k == 0) return search;
    }
    if (sets.empty()) return search;
  }
}

template PureEquilibriumSearch<double> FindPureEquilibrium(
    const Game&, const EquilibriumObjective&, std::uint64_t,
    const std::function<bool(const BehaviorProfile<double>&)>&);
template PureEquilibriumSearch<Rational> FindPureEquilibrium(
    const Game&, const EquilibriumObjective&, std::uint64_t,
    const std::function<bool(const BehaviorProfile<Rational>&)>&);

}  // namespace ncpmi
