// Parsing and formatting of exact rationals as written in Gambit files.
#include "ncpmi/game/rational.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>

namespace ncpmi {
namespace {

// Largest |exponent| accepted in "1e-300"-style numbers: keeps GMP work bounded on hostile input.
constexpr long kMaxExponent = 4096;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<Rational> ParseRational(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    negative = text[i] == '-';
    ++i;
  }
  const std::size_t int_begin = i;
  while (i < text.size() && IsDigit(text[i])) ++i;
  std::string_view int_digits = text.substr(int_begin, i - int_begin);

  Rational result;
  if (i < text.size() && text[i] == '/') {
    ++i;
    const std::size_t den_begin = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    if (int_digits.empty() || i == den_begin || i != text.size()) return std::nullopt;
    mpz_class num(std::string(int_digits), 10);
    mpz_class den(std::string(text.substr(den_begin)), 10);
    if (den == 0) return std::nullopt;
    result = Rational(num, den);
    result.canonicalize();
  } else {
    std::string_view frac_digits;
    if (i < text.size() && text[i] == '.') {
      ++i;
      const std::size_t frac_begin = i;
      while (i < text.size() && IsDigit(text[i])) ++i;
      frac_digits = text.substr(frac_begin, i - frac_begin);
    }
    if (int_digits.empty() && frac_digits.empty()) return std::nullopt;
    long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
      ++i;
      bool exp_negative = false;
      if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        exp_negative = text[i] == '-';
        ++i;
      }
      const std::size_t exp_begin = i;
      while (i < text.size() && IsDigit(text[i])) {
        exponent = exponent * 10 + (text[i] - '0');
        if (exponent > kMaxExponent) return std::nullopt;
        ++i;
      }
      if (i == exp_begin) return std::nullopt;
      if (exp_negative) exponent = -exponent;
    }
    if (i != text.size()) return std::nullopt;
    std::string digits;
    digits.reserve(int_digits.size() + frac_digits.size());
    digits.append(int_digits).append(frac_digits);
    mpz_class num(digits, 10);
    exponent -= static_cast<long>(frac_digits.size());
    mpz_class scale;
    mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(std::labs(exponent)));
    if (exponent >= 0) {
      result = Rational(num * scale, 1);
    } else {
      result = Rational(num, scale);
    }
    result.canonicalize();
  }
  if (negative) result = -result;
  return result;
}

void AppendRational(const Rational& r, std::string* out) {
  const mpz_srcptr num = r.get_num_mpz_t();
  const mpz_srcptr den = r.get_den_mpz_t();
  if (!mpz_fits_slong_p(num) || !mpz_fits_slong_p(den)) {
    *out += r.get_str(10);
    return;
  }
  char buffer[48];  // a long is at most 20 characters with its sign
  char* end = std::to_chars(buffer, buffer + 20, mpz_get_si(num)).ptr;
  if (mpz_cmp_ui(den, 1) != 0) {
    char* slash = end;
    *slash = '/';
    end = std::to_chars(slash + 1, slash + 21, mpz_get_si(den)).ptr;
  }
  out->append(buffer, end);
}

std::string FormatRational(const Rational& r) {
  std::string text;
  AppendRational(r, &text);
  return text;
}

std::string FormatDecimal(const Rational& r) {
  // Terminating iff the denominator has no prime factors but 2 and 5.
  mpz_class den = r.get_den();
  long twos = 0, fives = 0;
  while (mpz_divisible_ui_p(den.get_mpz_t(), 2)) { den /= 2; ++twos; }
  while (mpz_divisible_ui_p(den.get_mpz_t(), 5)) { den /= 5; ++fives; }
  if (den != 1) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", ToDouble(r));
    return buffer;
  }
  const long places = std::max(twos, fives);
  if (places == 0) return r.get_num().get_str(10);
  mpz_class pow10;
  mpz_ui_pow_ui(pow10.get_mpz_t(), 10, static_cast<unsigned long>(places));
  mpz_class scaled = r.get_num() * pow10 / r.get_den();  // exact
  const bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  std::string digits = scaled.get_str(10);
  if (digits.size() <= static_cast<std::size_t>(places)) {
    digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
  }
  digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
  return negative ? "-" + digits : digits;
}

double ToDouble(const Rational& r) {
  if (mpz_sizeinbase(r.get_num_mpz_t(), 2) <= 53 && mpz_sizeinbase(r.get_den_mpz_t(), 2) <= 53) {
    // Both exactly representable: one IEEE division is correctly rounded.
    return mpz_get_d(r.get_num_mpz_t()) / mpz_get_d(r.get_den_mpz_t());
  }
  if (sgn(r) == 0) return 0.0;
  // Scale |r| so the integer quotient q lies in (2^61, 2^63), fold a non-zero remainder into
  // q's lowest bit (a sticky bit far below the rounding position), and let the hardware's
  // round-to-nearest-even conversion of q do the rounding. mpz_get_d/mpf_get_d truncate.
  mpz_class num = abs(r.get_num());
  mpz_class den = r.get_den();
  const long shift = 62 - (static_cast<long>(mpz_sizeinbase(num.get_mpz_t(), 2)) -
                           static_cast<long>(mpz_sizeinbase(den.get_mpz_t(), 2)));
  if (shift >= 0) {
    mpz_mul_2exp(num.get_mpz_t(), num.get_mpz_t(), static_cast<mp_bitcnt_t>(shift));
  } else {
    mpz_mul_2exp(den.get_mpz_t(), den.get_mpz_t(), static_cast<mp_bitcnt_t>(-shift));
  }
  mpz_class quotient, remainder;
  mpz_tdiv_qr(quotient.get_mpz_t(), remainder.get_mpz_t(), num.get_mpz_t(), den.get_mpz_t());
  std::uint64_t q = mpz_get_ui(quotient.get_mpz_t());
  if (sgn(remainder) != 0) q |= 1;
  const double magnitude = std::ldexp(static_cast<double>(q), static_cast<int>(std::max(-100000L, std::min(100000L, -shift))));
  return sgn(r) < 0 ? -magnitude : magnitude;
}

}  // namespace ncpmi
