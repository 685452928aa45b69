// The exact sparse solver behind Lemke's crossover: random systems with a known solution, several
// right-hand sides, duplicate entries, and singular matrices.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "ncpmi/eq/sparse_exact_solve.h"

namespace ncpmi {
namespace {

Rational Fraction(int numerator, int denominator) { return MakeRational(numerator, denominator); }

// A x for A given by its entries.
std::vector<Rational> Multiply(int size, const std::vector<SparseRationalEntry>& a, const std::vector<Rational>& x) {
  std::vector<Rational> out(static_cast<std::size_t>(size));
  for (const auto& e : a) out[static_cast<std::size_t>(e.row)] += e.value * x[static_cast<std::size_t>(e.column)];
  return out;
}

// A random sparse matrix that is nonsingular: a strictly diagonally dominant one (so nonsingular)
// whose rows and columns are then shuffled, so that the diagonal is no hint to the pivot order.
std::vector<SparseRationalEntry> RandomNonsingular(int size, std::mt19937_64& rng) {
  std::uniform_int_distribution<int> numerator(-9, 9);
  std::uniform_int_distribution<int> denominator(1, 5);
  std::uniform_int_distribution<int> column(0, size - 1);
  std::vector<std::vector<Rational>> dense(static_cast<std::size_t>(size), std::vector<Rational>(static_cast<std::size_t>(size)));
  for (int i = 0; i < size; ++i) {
    for (int k = 0; k < 3; ++k) {
      const int j = column(rng);
      if (j != i) dense[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = Fraction(numerator(rng), denominator(rng));
    }
    Rational off(0);
    for (int j = 0; j < size; ++j) off += abs(dense[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
    dense[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)] = off + Fraction(1, denominator(rng));
  }
  std::vector<int> row_order(static_cast<std::size_t>(size)), column_order(static_cast<std::size_t>(size));
  std::iota(row_order.begin(), row_order.end(), 0);
  std::iota(column_order.begin(), column_order.end(), 0);
  std::shuffle(row_order.begin(), row_order.end(), rng);
  std::shuffle(column_order.begin(), column_order.end(), rng);
  std::vector<SparseRationalEntry> entries;
  for (int i = 0; i < size; ++i) {
    for (int j = 0; j < size; ++j) {
      const Rational& v = dense[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
      if (sgn(v) != 0) entries.push_back({row_order[static_cast<std::size_t>(i)], column_order[static_cast<std::size_t>(j)], v});
    }
  }
  return entries;
}

TEST_CASE("the sparse exact solver recovers a known solution of random nonsingular systems", "[sparse]") {
  const int seed = GENERATE(range(1, 21));
  std::mt19937_64 rng(static_cast<std::uint64_t>(seed));
  const int size = 5 + seed * 7;
  const auto a = RandomNonsingular(size, rng);
  std::uniform_int_distribution<int> numerator(-20, 20);
  std::uniform_int_distribution<int> denominator(1, 7);
  // Two right-hand sides, from two known solutions.
  std::vector<std::vector<Rational>> x(2, std::vector<Rational>(static_cast<std::size_t>(size)));
  for (auto& column : x) {
    for (Rational& v : column) v = Fraction(numerator(rng), denominator(rng));
  }
  std::vector<std::vector<Rational>> b{Multiply(size, a, x[0]), Multiply(size, a, x[1])};
  REQUIRE(SolveSparseExact(size, a, &b, 0) == SparseSolveStatus::kSolved);
  CHECK(b == x);
}

TEST_CASE("entries at the same place are added before the sparse exact solve", "[sparse]") {
  // [[1/2 + 1/2, 2], [0, 3]] x = (5, 6): x = (1, 2).
  const std::vector<SparseRationalEntry> a{{0, 0, Rational(1, 2)}, {0, 1, Rational(2)}, {0, 0, Rational(1, 2)}, {1, 1, Rational(3)}};
  std::vector<std::vector<Rational>> b{{Rational(5), Rational(6)}};
  REQUIRE(SolveSparseExact(2, a, &b, 0) == SparseSolveStatus::kSolved);
  CHECK(b[0] == std::vector<Rational>{Rational(1), Rational(2)});
}

TEST_CASE("the sparse exact solver reports singular matrices", "[sparse]") {
  std::vector<std::vector<Rational>> b{{Rational(1), Rational(1), Rational(1)}};
  SECTION("two proportional rows") {
    const std::vector<SparseRationalEntry> a{{0, 0, Rational(1)}, {0, 1, Rational(2)}, {1, 0, Rational(-2)},
                                             {1, 1, Rational(-4)}, {2, 2, Rational(1)}};
    CHECK(SolveSparseExact(3, a, &b, 0) == SparseSolveStatus::kSingular);
  }
  SECTION("an empty column") {
    const std::vector<SparseRationalEntry> a{{0, 0, Rational(1)}, {1, 0, Rational(1)}, {2, 2, Rational(1)}};
    CHECK(SolveSparseExact(3, a, &b, 0) == SparseSolveStatus::kSingular);
  }
  SECTION("entries that cancel to zero") {
    const std::vector<SparseRationalEntry> a{{0, 0, Rational(1)}, {1, 1, Rational(1)}, {2, 2, Rational(1)},
                                             {2, 2, Rational(-1)}};
    CHECK(SolveSparseExact(3, a, &b, 0) == SparseSolveStatus::kSingular);
  }
  SECTION("a dependency that appears only after elimination") {
    // Row 2 = row 0 + row 1, with no two rows alike.
    const std::vector<SparseRationalEntry> a{{0, 0, Rational(1)}, {0, 1, Rational(3)}, {1, 1, Rational(1)},
                                             {1, 2, Rational(5)}, {2, 0, Rational(1)}, {2, 1, Rational(4)},
                                             {2, 2, Rational(5)}};
    CHECK(SolveSparseExact(3, a, &b, 0) == SparseSolveStatus::kSingular);
  }
}

}  // namespace
}  // namespace ncpmi
