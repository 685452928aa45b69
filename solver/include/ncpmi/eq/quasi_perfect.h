// Quasi-perfect equilibria (van Damme 1984) of two-player games with perfect recall, chance
// allowed, by Lemke's algorithm on the sequence-form LCP perturbed by a symbolic eps (Miltersen and
// Sorensen 2010): every sequence s of a player must have realization at least eps^|s| (|s| its
// number of actions). Substituting x = x' + l(eps) moves the perturbation into the right-hand side,
// q(eps) = q + M l(eps), a polynomial in eps; the lexicographic ratio test over its coefficients
// follows the path valid for every small enough eps > 0 without fixing a number for eps. The final
// basis gives the realization plans as polynomials in eps, and their limits as eps -> 0 give:
//   * behaviour at every information set, reached or not: the ratio of the lowest-order terms of
//     an action's realization and of its information set's total;
//   * beliefs at every information set: the limit of Bayes' rule under the perturbed plans (the
//     lowest-order terms of chance x realization x realization at each node).
// A quasi-perfect equilibrium is sequential, so the pair is a sequential equilibrium assessment.
#pragma once

#include <string>

#include "ncpmi/eq/assessment.h"
#include "ncpmi/eq/lp_solvers.h"

namespace ncpmi {

template <class T>
struct QuasiPerfectResult {
  EquilibriumSolveStatus status = EquilibriumSolveStatus::kNumericalFailure;
  std::string message;
  Assessment<T> assessment;  // valid when kSolved; beliefs per node id of the game
  int lcp_rows = 0;
};

// The perturbed LCP is always solved exactly (integer pivoting on polynomial right-hand sides:
// double arithmetic cannot tell eps^3 from rounding); T = double gets the exact answer converted.
// kLimitReached when options.time_limit_seconds runs out; kNumericalFailure if the path ends in a
// secondary ray. The caller certifies the assessment (CertifyAssessment).
// Throws UnsupportedError without perfect recall or with more than two players who move;
// InputError when the tableau would not fit options.limits.
template <class T>
QuasiPerfectResult<T> SolveQuasiPerfect(const Game& game, const LpOptions& options);

}  // namespace ncpmi
