// Crisp-set QCA: Quine–McCluskey minimisation (prime implicants, minimal covers by Petrick's
// method) and the consistency and coverage of set relations, crisp and fuzzy.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ncpmi/game/rational.h"

namespace ncpmi::models::qca {

// A configuration of n <= 16 Boolean conditions: bit k is condition k (1 present).
// A term (product of literals): condition k appears iff bit k of `care` is set, present iff bit k
// of `value` is also set. care == 0 is the tautology "1".
struct Term {
  std::uint32_t value = 0;
  std::uint32_t care = 0;
  bool Covers(std::uint32_t configuration) const { return (configuration & care) == value; }
  int Literals() const;
  friend bool operator==(const Term& a, const Term& b) { return a.value == b.value && a.care == b.care; }
};

// "N*C*~P": literals in condition order, "~" for absence, "*" between; "1" for the tautology.
std::string FormatTerm(const Term& term, const std::vector<std::string>& names);
// Terms joined by " + "; "0" for none (the empty sum).
std::string FormatSum(const std::vector<Term>& terms, const std::vector<std::string>& names);

// The prime implicants of the function that is 1 on `on`, unspecified on `dont_care` (used to
// merge, never required to be covered) and 0 elsewhere, over n conditions. Quine–McCluskey:
// merge terms differing in one literal, keep the unmerged. Sorted by (fewer literals, care, value).
// Duplicates in the inputs are ignored; a configuration in both lists counts as `on`. O(3^n) worst.
std::vector<Term> PrimeImplicants(int n, const std::vector<std::uint32_t>& on,
                                  const std::vector<std::uint32_t>& dont_care = {});

// Every minimal cover of `on` by `primes` (Petrick's method by exhaustive search in increasing
// size after taking the essential primes): fewest terms, then fewest literals. Each cover is a
// list of indices into `primes`, ascending; covers in lexicographic order. Empty `on`: one empty
// cover. Throws std::invalid_argument when some `on` configuration is not covered by any prime.
std::vector<std::vector<int>> MinimalCovers(const std::vector<Term>& primes,
                                            const std::vector<std::uint32_t>& on);

// Set-theoretic fit of "X is sufficient for Y" over cases with memberships x_i, y_i in [0, 1]:
// consistency = Σ min(x, y) / Σ x, coverage = Σ min(x, y) / Σ y (Ragin 2006). For crisp sets
// these are |X∩Y|/|X| and |X∩Y|/|Y|. Necessity of X for Y is sufficiency with the roles
// swapped: consistency Σmin/Σy, coverage Σmin/Σx. A ratio with a zero denominator is nullopt.
struct Fit {
  std::optional<Rational> consistency;
  std::optional<Rational> coverage;
};
Fit Sufficiency(const std::vector<Rational>& x, const std::vector<Rational>& y);
Fit Necessity(const std::vector<Rational>& x, const std::vector<Rational>& y);

}  // namespace ncpmi::models::qca
