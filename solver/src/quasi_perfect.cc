// The eps-perturbed sequence-form LCP, solved with a polynomial right-hand side, and the limits
// of its solution: behaviour at every information set and beliefs.
#include "ncpmi/eq/quasi_perfect.h"

#include <algorithm>
#include <string>
#include <utility>

#include "ncpmi/bi/number_traits.h"
#include "ncpmi/eq/sequence_form_lcp.h"

namespace ncpmi {
namespace {

// A polynomial in eps: coefficients by ascending power.
using Polynomial = std::vector<Rational>;

Polynomial Multiply(const Polynomial& a, const Polynomial& b) {
  if (a.empty() || b.empty()) return {};
  Polynomial product(a.size() + b.size() - 1, Rational(0));
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (sgn(a[i]) == 0) continue;
    for (std::size_t j = 0; j < b.size(); ++j) product[i + j] += a[i] * b[j];
  }
  return product;
}

// The lowest power with a nonzero coefficient, or -1 for the zero polynomial.
int LowestOrder(const Polynomial& p) {
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (sgn(p[k]) != 0) return static_cast<int>(k);
  }
  return -1;
}

Rational Coefficient(const Polynomial& p, int k) {
  return k >= 0 && static_cast<std::size_t>(k) < p.size() ? p[static_cast<std::size_t>(k)] : Rational(0);
}

// Per side and sequence: its number of actions (0 for the empty sequence).
std::array<std::vector<int>, 2> SequenceLengths(const SequenceForm<Rational>& form) {
  std::array<std::vector<int>, 2> length;
  for (std::size_t s = 0; s < 2; ++s) {
    const SideSequences& side = form.side[s];
    length[s].assign(static_cast<std::size_t>(side.NumSequences()), 0);
    for (int k = 0; k < side.NumInfosets(); ++k) {
      const int parent = length[s][static_cast<std::size_t>(side.infoset_parent[static_cast<std::size_t>(k)])];
      for (int q = side.infoset_first[static_cast<std::size_t>(k)]; q < side.infoset_first[static_cast<std::size_t>(k) + 1]; ++q) {
        length[s][static_cast<std::size_t>(q)] = parent + 1;
      }
    }
  }
  return length;
}

template <class T>
T Convert(const Rational& value) {
  if constexpr (NumberTraits<T>::kExact) {
    return value;
  } else {
    return ToDouble(value);
  }
}

}  // namespace

template <class T>
QuasiPerfectResult<T> SolveQuasiPerfect(const Game& game, const LpOptions& options) {
  QuasiPerfectResult<T> out;
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  SequenceFormLcp<Rational> lcp = BuildSequenceFormLcp(game, form);
  const std::array<std::vector<int>, 2> length = SequenceLengths(form);
  int depth = 0;
  for (const auto& side : length) {
    for (const int l : side) depth = std::max(depth, l);
  }
  // The lower bound eps^|s| on every nonempty sequence s of variable index j (x or y).
  std::vector<int> bound_power(static_cast<std::size_t>(lcp.problem.size), -1);
  for (std::size_t s = 0; s < 2; ++s) {
    const int begin = s == 0 ? lcp.x_begin : lcp.y_begin;
    for (std::size_t q = 1; q < length[s].size(); ++q) {
      bound_power[static_cast<std::size_t>(begin) + q] = length[s][q];
    }
  }
  // q(eps) = q + M l(eps).
  LinearComplementarityProblem<Rational>& problem = lcp.problem;
  problem.rhs.resize(static_cast<std::size_t>(depth) + 1,
                     std::vector<Rational>(static_cast<std::size_t>(problem.size), Rational(0)));
  for (const LcpEntry<Rational>& e : problem.matrix) {
    const int power = bound_power[static_cast<std::size_t>(e.column)];
    if (power > 0) problem.rhs[static_cast<std::size_t>(power)][static_cast<std::size_t>(e.row)] += e.value;
  }
  LemkeOptions lemke;
  lemke.time_limit_seconds = options.time_limit_seconds;
  lemke.limits = options.limits;
  lemke.subject = options.subject;
  // The perturbed path in double first (the revised method, fast), its final basis then solved
  // exactly and checked lexicographically feasible: any such basis solves the perturbed LCP for
  // every small eps, which is all the construction needs. When rounding spoils it, the whole path
  // by integer pivoting.
  std::string how = "the double path's final basis solved exactly";
  LemkeResult<Rational> result;
  const LemkeResult<double> approximate = SolveLcpLemke(ToDoubleProblem(problem), lemke);
  if (approximate.status == LemkeStatus::kSolved) result = SolveLcpAtBasis(problem, approximate.basis, lemke);
  if (result.status != LemkeStatus::kSolved && result.status != LemkeStatus::kLimitReached) {
    result = SolveLcpLemke(problem, lemke);
    how = std::to_string(result.pivots) + " pivots";
  }
  out.lcp_rows = problem.size;
  const std::string size = std::to_string(problem.size) + " rows, eps up to power " + std::to_string(depth);
  if (result.status != LemkeStatus::kSolved) {
    out.status = result.status == LemkeStatus::kLimitReached ? EquilibriumSolveStatus::kLimitReached
                                                              : EquilibriumSolveStatus::kNumericalFailure;
    out.message = std::string(result.status == LemkeStatus::kLimitReached
                                  ? "Lemke's algorithm (perturbed) reached the time limit"
                                  : "Lemke's path (perturbed) ended in a secondary ray") +
                  " after " + std::to_string(result.pivots) + " pivots (" + size + ")";
    return out;
  }
  // Realization plans as polynomials: x = x' + l.
  std::array<std::vector<Polynomial>, 2> plan;
  for (std::size_t s = 0; s < 2; ++s) {
    const int begin = s == 0 ? lcp.x_begin : lcp.y_begin;
    plan[s].assign(length[s].size(), Polynomial(static_cast<std::size_t>(depth) + 1, Rational(0)));
    for (std::size_t q = 0; q < length[s].size(); ++q) {
      for (std::size_t k = 0; k <= static_cast<std::size_t>(depth); ++k) {
        plan[s][q][k] = result.z[k][static_cast<std::size_t>(begin) + q];
      }
      if (q > 0) plan[s][q][static_cast<std::size_t>(length[s][q])] += 1;
    }
  }
  // Behaviour: lowest-order terms of each action over its information set's total.
  out.assessment.profile = ChanceOnlyProfile<T>(game);
  for (std::size_t s = 0; s < 2; ++s) {
    const SideSequences& side = form.side[s];
    for (int k = 0; k < side.NumInfosets(); ++k) {
      const InfosetId h = side.infosets[static_cast<std::size_t>(k)];
      const int first = side.infoset_first[static_cast<std::size_t>(k)];
      Polynomial total(static_cast<std::size_t>(depth) + 1, Rational(0));
      for (int a = 0; a < game.NumActions(h); ++a) {
        const Polynomial& p = plan[s][static_cast<std::size_t>(first + a)];
        for (std::size_t j = 0; j < p.size(); ++j) total[j] += p[j];
      }
      const int order = LowestOrder(total);  // >= 0: every perturbed realization is positive
      const Rational denominator = Coefficient(total, order);
      for (int a = 0; a < game.NumActions(h); ++a) {
        out.assessment.profile.Prob(game, h, a) =
            Convert<T>(Coefficient(plan[s][static_cast<std::size_t>(first + a)], order) / denominator);
      }
    }
  }
  // Beliefs: the limit of Bayes' rule, node weight chance x both realizations.
  const auto n = static_cast<std::size_t>(game.NumNodes());
  std::vector<Polynomial> weight(n);
  std::vector<Polynomial> total(static_cast<std::size_t>(game.NumInfosets()));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.IsTerminal(v)) continue;
    const auto vi = static_cast<std::size_t>(v);
    Polynomial w = Multiply(plan[0][static_cast<std::size_t>(form.node_sequence[0][vi])],
                            plan[1][static_cast<std::size_t>(form.node_sequence[1][vi])]);
    for (Rational& c : w) c *= form.node_chance[vi];
    Polynomial& sum = total[static_cast<std::size_t>(game.Infoset(v))];
    if (sum.size() < w.size()) sum.resize(w.size(), Rational(0));
    for (std::size_t j = 0; j < w.size(); ++j) sum[j] += w[j];
    weight[vi] = std::move(w);
  }
  std::vector<int> members(static_cast<std::size_t>(game.NumInfosets()), 0);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (!game.IsTerminal(v)) ++members[static_cast<std::size_t>(game.Infoset(v))];
  }
  out.assessment.belief.assign(n, T(0));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.IsTerminal(v)) continue;
    const auto vi = static_cast<std::size_t>(v);
    const Polynomial& sum = total[static_cast<std::size_t>(game.Infoset(v))];
    const int order = LowestOrder(sum);
    // A set no perturbed play reaches (only through chance probability 0): uniform beliefs.
    out.assessment.belief[vi] =
        order < 0 ? Convert<T>(Rational(1, members[static_cast<std::size_t>(game.Infoset(v))]))
                  : Convert<T>(Coefficient(weight[vi], order) / Coefficient(sum, order));
  }
  out.status = EquilibriumSolveStatus::kSolved;
  out.message = "Lemke's algorithm on the eps-perturbed sequence form, " + how + " (" + size + ")";
  return out;
}

template QuasiPerfectResult<double> SolveQuasiPerfect(const Game&, const LpOptions&);
template QuasiPerfectResult<Rational> SolveQuasiPerfect(const Game&, const LpOptions&);

}  // namespace ncpmi
