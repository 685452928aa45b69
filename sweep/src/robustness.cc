// Robustness of a scenario's verdict and pivotal claims: Latin-hypercube samples of a parameter
// box in exact rationals, shares with Wilson intervals, Spearman correlations, and one-at-a-time
// flip thresholds by exact bisection; samples stored in the sweep's chunk files.
#include "ncpmi/sweep/robustness.h"

#include <omp.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>

#include "ncpmi/game/error.h"
#include "ncpmi/sweep/spec.h"
#include "ncpmi/sweep/statistics.h"
#include "ncpmi/sweep/store.h"

namespace ncpmi::sweep {
namespace {

using models::Verdict;

const char* const kLetters = "NCPMI";

Rational Ceil(const Rational& q) {
  Rational r;
  mpz_cdiv_q(r.get_num_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return r;
}

Rational Floor(const Rational& q) {
  Rational r;
  mpz_fdiv_q(r.get_num_mpz_t(), q.get_num_mpz_t(), q.get_den_mpz_t());
  return r;
}

// The verdict of the scenario's row and, for each condition present in it, of the row with
// that condition alone switched off.
struct Verdicts {
  Verdict own = Verdict::kNo;
  std::vector<Verdict> off;  // per present condition
};

bool Holds(const Claim& c, const Verdicts& v) {
  if (c.condition < 0) return v.own == c.verdict;
  const bool pivotal = v.own != Verdict::kNo && v.off[static_cast<std::size_t>(c.condition)] == Verdict::kNo;
  return pivotal == c.pivotal;
}

// Builds and analyses the scenario's games at given values; one per thread (reuses arrays).
class ClaimEvaluator {
 public:
  ClaimEvaluator(const models::Scenario& scenario, const std::vector<std::string>& present_switches,
                 const models::AnalysisOptions& options)
      : scenario_(scenario), switches_(present_switches), options_(options) {}

  // From now on, remember every verdict by its values: the flip search of one parameter and
  // direction bisects several claims over the same interval, and claims that flip together
  // (the verdict and the pivotal claims it carries) then share every midpoint's games.
  void StartMemo() {
    memo_.clear();
    memo_on_ = true;
  }

  Verdict VerdictAt(const models::ParameterValues& overrides) {
    std::string key;
    if (memo_on_) {
      for (const auto& [name, value] : overrides) key += name + "=" + FormatRational(value) + ";";
      const auto it = memo_.find(key);
      if (it != memo_.end()) return it->second;
    }
    const Game game = models::BuildScenario(scenario_, overrides);
    const Verdict v = models::AnalyseGame(game, options_, &scratch_).verdict;
    if (memo_on_) memo_.emplace(std::move(key), v);
    return v;
  }

  // Every row the claims need. Throws as the builder and the solver do.
  Verdicts Evaluate(const models::ParameterValues& values) {
    Verdicts v;
    v.own = VerdictAt(values);
    for (const std::string& name : switches_) {
      models::ParameterValues off = values;
      off[name] = 0;
      v.off.push_back(VerdictAt(off));
    }
    return v;
  }

  // One claim only (the rows it needs); a point whose game is invalid counts as not holding.
  bool ClaimHolds(const Claim& c, const models::ParameterValues& values) {
    try {
      const Verdict own = VerdictAt(values);
      if (c.condition < 0) return own == c.verdict;
      bool pivotal = false;
      if (own != Verdict::kNo) {
        models::ParameterValues off = values;
        off[switches_[static_cast<std::size_t>(c.condition)]] = 0;
        pivotal = VerdictAt(off) == Verdict::kNo;
      }
      return pivotal == c.pivotal;
    } catch (const InputError&) {
      return false;
    }
  }

 private:
  const models::Scenario& scenario_;
  const std::vector<std::string>& switches_;
  models::AnalysisOptions options_;
  BiSolution<Rational> scratch_;
  std::map<std::string, Verdict> memo_;  // by "name=value;..." of the overrides
  bool memo_on_ = false;
};

models::ParameterValues ValuesOf(const std::vector<BoxSide>& sides, const std::vector<Rational>& point) {
  models::ParameterValues values;
  for (std::size_t d = 0; d < sides.size(); ++d) values[sides[d].parameter] = point[d];
  return values;
}

// A sample's row in its chunk: "s,ok,all,no,no\n" (own verdict, then each condition's off row) or
// "s,error,message\n" (commas and line breaks of the message replaced).
std::string SampleRow(std::int64_t s, const Verdicts& v) {
  std::string row = std::to_string(s) + ",ok," + models::VerdictName(v.own);
  for (Verdict off : v.off) row += std::string(",") + models::VerdictName(off);
  return row + "\n";
}

std::string ErrorRow(std::int64_t s, std::string message) {
  for (char& c : message) {
    if (c == ',' || c == '\n' || c == '\r') c = ';';
  }
  return std::to_string(s) + ",error," + message + "\n";
}

Verdict VerdictNamed(const std::string& name) {
  if (name == "all") return Verdict::kAll;
  if (name == "some") return Verdict::kSome;
  if (name == "no") return Verdict::kNo;
  throw std::runtime_error("robustness: a chunk row with the verdict '" + name + "'");
}

std::vector<std::string> Split(const std::string& line, std::size_t max_fields) {
  std::vector<std::string> fields(1);
  for (char c : line) {
    if (c == ',' && fields.size() < max_fields) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::uint64_t Fingerprint(const models::Scenario& scenario, const std::vector<BoxSide>& sides,
                          const RobustnessOptions& o) {
  std::string text = "ncpmi-robustness 1\n" + models::ScenarioComment(scenario);
  for (const auto& [name, effects] : models::ScenarioSwitchEffects(scenario)) {
    text += "switch " + name + ":";
    for (const models::SwitchEffect& e : effects) {
      text += " " + e.parameter + "/" + (e.absent ? FormatRational(*e.absent) : "-") + "/" +
              (e.present ? FormatRational(*e.present) : "-");
    }
    text += "\n";
  }
  for (const BoxSide& side : sides) {
    text += side.parameter + (side.integer ? " integer " : " number ") + FormatRational(side.lo) + " " +
            FormatRational(side.hi) + "\n";
  }
  text += "seed " + std::to_string(o.seed) + " samples " + std::to_string(o.samples) + " threshold " +
          FormatRational(o.analysis.threshold) + " cap " + std::to_string(o.analysis.max_equilibria) + "\n";
  return Fnv1a(text);
}

// The first flip of `claim` from the scenario's value towards `edge` along one side, if any:
// a scan of equally spaced points (every integer for short integer sides), then bisection of
// the first interval where the claim fails.
std::optional<Flip> FindFlip(ClaimEvaluator& evaluator, const BoxSide& side, const Rational& edge, const Claim& claim,
                             const std::vector<Rational>& scan, const std::vector<char>& scan_holds, int steps) {
  Rational a = side.value;  // the claim holds here
  Rational b;
  bool found = false;
  for (std::size_t j = 0; j < scan.size(); ++j) {
    if (!scan_holds[j]) {
      b = scan[j];
      found = true;
      break;
    }
    a = scan[j];
  }
  if (!found) return std::nullopt;
  auto holds = [&](const Rational& x) { return evaluator.ClaimHolds(claim, {{side.parameter, x}}); };
  Flip f;
  f.parameter = side.parameter;
  f.claim = claim.name;
  f.upward = edge > side.value;
  if (side.integer) {
    // Integers between a (holds) and b (fails): bisect to adjacent integers, exactly.
    while (abs(Rational(b - a)) > 1) {
      const Rational mid = Floor(Rational((a + b) / 2));
      (holds(mid) ? a : b) = mid;
    }
    f.at = b;
    f.exact = true;
  } else {
    for (int k = 0; k < steps; ++k) {
      const Rational mid = (a + b) / 2;
      (holds(mid) ? a : b) = mid;
    }
    f.at = SimplestRationalIn(std::min(a, b), std::max(a, b));
  }
  f.bracket_low = std::min(a, b);
  f.bracket_high = std::max(a, b);
  f.holds_at = f.at == b ? false : f.at == a ? true : holds(f.at);
  return f;
}

}  // namespace

std::vector<BoxSide> ChooseBox(const models::Scenario& scenario, const RobustnessOptions& o,
                               std::vector<std::string>* fixed) {
  const models::ModelSpec& model = models::FindModel(scenario.model);
  auto spec_of = [&](const std::string& name) -> const models::ParameterSpec* {
    for (const models::ParameterSpec& p : model.parameters) {
      if (p.name == name) return &p;
    }
    return nullptr;
  };
  std::vector<std::string> names;
  if (o.unsourced) {
    if (scenario.unsourced.empty()) {
      throw InputError(scenario.path + ": --unsourced: the file lists no unsourced parameters (unsourced = [...])");
    }
    for (const std::string& name : scenario.unsourced) {
      if (spec_of(name)->kind == models::ParameterKind::kBoolean) {
        fixed->push_back(name + ": a boolean (a switch), not varied");
      } else {
        names.push_back(name);
      }
    }
  } else if (!o.params.empty()) {
    for (const std::string& name : o.params) {
      const models::ParameterSpec* p = spec_of(name);
      if (p == nullptr) {
        throw InputError("--params: unknown parameter '" + name + "' of model " + model.name +
                         " (ncpmi models " + model.name + " lists them)");
      }
      if (p->kind == models::ParameterKind::kBoolean) {
        throw InputError("--params: '" + name + "' is a boolean (a switch): robustness varies numbers; conditions " +
                         "are tested as pivotal claims");
      }
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        throw InputError("--params: '" + name + "' is listed twice");
      }
      names.push_back(name);
    }
  } else {
    for (const models::ParameterSpec& p : model.parameters) {
      if (p.kind == models::ParameterKind::kNumber && (scenario.given.count(p.name) || scenario.ranges.count(p.name))) {
        names.push_back(p.name);
      }
    }
  }
  std::vector<BoxSide> sides;
  for (const std::string& name : names) {
    const models::ParameterSpec& p = *spec_of(name);
    BoxSide side;
    side.parameter = name;
    side.integer = p.kind == models::ParameterKind::kInteger;
    side.value = scenario.values.at(name);
    const auto range = scenario.ranges.find(name);
    if (range != scenario.ranges.end()) {
      side.lo = range->second.lo;
      side.hi = range->second.hi;
      side.origin = "ranges";
    } else {
      const Rational a = side.value * (1 - o.box), b = side.value * (1 + o.box);
      side.lo = std::max(std::min(a, b), p.min);
      side.hi = std::min(std::max(a, b), p.max);
      if (side.integer) {
        side.lo = Ceil(side.lo);
        side.hi = Floor(side.hi);
      }
      side.origin = "relative";
    }
    if (side.lo == side.hi) {
      fixed->push_back(name + ": value " + FormatRational(side.value) + ", zero-width box");
      continue;
    }
    sides.push_back(std::move(side));
  }
  return sides;
}

std::vector<Rational> SampleBox(const std::vector<BoxSide>& sides, std::int64_t s, std::int64_t n, std::uint64_t seed) {
  std::vector<Rational> point(sides.size());
  const std::uint64_t us = static_cast<std::uint64_t>(s), un = static_cast<std::uint64_t>(n);
  for (std::size_t d = 0; d < sides.size(); ++d) {
    const BoxSide& side = sides[d];
    const std::uint64_t stratum = PermuteIndex(us, un, seed, 2 * d + 1);
    const std::uint64_t offset = CounterHash(seed, 2 * d, us) >> 32;  // 32 random bits
    // t = (stratum + offset / 2^32) / n in [0, 1), exactly.
    Rational t;
    mpz_set_ui(t.get_num_mpz_t(), static_cast<unsigned long>(stratum));
    mpz_mul_2exp(t.get_num_mpz_t(), t.get_num_mpz_t(), 32);
    mpz_add_ui(t.get_num_mpz_t(), t.get_num_mpz_t(), static_cast<unsigned long>(offset));
    mpz_set_ui(t.get_den_mpz_t(), static_cast<unsigned long>(un));
    mpz_mul_2exp(t.get_den_mpz_t(), t.get_den_mpz_t(), 32);
    t.canonicalize();
    if (side.integer) {
      point[d] = side.lo + Floor(Rational(t * (side.hi - side.lo + 1)));
    } else {
      point[d] = side.lo + t * (side.hi - side.lo);
    }
  }
  return point;
}

Rational SimplestRationalIn(const Rational& lo, const Rational& hi) {
  // Walk the continued fractions of lo and hi together (Stern-Brocot); where they part, the
  // simplest fraction takes the smaller partial quotient plus one. Kept as the convergent
  // recurrences h_k = a_k h_{k-1} + h_{k-2}, so no recursion.
  if (lo <= 0 && hi >= 0) return 0;
  const bool negative = hi < 0;
  Rational x = negative ? Rational(-hi) : lo, y = negative ? Rational(-lo) : hi;  // 0 < x <= y
  mpz_class h_prev = 1, h_prev2 = 0, k_prev = 0, k_prev2 = 1;
  for (;;) {
    const mpz_class ax = x.get_num() / x.get_den();  // floor, x > 0
    const mpz_class ay = y.get_num() / y.get_den();
    mpz_class a;
    bool last = false;
    if (ax < ay) {
      // An integer lies in (x, y]: the smallest one above floor(x), unless x is itself an integer.
      a = x.get_den() == 1 ? ax : mpz_class(ax + 1);
      last = true;
    } else if (Rational(x - ax) == 0) {
      a = ax;  // x is the integer ax = floor(y)
      last = true;
    } else {
      a = ax;
    }
    const mpz_class h = a * h_prev + h_prev2, k = a * k_prev + k_prev2;
    if (last) {
      Rational r(h, k);
      r.canonicalize();
      return negative ? Rational(-r) : r;
    }
    h_prev2 = h_prev;
    h_prev = h;
    k_prev2 = k_prev;
    k_prev = k;
    // Continue with the reciprocals of the fractional parts; the order swaps.
    const Rational fx = x - ax, fy = y - ay;
    x = 1 / fy;
    y = 1 / fx;
  }
}

RobustnessReport AnalyseRobustness(const models::Scenario& scenario, const RobustnessOptions& o) {
  if (o.samples < 1) throw InputError("--samples must be at least 1");
  if (o.box < 0) throw InputError("--box must be at least 0");
  RobustnessReport r;
  r.scenario_path = scenario.path;
  r.title = scenario.title;
  r.model = scenario.model;
  r.threshold = o.analysis.threshold;
  r.samples = o.samples;
  r.seed = o.seed;
  r.box = o.box;
  r.scan_points = o.scan_points;
  r.bisection_steps = o.bisection_steps;
  r.tolerance_factor = 1;
  for (int k = 0; k < o.bisection_steps; ++k) r.tolerance_factor /= 2;
  r.sides = ChooseBox(scenario, o, &r.fixed);
  if (r.sides.empty()) throw InputError(scenario.path + ": no parameter to vary (every chosen box has zero width)");

  const models::ModelSpec& model = models::FindModel(scenario.model);
  const std::map<char, std::string> switches = models::ConditionSwitches(model);
  std::vector<std::string> present;
  for (const char letter : std::string(kLetters)) {
    const auto it = switches.find(letter);
    if (it != switches.end() && scenario.values.at(it->second) != 0) {
      present.push_back(it->second);
      r.conditions_present.emplace_back(1, letter);
    }
  }
  models::AnalysisOptions analysis = o.analysis;
  analysis.limits.max_memory_bytes = MemoryLimitBytes(analysis.limits);

  // The claims as stated at the scenario's own values.
  {
    ClaimEvaluator own(scenario, present, analysis);
    const Verdicts v = own.Evaluate({});
    r.verdict = v.own;
    r.p_settlement = models::AnalyseGame(models::BuildScenario(scenario), analysis).summary.p_settlement;
    Claim verdict;
    verdict.name = std::string("verdict ") + models::VerdictName(v.own);
    verdict.verdict = v.own;
    r.claims.push_back(verdict);
    for (std::size_t k = 0; k < present.size(); ++k) {
      Claim c;
      c.condition = static_cast<int>(k);
      c.pivotal = v.own != Verdict::kNo && v.off[k] == Verdict::kNo;
      c.name = r.conditions_present[k] + (c.pivotal ? " pivotal" : " not pivotal");
      r.claims.push_back(c);
    }
  }

  // Samples, chunk by chunk, over the threads; chunk files when a parts directory is given.
  const std::int64_t n = o.samples;
  const std::int64_t chunk = std::max<std::int64_t>(1, o.chunk_size);
  RunIdentity id;
  id.fingerprint = Fingerprint(scenario, r.sides, o);
  id.points = n;
  id.chunk_size = chunk;
  const bool stored = !o.parts_dir.empty();
  if (stored) PrepareParts(o.parts_dir, id, o.resume);
  const std::int64_t chunks = id.NumChunks();
  std::vector<std::string> payloads(static_cast<std::size_t>(chunks));
  std::atomic<std::int64_t> next{0}, computed{0}, reused{0};
  std::exception_ptr first_error;
  if (o.threads > 0) omp_set_num_threads(o.threads);
#pragma omp parallel
  {
    ClaimEvaluator evaluator(scenario, present, analysis);
    for (;;) {
      const std::int64_t c = next.fetch_add(1);
      if (c >= chunks) break;
      try {
        std::string& payload = payloads[static_cast<std::size_t>(c)];
        if (stored && o.resume) {
          if (std::optional<std::string> kept = ReadChunk(o.parts_dir, id, c)) {
            payload = *std::move(kept);
            reused.fetch_add(1);
            continue;
          }
        }
        const std::int64_t first = c * chunk, count = std::min(chunk, n - first);
        for (std::int64_t s = first; s < first + count; ++s) {
          try {
            payload += SampleRow(s, evaluator.Evaluate(ValuesOf(r.sides, SampleBox(r.sides, s, n, o.seed))));
          } catch (const InputError& e) {
            payload += ErrorRow(s, e.what());
          }
        }
        if (stored) WriteChunk(o.parts_dir, id, c, first, count, payload);
        computed.fetch_add(count);
      } catch (...) {
#pragma omp critical(ncpmi_robustness_error)
        if (!first_error) first_error = std::current_exception();
        next.store(chunks);
      }
    }
  }
  if (first_error) std::rethrow_exception(first_error);
  r.computed = computed.load();
  r.reused_chunks = reused.load();

  // Read the rows back (in sample order) into indicators.
  const std::size_t num_claims = r.claims.size();
  std::vector<std::vector<double>> indicator(num_claims), parameter(r.sides.size());
  r.shares.resize(num_claims);
  for (const std::string& payload : payloads) {
    std::size_t start = 0;
    while (start < payload.size()) {
      const std::size_t end = payload.find('\n', start);
      const std::string line = payload.substr(start, end - start);
      start = end + 1;
      const std::vector<std::string> f = Split(line, 2 + present.size() + 1);
      const std::int64_t s = std::stoll(f.at(0));
      if (f.at(1) == "error") {
        if (r.errors++ == 0) r.first_error = "sample " + f.at(0) + ": " + f.at(2);
        continue;
      }
      if (f.size() != 3 + present.size()) throw std::runtime_error("robustness: a malformed chunk row: " + line);
      Verdicts v;
      v.own = VerdictNamed(f[2]);
      for (std::size_t k = 0; k < present.size(); ++k) v.off.push_back(VerdictNamed(f[3 + k]));
      ++r.verdict_counts[static_cast<int>(v.own)];
      for (std::size_t c = 0; c < num_claims; ++c) {
        const bool h = Holds(r.claims[c], v);
        indicator[c].push_back(h ? 1 : 0);
        r.shares[c].holds += h;
        ++r.shares[c].valid;
      }
      const std::vector<Rational> point = SampleBox(r.sides, s, n, o.seed);
      for (std::size_t d = 0; d < r.sides.size(); ++d) parameter[d].push_back(point[d].get_d());
    }
  }
  if (stored) RemoveParts(o.parts_dir);
  for (std::size_t c = 0; c < num_claims; ++c) {
    ClaimShare& share = r.shares[c];
    if (share.valid > 0) {
      share.share = Rational(share.holds, share.valid);
      share.share.canonicalize();
      std::tie(share.wilson_low, share.wilson_high) = WilsonInterval(share.holds, share.valid);
    }
    for (std::size_t d = 0; d < r.sides.size(); ++d) share.spearman.push_back(SpearmanCorrelation(parameter[d], indicator[c]));
  }

  // One-at-a-time flips: each side and direction is one task; results kept in task order.
  const int tasks = static_cast<int>(2 * r.sides.size());
  std::vector<std::vector<Flip>> found(static_cast<std::size_t>(tasks));
  std::vector<std::exception_ptr> task_errors(static_cast<std::size_t>(tasks));
#pragma omp parallel
  {
    ClaimEvaluator evaluator(scenario, present, analysis);
#pragma omp for schedule(dynamic, 1)
    for (int t = 0; t < tasks; ++t) {
      try {
        const BoxSide& side = r.sides[static_cast<std::size_t>(t / 2)];
        const Rational edge = t % 2 == 0 ? side.lo : side.hi;
        if (edge == side.value) continue;
        evaluator.StartMemo();
        std::vector<Rational> scan;
        const Rational span = edge - side.value;
        if (side.integer && abs(span) <= 64) {
          const int sign = span > 0 ? 1 : -1;
          for (Rational x = side.value + sign; sign > 0 ? x <= edge : x >= edge; x += sign) scan.push_back(x);
        } else {
          for (int j = 1; j <= o.scan_points; ++j) {
            Rational x = side.value + span * j / o.scan_points;
            if (side.integer) x = span > 0 ? Floor(x) : Ceil(x);
            if (scan.empty() || scan.back() != x) scan.push_back(x);
          }
        }
        // Every claim at every scan point (until a point whose game is invalid).
        std::vector<std::vector<char>> holds(num_claims);
        std::size_t usable = 0;
        for (const Rational& x : scan) {
          Verdicts v;
          try {
            v = evaluator.Evaluate({{side.parameter, x}});
          } catch (const InputError&) {
            break;
          }
          for (std::size_t c = 0; c < num_claims; ++c) holds[c].push_back(Holds(r.claims[c], v) ? 1 : 0);
          ++usable;
        }
        scan.resize(usable);
        for (std::size_t c = 0; c < num_claims; ++c) {
          if (std::optional<Flip> f = FindFlip(evaluator, side, edge, r.claims[c], scan, holds[c], o.bisection_steps)) {
            found[static_cast<std::size_t>(t)].push_back(*std::move(f));
          }
        }
      } catch (...) {
        task_errors[static_cast<std::size_t>(t)] = std::current_exception();
      }
    }
  }
  for (const std::exception_ptr& e : task_errors) {
    if (e) std::rethrow_exception(e);
  }
  for (std::vector<Flip>& flips : found) {
    for (Flip& f : flips) r.flips.push_back(std::move(f));
  }
  return r;
}

}  // namespace ncpmi::sweep
