// Right-looking elimination on rows kept as sorted sparse vectors. Each step takes the active
// column with the fewest nonzeros and, in it, the active row with the fewest; every other active
// row with that column is reduced by the pivot row. A pivot row keeps only its own column and
// columns pivoted later, so back substitution in reverse step order finds every value it needs.
#include "ncpmi/eq/sparse_exact_solve.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <limits>

namespace ncpmi {
namespace {

struct SparseRow {
  std::vector<int> column;  // ascending
  std::vector<Rational> value;

  // Index of `c` in column, or -1.
  int Find(int c) const {
    const auto at = std::lower_bound(column.begin(), column.end(), c);
    return at != column.end() && *at == c ? static_cast<int>(at - column.begin()) : -1;
  }
};

class Elimination {
 public:
  Elimination(int size, const std::vector<SparseRationalEntry>& entries)
      : size_(size),
        rows_(static_cast<std::size_t>(size)),
        rows_of_column_(static_cast<std::size_t>(size)),
        count_(static_cast<std::size_t>(size), 0),
        row_done_(static_cast<std::size_t>(size), 0),
        column_done_(static_cast<std::size_t>(size), 0) {
    std::vector<const SparseRationalEntry*> sorted;
    sorted.reserve(entries.size());
    for (const auto& e : entries) sorted.push_back(&e);
    std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) {
      return a->row != b->row ? a->row < b->row : a->column < b->column;
    });
    for (const auto* e : sorted) {
      SparseRow& row = rows_[static_cast<std::size_t>(e->row)];
      if (!row.column.empty() && row.column.back() == e->column) {
        row.value.back() += e->value;
      } else {
        row.column.push_back(e->column);
        row.value.push_back(e->value);
      }
    }
    for (int r = 0; r < size_; ++r) {
      SparseRow& row = rows_[static_cast<std::size_t>(r)];
      DropZeros(&row);
      for (const int c : row.column) {
        rows_of_column_[static_cast<std::size_t>(c)].push_back(r);
        ++count_[static_cast<std::size_t>(c)];
      }
    }
  }

  // One elimination step; false when the matrix is singular.
  bool Step(std::vector<std::vector<Rational>>* rhs) {
    int pivot_column = -1;
    for (int c = 0; c < size_; ++c) {
      if (column_done_[static_cast<std::size_t>(c)]) continue;
      if (pivot_column < 0 || count_[static_cast<std::size_t>(c)] < count_[static_cast<std::size_t>(pivot_column)]) {
        pivot_column = c;
      }
    }
    if (pivot_column < 0 || count_[static_cast<std::size_t>(pivot_column)] == 0) return false;
    // The column's active rows (its list may hold rows that left or lost the entry since).
    std::vector<int> holders;
    for (const int r : rows_of_column_[static_cast<std::size_t>(pivot_column)]) {
      if (!row_done_[static_cast<std::size_t>(r)] && rows_[static_cast<std::size_t>(r)].Find(pivot_column) >= 0) {
        holders.push_back(r);
      }
    }
    std::sort(holders.begin(), holders.end());
    holders.erase(std::unique(holders.begin(), holders.end()), holders.end());
    int pivot_row = holders.front();
    for (const int r : holders) {
      if (rows_[static_cast<std::size_t>(r)].column.size() < rows_[static_cast<std::size_t>(pivot_row)].column.size()) {
        pivot_row = r;
      }
    }
    const SparseRow& pivot = rows_[static_cast<std::size_t>(pivot_row)];
    const Rational& pivot_value = pivot.value[static_cast<std::size_t>(pivot.Find(pivot_column))];
    for (const int r : holders) {
      if (r == pivot_row) continue;
      SparseRow& row = rows_[static_cast<std::size_t>(r)];
      const Rational factor = row.value[static_cast<std::size_t>(row.Find(pivot_column))] / pivot_value;
      Reduce(r, factor, pivot);
      for (auto& b : *rhs) b[static_cast<std::size_t>(r)] -= factor * b[static_cast<std::size_t>(pivot_row)];
    }
    row_done_[static_cast<std::size_t>(pivot_row)] = 1;
    column_done_[static_cast<std::size_t>(pivot_column)] = 1;
    for (const int c : pivot.column) --count_[static_cast<std::size_t>(c)];
    order_.push_back({pivot_row, pivot_column});
    return true;
  }

  // X from the eliminated system, in reverse step order.
  void BackSubstitute(std::vector<std::vector<Rational>>* rhs) const {
    for (auto& b : *rhs) {
      std::vector<Rational> x(static_cast<std::size_t>(size_));
      for (auto step = order_.rbegin(); step != order_.rend(); ++step) {
        const SparseRow& row = rows_[static_cast<std::size_t>(step->first)];
        Rational sum = b[static_cast<std::size_t>(step->first)];
        Rational diagonal;
        for (std::size_t t = 0; t < row.column.size(); ++t) {
          if (row.column[t] == step->second) {
            diagonal = row.value[t];
          } else {
            sum -= row.value[t] * x[static_cast<std::size_t>(row.column[t])];
          }
        }
        x[static_cast<std::size_t>(step->second)] = sum / diagonal;
      }
      b.swap(x);
    }
  }

 private:
  static void DropZeros(SparseRow* row) {
    std::size_t kept = 0;
    for (std::size_t t = 0; t < row->column.size(); ++t) {
      if (sgn(row->value[t]) == 0) continue;
      if (kept != t) {
        row->column[kept] = row->column[t];
        row->value[kept].swap(row->value[t]);
      }
      ++kept;
    }
    row->column.resize(kept);
    row->value.resize(kept);
  }

  // rows_[r] -= factor * pivot, merging the sorted columns; keeps the column lists and counts.
  void Reduce(int r, const Rational& factor, const SparseRow& pivot) {
    SparseRow& row = rows_[static_cast<std::size_t>(r)];
    SparseRow merged;
    merged.column.reserve(row.column.size() + pivot.column.size());
    merged.value.reserve(row.column.size() + pivot.column.size());
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < row.column.size() || b < pivot.column.size()) {
      const int ca = a < row.column.size() ? row.column[a] : std::numeric_limits<int>::max();
      const int cb = b < pivot.column.size() ? pivot.column[b] : std::numeric_limits<int>::max();
      if (ca < cb) {
        merged.column.push_back(ca);
        merged.value.push_back(std::move(row.value[a]));
        ++a;
      } else if (cb < ca) {
        // Fill-in: the row gains column cb.
        merged.column.push_back(cb);
        merged.value.push_back(-factor * pivot.value[b]);
        rows_of_column_[static_cast<std::size_t>(cb)].push_back(r);
        ++count_[static_cast<std::size_t>(cb)];
        ++b;
      } else {
        Rational value = row.value[a] - factor * pivot.value[b];
        if (sgn(value) != 0) {
          merged.column.push_back(ca);
          merged.value.push_back(std::move(value));
        } else {
          --count_[static_cast<std::size_t>(ca)];  // cancelled (the pivot column always is)
        }
        ++a;
        ++b;
      }
    }
    row = std::move(merged);
  }

  int size_;
  std::vector<SparseRow> rows_;
  std::vector<std::vector<int>> rows_of_column_;
  std::vector<int> count_;  // per column: its nonzeros in active rows
  std::vector<char> row_done_, column_done_;
  std::vector<std::pair<int, int>> order_;  // (pivot row, pivot column) per step
};

}  // namespace

SparseSolveStatus SolveSparseExact(int size, const std::vector<SparseRationalEntry>& entries,
                                   std::vector<std::vector<Rational>>* rhs, double time_limit_seconds) {
  Elimination elimination(size, entries);
  const auto start = std::chrono::steady_clock::now();
  for (int step = 0; step < size; ++step) {
    if (time_limit_seconds > 0 && step % 64 == 0 &&
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > time_limit_seconds) {
      return SparseSolveStatus::kLimitReached;
    }
    if (!elimination.Step(rhs)) return SparseSolveStatus::kSingular;
  }
  elimination.BackSubstitute(rhs);
  return SparseSolveStatus::kSolved;
}

}  // namespace ncpmi
