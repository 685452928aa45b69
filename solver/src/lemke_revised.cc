// The revised method keeps, for the current basis B (one basic variable per position), only
// B's LU factors as of the last factorization, the eta vectors of the pivots since, and the basic
// values x_B = B^-1 q(eps). Variables are numbered as in the dense tableau: w_0..w_{n-1},
// z_0..z_{n-1}, z0; the equation is I w - M z - d z0 = q, so GLPK holds M (and d as one more
// column) and its basis matrix, built from (I | -A), has exactly these columns.
#include "lemke_revised.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <vector>

#include "ncpmi/lp/glpk_problem.h"

namespace ncpmi::detail {
namespace {

// As in the dense tableau: products in the ratio test closer than this (relative, floor 1) are
// equal, and column entries below it are not positive; a path longer than 50 n + 1000 pivots is
// taken for cycling.
constexpr double kRatioTolerance = 1e-9;
constexpr double kPivotTolerance = 1e-9;
constexpr std::int64_t kDoublePivotFactor = 50;
// Pivots between factorizations. Each eta vector costs a pass in every later solve, a
// factorization costs a few solves' worth on sequence-form bases; 64 keeps the etas' share of a
// solve small and the basic values' drift negligible (they are recomputed at each factorization).
constexpr std::size_t kRefactorInterval = 64;

// B_new^-1 = E^-1 B_old^-1 where E is the identity with column `position` replaced by the entering
// column alpha; only alpha's nonzeros off the position are stored.
struct Eta {
  int position = 0;
  double pivot = 0.0;
  std::vector<int> index;
  std::vector<double> value;
};

int CompareProducts(double x, double y, double u, double v) {
  const double left = x * y;
  const double right = u * v;
  const double scale = std::max({std::fabs(left), std::fabs(right), 1.0});
  if (std::fabs(left - right) <= kRatioTolerance * scale) return 0;
  return left < right ? -1 : 1;
}

class RevisedLemke {
 public:
  explicit RevisedLemke(const LinearComplementarityProblem<double>& problem)
      : n_(problem.size),
        rhs_(static_cast<int>(problem.rhs.size())),
        columns_(static_cast<std::size_t>(problem.size + 1)),
        q_(problem.rhs),
        basic_(static_cast<std::size_t>(problem.size)),
        position_of_(static_cast<std::size_t>(2 * problem.size + 1), -1) {
    // M by columns, entries at the same place added (GLPK wants each place once).
    std::vector<std::vector<std::pair<int, double>>> by_column(static_cast<std::size_t>(n_));
    for (const auto& e : problem.matrix) by_column[static_cast<std::size_t>(e.column)].push_back({e.row, e.value});
    std::vector<lp::MatrixEntry> entries;
    for (int j = 0; j < n_; ++j) {
      auto& column = by_column[static_cast<std::size_t>(j)];
      std::sort(column.begin(), column.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      auto& merged = columns_[static_cast<std::size_t>(j)];
      for (const auto& [row, value] : column) {
        if (!merged.empty() && merged.back().first == row) {
          merged.back().second += value;
        } else {
          merged.push_back({row, value});
        }
      }
      merged.erase(std::remove_if(merged.begin(), merged.end(), [](const auto& e) { return e.second == 0.0; }),
                   merged.end());
      for (const auto& [row, value] : merged) entries.push_back({row, j, value});
    }
    auto& covering = columns_[static_cast<std::size_t>(n_)];
    for (int i = 0; i < n_; ++i) {
      covering.push_back({i, problem.covering[static_cast<std::size_t>(i)]});
      entries.push_back({i, n_, problem.covering[static_cast<std::size_t>(i)]});
    }
    glpk_.Resize(n_, n_ + 1);
    glpk_.LoadMatrix(entries);
    for (int i = 0; i < n_; ++i) {
      basic_[static_cast<std::size_t>(i)] = i;
      position_of_[static_cast<std::size_t>(i)] = i;
    }
    values_.assign(static_cast<std::size_t>(rhs_), std::vector<double>(static_cast<std::size_t>(n_), 0.0));
  }

  int Artificial() const { return 2 * n_; }
  int Complement(int var) const { return var < n_ ? var + n_ : var - n_; }
  int BasicAt(int position) const { return basic_[static_cast<std::size_t>(position)]; }
  int PositionOf(int var) const { return position_of_[static_cast<std::size_t>(var)]; }
  double Value(int k, int position) const {
    return values_[static_cast<std::size_t>(k)][static_cast<std::size_t>(position)];
  }

  // Factorizes the current basis afresh (positions then follow GLPK's order), drops the etas and
  // recomputes the basic values. False when the basis matrix is numerically singular.
  bool Refactor() {
    if (!glpk_.FactorizeBasis(basic_)) return false;
    for (int k = 0; k < n_; ++k) {
      const int var = glpk_.BasisHead(k);
      basic_[static_cast<std::size_t>(k)] = var;
      position_of_[static_cast<std::size_t>(var)] = k;
    }
    etas_.clear();
    for (int k = 0; k < rhs_; ++k) {
      std::vector<double>& x = values_[static_cast<std::size_t>(k)];
      x = q_[static_cast<std::size_t>(k)];
      glpk_.SolveWithBasis(&x);
    }
    return true;
  }

  // b := B^-1 b.
  void Solve(std::vector<double>* b) const {
    glpk_.SolveWithBasis(b);
    std::vector<double>& y = *b;
    for (const Eta& eta : etas_) {
      const double at = y[static_cast<std::size_t>(eta.position)] / eta.pivot;
      if (at == 0.0) continue;
      for (std::size_t t = 0; t < eta.index.size(); ++t) y[static_cast<std::size_t>(eta.index[t])] -= eta.value[t] * at;
      y[static_cast<std::size_t>(eta.position)] = at;
    }
  }

  // B^-1 times the column of `var` in (I | -M | -d).
  void EnteringColumn(int var, std::vector<double>* out) const {
    out->assign(static_cast<std::size_t>(n_), 0.0);
    if (var < n_) {
      (*out)[static_cast<std::size_t>(var)] = 1.0;
    } else {
      for (const auto& [row, value] : columns_[static_cast<std::size_t>(var - n_)]) {
        (*out)[static_cast<std::size_t>(row)] = -value;
      }
    }
    Solve(out);
  }

  // The position whose variable leaves when the variable with column alpha (= B^-1 a) enters: the
  // lexicographically smallest ratio (x_B(eps), B^-1) / alpha over positions with alpha > 0, or,
  // for z0's first step (want_largest, every alpha negative), the largest. -1: no position
  // qualifies (a secondary ray). Slack columns of B^-1 are computed only while a tie remains.
  int ChooseLeaving(const std::vector<double>& alpha, bool want_largest) {
    candidates_.clear();
    for (int p = 0; p < n_; ++p) {
      if (want_largest || alpha[static_cast<std::size_t>(p)] > kPivotTolerance) candidates_.push_back(p);
    }
    if (candidates_.empty()) return -1;
    const auto better = [want_largest](int c) { return want_largest ? c > 0 : c < 0; };
    const auto compare_rhs = [&](int a, int b) {
      for (int k = 0; k < rhs_; ++k) {
        const int c = CompareProducts(Value(k, a), alpha[static_cast<std::size_t>(b)], Value(k, b),
                                      alpha[static_cast<std::size_t>(a)]);
        if (c != 0) return c;
      }
      return 0;
    };
    int best = candidates_.front();
    for (const int p : candidates_) {
      if (better(compare_rhs(p, best))) best = p;
    }
    tied_.clear();
    for (const int p : candidates_) {
      if (p == best || compare_rhs(p, best) == 0) tied_.push_back(p);
    }
    // When z0 can leave at the same step (a tie on the rhs), let it: that ends the path.
    const int z0_position = PositionOf(Artificial());
    if (!want_largest && z0_position >= 0 &&
        std::find(tied_.begin(), tied_.end(), z0_position) != tied_.end()) {
      return z0_position;
    }
    if (tied_.size() == 1) return tied_.front();
    // The tie is broken on the rows of B^-1 (the slack columns of the tableau, in order), one
    // transposed solve per tied position: far fewer than the columns it may take to break it.
    rows_.resize(tied_.size());
    for (std::size_t t = 0; t < tied_.size(); ++t) RowOfInverse(tied_[t], &rows_[t]);
    std::vector<std::size_t> live(tied_.size());
    for (std::size_t t = 0; t < live.size(); ++t) live[t] = t;
    for (int j = 0; j < n_ && live.size() > 1; ++j) {
      const auto compare_key = [&](std::size_t a, std::size_t b) {
        const int pa = tied_[a];
        const int pb = tied_[b];
        return CompareProducts(rows_[a][static_cast<std::size_t>(j)], alpha[static_cast<std::size_t>(pb)],
                               rows_[b][static_cast<std::size_t>(j)], alpha[static_cast<std::size_t>(pa)]);
      };
      std::size_t key_best = live.front();
      for (const std::size_t t : live) {
        if (better(compare_key(t, key_best))) key_best = t;
      }
      std::vector<std::size_t> kept;
      for (const std::size_t t : live) {
        if (t == key_best || compare_key(t, key_best) == 0) kept.push_back(t);
      }
      live.swap(kept);
    }
    return tied_[live.front()];
  }

  // Row `position` of B^-1: e_p' E_k^-1 ... E_1^-1 B_0^-1, the etas' transposes applied last
  // first (each changes only its own position's entry), then a transposed solve with B_0.
  void RowOfInverse(int position, std::vector<double>* out) const {
    out->assign(static_cast<std::size_t>(n_), 0.0);
    std::vector<double>& u = *out;
    u[static_cast<std::size_t>(position)] = 1.0;
    for (auto eta = etas_.rbegin(); eta != etas_.rend(); ++eta) {
      double sum = u[static_cast<std::size_t>(eta->position)];
      for (std::size_t t = 0; t < eta->index.size(); ++t) sum -= u[static_cast<std::size_t>(eta->index[t])] * eta->value[t];
      u[static_cast<std::size_t>(eta->position)] = sum / eta->pivot;
    }
    glpk_.SolveWithBasisTransposed(out);
  }

  // Exchanges the variable at `position` for `entering`, whose B^-1 column is alpha. False when a
  // due factorization finds the basis singular.
  bool Pivot(int position, int entering, const std::vector<double>& alpha) {
    const double pivot = alpha[static_cast<std::size_t>(position)];
    for (int k = 0; k < rhs_; ++k) {
      std::vector<double>& x = values_[static_cast<std::size_t>(k)];
      const double theta = x[static_cast<std::size_t>(position)] / pivot;
      if (theta != 0.0) {
        for (int i = 0; i < n_; ++i) x[static_cast<std::size_t>(i)] -= theta * alpha[static_cast<std::size_t>(i)];
      }
      x[static_cast<std::size_t>(position)] = theta;
    }
    Eta eta;
    eta.position = position;
    eta.pivot = pivot;
    for (int i = 0; i < n_; ++i) {
      const double a = alpha[static_cast<std::size_t>(i)];
      if (i != position && a != 0.0) {
        eta.index.push_back(i);
        eta.value.push_back(a);
      }
    }
    etas_.push_back(std::move(eta));
    const int leaving = basic_[static_cast<std::size_t>(position)];
    position_of_[static_cast<std::size_t>(leaving)] = -1;
    basic_[static_cast<std::size_t>(position)] = entering;
    position_of_[static_cast<std::size_t>(entering)] = position;
    return etas_.size() < kRefactorInterval || Refactor();
  }

 private:
  int n_;
  int rhs_;
  lp::GlpkProblem glpk_;
  std::vector<std::vector<std::pair<int, double>>> columns_;  // M's columns, then d
  std::vector<std::vector<double>> q_;
  std::vector<int> basic_;        // per position: variable
  std::vector<int> position_of_;  // per variable: position, or -1
  std::vector<Eta> etas_;
  std::vector<std::vector<double>> values_;  // per rhs column, per position: the basic value
  std::vector<int> candidates_, tied_;        // scratch of the ratio test
  std::vector<std::vector<double>> rows_;  // scratch: rows of B^-1 of the tied positions
};

}  // namespace

std::uint64_t RevisedLemkeBytes(int n, int rhs_columns, std::size_t matrix_entries) {
  const auto rows = static_cast<std::uint64_t>(n);
  // Eta vectors at most dense (index + value), basic values, scratch; the LU factors and GLPK's
  // copy of the matrix as 64 bytes per entry of M plus a dense row's worth per row for fill.
  const std::uint64_t etas = kRefactorInterval * rows * 12;
  const std::uint64_t vectors = (static_cast<std::uint64_t>(rhs_columns) + 8) * rows * sizeof(double);
  const std::uint64_t factors = 64 * (static_cast<std::uint64_t>(matrix_entries) + 2 * rows) + rows * 256;
  return etas + vectors + factors;
}

LemkeResult<double> SolveLcpLemkeRevised(const LinearComplementarityProblem<double>& problem,
                                         const LemkeOptions& options) {
  const int n = problem.size;
  const int rhs = static_cast<int>(problem.rhs.size());
  LemkeResult<double> result;
  result.size = n;
  result.z.assign(static_cast<std::size_t>(rhs), std::vector<double>(static_cast<std::size_t>(n), 0.0));
  result.basis.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) result.basis[static_cast<std::size_t>(i)] = i;

  // z = 0 solves the problem when q(eps) is lexicographically non-negative in every row.
  bool trivial = true;
  for (int i = 0; i < n && trivial; ++i) {
    for (int k = 0; k < rhs; ++k) {
      const double value = problem.rhs[static_cast<std::size_t>(k)][static_cast<std::size_t>(i)];
      if (value == 0.0) continue;
      trivial = value > 0.0;
      break;
    }
  }
  if (trivial) {
    result.status = LemkeStatus::kSolved;
    return result;
  }

  RevisedLemke lemke(problem);
  std::vector<double> alpha;
  const auto singular = [&result] {
    result.status = LemkeStatus::kSingularBasis;
    return result;
  };
  if (!lemke.Refactor()) return singular();  // the identity: cannot fail
  lemke.EnteringColumn(lemke.Artificial(), &alpha);
  const int first = lemke.ChooseLeaving(alpha, /*want_largest=*/true);
  int entering = lemke.Complement(lemke.BasicAt(first));
  if (!lemke.Pivot(first, lemke.Artificial(), alpha)) return singular();
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
    if (result.pivots > kDoublePivotFactor * static_cast<std::int64_t>(n) + 1000) {
      result.status = LemkeStatus::kPivotLimit;
      return result;
    }
    lemke.EnteringColumn(entering, &alpha);
    const int position = lemke.ChooseLeaving(alpha, /*want_largest=*/false);
    if (position < 0) {
      result.status = LemkeStatus::kSecondaryRay;
      return result;
    }
    const int leaving = lemke.BasicAt(position);
    if (!lemke.Pivot(position, entering, alpha)) return singular();
    ++result.pivots;
    if (leaving == lemke.Artificial()) break;
    entering = lemke.Complement(leaving);
  }

  // The basic values afresh from a new factorization, free of the etas' rounding.
  if (!lemke.Refactor()) return singular();
  for (int p = 0; p < n; ++p) {
    const int var = lemke.BasicAt(p);
    result.basis[static_cast<std::size_t>(p)] = var;
    if (var < n || var == lemke.Artificial()) continue;
    for (int k = 0; k < rhs; ++k) {
      result.z[static_cast<std::size_t>(k)][static_cast<std::size_t>(var - n)] = lemke.Value(k, p);
    }
  }
  result.status = LemkeStatus::kSolved;
  return result;
}

}  // namespace ncpmi::detail
