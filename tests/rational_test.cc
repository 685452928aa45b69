// Exact rationals as text: the 64-bit fast path of FormatRational must write what GMP writes.
#include <catch2/catch.hpp>

#include <climits>
#include <string>
#include <vector>

#include "ncpmi/game/rational.h"

namespace ncpmi {
namespace {

Rational Ratio(const std::string& num, const std::string& den) {
  Rational r(mpz_class(num, 10), mpz_class(den, 10));
  r.canonicalize();
  return r;
}

TEST_CASE("Rationals are written as GMP writes them, on both sides of the 64-bit boundary", "[rational]") {
  const std::vector<std::string> numbers = {
      "0", "1", "-1", "7", "-7", "1000000007",
      "9223372036854775807",    // LONG_MAX: the fast path
      "-9223372036854775808",   // LONG_MIN: the fast path
      "9223372036854775808",    // 2^63: GMP
      "-9223372036854775809",   // GMP
      "18446744073709551616",   // 2^64
      "123456789012345678901234567890"};
  const std::vector<std::string> denominators = {"1", "2", "3", "9223372036854775807", "9223372036854775808",
                                                 "340282366920938463463374607431768211456"};
  for (const std::string& n : numbers) {
    for (const std::string& d : denominators) {
      const Rational r = Ratio(n, d);
      CAPTURE(n, d);
      CHECK(FormatRational(r) == r.get_str(10));
      std::string appended = "x=";
      AppendRational(r, &appended);
      CHECK(appended == "x=" + r.get_str(10));
    }
  }
}

TEST_CASE("A written rational reads back as the same number", "[rational]") {
  for (long num : {LONG_MIN, LONG_MIN + 1, -12L, 0L, 5L, LONG_MAX}) {
    for (long den : {1L, 4L, 6L, LONG_MAX}) {
      const Rational r = MakeRational(num, den);
      CAPTURE(num, den);
      REQUIRE(ParseRational(FormatRational(r)) == r);
    }
  }
}

}  // namespace
}  // namespace ncpmi
