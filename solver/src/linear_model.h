// A solver-independent linear (or mixed-integer) programme in double or exact arithmetic, its
// loading into GLPK, and the exact reconstruction of a basic solution from GLPK's final basis.
// Private to the solver library: the LP and MIP solvers share it.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "ncpmi/game/rational.h"
#include "ncpmi/lp/glpk_problem.h"

namespace ncpmi::lp {

// An optional bound: absent means ±infinity.
template <class T>
struct Bound {
  bool present = false;
  T value = T(0);
};
template <class T>
Bound<T> At(const T& value) {
  return {true, value};
}

template <class T>
struct ModelEntry {
  int row = 0;
  int column = 0;
  T value = T(0);
};

// rows: lower ≤ Σ_j a_ij x_j ≤ upper; columns: lower ≤ x_j ≤ upper. Entries are distinct
// (row, column) pairs.
template <class T>
struct LinearModel {
  bool maximize = true;
  std::vector<Bound<T>> row_lower, row_upper;
  std::vector<Bound<T>> column_lower, column_upper;
  std::vector<T> objective;
  std::vector<char> binary;  // per column
  std::vector<ModelEntry<T>> entries;

  int NumRows() const { return static_cast<int>(row_lower.size()); }
  int NumColumns() const { return static_cast<int>(column_lower.size()); }
  int AddRow(Bound<T> lower, Bound<T> upper) {
    row_lower.push_back(lower);
    row_upper.push_back(upper);
    return NumRows() - 1;
  }
  // A continuous column, by default in [0, +inf).
  int AddColumn(Bound<T> lower = At(T(0)), Bound<T> upper = {}, T objective_coefficient = T(0)) {
    column_lower.push_back(lower);
    column_upper.push_back(upper);
    objective.push_back(objective_coefficient);
    binary.push_back(0);
    return NumColumns() - 1;
  }
  void Add(int row, int column, const T& value) { entries.push_back({row, column, value}); }
};

// A time budget (seconds; 0 or less: none), started at construction, shared by the phases of one
// solve.
class Deadline {
 public:
  explicit Deadline(double seconds)
      : limited_(seconds > 0),
        end_(std::chrono::steady_clock::now() +
             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                 std::chrono::duration<double>(limited_ ? seconds : 0.0))) {}
  bool Limited() const { return limited_; }
  bool Expired() const { return limited_ && std::chrono::steady_clock::now() >= end_; }
  // Seconds left for a GLPK call: 0 (GLPK's "none") without a limit, at least 1 ms with one.
  double RemainingSeconds() const {
    if (!limited_) return 0.0;
    const double left =
        std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
    return left > 1e-3 ? left : 1e-3;
  }

 private:
  bool limited_;
  std::chrono::steady_clock::time_point end_;
};

// Loads a double model. O(size).
GlpkProblem ToGlpk(const LinearModel<double>& model);

// Loads an exact model for glp_exact: each row is multiplied by the least common multiple of its
// denominators, so that its coefficients and bounds are integers. *exact is set to whether every
// number then fits in 53 bits (so GLPK's double input is the true programme). The scaling changes
// neither the feasible set nor the basis. O(size).
GlpkProblem ToGlpkScaled(const LinearModel<Rational>& model, bool* exact);

// The basic solution of the exact model for the basis GLPK ended with: nonbasic variables at their
// bounds (free nonbasic at 0), basic ones from the basis equations, solved by sparse rational
// Gaussian elimination. Returns nullopt if the basis matrix is singular or the solution violates a
// bound of the exact model (the basis was optimal only to GLPK's tolerances). Column values.
// Gives up with nullopt and *timed_out = true once the deadline passes (checked at every
// elimination step).
std::optional<std::vector<Rational>> ExactBasicSolution(const LinearModel<Rational>& model,
                                                        const GlpkProblem& problem,
                                                        const Deadline& deadline, bool* timed_out);

// The fraction with the smallest denominator within `tolerance` of x (continued fractions), with
// denominators at most max_denominator; the nearest convergent otherwise.
Rational SimplestFractionNear(double x, double tolerance, long max_denominator);

// Words for a status, for messages.
std::string Describe(LpStatus status);

}  // namespace ncpmi::lp
