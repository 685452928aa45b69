// Small statistics for sampled explorations of a parameter box: the Wilson score interval of a
// share and Spearman's rank correlation (average ranks for ties).
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace ncpmi::sweep {

// The 95% Wilson score interval {low, high} of the share `successes / trials` (z = 1.959964).
// Chosen over the normal (Wald) interval because the shares of interest sit near 0 or 1, where
// Wald's interval collapses to a point or leaves [0, 1]. trials > 0. O(1).
std::pair<double, double> WilsonInterval(std::int64_t successes, std::int64_t trials);

// Ranks 1..n of `values`, ties given the mean of the ranks they span. O(n log n).
std::vector<double> AverageRanks(const std::vector<double>& values);

// Spearman's rank correlation of x and y (Pearson's correlation of their average ranks);
// nullopt when either is constant (or n < 2). x.size() == y.size(). O(n log n).
std::optional<double> SpearmanCorrelation(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace ncpmi::sweep
