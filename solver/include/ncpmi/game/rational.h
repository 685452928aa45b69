// Exact rationals (GMP) and the compact form the game stores them in.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ncpmi {

using Rational = mpq_class;

// A rational as the game stores it: 16 bytes, no heap, for every value whose numerator and
// denominator fit in 63 bits (all values in practice). Larger values live in a side table and
// are referred to by index (den == 0 marks that case).
struct StoredRational {
  std::int64_t num = 0;
  std::int64_t den = 1;
  bool IsBig() const { return den == 0; }
  friend bool operator==(const StoredRational& a, const StoredRational& b) {
    return a.num == b.num && a.den == b.den;
  }
};

// Builds num/den (den > 0) without going through double; canonicalizes.
inline Rational MakeRational(std::int64_t num, std::int64_t den) {
  Rational q;
  mpz_set_si(q.get_num_mpz_t(), num);
  mpz_set_si(q.get_den_mpz_t(), den);
  q.canonicalize();
  return q;
}

// Parses a number as written in Gambit files: integer ("-3", "+2"), fraction ("3/4"), or
// decimal with optional exponent ("0.25", ".5", "1e-3", "2.5E+2"). Decimals are read exactly
// (0.1 is 1/10). Returns nullopt when the text is not such a number or a denominator is zero.
std::optional<Rational> ParseRational(std::string_view text);

// Writes r as "p/q" or "p" (lowest terms).
std::string FormatRational(const Rational& r);
// Appends FormatRational(r) to *out without a temporary string; numbers that fit in 64 bits
// (nearly all in practice) are written without GMP's conversion.
void AppendRational(const Rational& r, std::string* out);

// Writes r as a decimal: exact when r has a terminating expansion, else 17 significant digits.
std::string FormatDecimal(const Rational& r);

// Nearest double to r, correctly rounded (ties to even) for every value in the normal range.
double ToDouble(const Rational& r);

}  // namespace ncpmi
