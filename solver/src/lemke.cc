// Lemke's algorithm on a dense condensed tableau: integer pivoting (GMP) or double pivoting.
//
// The tableau holds, for each basic variable B(i), the equation
//     det * x_B(i) + sum over nonbasic slots j of T[i][j] * x_N(j) = t[i][k]   (k: eps power)
// with one common positive det (1 in double mode). Variables are numbered w_0..w_{n-1},
// z_0..z_{n-1}, z0 (the artificial). Only the n + 1 nonbasic columns are stored; the column of a
// basic variable is det times a unit vector and is recovered on demand for the lexicographic test.
#include "ncpmi/eq/lemke.h"

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "ncpmi/game/error.h"
#include "lemke_revised.h"
#include "ncpmi/eq/sparse_exact_solve.h"

namespace ncpmi {
namespace {

// Exact mode works on integers; double mode on doubles.
template <class T>
using Entry = std::conditional_t<std::is_same_v<T, Rational>, mpz_class, double>;

// Double mode: products in the ratio test closer than this (relative, with an absolute floor of
// the same size: rounding leaves 1e-17 where exact arithmetic has 0) count as equal, and column
// entries below it as not positive.
constexpr double kRatioTolerance = 1e-9;
constexpr double kPivotTolerance = 1e-9;
// Double mode: more pivots than this times n (plus 1000) is taken for cycling.
constexpr std::int64_t kDoublePivotFactor = 50;

template <class N>
class Tableau {
 public:
  static constexpr bool kExact = std::is_same_v<N, mpz_class>;

  Tableau(int n, int rhs_columns)
      : n_(n),
        rhs_(rhs_columns),
        stride_(static_cast<std::size_t>(n + 1 + rhs_columns)),
        cells_(static_cast<std::size_t>(n) * stride_, N(0)),
        det_(1),
        basic_(static_cast<std::size_t>(n)),
        slot_var_(static_cast<std::size_t>(n + 1)),
        row_of_(static_cast<std::size_t>(2 * n + 1), -1),
        slot_of_(static_cast<std::size_t>(2 * n + 1), -1) {
    for (int i = 0; i < n; ++i) {
      basic_[static_cast<std::size_t>(i)] = i;  // w_i
      row_of_[static_cast<std::size_t>(i)] = i;
    }
    for (int j = 0; j <= n; ++j) {
      slot_var_[static_cast<std::size_t>(j)] = n + j;  // z_j, and z0 in slot n
      slot_of_[static_cast<std::size_t>(n + j)] = j;
    }
  }

  N& At(int row, int column) {
    return cells_[static_cast<std::size_t>(row) * stride_ + static_cast<std::size_t>(column)];
  }
  N& Rhs(int row, int k) { return At(row, n_ + 1 + k); }
  int Artificial() const { return 2 * n_; }
  int Complement(int var) const { return var < n_ ? var + n_ : var - n_; }
  int SlotOf(int var) const { return slot_of_[static_cast<std::size_t>(var)]; }
  int RowOf(int var) const { return row_of_[static_cast<std::size_t>(var)]; }
  int BasicAt(int row) const { return basic_[static_cast<std::size_t>(row)]; }
  const N& Det() const { return det_; }

  // The entry of original slack w_j's column in `row`: det at its row when basic. A reference:
  // copying GMP integers here would allocate in the ratio test's inner loop.
  const N& SlackColumn(int row, int j) {
    const int r = RowOf(j);
    if (r >= 0) return r == row ? det_ : zero_;
    return At(row, SlotOf(j));
  }

  // Whether, entering `slot`, row a's ratio key is smaller than row b's (-1), equal on the rhs
  // columns only (0 with rhs_only), or larger (1). Keys: rhs columns, then slack columns.
  int Compare(int a, int b, int slot, bool rhs_only) {
    const N& pa = At(a, slot);
    const N& pb = At(b, slot);
    const int keys = rhs_only ? rhs_ : rhs_ + n_;
    for (int k = 0; k < keys; ++k) {
      const N& va = k < rhs_ ? Rhs(a, k) : SlackColumn(a, k - rhs_);
      const N& vb = k < rhs_ ? Rhs(b, k) : SlackColumn(b, k - rhs_);
      const int c = CompareProducts(va, pb, vb, pa);
      if (c != 0) return c;
    }
    return 0;
  }

  // Sign of x*y - u*v (with a relative tolerance in double mode).
  int CompareProducts(const N& x, const N& y, const N& u, const N& v) {
    if constexpr (kExact) {
      // Signs first: most keys of a tie are zero in both rows, and then nothing is multiplied.
      const int left_sign = sgn(x) * sgn(y);
      const int right_sign = sgn(u) * sgn(v);
      if (left_sign != right_sign || left_sign == 0) return left_sign < right_sign ? -1 : (left_sign > right_sign ? 1 : 0);
      mpz_mul(left_.get_mpz_t(), x.get_mpz_t(), y.get_mpz_t());
      mpz_mul(right_.get_mpz_t(), u.get_mpz_t(), v.get_mpz_t());
      const int c = cmp(left_, right_);
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    } else {
      const double left = x * y;
      const double right = u * v;
      const double scale = std::max({std::fabs(left), std::fabs(right), 1.0});
      if (std::fabs(left - right) <= kRatioTolerance * scale) return 0;
      return left < right ? -1 : 1;
    }
  }

  bool Positive(const N& value) const {
    if constexpr (kExact) {
      return sgn(value) > 0;
    } else {
      return value > kPivotTolerance;
    }
  }

  // Exchanges the basic variable of `row` with the nonbasic variable of `slot`.
  void Pivot(int row, int slot) {
    const std::size_t width = stride_;
    N* pivot_row = &cells_[static_cast<std::size_t>(row) * width];
    const N pivot = pivot_row[slot];
    if constexpr (kExact) {
      // Cramer's rule keeps every entry an integer: new = (T_ij * p - T_ic * T_rj) / det.
      for (int i = 0; i < n_; ++i) {
        if (i == row) continue;
        N* current = &cells_[static_cast<std::size_t>(i) * width];
        const N factor = current[slot];
        if (sgn(factor) == 0) {
          if (pivot == det_) continue;
          for (std::size_t j = 0; j < width; ++j) {
            if (sgn(current[j]) == 0) continue;
            current[j] *= pivot;
            mpz_divexact(current[j].get_mpz_t(), current[j].get_mpz_t(), det_.get_mpz_t());
          }
        } else {
          for (std::size_t j = 0; j < width; ++j) {
            if (static_cast<int>(j) == slot) continue;
            if (sgn(pivot_row[j]) == 0) {
              if (sgn(current[j]) == 0) continue;
              current[j] *= pivot;
            } else {
              current[j] *= pivot;
              current[j] -= factor * pivot_row[j];
            }
            mpz_divexact(current[j].get_mpz_t(), current[j].get_mpz_t(), det_.get_mpz_t());
          }
          current[slot] = -factor;
        }
      }
      pivot_row[slot] = det_;
      det_ = pivot;
      if (sgn(det_) < 0) {
        for (N& cell : cells_) cell = -cell;
        det_ = -det_;
      }
    } else {
      for (std::size_t j = 0; j < width; ++j) {
        if (static_cast<int>(j) != slot) pivot_row[j] /= pivot;
      }
      pivot_row[slot] = 1.0 / pivot;
      // Only the pivot row's nonzero columns change the other rows; tableaux of sequence forms
      // stay sparse enough for the index list to pay.
      nonzero_.clear();
      for (std::size_t j = 0; j < width; ++j) {
        if (static_cast<int>(j) != slot && pivot_row[j] != 0.0) nonzero_.push_back(j);
      }
      for (int i = 0; i < n_; ++i) {
        if (i == row) continue;
        N* current = &cells_[static_cast<std::size_t>(i) * width];
        const N factor = current[slot];
        if (factor == 0.0) continue;
        for (const std::size_t j : nonzero_) current[j] -= factor * pivot_row[j];
        current[slot] = -factor * pivot_row[slot];
      }
    }
    const int leaving = basic_[static_cast<std::size_t>(row)];
    const int entering = slot_var_[static_cast<std::size_t>(slot)];
    basic_[static_cast<std::size_t>(row)] = entering;
    slot_var_[static_cast<std::size_t>(slot)] = leaving;
    row_of_[static_cast<std::size_t>(entering)] = row;
    slot_of_[static_cast<std::size_t>(entering)] = -1;
    row_of_[static_cast<std::size_t>(leaving)] = -1;
    slot_of_[static_cast<std::size_t>(leaving)] = slot;
  }

 private:
  int n_;
  int rhs_;
  std::size_t stride_;
  std::vector<N> cells_;
  N det_;
  std::vector<int> basic_;     // per row: variable
  std::vector<int> slot_var_;  // per nonbasic slot: variable
  std::vector<int> row_of_;    // per variable: row, or -1
  std::vector<int> slot_of_;   // per variable: slot, or -1
  std::vector<std::size_t> nonzero_;  // scratch: the pivot row's nonzero columns (double mode)
  N zero_ = N(0);
  N left_ = N(0), right_ = N(0);      // scratch products of the exact ratio test
};

// The common denominator that makes a row of rationals integral.
mpz_class RowScale(const std::vector<const Rational*>& row) {
  mpz_class scale(1);
  for (const Rational* value : row) {
    mpz_lcm(scale.get_mpz_t(), scale.get_mpz_t(), value->get_den_mpz_t());
  }
  return scale;
}

template <class T>
Tableau<Entry<T>> InitialTableau(const LinearComplementarityProblem<T>& problem) {
  const int n = problem.size;
  const int rhs = static_cast<int>(problem.rhs.size());
  Tableau<Entry<T>> tableau(n, rhs);
  // det * w - M z - d z0 = q, with det = 1 (exact: each row scaled by its denominators' lcm,
  // i.e. w_i stands for scale_i * w_i, which changes neither sign nor complementarity).
  if constexpr (std::is_same_v<T, Rational>) {
    std::vector<std::vector<const Rational*>> rows(static_cast<std::size_t>(n));
    for (const auto& e : problem.matrix) rows[static_cast<std::size_t>(e.row)].push_back(&e.value);
    for (int i = 0; i < n; ++i) {
      auto& row = rows[static_cast<std::size_t>(i)];
      row.push_back(&problem.covering[static_cast<std::size_t>(i)]);
      for (const auto& q : problem.rhs) row.push_back(&q[static_cast<std::size_t>(i)]);
    }
    std::vector<mpz_class> scale(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) scale[static_cast<std::size_t>(i)] = RowScale(rows[static_cast<std::size_t>(i)]);
    auto integral = [&](const Rational& value, int row) {
      mpz_class out = value.get_num() * scale[static_cast<std::size_t>(row)];
      mpz_divexact(out.get_mpz_t(), out.get_mpz_t(), value.get_den_mpz_t());
      return out;
    };
    for (const auto& e : problem.matrix) tableau.At(e.row, e.column) -= integral(e.value, e.row);
    for (int i = 0; i < n; ++i) {
      tableau.At(i, n) = -integral(problem.covering[static_cast<std::size_t>(i)], i);
      for (int k = 0; k < rhs; ++k) {
        tableau.Rhs(i, k) = integral(problem.rhs[static_cast<std::size_t>(k)][static_cast<std::size_t>(i)], i);
      }
    }
  } else {
    for (const auto& e : problem.matrix) tableau.At(e.row, e.column) -= e.value;
    for (int i = 0; i < n; ++i) {
      tableau.At(i, n) = -problem.covering[static_cast<std::size_t>(i)];
      for (int k = 0; k < rhs; ++k) {
        tableau.Rhs(i, k) = problem.rhs[static_cast<std::size_t>(k)][static_cast<std::size_t>(i)];
      }
    }
  }
  return tableau;
}

void CheckProblem(int n, std::size_t matrix_entries_ok, std::size_t covering, std::size_t rhs_columns,
                  bool rhs_sizes_ok, bool covering_positive) {
  if (n < 0 || covering != static_cast<std::size_t>(n) || rhs_columns == 0 || !rhs_sizes_ok ||
      matrix_entries_ok == 0) {
    throw std::invalid_argument("Lemke: inconsistent problem sizes");
  }
  if (!covering_positive) throw std::invalid_argument("Lemke: the covering vector must be positive");
}

}  // namespace

std::uint64_t LemkeTableauBytes(int n, int rhs_columns, bool exact) {
  // An mpz_class is 16 bytes plus its limbs; entries grow with the determinants, so allow 48.
  const std::uint64_t per_entry = exact ? 48 : sizeof(double);
  const auto rows = static_cast<std::uint64_t>(n);
  return rows * (rows + 1 + static_cast<std::uint64_t>(rhs_columns)) * per_entry;
}

namespace {

// Validates the problem and its tableau's memory; returns the number of rhs columns.
template <class T>
int CheckLcp(const LinearComplementarityProblem<T>& problem, const LemkeOptions& options, bool sparse = false) {
  const int n = problem.size;
  bool rhs_ok = true;
  for (const auto& q : problem.rhs) rhs_ok = rhs_ok && q.size() == static_cast<std::size_t>(n);
  bool positive = true;
  for (const T& value : problem.covering) positive = positive && value > T(0);
  bool entries_ok = true;
  for (const auto& e : problem.matrix) {
    entries_ok = entries_ok && e.row >= 0 && e.row < n && e.column >= 0 && e.column < n;
  }
  CheckProblem(n, entries_ok ? 1 : 0, problem.covering.size(), problem.rhs.size(), rhs_ok, positive);
  const int rhs = static_cast<int>(problem.rhs.size());
  // The exact solve at a basis keeps M's entries and their fill-in, as rationals; count 8 times.
  const bool revised = sparse || (!std::is_same_v<T, Rational> && !options.dense_tableau);
  const std::uint64_t bytes = sparse    ? 8 * 64 * (static_cast<std::uint64_t>(problem.matrix.size()) + static_cast<std::uint64_t>(n))
                              : revised ? detail::RevisedLemkeBytes(n, rhs, problem.matrix.size())
                                        : LemkeTableauBytes(n, rhs, std::is_same_v<T, Rational>);
  CheckMemoryBudget(bytes, options.limits,
                    std::string(revised ? "Lemke's basis factorization" : "Lemke's tableau") + " for " +
                        options.subject + " (" + GroupThousands(static_cast<std::uint64_t>(n)) + " rows)");
  return rhs;
}

// z from the final tableau (nonbasic z are 0), and the basis.
template <class T>
void ReadSolution(Tableau<Entry<T>>& tableau, int n, int rhs, LemkeResult<T>* result) {
  result->basis.clear();
  for (int i = 0; i < n; ++i) {
    const int var = tableau.BasicAt(i);
    result->basis.push_back(var);
    if (var < n || var == tableau.Artificial()) continue;
    for (int k = 0; k < rhs; ++k) {
      T& out = result->z[static_cast<std::size_t>(k)][static_cast<std::size_t>(var - n)];
      if constexpr (std::is_same_v<T, Rational>) {
        out = Rational(tableau.Rhs(i, k), tableau.Det());
        out.canonicalize();
      } else {
        out = tableau.Rhs(i, k);
      }
    }
  }
  result->status = LemkeStatus::kSolved;
}

}  // namespace

template <class T>
LemkeResult<T> SolveLcpLemke(const LinearComplementarityProblem<T>& problem,
                             const LemkeOptions& options) {
  using N = Entry<T>;
  const int n = problem.size;
  const int rhs = CheckLcp(problem, options);
  if constexpr (!std::is_same_v<T, Rational>) {
    if (!options.dense_tableau) return detail::SolveLcpLemkeRevised(problem, options);
  }

  LemkeResult<T> result;
  result.size = n;
  result.z.assign(static_cast<std::size_t>(rhs), std::vector<T>(static_cast<std::size_t>(n), T(0)));
  Tableau<N> tableau = InitialTableau(problem);

  // z = 0 solves the problem when q(eps) is lexicographically non-negative in every row.
  int first = -1;
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < rhs; ++k) {
      const N& value = tableau.Rhs(i, k);
      if (value == N(0)) continue;
      if (value < N(0)) first = i;
      break;
    }
    if (first >= 0) break;
  }
  if (first < 0) {
    for (int i = 0; i < n; ++i) result.basis.push_back(i);  // every w_i
    result.status = LemkeStatus::kSolved;
    return result;
  }
  // z0 enters at the row whose q_i / d_i is lexicographically smallest (the key of row i here is
  // (q_i, e_i) / d_i; its column entries are -d_i < 0, so compare with the signs turned).
  const int z0_slot = n;
  int leaving_row = -1;
  for (int i = 0; i < n; ++i) {
    if (leaving_row < 0) {
      leaving_row = i;
      continue;
    }
    // Key(i) < Key(r)  <=>  with p = -d (negative), Compare reverses; so ask for the larger.
    if (tableau.Compare(i, leaving_row, z0_slot, /*rhs_only=*/false) > 0) leaving_row = i;
  }
  int entering = tableau.Complement(tableau.BasicAt(leaving_row));
  tableau.Pivot(leaving_row, z0_slot);
  ++result.pivots;

  const auto start = std::chrono::steady_clock::now();
  while (true) {
    if (options.time_limit_seconds > 0) {
      const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
      if (elapsed.count() > options.time_limit_seconds) {
        result.status = LemkeStatus::kLimitReached;
        return result;
      }
    }
    const int slot = tableau.SlotOf(entering);
    if (slot < 0) throw std::logic_error("Lemke: the entering variable is basic");
    // Double rounding can break the lexicographic rule's guarantee; a path this long is taken as
    // cycling and reported (the caller then solves exactly).
    if (!std::is_same_v<T, Rational> && result.pivots > kDoublePivotFactor * static_cast<std::int64_t>(n) + 1000) {
      result.status = LemkeStatus::kPivotLimit;
      return result;
    }
    int row = -1;
    for (int i = 0; i < n; ++i) {
      if (!tableau.Positive(tableau.At(i, slot))) continue;
      if (row < 0 || tableau.Compare(i, row, slot, /*rhs_only=*/false) < 0) row = i;
    }
    if (row < 0) {
      result.status = LemkeStatus::kSecondaryRay;
      return result;
    }
    // When z0 can leave at the same step (a tie on the rhs), let it: that ends the path.
    const int z0_row = tableau.RowOf(tableau.Artificial());
    if (z0_row >= 0 && z0_row != row && tableau.Positive(tableau.At(z0_row, slot)) &&
        tableau.Compare(z0_row, row, slot, /*rhs_only=*/true) == 0) {
      row = z0_row;
    }
    const int leaving = tableau.BasicAt(row);
    tableau.Pivot(row, slot);
    ++result.pivots;
    if (leaving == tableau.Artificial()) break;
    entering = tableau.Complement(leaving);
  }

  ReadSolution(tableau, n, rhs, &result);
  return result;
}

LemkeResult<Rational> SolveLcpAtBasis(const LinearComplementarityProblem<Rational>& problem,
                                      const std::vector<int>& basis, const LemkeOptions& options) {
  const int n = problem.size;
  const int rhs = CheckLcp(problem, options, /*sparse=*/true);
  LemkeResult<Rational> result;
  result.size = n;
  result.status = LemkeStatus::kBasisRejected;
  result.z.assign(static_cast<std::size_t>(rhs), std::vector<Rational>(static_cast<std::size_t>(n), Rational(0)));
  // A complementary basis without z0: one of w_i, z_i per i, n in all.
  std::vector<char> wanted(static_cast<std::size_t>(2 * n + 1), 0);
  for (const int var : basis) {
    if (var < 0 || var >= 2 * n || wanted[static_cast<std::size_t>(var)]) return result;
    wanted[static_cast<std::size_t>(var)] = 1;
  }
  for (int i = 0; i < n; ++i) {
    if (wanted[static_cast<std::size_t>(i)] == wanted[static_cast<std::size_t>(i + n)]) return result;
  }
  // With the nonbasic variables at 0, w = q + M z says: on the rows whose w_i is nonbasic,
  // M[R, Z] z_Z = -q_R over the basic z's (as many as those rows, by complementarity; the basis
  // is singular exactly when this square system is); the basic w's then follow.
  std::vector<int> unknown_of(static_cast<std::size_t>(n), -1);   // z_j basic -> its unknown
  std::vector<int> equation_of(static_cast<std::size_t>(n), -1);  // w_i nonbasic -> its equation
  int unknowns = 0;
  for (int j = 0; j < n; ++j) {
    if (wanted[static_cast<std::size_t>(n + j)]) unknown_of[static_cast<std::size_t>(j)] = unknowns++;
  }
  int equations = 0;
  for (int i = 0; i < n; ++i) {
    if (!wanted[static_cast<std::size_t>(i)]) equation_of[static_cast<std::size_t>(i)] = equations++;
  }
  std::vector<SparseRationalEntry> entries;
  for (const auto& e : problem.matrix) {
    const int equation = equation_of[static_cast<std::size_t>(e.row)];
    const int unknown = unknown_of[static_cast<std::size_t>(e.column)];
    if (equation >= 0 && unknown >= 0) entries.push_back({equation, unknown, e.value});
  }
  std::vector<std::vector<Rational>> values(static_cast<std::size_t>(rhs),
                                            std::vector<Rational>(static_cast<std::size_t>(unknowns)));
  for (int k = 0; k < rhs; ++k) {
    for (int i = 0; i < n; ++i) {
      const int equation = equation_of[static_cast<std::size_t>(i)];
      if (equation >= 0) values[static_cast<std::size_t>(k)][static_cast<std::size_t>(equation)] = -problem.rhs[static_cast<std::size_t>(k)][static_cast<std::size_t>(i)];
    }
  }
  const SparseSolveStatus solved =
      SolveSparseExact(unknowns, entries, &values, options.time_limit_seconds);
  if (solved == SparseSolveStatus::kLimitReached) {
    result.status = LemkeStatus::kLimitReached;
    return result;
  }
  if (solved == SparseSolveStatus::kSingular) return result;
  result.pivots = unknowns;
  for (int j = 0; j < n; ++j) {
    const int unknown = unknown_of[static_cast<std::size_t>(j)];
    if (unknown < 0) continue;
    for (int k = 0; k < rhs; ++k) {
      result.z[static_cast<std::size_t>(k)][static_cast<std::size_t>(j)] = values[static_cast<std::size_t>(k)][static_cast<std::size_t>(unknown)];
    }
  }
  // The basic w's: w_i = q_i + (M z)_i, each a polynomial in eps.
  std::vector<std::vector<Rational>> w(static_cast<std::size_t>(rhs));
  for (int k = 0; k < rhs; ++k) w[static_cast<std::size_t>(k)] = problem.rhs[static_cast<std::size_t>(k)];
  for (const auto& e : problem.matrix) {
    if (equation_of[static_cast<std::size_t>(e.row)] >= 0 || unknown_of[static_cast<std::size_t>(e.column)] < 0) continue;
    for (int k = 0; k < rhs; ++k) {
      w[static_cast<std::size_t>(k)][static_cast<std::size_t>(e.row)] +=
          e.value * result.z[static_cast<std::size_t>(k)][static_cast<std::size_t>(e.column)];
    }
  }
  // Feasible: every basic variable's value, a polynomial in eps, is non-negative for small eps.
  const auto lexicographically_negative = [rhs](const std::vector<std::vector<Rational>>& v, int index) {
    for (int k = 0; k < rhs; ++k) {
      const int sign = sgn(v[static_cast<std::size_t>(k)][static_cast<std::size_t>(index)]);
      if (sign != 0) return sign < 0;
    }
    return false;
  };
  for (int i = 0; i < n; ++i) {
    const bool negative = wanted[static_cast<std::size_t>(i)] ? lexicographically_negative(w, i)
                                                               : lexicographically_negative(result.z, i);
    if (negative) return result;
  }
  result.basis = basis;
  result.status = LemkeStatus::kSolved;
  return result;
}

LinearComplementarityProblem<double> ToDoubleProblem(const LinearComplementarityProblem<Rational>& problem) {
  LinearComplementarityProblem<double> out;
  out.size = problem.size;
  out.matrix.reserve(problem.matrix.size());
  for (const auto& e : problem.matrix) out.matrix.push_back({e.row, e.column, e.value.get_d()});
  for (const auto& q : problem.rhs) {
    out.rhs.emplace_back();
    for (const Rational& value : q) out.rhs.back().push_back(value.get_d());
  }
  for (const Rational& value : problem.covering) out.covering.push_back(value.get_d());
  return out;
}

template LemkeResult<double> SolveLcpLemke(const LinearComplementarityProblem<double>&, const LemkeOptions&);
template LemkeResult<Rational> SolveLcpLemke(const LinearComplementarityProblem<Rational>&,
                                             const LemkeOptions&);

}  // namespace ncpmi
