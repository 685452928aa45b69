// Exact solution of a square sparse linear system over the rationals by Gaussian elimination with
// a Markowitz-style pivot order (the column with the fewest nonzeros, then its shortest row), so
// that the sparse systems of sequence-form bases fill in little. Exact arithmetic needs no
// threshold: any nonzero pivot is as good as any other for correctness.
#pragma once

#include <vector>

#include "ncpmi/game/rational.h"

namespace ncpmi {

struct SparseRationalEntry {
  int row = 0;
  int column = 0;
  Rational value;
};

enum class SparseSolveStatus { kSolved, kSingular, kLimitReached };

// Solves A X = B for X, A size x size given by its nonzeros (entries at the same place are
// added), B and X as `rhs` columns of length `size` (overwritten with X). kSingular when A is
// singular; kLimitReached when `time_limit_seconds` (0: none) passed, checked between steps.
SparseSolveStatus SolveSparseExact(int size, const std::vector<SparseRationalEntry>& entries,
                                   std::vector<std::vector<Rational>>* rhs, double time_limit_seconds);

}  // namespace ncpmi
