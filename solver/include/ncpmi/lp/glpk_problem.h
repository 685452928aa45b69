// A move-only owner of one GLPK problem: bulk model loading, simplex, interior-point, exact
// simplex and MIP solves whose outcome is a status value, and read-back of values, duals and the
// final basis.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

// GLPK's handle type, declared here so that users of this header need not include glpk.h.
struct glp_prob;

namespace ncpmi::lp {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// How a solve ended. None of these is an error: infeasibility is an answer.
// kMemoryLimit: the MIP's branch-and-bound tree outgrew GlpkSolveOptions::max_memory_bytes.
enum class LpStatus { kOptimal, kInfeasible, kUnbounded, kNumericalFailure, kLimitReached, kMemoryLimit };

// Where a row (its auxiliary variable) or a column stands in the final simplex basis.
enum class BasisStatus { kBasic, kAtLower, kAtUpper, kFreeNonbasic, kFixed };

struct GlpkSolveOptions {
  bool verbose = false;             // GLPK's log to stderr; otherwise GLPK prints nothing
  double time_limit_seconds = 0.0;  // 0: no limit (GLPK's interior-point method has none)
  // SolveSimplex only: GLPK's LP presolver (it removes fixed columns and the rows they empty, so
  // it pays on programmes with many columns fixed at 0). An optimum still comes with a basis of
  // the whole programme (GLPK's postsolve recovers it); other outcomes may leave none.
  bool presolve = false;
  // SolveMip only (0: none): the search stops when GLPK's memory on this thread (the problem, its
  // copies and the branch-and-bound tree) passes this many bytes, checked at every tree node. The
  // tree is what grows: the models themselves are bounded before they are built (CheckLpBudget).
  std::size_t max_memory_bytes = 0;
};

// One sparse matrix entry, 0-based row and column.
struct MatrixEntry {
  int row = 0;
  int column = 0;
  double value = 0.0;
};

// Owns a glp_prob. Rows and columns are 0-based here (GLPK's are 1-based). Bounds use
// ±kInfinity for "none"; lower == upper makes a fixed row or column.
//
// Threads: GLPK 5.0 (as built by Debian) keeps its environment in thread-local storage, and a
// problem's memory belongs to the environment of the thread that created it. So a GlpkProblem must
// be created, solved and destroyed on one thread; separate problems on separate threads are fine.
// The output hook is installed and removed around each solve on the calling thread only. Each
// thread's GLPK environment lives until the process ends (glp_free_env would destroy that thread's
// other problems).
// GLPK aborts the process on invalid arguments (out-of-range rows or columns, duplicate matrix
// entries); the callers here build their models so that these cannot happen.
class GlpkProblem {
 public:
  GlpkProblem();
  ~GlpkProblem();
  GlpkProblem(GlpkProblem&& other) noexcept;
  GlpkProblem& operator=(GlpkProblem&& other) noexcept;
  GlpkProblem(const GlpkProblem&) = delete;
  GlpkProblem& operator=(const GlpkProblem&) = delete;

  // Sets the model size, replacing any previous rows and columns. All bounds start free (rows)
  // or at [0, +inf) (columns), objective coefficients at 0, columns continuous.
  void Resize(int rows, int columns);
  int NumRows() const;
  int NumColumns() const;

  void SetMaximize(bool maximize);
  void SetRowBounds(int row, double lower, double upper);
  void SetColumnBounds(int column, double lower, double upper);
  void SetObjective(int column, double coefficient);
  void SetObjectiveConstant(double constant);
  void SetBinary(int column);  // integer with bounds [0, 1]
  int NumIntegerColumns() const;

  // Replaces the whole constraint matrix. Entries must be distinct (row, column) pairs within
  // range; zero values are dropped. O(entries).
  void LoadMatrix(const std::vector<MatrixEntry>& entries);

  // Primal simplex on a scaled copy, presolver off (so a basis is always available afterwards).
  // After a numerical failure it retries from the standard basis with the dual simplex, then with
  // the exact simplex.
  LpStatus SolveSimplex(const GlpkSolveOptions& options);
  // GLPK's primal-dual interior-point method (approximate minimum degree ordering). No basis and
  // no time limit; the answer (read with Interior*) is optimal to about 1e-8 relative, so callers
  // use it to guess supports, not as the solution. Free columns make GLPK's method stall: give
  // every column a bound. kNumericalFailure when it does not converge; HasInteriorPoint() then
  // says whether its last iterate can be read (GLPK often stops at a primal infeasibility of a
  // few 1e-8 with a gap of 1e-11, "no convergence", on sequence-form LPs).
  LpStatus SolveInterior(const GlpkSolveOptions& options);
  bool HasInteriorPoint() const { return has_interior_point_; }
  // GLPK's exact simplex (rational arithmetic inside, on the double coefficients as given),
  // starting from the current basis: run SolveSimplex first to give it a good start.
  LpStatus SolveExact(const GlpkSolveOptions& options);
  // Branch and cut with the MIP presolver. A time limit that stops the search after an integer
  // feasible point was found gives kLimitReached with HasMipSolution() true.
  LpStatus SolveMip(const GlpkSolveOptions& options);
  bool HasMipSolution() const { return has_mip_solution_; }

  // After SolveSimplex or SolveExact:
  double ObjectiveValue() const;
  double ColumnValue(int column) const;
  double RowValue(int row) const;   // the row's activity
  double RowDual(int row) const;
  BasisStatus RowStatus(int row) const;
  BasisStatus ColumnStatus(int column) const;
  // After SolveInterior:
  double InteriorColumnValue(int column) const;
  double InteriorRowDual(int row) const;
  // After SolveMip (with a solution):
  double MipObjectiveValue() const;
  double MipColumnValue(int column) const;

  // The basis matrix on its own, for algorithms that pivot themselves (Lemke's, revised). GLPK's
  // basis matrix B holds the columns of (I | -A) of the basic variables: variable v < NumRows() is
  // row v's auxiliary variable (column e_v), variable NumRows() + j is column j (column -A_j).
  // FactorizeBasis makes exactly `basic_variables` (NumRows() distinct variables) basic, every
  // other variable nonbasic, and computes a sparse LU factorization of B (GLPK's, Markowitz with
  // threshold pivoting); false when B is singular or too ill-conditioned (no factorization then).
  // Any scaling is removed first, so B is built from the coefficients as loaded.
  bool FactorizeBasis(const std::vector<int>& basic_variables);
  // After FactorizeBasis: the variable of B's k-th column (0-based), in GLPK's order, which is the
  // order of SolveWithBasis's answer.
  int BasisHead(int k) const;
  // After FactorizeBasis: overwrites b (NumRows() entries) with x solving B x = b, x[k] the value
  // of BasisHead(k).
  void SolveWithBasis(std::vector<double>* b) const;
  // After FactorizeBasis: overwrites b with x solving B' x = b, b[k] belonging to BasisHead(k).
  void SolveWithBasisTransposed(std::vector<double>* b) const;

 private:
  glp_prob* problem_ = nullptr;
  bool has_mip_solution_ = false;
  bool has_interior_point_ = false;
};

}  // namespace ncpmi::lp
