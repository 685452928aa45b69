// The sequence-form LCP of a two-player game and its solution by Lemke's algorithm.
#include "ncpmi/eq/sequence_form_lcp.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "lp_common.h"
#include "ncpmi/bi/number_traits.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/game/error.h"

namespace ncpmi {
namespace {

// Per player of the two sides: each terminal's payoff summed along its path, less a shift that
// makes it negative. Returns per side the map (row sequence, column sequence) -> chance-weighted
// payoff. Sides without a player (placeholders) pay -1 everywhere, which is as good as nothing.
template <class T>
std::array<std::map<std::pair<int, int>, T>, 2> NegativePayoffCells(const Game& game,
                                                                    const SequenceForm<T>& form) {
  const auto n = static_cast<std::size_t>(game.NumNodes());
  std::array<std::vector<T>, 2> path_sum;
  std::array<T, 2> shift{T(1), T(1)};
  for (std::size_t s = 0; s < 2; ++s) {
    const int player = form.side[s].player;
    path_sum[s].assign(n, T(0));
    if (player == 0) continue;
    bool first = true;
    T largest(0);
    for (NodeId v = 0; v < game.NumNodes(); ++v) {
      const auto vi = static_cast<std::size_t>(v);
      if (v > 0) path_sum[s][vi] = path_sum[s][static_cast<std::size_t>(game.Parent(v))];
      const OutcomeId o = game.Outcome(v);
      if (o != kNoOutcome) path_sum[s][vi] += NumberTraits<T>::Payoff(game, o, player);
      if (!game.IsTerminal(v)) continue;
      if (first || path_sum[s][vi] > largest) largest = path_sum[s][vi];
      first = false;
    }
    shift[s] = largest + T(1);
  }
  std::array<std::map<std::pair<int, int>, T>, 2> cells;
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const auto vi = static_cast<std::size_t>(v);
    if (!game.IsTerminal(v) || NumberTraits<T>::IsZero(form.node_chance[vi])) continue;
    const std::pair<int, int> key{form.node_sequence[0][vi], form.node_sequence[1][vi]};
    for (std::size_t s = 0; s < 2; ++s) {
      auto it = cells[s].emplace(key, T(0)).first;
      it->second += form.node_chance[vi] * (path_sum[s][vi] - shift[s]);
    }
  }
  return cells;
}

template <class T>
void AddConstraintBlocks(const SideSequences& side, int plan_begin, int value_begin,
                         LinearComplementarityProblem<T>* problem) {
  const int rows = side.NumConstraintRows();
  for (const ConstraintEntry& e : ConstraintMatrix(side)) {
    const T value(e.value);
    const int plan = plan_begin + e.sequence;
    const int plus = value_begin + e.row;
    const int minus = value_begin + rows + e.row;
    problem->matrix.push_back({plan, plus, value});    // E'u+
    problem->matrix.push_back({plan, minus, -value});  // -E'u-
    problem->matrix.push_back({plus, plan, -value});   // e - E x
    problem->matrix.push_back({minus, plan, value});   // E x - e
  }
  problem->rhs[0][static_cast<std::size_t>(value_begin)] = T(1);
  problem->rhs[0][static_cast<std::size_t>(value_begin + rows)] = T(-1);
}

template <class T>
LpEquilibrium<T> ToNumber(const LpEquilibrium<Rational>& exact) {
  if constexpr (std::is_same_v<T, Rational>) {
    return exact;
  } else {
    LpEquilibrium<double> out;
    out.status = exact.status;
    out.message = exact.message;
    for (const Rational& p : exact.profile.prob) out.profile.prob.push_back(ToDouble(p));
    for (const Rational& p : exact.payoff) out.payoff.push_back(ToDouble(p));
    out.rows = exact.rows;
    out.columns = exact.columns;
    return out;
  }
}

// The answer of one Lemke run: its status as a message, or the plans checked as an equilibrium.
template <class T>
LpEquilibrium<T> Answer(const Game& game, const SequenceForm<T>& form, const SequenceFormLcp<T>& lcp,
                        const LemkeResult<T>& result, const std::string& how) {
  const std::string size = std::to_string(lcp.problem.size) + " rows";
  if (result.status == LemkeStatus::kLimitReached) {
    return lp::FailedEquilibrium<T>(EquilibriumSolveStatus::kLimitReached,
                                    "Lemke's algorithm reached the time limit after " +
                                        std::to_string(result.pivots) + " pivots (" + size + ")");
  }
  if (result.status != LemkeStatus::kSolved) {
    const char* why = result.status == LemkeStatus::kSecondaryRay   ? "Lemke's path ended in a secondary ray"
                      : result.status == LemkeStatus::kPivotLimit ? "Lemke's path in double arithmetic cycled"
                      : result.status == LemkeStatus::kSingularBasis
                          ? "a basis on Lemke's path in double arithmetic became numerically singular"
                                                                   : "the basis from the double path was rejected";
    return lp::FailedEquilibrium<T>(EquilibriumSolveStatus::kNumericalFailure,
                                    std::string(why) + " after " + std::to_string(result.pivots) + " pivots (" + size + ")");
  }
  RealizationPlans<T> plans;
  const std::vector<T>& z = result.z[0];
  plans[0].assign(z.begin() + lcp.x_begin, z.begin() + lcp.x_begin + form.side[0].NumSequences());
  plans[1].assign(z.begin() + lcp.y_begin, z.begin() + lcp.y_begin + form.side[1].NumSequences());
  if (!lp::IsEquilibrium(form, plans)) {
    return lp::FailedEquilibrium<T>(EquilibriumSolveStatus::kNumericalFailure,
                                    "Lemke's answer failed the equilibrium check (" + size + ")");
  }
  LpEquilibrium<T> solved = lp::SolvedEquilibrium(game, form, plans, "Lemke's algorithm on an LCP of " + size + ", " + how);
  solved.rows = lcp.problem.size;
  solved.columns = lcp.problem.size;
  return solved;
}

LemkeOptions LemkeOptionsOf(const LpOptions& options) {
  LemkeOptions lemke;
  lemke.time_limit_seconds = options.time_limit_seconds;
  lemke.limits = options.limits;
  lemke.subject = options.subject;
  return lemke;
}

// The double path: its answer, and its final basis for the exact crossover.
LpEquilibrium<double> SolveDouble(const Game& game, const LpOptions& options, std::vector<int>* basis,
                                  bool dense_tableau = false) {
  const SequenceForm<double> form = BuildSequenceForm<double>(game);
  const SequenceFormLcp<double> lcp = BuildSequenceFormLcp(game, form);
  LemkeOptions lemke = LemkeOptionsOf(options);
  lemke.dense_tableau = dense_tableau;
  const LemkeResult<double> result = SolveLcpLemke(lcp.problem, lemke);
  if (basis != nullptr) *basis = result.basis;
  return Answer(game, form, lcp, result,
                std::to_string(result.pivots) + (dense_tableau ? " pivots (double, dense tableau)" : " pivots (double)"));
}

// Exact: the double path's final basis reached by integer pivoting and checked (the crossover),
// else the whole path by integer pivoting.
LpEquilibrium<Rational> SolveExact(const Game& game, const LpOptions& options, bool crossover) {
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  const SequenceFormLcp<Rational> lcp = BuildSequenceFormLcp(game, form);
  const LemkeOptions lemke = LemkeOptionsOf(options);
  std::string note;
  if (crossover) {
    std::vector<int> basis;
    const LpEquilibrium<double> approximate = SolveDouble(game, options, &basis);
    if (approximate.status == EquilibriumSolveStatus::kSolved) {
      const LemkeResult<Rational> at = SolveLcpAtBasis(lcp.problem, basis, lemke);
      LpEquilibrium<Rational> answer =
          Answer(game, form, lcp, at,
                 "the double path's final basis solved exactly (sparse elimination on its " +
                     std::to_string(at.pivots) + " basic z) and checked");
      // The tree certificate too (it shares no code with the sequence form).
      if (answer.status == EquilibriumSolveStatus::kSolved && CertifyNashPerfectRecall(game, answer.profile).verified) {
        return answer;
      }
      note = "; the double path's basis did not verify (" + answer.message + ")";
    }
  }
  const LemkeResult<Rational> result = SolveLcpLemke(lcp.problem, lemke);
  LpEquilibrium<Rational> answer =
      Answer(game, form, lcp, result, std::to_string(result.pivots) + " pivots (integer pivoting)");
  answer.message += note;
  return answer;
}

}  // namespace

template <class T>
SequenceFormLcp<T> BuildSequenceFormLcp(const Game& game, const SequenceForm<T>& form) {
  SequenceFormLcp<T> lcp;
  const SideSequences& s0 = form.side[0];
  const SideSequences& s1 = form.side[1];
  lcp.x_begin = 0;
  lcp.y_begin = s0.NumSequences();
  lcp.u_begin = lcp.y_begin + s1.NumSequences();
  lcp.v_begin = lcp.u_begin + 2 * s0.NumConstraintRows();
  const int n = lcp.v_begin + 2 * s1.NumConstraintRows();
  LinearComplementarityProblem<T>& problem = lcp.problem;
  problem.size = n;
  problem.rhs.assign(1, std::vector<T>(static_cast<std::size_t>(n), T(0)));
  const auto cells = NegativePayoffCells(game, form);
  // Covering vector: 1 on the constraint rows, and on the payoff rows a number well above every
  // payoff cell. Any d > 0 is correct; this one starts the path where every sequence looks equally
  // good, and measured on random games (issue 13's bench, seeds 1-3, 300 nodes) it shortens the
  // path 3-15 times against d = 1.
  T largest(0);
  for (const auto& side : cells) {
    for (const auto& [key, value] : side) largest = std::max(largest, T(-value));
  }
  problem.covering.assign(static_cast<std::size_t>(n), T(1));
  for (int i = lcp.x_begin; i < lcp.u_begin; ++i) problem.covering[static_cast<std::size_t>(i)] = T(16) * (largest + T(1));
  for (const auto& [key, value] : cells[0]) {
    problem.matrix.push_back({lcp.x_begin + key.first, lcp.y_begin + key.second, -value});  // -A y
  }
  for (const auto& [key, value] : cells[1]) {
    problem.matrix.push_back({lcp.y_begin + key.second, lcp.x_begin + key.first, -value});  // -B'x
  }
  AddConstraintBlocks(s0, lcp.x_begin, lcp.u_begin, &problem);
  AddConstraintBlocks(s1, lcp.y_begin, lcp.v_begin, &problem);
  return lcp;
}

template <class T>
LpEquilibrium<T> SolveSequenceFormLcp(const Game& game, const LpOptions& options) {
  // Double mode too: the double path's answer is re-verified exactly through its basis, and solved
  // again exactly when that fails; the exact answer is then converted.
  LpEquilibrium<T> answer = ToNumber<T>(SolveExact(game, options, /*crossover=*/true));
  if constexpr (!NumberTraits<T>::kExact) answer.message += " (converted to double)";
  return answer;
}

LpEquilibrium<Rational> SolveSequenceFormLcpIntegerPath(const Game& game, const LpOptions& options) {
  return SolveExact(game, options, /*crossover=*/false);
}

LpEquilibrium<double> SolveSequenceFormLcpDoublePath(const Game& game, const LpOptions& options, bool dense_tableau) {
  return SolveDouble(game, options, nullptr, dense_tableau);
}

template SequenceFormLcp<double> BuildSequenceFormLcp(const Game&, const SequenceForm<double>&);
template SequenceFormLcp<Rational> BuildSequenceFormLcp(const Game&, const SequenceForm<Rational>&);
template LpEquilibrium<double> SolveSequenceFormLcp(const Game&, const LpOptions&);
template LpEquilibrium<Rational> SolveSequenceFormLcp(const Game&, const LpOptions&);

}  // namespace ncpmi
