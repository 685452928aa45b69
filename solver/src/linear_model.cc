// Loading linear models into GLPK and rebuilding GLPK's basic solutions exactly with GMP.
#include "linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

#include "ncpmi/game/error.h"

namespace ncpmi::lp {
namespace {

// A coefficient or bound as GLPK gets it. A payoff or probability beyond the range of a double
// (e.g. 1e400) becomes inf here, which GLPK's scaling turns into an invalid scale factor and
// answers by aborting the process, and which a bound would silently drop; refuse it instead.
double Finite(double x) {
  if (!std::isfinite(x)) {
    throw UnsupportedError("the linear programme has a coefficient beyond the range of a double (a payoff or "
                           "probability of magnitude above 1.8e308, or a product of them): GLPK cannot take it");
  }
  return x;
}

double Lower(const Bound<double>& b) { return b.present ? Finite(b.value) : -kInfinity; }
double Upper(const Bound<double>& b) { return b.present ? Finite(b.value) : kInfinity; }

// One equation of a sparse square system: Σ coefficient[i]·x[column[i]] = rhs, columns ascending.
struct SparseEquation {
  std::vector<int> column;
  std::vector<Rational> coefficient;
  Rational rhs;

  const Rational* Find(int c) const {
    const auto it = std::lower_bound(column.begin(), column.end(), c);
    if (it == column.end() || *it != c) return nullptr;
    return &coefficient[static_cast<std::size_t>(it - column.begin())];
  }
};

// Solves n equations in n unknowns exactly: Gaussian elimination with a Markowitz-style pivot
// choice (the unknown in the fewest remaining equations, then the shortest equation), which keeps
// sequence-form bases sparse. Returns nullopt if the system is singular, or (*timed_out set) once
// the deadline passes. O(n²) pivot search plus the fill-in: about 10^4 unknowns is its practical
// limit.
std::optional<std::vector<Rational>> SolveSquareSystem(std::vector<SparseEquation> rows, int n,
                                                       const Deadline& deadline, bool* timed_out) {
  const auto size = static_cast<std::size_t>(n);
  std::vector<std::vector<int>> rows_of_column(size);  // may hold stale entries; checked on use
  std::vector<int> count(size, 0);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (int c : rows[r].column) {
      rows_of_column[static_cast<std::size_t>(c)].push_back(static_cast<int>(r));
      ++count[static_cast<std::size_t>(c)];
    }
  }
  std::vector<char> row_done(rows.size(), 0), column_done(size, 0);
  std::vector<int> pivot_row(size, -1), order;
  order.reserve(size);
  for (int step = 0; step < n; ++step) {
    if (deadline.Expired()) {
      *timed_out = true;
      return std::nullopt;
    }
    int c = -1;
    for (std::size_t j = 0; j < size; ++j) {
      if (column_done[j]) continue;
      if (count[j] == 0) return std::nullopt;  // an unknown no remaining equation determines
      if (c < 0 || count[j] < count[static_cast<std::size_t>(c)]) c = static_cast<int>(j);
    }
    const auto cc = static_cast<std::size_t>(c);
    std::vector<int> holders;
    for (int r : rows_of_column[cc]) {
      if (!row_done[static_cast<std::size_t>(r)] && rows[static_cast<std::size_t>(r)].Find(c)) {
        holders.push_back(r);
      }
    }
    std::sort(holders.begin(), holders.end());
    holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
    rows_of_column[cc].clear();
    if (holders.empty()) return std::nullopt;
    int pivot = holders[0];
    for (int r : holders) {
      if (rows[static_cast<std::size_t>(r)].column.size() <
          rows[static_cast<std::size_t>(pivot)].column.size()) {
        pivot = r;
      }
    }
    const SparseEquation& p = rows[static_cast<std::size_t>(pivot)];
    row_done[static_cast<std::size_t>(pivot)] = 1;
    column_done[cc] = 1;
    pivot_row[cc] = pivot;
    order.push_back(c);
    for (int j : p.column) --count[static_cast<std::size_t>(j)];
    const Rational pivot_value = *p.Find(c);
    for (int r : holders) {
      if (r == pivot) continue;
      SparseEquation& o = rows[static_cast<std::size_t>(r)];
      const Rational factor = *o.Find(c) / pivot_value;
      SparseEquation merged;
      merged.rhs = o.rhs - factor * p.rhs;
      std::size_t i = 0, k = 0;
      while (i < o.column.size() || k < p.column.size()) {
        int col;
        Rational value;
        bool was_in_o = false;
        if (k == p.column.size() || (i < o.column.size() && o.column[i] < p.column[k])) {
          col = o.column[i];
          value = o.coefficient[i++];
          was_in_o = true;
        } else if (i == o.column.size() || p.column[k] < o.column[i]) {
          col = p.column[k];
          value = -factor * p.coefficient[k++];
        } else {
          col = o.column[i];
          value = o.coefficient[i++] - factor * p.coefficient[k++];
          was_in_o = true;
        }
        const auto ccol = static_cast<std::size_t>(col);
        if (was_in_o) --count[ccol];
        if (col == c || sgn(value) == 0) continue;
        merged.column.push_back(col);
        merged.coefficient.push_back(std::move(value));
        ++count[ccol];
        if (!was_in_o) rows_of_column[ccol].push_back(r);
      }
      o = std::move(merged);
    }
  }
  std::vector<Rational> x(size);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const int c = *it;
    const SparseEquation& p = rows[static_cast<std::size_t>(pivot_row[static_cast<std::size_t>(c)])];
    Rational sum = p.rhs;
    Rational diagonal;
    for (std::size_t i = 0; i < p.column.size(); ++i) {
      if (p.column[i] == c) {
        diagonal = p.coefficient[i];
      } else {
        sum -= p.coefficient[i] * x[static_cast<std::size_t>(p.column[i])];
      }
    }
    x[static_cast<std::size_t>(c)] = sum / diagonal;
  }
  return x;
}

// Value of a nonbasic variable from its status and exact bounds; nullopt if inconsistent.
std::optional<Rational> NonbasicValue(BasisStatus status, const Bound<Rational>& lower,
                                      const Bound<Rational>& upper) {
  switch (status) {
    case BasisStatus::kAtLower:
      if (!lower.present) return std::nullopt;
      return lower.value;
    case BasisStatus::kAtUpper:
      if (!upper.present) return std::nullopt;
      return upper.value;
    case BasisStatus::kFixed:
      if (lower.present) return lower.value;
      if (upper.present) return upper.value;
      return std::nullopt;
    case BasisStatus::kFreeNonbasic:
      return Rational(0);
    case BasisStatus::kBasic:
      break;
  }
  return std::nullopt;
}

bool WithinBounds(const Rational& v, const Bound<Rational>& lower, const Bound<Rational>& upper) {
  return (!lower.present || v >= lower.value) && (!upper.present || v <= upper.value);
}

// x as a double, and whether that is exact (x an integer of at most 53 bits).
double IntegerToDouble(const mpz_class& x, bool* exact) {
  if (mpz_sizeinbase(x.get_mpz_t(), 2) > 53) *exact = false;
  return x.get_d();
}

void SetModelShape(GlpkProblem* problem, bool maximize, int rows, int columns,
                   const std::vector<char>& binary) {
  problem->Resize(rows, columns);
  problem->SetMaximize(maximize);
  for (int j = 0; j < columns; ++j) {
    if (binary[static_cast<std::size_t>(j)]) problem->SetBinary(j);
  }
}

}  // namespace

GlpkProblem ToGlpk(const LinearModel<double>& model) {
  GlpkProblem problem;
  SetModelShape(&problem, model.maximize, model.NumRows(), model.NumColumns(), model.binary);
  for (int i = 0; i < model.NumRows(); ++i) {
    const auto ii = static_cast<std::size_t>(i);
    problem.SetRowBounds(i, Lower(model.row_lower[ii]), Upper(model.row_upper[ii]));
  }
  for (int j = 0; j < model.NumColumns(); ++j) {
    const auto jj = static_cast<std::size_t>(j);
    if (!model.binary[jj]) {
      problem.SetColumnBounds(j, Lower(model.column_lower[jj]), Upper(model.column_upper[jj]));
    }
    problem.SetObjective(j, Finite(model.objective[jj]));
  }
  std::vector<MatrixEntry> entries;
  entries.reserve(model.entries.size());
  for (const auto& e : model.entries) entries.push_back({e.row, e.column, Finite(e.value)});
  problem.LoadMatrix(entries);
  return problem;
}

GlpkProblem ToGlpkScaled(const LinearModel<Rational>& model, bool* exact) {
  *exact = true;
  const auto rows = static_cast<std::size_t>(model.NumRows());
  // Least common multiple of the denominators in each row (entries and bounds).
  std::vector<mpz_class> scale(rows, mpz_class(1));
  auto include = [&](std::size_t row, const Rational& value) {
    mpz_lcm(scale[row].get_mpz_t(), scale[row].get_mpz_t(), value.get_den_mpz_t());
  };
  for (const auto& e : model.entries) include(static_cast<std::size_t>(e.row), e.value);
  for (std::size_t i = 0; i < rows; ++i) {
    if (model.row_lower[i].present) include(i, model.row_lower[i].value);
    if (model.row_upper[i].present) include(i, model.row_upper[i].value);
  }
  auto scaled = [&](std::size_t row, const Rational& value) {
    const mpz_class integer = value.get_num() * (scale[row] / value.get_den());
    return Finite(IntegerToDouble(integer, exact));
  };
  GlpkProblem problem;
  SetModelShape(&problem, model.maximize, model.NumRows(), model.NumColumns(), model.binary);
  for (std::size_t i = 0; i < rows; ++i) {
    const double lower = model.row_lower[i].present ? scaled(i, model.row_lower[i].value) : -kInfinity;
    const double upper = model.row_upper[i].present ? scaled(i, model.row_upper[i].value) : kInfinity;
    problem.SetRowBounds(static_cast<int>(i), lower, upper);
  }
  // The objective may be scaled as a whole (a positive factor keeps the optimum).
  mpz_class objective_scale(1);
  for (const Rational& c : model.objective) {
    mpz_lcm(objective_scale.get_mpz_t(), objective_scale.get_mpz_t(), c.get_den_mpz_t());
  }
  for (int j = 0; j < model.NumColumns(); ++j) {
    const auto jj = static_cast<std::size_t>(j);
    auto exact_double = [&](const Bound<Rational>& b, double none) {
      if (!b.present) return none;
      const double d = Finite(ToDouble(b.value));
      if (Rational(d) != b.value) *exact = false;
      return d;
    };
    if (!model.binary[jj]) {
      problem.SetColumnBounds(j, exact_double(model.column_lower[jj], -kInfinity),
                              exact_double(model.column_upper[jj], kInfinity));
    }
    const Rational& c = model.objective[jj];
    problem.SetObjective(j, Finite(IntegerToDouble(c.get_num() * (objective_scale / c.get_den()), exact)));
  }
  std::vector<MatrixEntry> entries;
  entries.reserve(model.entries.size());
  for (const auto& e : model.entries) {
    entries.push_back({e.row, e.column, scaled(static_cast<std::size_t>(e.row), e.value)});
  }
  problem.LoadMatrix(entries);
  return problem;
}

std::optional<std::vector<Rational>> ExactBasicSolution(const LinearModel<Rational>& model,
                                                        const GlpkProblem& problem,
                                                        const Deadline& deadline, bool* timed_out) {
  *timed_out = false;
  const int m = model.NumRows();
  const int n = model.NumColumns();
  std::vector<Rational> x(static_cast<std::size_t>(n));
  std::vector<int> unknown(static_cast<std::size_t>(n), -1);  // column -> unknown index
  int unknowns = 0;
  for (int j = 0; j < n; ++j) {
    const auto jj = static_cast<std::size_t>(j);
    const BasisStatus status = problem.ColumnStatus(j);
    if (status == BasisStatus::kBasic) {
      unknown[jj] = unknowns++;
      continue;
    }
    auto value = NonbasicValue(status, model.column_lower[jj], model.column_upper[jj]);
    if (!value) return std::nullopt;
    x[jj] = *value;
  }
  // Rows whose auxiliary variable is nonbasic give the equations; the others are definitions.
  std::vector<int> equation_of_row(static_cast<std::size_t>(m), -1);
  std::vector<SparseEquation> equations;
  for (int i = 0; i < m; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    const BasisStatus status = problem.RowStatus(i);
    if (status == BasisStatus::kBasic) continue;
    auto value = NonbasicValue(status, model.row_lower[ii], model.row_upper[ii]);
    if (!value) return std::nullopt;
    equation_of_row[ii] = static_cast<int>(equations.size());
    equations.emplace_back();
    equations.back().rhs = *value;
  }
  if (static_cast<int>(equations.size()) != unknowns) return std::nullopt;
  for (const auto& e : model.entries) {
    const int q = equation_of_row[static_cast<std::size_t>(e.row)];
    if (q < 0) continue;
    SparseEquation& eq = equations[static_cast<std::size_t>(q)];
    const int u = unknown[static_cast<std::size_t>(e.column)];
    if (u < 0) {
      eq.rhs -= e.value * x[static_cast<std::size_t>(e.column)];
    } else if (sgn(e.value) != 0) {
      eq.column.push_back(u);
      eq.coefficient.push_back(e.value);
    }
  }
  for (SparseEquation& eq : equations) {
    std::vector<std::size_t> order(eq.column.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return eq.column[a] < eq.column[b]; });
    SparseEquation sorted;
    sorted.rhs = eq.rhs;
    for (std::size_t i : order) {
      sorted.column.push_back(eq.column[i]);
      sorted.coefficient.push_back(eq.coefficient[i]);
    }
    eq = std::move(sorted);
  }
  auto solved = SolveSquareSystem(std::move(equations), unknowns, deadline, timed_out);
  if (!solved) return std::nullopt;
  for (int j = 0; j < n; ++j) {
    const auto jj = static_cast<std::size_t>(j);
    if (unknown[jj] >= 0) x[jj] = (*solved)[static_cast<std::size_t>(unknown[jj])];
    if (!WithinBounds(x[jj], model.column_lower[jj], model.column_upper[jj])) return std::nullopt;
  }
  std::vector<Rational> activity(static_cast<std::size_t>(m));
  for (const auto& e : model.entries) {
    activity[static_cast<std::size_t>(e.row)] += e.value * x[static_cast<std::size_t>(e.column)];
  }
  for (int i = 0; i < m; ++i) {
    const auto ii = static_cast<std::size_t>(i);
    if (!WithinBounds(activity[ii], model.row_lower[ii], model.row_upper[ii])) return std::nullopt;
  }
  return x;
}

Rational SimplestFractionNear(double x, double tolerance, long max_denominator) {
  if (!std::isfinite(x)) return Rational(0);
  const Rational target(x);  // exact value of the double
  // Continued fraction of target; convergents h/k.
  // Convergents h/k with the usual start h_{-1} = 1, h_{-2} = 0, k_{-1} = 0, k_{-2} = 1.
  mpz_class h(1), h_prev(0), k(0), k_prev(1);
  Rational rest = target;
  Rational best(0);
  for (int iteration = 0; iteration < 64; ++iteration) {
    mpz_class a;
    mpz_fdiv_q(a.get_mpz_t(), rest.get_num_mpz_t(), rest.get_den_mpz_t());
    const mpz_class h_next = a * h + h_prev;
    const mpz_class k_next = a * k + k_prev;
    if (k_next > max_denominator) break;
    h_prev = h;
    h = h_next;
    k_prev = k;
    k = k_next;
    best = Rational(h, k);
    best.canonicalize();
    Rational error = best - target;
    if (std::fabs(error.get_d()) <= tolerance) break;
    const Rational fraction = rest - Rational(a);
    if (sgn(fraction) == 0) break;
    rest = 1 / fraction;
  }
  return best;
}

std::string Describe(LpStatus status) {
  switch (status) {
    case LpStatus::kOptimal: return "optimal";
    case LpStatus::kInfeasible: return "infeasible";
    case LpStatus::kUnbounded: return "unbounded";
    case LpStatus::kNumericalFailure: return "numerical failure";
    case LpStatus::kLimitReached: return "time or iteration limit reached";
    case LpStatus::kMemoryLimit: return "memory limit reached by the branch-and-bound tree (--max-memory)";
  }
  return "unknown status";
}

}  // namespace ncpmi::lp
