// Lemke's complementary pivoting algorithm for linear complementarity problems, with a covering
// vector and a lexicographic minimum-ratio test, in double or exactly by integer pivoting on GMP
// integers (as in lrs: every entry stays an integer and no fraction is reduced inside the loop).
//
// The problem: find z >= 0 with w = q(eps) + M z >= 0 and z_i w_i = 0 for every i. Lemke adds an
// artificial variable z0 with column d (the covering vector, d > 0) and follows the path of almost
// complementary bases from the ray z0 -> infinity until z0 leaves the basis (a solution) or the
// path ends in a secondary ray (no answer from this method). The right-hand side may be a
// polynomial in a symbolic eps > 0, q(eps) = q_0 + q_1 eps + q_2 eps^2 + ...: the ratio test then
// compares the rhs coefficients lexicographically before the basis inverse, which is how a
// perturbed problem is solved for all small enough eps without choosing a number for eps.
// The basis inverse columns at the end of the lexicographic key make every ratio test have a
// unique winner, so the path visits no basis twice: degenerate problems cannot cycle.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ncpmi/game/rational.h"
#include "ncpmi/game/resource_limits.h"

namespace ncpmi {

// One nonzero of M.
template <class T>
struct LcpEntry {
  int row = 0;
  int column = 0;
  T value;
};

// T is double or Rational.
template <class T>
struct LinearComplementarityProblem {
  int size = 0;                        // n: rows of M, entries of z, w, d
  std::vector<LcpEntry<T>> matrix;     // M, sparse; entries at the same place are added
  std::vector<std::vector<T>> rhs;     // q_0, q_1, ... (powers of eps), each of length n
  std::vector<T> covering;             // d, every entry > 0
};

// kPivotLimit: double mode only, a path longer than 50 n + 1000 pivots (rounding made it cycle).
// kSingularBasis: double mode's revised method only, rounding made a basis on the path
// numerically singular (exact arithmetic never does).
// kBasisRejected: SolveLcpAtBasis only, the basis given is singular, not complementary or not
// feasible.
enum class LemkeStatus { kSolved, kSecondaryRay, kLimitReached, kPivotLimit, kSingularBasis, kBasisRejected };

template <class T>
struct LemkeResult {
  LemkeStatus status = LemkeStatus::kSecondaryRay;
  // Valid when kSolved: z as a polynomial in eps, z[k][i] the coefficient of eps^k of z_i
  // (one vector per rhs column). Without eps, z[0] is the answer.
  std::vector<std::vector<T>> z;
  std::int64_t pivots = 0;
  int size = 0;
  // When kSolved: the basic variable of each row (w_i = i, z_i = n + i), for SolveLcpAtBasis.
  std::vector<int> basis;
};

struct LemkeOptions {
  double time_limit_seconds = 0;  // 0: none; checked between pivots
  ResourceLimits limits;          // the dense tableau is checked against the memory limit
  std::string subject = "the problem";  // names what is solved in the memory guard's message
  // Double mode only: pivot on the dense n x n tableau instead of the revised method (sparse LU
  // of the basis and eta vectors). Both follow the same path; the dense one is kept as an
  // independent implementation to compare against, and is faster below a hundred or so rows.
  bool dense_tableau = false;
};

// Bytes the dense tableau of an n-row problem with `rhs_columns` right-hand sides takes.
std::uint64_t LemkeTableauBytes(int n, int rhs_columns, bool exact);

// Lemke's algorithm. T = Rational: each row of [M d q] is scaled to integers, then integer
// pivoting on a dense tableau of n x (n + 1 + rhs columns) numbers, O(n^2) per pivot (the answer
// is exact). T = double: the revised method (a sparse LU factorization of the basis, refreshed
// every 64 pivots, and eta vectors in between; one solve with the basis per pivot plus one per
// slack column a tie needs) with a relative tolerance of 1e-9 in the ratio test, or the dense
// tableau with options.dense_tableau; the caller should check the answer. Throws InputError when the tableau would not fit the memory
// limit, std::invalid_argument for malformed problems (sizes, d not positive).
// Thread safety: separate calls may run on separate threads.
template <class T>
LemkeResult<T> SolveLcpLemke(const LinearComplementarityProblem<T>& problem,
                             const LemkeOptions& options);

// The same problem in double (each number rounded to nearest), for a double path whose final
// basis SolveLcpAtBasis then checks exactly.
LinearComplementarityProblem<double> ToDoubleProblem(const LinearComplementarityProblem<Rational>& problem);

// Crossover: the values of the variables of a complementary basis, solved exactly (the square
// system M[R, Z] z_Z = -q_R(eps) of the rows R whose w is nonbasic over the basic z's, by sparse
// elimination over the rationals), then checked to be feasible (every basic value, a polynomial
// in eps, non-negative for small eps). kSolved with the exact z (`pivots`: the elimination's
// unknowns), or kBasisRejected (singular, not complementary or infeasible: the caller then runs
// SolveLcpLemke), or kLimitReached. A basis from a double-precision Lemke path saves the exact
// path's many pivots. Throws as SolveLcpLemke.
LemkeResult<Rational> SolveLcpAtBasis(const LinearComplementarityProblem<Rational>& problem,
                                      const std::vector<int>& basis, const LemkeOptions& options);

}  // namespace ncpmi
