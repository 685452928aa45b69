// Quine–McCluskey, Petrick's method, and consistency/coverage of set relations.
#include "ncpmi/models/qca.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace ncpmi::models::qca {
namespace {

int PopCount(std::uint32_t x) {
  int n = 0;
  for (; x != 0; x &= x - 1) ++n;
  return n;
}

bool TermLess(const Term& a, const Term& b) {
  return std::make_tuple(a.Literals(), a.care, a.value) < std::make_tuple(b.Literals(), b.care, b.value);
}

}  // namespace

int Term::Literals() const { return PopCount(care); }

std::string FormatTerm(const Term& term, const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::uint32_t bit = std::uint32_t{1} << k;
    if ((term.care & bit) == 0) continue;
    out += (out.empty() ? "" : "*") + std::string((term.value & bit) ? "" : "~") + names[k];
  }
  return out.empty() ? std::string("1") : out;
}

std::string FormatSum(const std::vector<Term>& terms, const std::vector<std::string>& names) {
  std::string out;
  for (const Term& t : terms) out += (out.empty() ? "" : " + ") + FormatTerm(t, names);
  return out.empty() ? std::string("0") : out;
}

std::vector<Term> PrimeImplicants(int n, const std::vector<std::uint32_t>& on,
                                  const std::vector<std::uint32_t>& dont_care) {
  if (n < 0 || n > 16) throw std::invalid_argument("PrimeImplicants: n must be in 0..16");
  const std::uint32_t all = n == 0 ? 0 : (std::uint32_t{1} << n) - 1;
  // Terms as (care, value) with every condition cared for at the start.
  std::set<std::pair<std::uint32_t, std::uint32_t>> current;
  for (const auto* list : {&on, &dont_care}) {
    for (std::uint32_t c : *list) current.emplace(all, c & all);
  }
  std::vector<Term> primes;
  while (!current.empty()) {
    std::set<std::pair<std::uint32_t, std::uint32_t>> next;
    std::set<std::pair<std::uint32_t, std::uint32_t>> merged;
    // Two terms merge when they care for the same conditions and differ in exactly one value.
    for (auto a = current.begin(); a != current.end(); ++a) {
      for (auto b = std::next(a); b != current.end() && b->first == a->first; ++b) {
        const std::uint32_t diff = a->second ^ b->second;
        if (PopCount(diff) != 1) continue;
        next.emplace(a->first & ~diff, a->second & ~diff);
        merged.insert(*a);
        merged.insert(*b);
      }
    }
    for (const auto& t : current) {
      if (merged.count(t) == 0) primes.push_back(Term{t.second, t.first});
    }
    current = std::move(next);
  }
  // A prime made only of don't-cares is still prime but useless for a cover; drop it.
  std::vector<Term> useful;
  for (const Term& p : primes) {
    if (std::any_of(on.begin(), on.end(), [&](std::uint32_t c) { return p.Covers(c & all); })) useful.push_back(p);
  }
  std::sort(useful.begin(), useful.end(), TermLess);
  useful.erase(std::unique(useful.begin(), useful.end()), useful.end());
  return useful;
}

std::vector<std::vector<int>> MinimalCovers(const std::vector<Term>& primes,
                                            const std::vector<std::uint32_t>& on_in) {
  std::vector<std::uint32_t> on(on_in);
  std::sort(on.begin(), on.end());
  on.erase(std::unique(on.begin(), on.end()), on.end());
  const int m = static_cast<int>(primes.size());
  // Essential primes: the only prime covering some configuration.
  std::vector<int> essential;
  for (std::uint32_t c : on) {
    int count = 0, which = -1;
    for (int i = 0; i < m; ++i) {
      if (primes[static_cast<std::size_t>(i)].Covers(c)) {
        ++count;
        which = i;
      }
    }
    if (count == 0) throw std::invalid_argument("MinimalCovers: a configuration is covered by no prime");
    if (count == 1 && std::find(essential.begin(), essential.end(), which) == essential.end()) {
      essential.push_back(which);
    }
  }
  std::sort(essential.begin(), essential.end());
  std::vector<std::uint32_t> left;
  for (std::uint32_t c : on) {
    bool covered = false;
    for (int e : essential) covered = covered || primes[static_cast<std::size_t>(e)].Covers(c);
    if (!covered) left.push_back(c);
  }
  std::vector<int> optional;
  for (int i = 0; i < m; ++i) {
    if (!std::binary_search(essential.begin(), essential.end(), i)) optional.push_back(i);
  }
  // Smallest subsets of the other primes covering the rest, by increasing size (lexicographic).
  std::vector<std::vector<int>> found;
  const int k_max = static_cast<int>(optional.size());
  for (int k = 0; k <= k_max && found.empty(); ++k) {
    std::vector<int> pick(static_cast<std::size_t>(k));
    for (int i = 0; i < k; ++i) pick[static_cast<std::size_t>(i)] = i;
    while (true) {
      bool covers_all = true;
      for (std::uint32_t c : left) {
        bool covered = false;
        for (int i : pick) covered = covered || primes[static_cast<std::size_t>(optional[static_cast<std::size_t>(i)])].Covers(c);
        if (!covered) {
          covers_all = false;
          break;
        }
      }
      if (covers_all) {
        std::vector<int> cover(essential);
        for (int i : pick) cover.push_back(optional[static_cast<std::size_t>(i)]);
        std::sort(cover.begin(), cover.end());
        found.push_back(std::move(cover));
      }
      // next combination of k out of optional.size()
      int i = k - 1;
      while (i >= 0 && pick[static_cast<std::size_t>(i)] == k_max - k + i) --i;
      if (i < 0) break;
      ++pick[static_cast<std::size_t>(i)];
      for (int j = i + 1; j < k; ++j) pick[static_cast<std::size_t>(j)] = pick[static_cast<std::size_t>(j - 1)] + 1;
    }
  }
  // Among the smallest covers keep those with the fewest literals.
  auto literals = [&](const std::vector<int>& cover) {
    int n = 0;
    for (int i : cover) n += primes[static_cast<std::size_t>(i)].Literals();
    return n;
  };
  int best = -1;
  for (const auto& cover : found) best = best < 0 ? literals(cover) : std::min(best, literals(cover));
  std::vector<std::vector<int>> out;
  for (auto& cover : found) {
    if (literals(cover) == best) out.push_back(std::move(cover));
  }
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

struct Sums {
  Rational both, x, y;
};

Sums Add(const std::vector<Rational>& x, const std::vector<Rational>& y) {
  if (x.size() != y.size()) throw std::invalid_argument("qca: membership vectors differ in length");
  Sums s{0, 0, 0};
  for (std::size_t i = 0; i < x.size(); ++i) {
    s.both += x[i] < y[i] ? x[i] : y[i];
    s.x += x[i];
    s.y += y[i];
  }
  return s;
}

std::optional<Rational> Ratio(const Rational& a, const Rational& b) {
  if (b == 0) return std::nullopt;
  return Rational(a / b);
}

}  // namespace

Fit Sufficiency(const std::vector<Rational>& x, const std::vector<Rational>& y) {
  const Sums s = Add(x, y);
  return {Ratio(s.both, s.x), Ratio(s.both, s.y)};
}

Fit Necessity(const std::vector<Rational>& x, const std::vector<Rational>& y) {
  const Sums s = Add(x, y);
  return {Ratio(s.both, s.y), Ratio(s.both, s.x)};
}

// --- case-based QCA ------------------------------------------------------------------------------

double DirectCalibration(double value, double non, double cross, double full) {
  const bool up = non < cross && cross < full;
  const bool down = non > cross && cross > full;
  if (!up && !down) throw std::invalid_argument("DirectCalibration: anchors must be strictly monotone");
  const double scale = std::log(19.0);  // log-odds of 0.95
  const double deviation = value - cross;
  if (deviation == 0) return 0.5;
  // Above the crossover (in the direction of full membership) the scale comes from `full`,
  // below from `non`.
  const bool towards_full = up ? deviation > 0 : deviation < 0;
  const double log_odds = towards_full ? scale * deviation / (full - cross) : -scale * deviation / (non - cross);
  return 1.0 / (1.0 + std::exp(-log_odds));
}

double TermMembership(const Term& term, const std::vector<double>& x) {
  double m = 1;
  for (std::size_t k = 0; k < x.size(); ++k) {
    const std::uint32_t bit = std::uint32_t{1} << k;
    if ((term.care & bit) == 0) continue;
    m = std::min(m, (term.value & bit) ? x[k] : 1 - x[k]);
  }
  return m;
}

std::optional<std::uint32_t> CaseConfiguration(const std::vector<double>& x) {
  std::uint32_t c = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    if (x[k] == 0.5) return std::nullopt;
    if (x[k] > 0.5) c |= std::uint32_t{1} << k;
  }
  return c;
}

namespace {

std::optional<double> DRatio(double a, double b) {
  if (b == 0) return std::nullopt;
  return a / b;
}

double SumY(const CaseTable& t) {
  double s = 0;
  for (double v : t.y) s += v;
  return s;
}

// Coverage of the sum of `terms` (max membership), Σ min(S, y) / Σ y.
double Coverage(const CaseTable& t, const std::vector<Term>& terms) {
  double both = 0;
  for (std::size_t i = 0; i < t.y.size(); ++i) {
    double s = 0;
    for (const Term& term : terms) s = std::max(s, TermMembership(term, t.x[i]));
    both += std::min(s, t.y[i]);
  }
  const double sy = SumY(t);
  return sy == 0 ? 0 : both / sy;
}

Solution Minimise(const CaseTable& t, const std::vector<std::uint32_t>& on, const std::vector<std::uint32_t>& dont_care,
                  std::vector<Term>* primes_out) {
  const int n = static_cast<int>(t.conditions.size());
  const std::vector<Term> primes = PrimeImplicants(n, on, dont_care);
  if (primes_out != nullptr) *primes_out = primes;
  const std::vector<std::vector<int>> covers = MinimalCovers(primes, on);
  std::vector<Term> first;
  if (!covers.empty()) {
    for (int i : covers.front()) first.push_back(primes[static_cast<std::size_t>(i)]);
  }
  Solution s = FitSolution(t, first);
  for (std::size_t c = 1; c < covers.size(); ++c) {
    std::vector<Term> terms;
    for (int i : covers[c]) terms.push_back(primes[static_cast<std::size_t>(i)]);
    s.alternatives.push_back(FormatSum(terms, t.conditions));
  }
  return s;
}

}  // namespace

Solution FitSolution(const CaseTable& t, const std::vector<Term>& terms) {
  Solution s;
  double both = 0, sx = 0;
  for (std::size_t i = 0; i < t.y.size(); ++i) {
    double m = 0;
    for (const Term& term : terms) m = std::max(m, TermMembership(term, t.x[i]));
    both += std::min(m, t.y[i]);
    sx += m;
  }
  s.consistency = DRatio(both, sx);
  const double sy = SumY(t);
  s.coverage = sy == 0 ? 0 : both / sy;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    SolutionTerm st;
    st.term = terms[k];
    double tb = 0, tx = 0;
    for (std::size_t i = 0; i < t.y.size(); ++i) {
      const double m = TermMembership(terms[k], t.x[i]);
      tb += std::min(m, t.y[i]);
      tx += m;
      if (m > 0.5) st.cases.push_back(static_cast<int>(i));
    }
    st.consistency = DRatio(tb, tx);
    st.raw_coverage = sy == 0 ? 0 : tb / sy;
    std::vector<Term> others(terms);
    others.erase(others.begin() + static_cast<std::ptrdiff_t>(k));
    st.unique_coverage = s.coverage - Coverage(t, others);
    s.terms.push_back(std::move(st));
  }
  return s;
}

CaseAnalysis AnalyseCases(const CaseTable& t, double incl_cut, const std::vector<Expectation>& expectations) {
  const std::size_t n = t.conditions.size();
  if (n > 16 || expectations.size() != n || t.x.size() != t.y.size() || t.cases.size() != t.y.size()) {
    throw std::invalid_argument("AnalyseCases: inconsistent sizes");
  }
  for (const auto& row : t.x) {
    if (row.size() != n) throw std::invalid_argument("AnalyseCases: inconsistent sizes");
  }
  CaseAnalysis a;
  std::map<std::uint32_t, std::vector<int>, std::greater<>> by_row;
  for (std::size_t i = 0; i < t.x.size(); ++i) {
    const std::optional<std::uint32_t> c = CaseConfiguration(t.x[i]);
    if (c) {
      by_row[*c].push_back(static_cast<int>(i));
    } else {
      a.unassigned.push_back(static_cast<int>(i));
    }
  }
  const std::uint32_t all = n == 0 ? 0 : (std::uint32_t{1} << n) - 1;
  std::vector<std::uint32_t> on, off;
  for (const auto& [configuration, cases] : by_row) {
    TruthRow r;
    r.configuration = configuration;
    r.cases = cases;
    const Term corner{configuration, all};
    double both = 0, sx = 0, both_neg = 0;
    for (std::size_t i = 0; i < t.y.size(); ++i) {
      const double m = TermMembership(corner, t.x[i]);
      both += std::min(m, t.y[i]);
      both_neg += std::min({m, t.y[i], 1 - t.y[i]});
      sx += m;
    }
    r.consistency = sx == 0 ? 0 : both / sx;
    r.pri = sx - both_neg == 0 ? 0 : (both - both_neg) / (sx - both_neg);
    r.outcome = r.consistency >= incl_cut - 1e-12;
    (r.outcome ? on : off).push_back(configuration);
    a.rows.push_back(std::move(r));
  }
  // Necessity of each condition and its negation.
  for (std::size_t k = 0; k < n; ++k) {
    for (bool present : {true, false}) {
      double both = 0, sx = 0, not_x = 0, not_both = 0;
      for (std::size_t i = 0; i < t.y.size(); ++i) {
        const double x = present ? t.x[i][k] : 1 - t.x[i][k];
        both += std::min(x, t.y[i]);
        sx += x;
        not_x += 1 - x;
        not_both += 1 - std::min(x, t.y[i]);
      }
      a.necessity.push_back({(present ? "" : "~") + t.conditions[k], DRatio(both, SumY(t)), DRatio(both, sx),
                             DRatio(not_x, not_both)});
    }
  }
  std::vector<std::uint32_t> remainders;
  for (std::uint32_t c = 0; c <= all; ++c) {
    if (by_row.count(c) == 0) remainders.push_back(c);
    if (c == all) break;
  }
  a.complex = Minimise(t, on, {}, nullptr);
  a.parsimonious = Minimise(t, on, remainders, &a.parsimonious_primes);
  // Intermediate: each complex term, for each parsimonious prime containing it, loses the
  // literals outside that prime which contradict the expectations.
  std::vector<Term> candidates;
  for (const SolutionTerm& ct : a.complex.terms) {
    const Term& c = ct.term;
    for (const Term& p : a.parsimonious_primes) {
      if ((p.care & c.care) != p.care || (c.value & p.care) != p.value) continue;  // c not within p
      Term reduced = c;
      for (std::size_t k = 0; k < n; ++k) {
        const std::uint32_t bit = std::uint32_t{1} << k;
        if ((c.care & bit) == 0 || (p.care & bit) != 0) continue;
        const bool literal_present = (c.value & bit) != 0;
        const bool contrary = (expectations[k] == Expectation::kPresent && !literal_present) ||
                              (expectations[k] == Expectation::kAbsent && literal_present);
        if (contrary) {
          reduced.care &= ~bit;
          reduced.value &= ~bit;
        }
      }
      if (std::find(candidates.begin(), candidates.end(), reduced) == candidates.end()) candidates.push_back(reduced);
    }
  }
  // Keep the candidates no other candidate contains, then the minimal covers among them.
  std::vector<Term> kept;
  for (const Term& a_term : candidates) {
    bool inside_other = false;
    for (const Term& b : candidates) {
      if (b == a_term) continue;
      inside_other = inside_other || ((b.care & a_term.care) == b.care && (a_term.value & b.care) == b.value);
    }
    if (!inside_other) kept.push_back(a_term);
  }
  std::sort(kept.begin(), kept.end(), TermLess);
  if (!on.empty()) {
    const std::vector<std::vector<int>> covers = MinimalCovers(kept, on);
    std::vector<Term> first;
    for (int i : covers.front()) first.push_back(kept[static_cast<std::size_t>(i)]);
    a.intermediate = FitSolution(t, first);
    for (std::size_t c = 1; c < covers.size(); ++c) {
      std::vector<Term> terms;
      for (int i : covers[c]) terms.push_back(kept[static_cast<std::size_t>(i)]);
      a.intermediate.alternatives.push_back(FormatSum(terms, t.conditions));
    }
  } else {
    a.intermediate = FitSolution(t, {});
  }
  for (Solution* s : {&a.complex, &a.parsimonious, &a.intermediate}) {
    for (std::uint32_t r : remainders) {
      bool covered = false;
      for (const SolutionTerm& st : s->terms) covered = covered || st.term.Covers(r);
      if (covered) s->remainders.push_back(r);
    }
  }
  return a;
}

}  // namespace ncpmi::models::qca
