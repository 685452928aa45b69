// QCA: Quine–McCluskey minimisation (prime implicants, minimal covers by Petrick's method), the
// consistency and coverage of set relations (exact), and a case-based analysis in double (direct
// calibration, truth table over cases, necessity, complex/parsimonious/intermediate solutions).
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

// --- Case-based QCA in double (memberships are real numbers: the logistic is not rational) ----

// Ragin's (2008, ch. 5) direct method: the log-odds of membership are linear in the distance from
// the crossover, scaled so that `non` maps to 0.05 and `full` to 0.95 exactly (log-odds ±ln 19,
// as the R package QCA's calibrate(logistic = TRUE, idm = 0.95); Ragin rounds ln 19 to 3).
// Anchors may decrease (a measure that lowers membership). Requires non < cross < full or
// non > cross > full; returns exactly 0.5 at the crossover.
double DirectCalibration(double value, double non, double cross, double full);

// n <= 16 conditions over cases: x[case][k] and y[case] in [0, 1] (crisp sets: 0 or 1).
struct CaseTable {
  std::vector<std::string> cases;
  std::vector<std::string> conditions;
  std::vector<std::vector<double>> x;
  std::vector<double> y;
};

// A case's membership in a term: min over its literals (x or 1 - x); 1 for the tautology.
double TermMembership(const Term& term, const std::vector<double>& x);
// The configuration a case belongs to (bit k set iff x[k] > 1/2), or nullopt when some
// membership is exactly 1/2 (such a case is in no truth-table row, as in fsQCA).
std::optional<std::uint32_t> CaseConfiguration(const std::vector<double>& x);

struct TruthRow {
  std::uint32_t configuration = 0;
  std::vector<int> cases;  // indices of the cases in this row
  double consistency = 0;  // Σ min(row, y) / Σ row over all cases (sufficiency inclusion)
  double pri = 0;          // proportional reduction in inconsistency; 0 when undefined
  bool outcome = false;    // consistency >= the inclusion cut
};

// Fit of one condition (or its negation) as necessary: consistency Σmin/Σy, coverage Σmin/Σx,
// relevance of necessity Σ(1 - x) / Σ(1 - min(x, y)) (Schneider and Wagemann 2012). nullopt for
// a zero denominator.
struct NecessityFit {
  std::string term;  // "N" or "~N"
  std::optional<double> consistency, coverage, relevance;
};

struct SolutionTerm {
  Term term;
  std::optional<double> consistency;  // Σ min(t, y) / Σ t
  double raw_coverage = 0;            // Σ min(t, y) / Σ y
  double unique_coverage = 0;         // solution coverage minus that without this term
  std::vector<int> cases;             // cases with membership > 1/2 in the term
};

struct Solution {
  std::vector<SolutionTerm> terms;  // the first minimal cover; empty when nothing is sufficient
  std::optional<double> consistency;
  double coverage = 0;
  std::vector<std::string> alternatives;  // the other minimal covers, formatted
  std::vector<std::uint32_t> remainders;  // logical remainders the solution covers
};

// Directional expectation of a condition for the intermediate solution.
enum class Expectation { kPresent, kAbsent, kNone };

struct CaseAnalysis {
  std::vector<TruthRow> rows;  // rows with at least one case, by configuration descending
  std::vector<int> unassigned; // cases with a membership of exactly 1/2
  std::vector<NecessityFit> necessity;  // N, ~N, C, ~C, ...
  // complex: remainders excluded; parsimonious: every remainder a don't-care; intermediate: the
  // complex terms with the literals that contradict the expectations dropped where a
  // parsimonious prime implicant allows (Ragin and Sonnett 2004; the easy counterfactuals).
  Solution complex, parsimonious, intermediate;
  std::vector<Term> parsimonious_primes;
};

// Truth table, necessity and the three solutions of `table` at inclusion cut `incl_cut` (a row is
// positive iff its consistency >= incl_cut - 1e-12; rows need one case). expectations has one entry
// per condition. O(cases × 2^n + Quine–McCluskey). Throws std::invalid_argument on sizes.
CaseAnalysis AnalyseCases(const CaseTable& table, double incl_cut, const std::vector<Expectation>& expectations);

// The fit of a sum of terms: membership max over terms.
Solution FitSolution(const CaseTable& table, const std::vector<Term>& terms);

}  // namespace ncpmi::models::qca
