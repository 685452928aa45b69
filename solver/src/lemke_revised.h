// Lemke's algorithm in double arithmetic by the revised method: no tableau, a sparse LU
// factorization of the basis matrix (GLPK's) with the pivots since the last factorization kept as
// eta vectors (product form of the inverse). Each pivot costs one solve with the basis for the
// entering column, plus one per slack column the lexicographic ratio test needs to break a tie,
// instead of an update of the whole n x n tableau: on sequence-form LCPs of 2,000-4,000 rows this
// is what makes double Lemke fast. Same path, tie rule and statuses as the dense tableau.
#pragma once

#include "ncpmi/eq/lemke.h"

namespace ncpmi::detail {

// Bytes the revised method needs beyond the problem: the eta file between factorizations, the
// basic values and scratch vectors (the LU factors are counted as a multiple of M's entries).
std::uint64_t RevisedLemkeBytes(int n, int rhs_columns, std::size_t matrix_entries);

LemkeResult<double> SolveLcpLemkeRevised(const LinearComplementarityProblem<double>& problem,
                                         const LemkeOptions& options);

}  // namespace ncpmi::detail
