// Quine–McCluskey, Petrick's method, and consistency/coverage of set relations.
#include "ncpmi/models/qca.h"

#include <algorithm>
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

}  // namespace ncpmi::models::qca
