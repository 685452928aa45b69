// Quine–McCluskey and consistency/coverage on hand-checked Boolean functions and tables.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "ncpmi/models/qca.h"

namespace ncpmi::models::qca {
namespace {

Rational R(long num, long den = 1) { return MakeRational(num, den); }

std::vector<std::string> Format(const std::vector<Term>& terms, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const Term& t : terms) out.push_back(FormatTerm(t, names));
  return out;
}

std::vector<std::string> Covers(const std::vector<Term>& primes, const std::vector<std::uint32_t>& on,
                                const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& cover : MinimalCovers(primes, on)) {
    std::vector<std::string> terms;  // sorted, so expectations do not depend on the prime order
    for (int i : cover) terms.push_back(FormatTerm(primes[static_cast<std::size_t>(i)], names));
    std::sort(terms.begin(), terms.end());
    std::string sum;
    for (const std::string& t : terms) sum += (sum.empty() ? "" : " + ") + t;
    out.push_back(sum);
  }
  return out;
}

// Condition k is bit k; with names {C, B, A} the classic minterm numbering (A the high bit) holds.
const std::vector<std::string> kCba{"C", "B", "A"};
const std::vector<std::string> kDcba{"D", "C", "B", "A"};

TEST_CASE("Quine-McCluskey finds the single term of a full conjunction", "[qca]") {
  const std::vector<std::string> names{"N", "C", "P", "M", "I"};
  const std::vector<Term> primes = PrimeImplicants(5, {31});
  CHECK(Format(primes, names) == std::vector<std::string>{"N*C*P*M*I"});
  CHECK(Covers(primes, {31}, names) == std::vector<std::string>{"N*C*P*M*I"});
}

TEST_CASE("Quine-McCluskey merges a condition that does not matter", "[qca]") {
  // f(A,B,C) = m(6, 7) = A*B; m(4,5,6,7) = A.
  CHECK(Format(PrimeImplicants(3, {6, 7}), kCba) == std::vector<std::string>{"B*A"});
  CHECK(Format(PrimeImplicants(3, {4, 5, 6, 7}), kCba) == std::vector<std::string>{"A"});
  CHECK(Format(PrimeImplicants(3, {0, 1, 2, 3, 4, 5, 6, 7}), kCba) == std::vector<std::string>{"1"});
  CHECK(FormatSum({}, kCba) == "0");
  CHECK(MinimalCovers({}, {}) == std::vector<std::vector<int>>{{}});
}

TEST_CASE("Quine-McCluskey on the cyclic function m(0,1,2,5,6,7) gives six primes and two minimal covers",
          "[qca]") {
  // Hand check: primes A'B', A'C', B'C, BC', AC, AB (each covers two minterms); no prime is
  // essential; the minimal covers have three terms: A'B' + BC' + AC and A'C' + B'C + AB.
  const std::vector<Term> primes = PrimeImplicants(3, {0, 1, 2, 5, 6, 7});
  CHECK(primes.size() == 6);
  const std::vector<std::string> covers = Covers(primes, {0, 1, 2, 5, 6, 7}, kCba);
  REQUIRE(covers.size() == 2);
  CHECK(std::find(covers.begin(), covers.end(), "C*A + ~B*~A + ~C*B") != covers.end());
  CHECK(std::find(covers.begin(), covers.end(), "B*A + C*~B + ~C*~A") != covers.end());
}

TEST_CASE("Quine-McCluskey uses don't-cares to merge but never to cover", "[qca]") {
  // Classic example: f(A,B,C,D) = m(1,3,7,11,15) + d(0,2,5) = CD + A'B' (A'D also prime).
  const std::vector<Term> primes = PrimeImplicants(4, {1, 3, 7, 11, 15}, {0, 2, 5});
  const std::vector<std::string> formatted = Format(primes, kDcba);
  CHECK(std::find(formatted.begin(), formatted.end(), "D*C") != formatted.end());
  CHECK(std::find(formatted.begin(), formatted.end(), "~B*~A") != formatted.end());
  CHECK(std::find(formatted.begin(), formatted.end(), "D*~A") != formatted.end());
  const std::vector<std::string> covers = Covers(primes, {1, 3, 7, 11, 15}, kDcba);
  REQUIRE(covers.size() == 2);  // CD + A'B' and CD + A'D, both two terms of two literals
  CHECK(covers[0].find("D*C") != std::string::npos);
  // Without the don't-cares the same on-set needs A'B'D: CD + A'B'D.
  CHECK(Covers(PrimeImplicants(4, {1, 3, 7, 11, 15}), {1, 3, 7, 11, 15}, kDcba) ==
        std::vector<std::string>{"D*C + D*~B*~A"});
}

TEST_CASE("a minimal cover prefers fewer terms, then fewer literals", "[qca]") {
  // m(0..3, 5, 7) over A,B,C = A' + AC: two terms (A' and C) beat three.
  const std::vector<Term> primes = PrimeImplicants(3, {0, 1, 2, 3, 5, 7});
  CHECK(Covers(primes, {0, 1, 2, 3, 5, 7}, kCba) == std::vector<std::string>{"C + ~A"});
  CHECK_THROWS_AS(MinimalCovers({Term{0, 7}}, {5}), std::invalid_argument);
}

TEST_CASE("crisp consistency and coverage count cases in the intersection", "[qca]") {
  // Hand-computed: X = {1,1,0,1}, Y = {1,0,1,1}: |X∩Y| = 2, |X| = 3, |Y| = 3.
  const std::vector<Rational> x{1, 1, 0, 1}, y{1, 0, 1, 1};
  const Fit s = Sufficiency(x, y);
  CHECK(*s.consistency == R(2, 3));
  CHECK(*s.coverage == R(2, 3));
  const Fit n = Necessity(std::vector<Rational>{1, 1, 1, 0}, std::vector<Rational>{1, 1, 0, 0});
  CHECK(*n.consistency == 1);        // every settling case has X
  CHECK(*n.coverage == R(2, 3));     // two of the three X cases settle
}

TEST_CASE("fuzzy consistency and coverage use the minimum of the memberships", "[qca]") {
  // Hand-computed: x = {1,1,0,0}, y = {1/2,1,1/4,0}: Σmin = 3/2, Σx = 2, Σy = 7/4.
  const std::vector<Rational> x{1, 1, 0, 0}, y{R(1, 2), 1, R(1, 4), 0};
  const Fit s = Sufficiency(x, y);
  CHECK(*s.consistency == R(3, 4));
  CHECK(*s.coverage == R(6, 7));
  const Fit n = Necessity(x, y);
  CHECK(*n.consistency == R(6, 7));
  CHECK(*n.coverage == R(3, 4));
}

TEST_CASE("a ratio with an empty denominator set is undefined", "[qca]") {
  const Fit s = Sufficiency(std::vector<Rational>{0, 0}, std::vector<Rational>{1, 0});
  CHECK_FALSE(s.consistency.has_value());
  CHECK(*s.coverage == 0);
}

}  // namespace
}  // namespace ncpmi::models::qca
