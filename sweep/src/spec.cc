// Sweep specs: TOML read into exact axes with file:line:col errors; points generated from their
// index with counter-based randomness.
#include "ncpmi/sweep/spec.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include <toml++/toml.h>

#include "ncpmi/game/error.h"
#include "ncpmi/models/toml_entries.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/model.h"

namespace ncpmi::sweep {

const char* OutputName(Output o) {
  switch (o) {
    case Output::kVerdict: return "verdict";
    case Output::kPSettlement: return "p_settlement";
    case Output::kPDurable: return "p_durable";
    case Output::kOutcomeClass: return "outcome_class";
    case Output::kPayoffs: return "payoffs";
    case Output::kPath: return "path";
    case Output::kMethod: return "method";
  }
  return "?";
}

std::uint64_t Fnv1a(std::string_view data, std::uint64_t h) {
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

namespace {

std::uint64_t Mix(std::uint64_t z) {  // SplitMix64's finaliser
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

Rational FromDouble(double d) {
  Rational q;
  mpq_set_d(q.get_mpq_t(), d);  // exact: every finite double is a dyadic rational; GMP raises SIGFPE on inf/NaN
  return q;
}

// Bits of numerator or denominator up to which a logspace power is computed exactly: far beyond
// any parameter's range, and small enough that base^4096 of a long base costs no time or memory.
constexpr std::size_t kMaxExactPowerBits = std::size_t{1} << 16;

// base^e exactly when e is an integer and the result has at most kMaxExactPowerBits bits.
std::optional<Rational> ExactPower(const Rational& base, const Rational& e) {
  if (e.get_den() != 1 || !e.get_num().fits_slong_p()) return std::nullopt;
  const long p = e.get_num().get_si();
  const std::size_t bits = std::max(mpz_sizeinbase(base.get_num_mpz_t(), 2), mpz_sizeinbase(base.get_den_mpz_t(), 2));
  const unsigned long abs_p = static_cast<unsigned long>(p < 0 ? -p : p);
  if (abs_p > 4096 || bits * abs_p > kMaxExactPowerBits) return std::nullopt;
  Rational r;
  mpz_pow_ui(r.get_num_mpz_t(), base.get_num_mpz_t(), abs_p);
  mpz_pow_ui(r.get_den_mpz_t(), base.get_den_mpz_t(), abs_p);
  r.canonicalize();
  return p >= 0 ? r : Rational(1 / r);
}

// The exponent of logspace point k.
Rational LogspaceExponent(const Axis& axis, std::int64_t k) {
  Rational e = axis.a;
  if (axis.n > 1) {
    e = axis.b - axis.a;
    e *= k;
    e /= axis.n - 1;
    e += axis.a;
  }
  return e;
}

// False when logspace point k is neither exact nor a finite double (base^e overflows).
bool LogspaceFinite(const Axis& axis, std::int64_t k) {
  const Rational e = LogspaceExponent(axis, k);
  return ExactPower(axis.base, e) || std::isfinite(std::pow(axis.base.get_d(), e.get_d()));
}

// The number as written when short, else its order of magnitude ("about 10^400"), for messages.
std::string Short(const Rational& q) {
  std::string text = FormatRational(q);
  if (text.size() <= 24) return text;
  const long digits = static_cast<long>(mpz_sizeinbase(q.get_num_mpz_t(), 10)) -
                      static_cast<long>(mpz_sizeinbase(q.get_den_mpz_t(), 10));
  return std::string(q < 0 ? "-" : "") + "about 10^" + std::to_string(digits);
}

}  // namespace

std::uint64_t CounterHash(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter) {
  std::uint64_t h = Mix(seed + 0x9e3779b97f4a7c15ull);
  h = Mix(h ^ (stream * 0xd1b54a32d192ed03ull + 0x8cb92ba72f3d8dd7ull));
  return Mix(h ^ (counter + 0x632be59bd9b4e019ull));
}

double CounterUniform(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter) {
  return static_cast<double>(CounterHash(seed, stream, counter) >> 11) * 0x1.0p-53;
}

std::uint64_t PermuteIndex(std::uint64_t x, std::uint64_t n, std::uint64_t seed, std::uint64_t stream) {
  if (n <= 1) return 0;
  int bits = 0;
  while ((std::uint64_t{1} << bits) < n) ++bits;
  const int half = (bits + 1) / 2;
  const std::uint64_t mask = (std::uint64_t{1} << half) - 1;
  // A balanced Feistel network on 2*half bits is a bijection of [0, 4^half); walking the cycle
  // until the image falls below n restricts it to a bijection of [0, n) (expected < 4 steps).
  do {
    std::uint64_t left = x >> half, right = x & mask;
    for (std::uint64_t round = 0; round < 4; ++round) {
      const std::uint64_t f = CounterHash(seed, stream * 8 + round + 1, right) & mask;
      const std::uint64_t next = left ^ f;
      left = right;
      right = next;
    }
    x = (left << half) | right;
  } while (x >= n);
  return x;
}

Rational Axis::Value(std::int64_t k) const {
  switch (kind) {
    case Kind::kList: return values[static_cast<std::size_t>(k)];
    case Kind::kLinspace: {
      if (n == 1) return a;
      Rational v = b - a;
      v *= k;
      v /= n - 1;
      v += a;
      return v;
    }
    case Kind::kLogspace: {
      const Rational e = LogspaceExponent(*this, k);
      if (std::optional<Rational> exact = ExactPower(base, e)) return *std::move(exact);
      const double d = std::pow(base.get_d(), e.get_d());
      // ParseSweepSpec refuses ends that overflow (and every point lies between its ends); the
      // clamp only keeps a hand-built axis away from GMP's SIGFPE.
      return FromDouble(std::isfinite(d) ? d : std::numeric_limits<double>::max());
    }
  }
  return 0;
}

std::int64_t SweepSpec::NumPoints() const {
  std::int64_t total = samples;
  for (const Axis& axis : grid) total *= axis.Size();
  return total;
}

std::vector<std::string> SweepSpec::SweptNames() const {
  std::vector<std::string> names;
  for (const Axis& axis : grid) names.push_back(axis.parameter);
  for (const RandomAxis& axis : random) names.push_back(axis.parameter);
  return names;
}

bool SweepSpec::Has(Output o) const { return std::find(outputs.begin(), outputs.end(), o) != outputs.end(); }

void SweepSpec::PointIndices(std::int64_t i, std::vector<std::int64_t>* indices, std::int64_t* sample) const {
  indices->resize(grid.size());
  *sample = i % samples;
  std::int64_t g = i / samples;
  for (std::size_t d = grid.size(); d-- > 0;) {
    const std::int64_t size = grid[d].Size();
    (*indices)[d] = g % size;
    g /= size;
  }
}

void SweepSpec::PointValues(std::int64_t i, std::vector<Rational>* values) const {
  values->resize(grid.size() + random.size());
  std::vector<std::int64_t> indices;
  std::int64_t s = 0;
  PointIndices(i, &indices, &s);
  for (std::size_t d = 0; d < grid.size(); ++d) (*values)[d] = grid[d].Value(indices[d]);
  SampleValues(s, values);
}

void SweepSpec::SampleValues(std::int64_t s, std::vector<Rational>* values) const {
  for (std::size_t d = 0; d < random.size(); ++d) {
    const RandomAxis& axis = random[d];
    const std::uint64_t us = static_cast<std::uint64_t>(s);
    double u = CounterUniform(seed, 2 * d, us);
    if (sample_method == SampleMethod::kLatinHypercube) {
      const std::uint64_t stratum = PermuteIndex(us, static_cast<std::uint64_t>(samples), seed, 2 * d + 1);
      u = (static_cast<double>(stratum) + u) / static_cast<double>(samples);
    }
    Rational& v = (*values)[grid.size() + d];
    if (axis.integer) {
      const double width = Rational(axis.hi - axis.lo).get_d() + 1;
      double k = std::floor(u * width);
      if (k >= width) k = width - 1;
      v = axis.lo + FromDouble(k);
    } else {
      const double lo = axis.lo.get_d(), hi = axis.hi.get_d();
      v = FromDouble(lo + u * (hi - lo));
      if (v < axis.lo) v = axis.lo;  // the doubles of lo, hi may round outside the exact range
      if (v > axis.hi) v = axis.hi;
    }
  }
}

namespace {

using models::EntriesInFileOrder;
using models::SourceLocation;
using models::TomlLocation;

std::string TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string \"" + node.as_string()->get() + "\"";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    default: return "a date or time";
  }
}

class SpecReader {
 public:
  SpecReader(std::string_view text, const std::string& source_name, const std::string& base_dir)
      : text_(text), base_dir_(base_dir) {
    spec_.path = source_name;
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }

  SweepSpec Read() {
    toml::table root;
    try {
      root = toml::parse(text_, spec_.path);
    } catch (const toml::parse_error& e) {
      throw InputError(spec_.path, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column),
                       std::string(e.description()));
    }
    const toml::node* grid = nullptr;
    const toml::node* sample = nullptr;
    const toml::node* threshold = nullptr;
    bool have_outputs = false;
    for (const auto& [key, node, key_at] : EntriesInFileOrder(root)) {
      if (key == "title") {
        spec_.title = String(key, *node);
      } else if (key == "scenario") {
        scenario_node_ = node;
      } else if (key == "threshold") {
        threshold = node;
      } else if (key == "concept") {
        const std::string c = String(key, *node);
        if (c != "spe" && c != "sequential") Fail(*node, "'concept' must be \"spe\" or \"sequential\", got \"" + c + "\"");
        spec_.solution_concept = c == "spe" ? SolutionConcept::kSubgamePerfect : SolutionConcept::kSequential;
      } else if (key == "chunk") {
        const auto* i = node->as_integer();
        if (i == nullptr || i->get() < 1 || i->get() > 100000000) Fail(*node, "'chunk' must be an integer in [1, 10^8] (points per chunk file)");
        spec_.chunk_size = i->get();
      } else if (key == "outputs") {
        ReadOutputs(*node);
        have_outputs = true;
      } else if (key == "grid" || key == "sample") {
        if (!node->is_table()) Fail(*node, "'" + key + "' must be a table ([" + key + "]), got " + TypeName(*node));
        (key == "grid" ? grid : sample) = node;
      } else {
        FailAt(key_at, "unknown key '" + key + "' (known: title, scenario, threshold, concept, outputs, chunk, [grid], [sample])");
      }
    }
    if (scenario_node_ == nullptr) throw InputError(spec_.path, 1, 1, "missing key 'scenario' (the base scenario file, relative to this file)");
    const std::string scenario = String("scenario", *scenario_node_);
    const std::string resolved = scenario.empty() || scenario[0] == '/' || base_dir_.empty() ? scenario : base_dir_ + "/" + scenario;
    std::string scenario_text;
    try {
      scenario_text = ReadWholeFile(resolved);
    } catch (const std::exception& e) {
      Fail(*scenario_node_, "cannot read the scenario '" + resolved + "': " + e.what());
    }
    spec_.base = models::ParseScenario(scenario_text, resolved);
    spec_.threshold = spec_.base.threshold;
    if (threshold != nullptr) {
      spec_.threshold = Number("threshold", *threshold, false);
      if (spec_.threshold < 0 || spec_.threshold > 1) Fail(*threshold, "threshold " + FormatRational(spec_.threshold) + " is outside [0, 1]");
    }
    if (!have_outputs) {
      spec_.outputs = {Output::kVerdict, Output::kPSettlement, Output::kPDurable, Output::kOutcomeClass, Output::kPayoffs,
                       Output::kMethod};
    }
    const models::ModelSpec& model = models::FindModel(spec_.base.model);
    if (grid != nullptr) ReadGrid(model, *grid->as_table());
    if (sample != nullptr) ReadSample(model, *sample->as_table(), sample->source());
    // Overflow-safe point count.
    long double total = static_cast<long double>(spec_.samples);
    for (const Axis& a : spec_.grid) total *= static_cast<long double>(a.Size());
    if (total > 4e18L) throw InputError(spec_.path, 1, 1, "the sweep has more than 4*10^18 points");
    const Game game = models::BuildScenario(spec_.base);
    for (int p = 1; p <= game.NumPlayers(); ++p) spec_.players.push_back(game.PlayerName(p));
    spec_.fingerprint = Fnv1a(scenario_text, Fnv1a(text_));
    return std::move(spec_);
  }

 private:
  [[noreturn]] void FailAt(const SourceLocation& at, const std::string& message) const {
    throw InputError(spec_.path, std::max(at.line, 1), std::max(at.column, 1), message);
  }
  [[noreturn]] void Fail(const toml::node& node, const std::string& message) const { FailAt(TomlLocation(node.source()), message); }

  std::string String(const std::string& key, const toml::node& node) const {
    if (const auto* s = node.as_string()) return s->get();
    Fail(node, "'" + key + "' must be a string, got " + TypeName(node));
  }

  // The float as written (so 0.45 is 9/20).
  std::string FloatText(const toml::node& node) const {
    const auto& r = node.source().begin;
    if (r.line < 1 || r.line > lines_.size()) return {};
    const std::string_view line = lines_[r.line - 1];
    std::size_t byte = 0;
    for (std::size_t c = 1; c < r.column && byte < line.size(); ++c) {
      ++byte;
      while (byte < line.size() && (static_cast<unsigned char>(line[byte]) & 0xC0) == 0x80) ++byte;
    }
    std::string token;
    for (; byte < line.size(); ++byte) {
      const char c = line[byte];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.' || c == '_')) break;
      if (c != '_') token += c;
    }
    return token;
  }

  Rational Number(const std::string& what, const toml::node& node, bool boolean) const {
    if (const auto* b = node.as_boolean()) {
      if (boolean) return b->get() ? 1 : 0;
      Fail(node, what + ": expected a number, got a boolean");
    }
    if (boolean) Fail(node, what + ": expected true or false, got " + TypeName(node));
    if (const auto* i = node.as_integer()) {
      Rational q;
      mpz_set_si(q.get_num_mpz_t(), i->get());
      return q;
    }
    std::optional<Rational> q;
    if (node.is_floating_point()) {
      q = ParseRational(FloatText(node));
      if (!q) Fail(node, what + ": cannot read the float " + FloatText(node) + " exactly");
    } else if (const auto* s = node.as_string()) {
      q = ParseRational(s->get());
      if (!q) Fail(node, what + ": expected a number (an integer, a fraction like \"3/4\" or a decimal), got the string \"" + s->get() + "\"");
    } else {
      Fail(node, what + ": expected a number, got " + TypeName(node));
    }
    return *q;
  }

  std::int64_t Count(const std::string& what, const toml::node& node) const {
    const auto* i = node.as_integer();
    if (i == nullptr || i->get() < 1 || i->get() > (std::int64_t{1} << 40)) {
      Fail(node, what + ": the number of points must be an integer in [1, 2^40], got " + TypeName(node));
    }
    return i->get();
  }

  void ReadOutputs(const toml::node& node) {
    const auto* array = node.as_array();
    if (array == nullptr) Fail(node, "'outputs' must be an array of names, got " + TypeName(node));
    static const Output kAll[] = {Output::kVerdict, Output::kPSettlement, Output::kPDurable, Output::kOutcomeClass,
                                  Output::kPayoffs, Output::kPath, Output::kMethod};
    std::vector<bool> chosen(std::size(kAll), false);
    for (const toml::node& item : *array) {
      const std::string name = String("outputs", item);
      std::size_t k = 0;
      while (k < std::size(kAll) && name != OutputName(kAll[k])) ++k;
      if (k == std::size(kAll)) {
        Fail(item, "unknown output '" + name + "' (known: verdict, p_settlement, p_durable, outcome_class, payoffs, path, method)");
      }
      if (chosen[k]) Fail(item, "output '" + name + "' is listed twice");
      chosen[k] = true;
    }
    for (std::size_t k = 0; k < std::size(kAll); ++k) {
      if (chosen[k]) spec_.outputs.push_back(kAll[k]);  // fixed column order
    }
  }

  // The parameter a grid or range key names (a parameter, a condition letter or switch name).
  const models::ParameterSpec& Parameter(const models::ModelSpec& model, const std::string& key, const SourceLocation& at) {
    std::string name = key;
    const std::map<char, std::string> switches = models::ConditionSwitches(model);
    if (key.size() == 1 && switches.count(key[0]) != 0) name = switches.at(key[0]);
    const auto it = std::find_if(model.parameters.begin(), model.parameters.end(),
                                 [&](const models::ParameterSpec& p) { return p.name == name; });
    if (it == model.parameters.end()) {
      FailAt(at, "unknown parameter '" + key + "' of model " + model.name + " (see `ncpmi models " + model.name + "`)");
    }
    if (std::find(swept_.begin(), swept_.end(), name) != swept_.end()) FailAt(at, "parameter " + name + " is swept twice");
    swept_.push_back(name);
    return *it;
  }

  void Check(const models::ModelSpec& model, const std::string& name, const Rational& v, const toml::node& node) const {
    try {
      models::ResolveParameters(model, {{name, v}});
    } catch (const InputError& e) {
      Fail(node, e.what());
    }
  }

  void ReadGrid(const models::ModelSpec& model, const toml::table& table) {
    for (const auto& [key, node, key_at] : EntriesInFileOrder(table)) {
      const models::ParameterSpec& p = Parameter(model, key, key_at);
      const bool boolean = p.kind == models::ParameterKind::kBoolean;
      Axis axis;
      axis.parameter = p.name;
      axis.location = TomlLocation(node->source());
      const std::string what = "parameter " + p.name;
      const toml::array* list = node->as_array();
      const toml::node* list_node = node;
      if (const auto* t = node->as_table()) {
        if (t->size() == 0) Fail(*node, what + ": expected one of list, linspace or logspace");
        for (const auto& [k, v, k_at] : EntriesInFileOrder(*t)) {
          if (k == "list") {
            list = v->as_array();
            list_node = v;
            if (list == nullptr) Fail(*v, what + ": 'list' must be an array");
          } else if (k == "linspace" || k == "logspace") {
            if (boolean) Fail(*v, what + " is a boolean: sweep it with a list, [true, false]");
            const auto* a = v->as_array();
            if (a == nullptr || a->size() != 3) Fail(*v, what + ": '" + k + "' must be [first, last, points]");
            axis.kind = k == "linspace" ? Axis::Kind::kLinspace : Axis::Kind::kLogspace;
            axis.a = Number(what, *a->get(0), false);
            axis.b = Number(what, *a->get(1), false);
            axis.n = Count(what, *a->get(2));
            if (axis.kind == Axis::Kind::kLinspace) {
              if (p.kind == models::ParameterKind::kInteger && axis.n > 1) {
                const Rational step = (axis.b - axis.a) / Rational(axis.n - 1);
                if (axis.a.get_den() != 1 || step.get_den() != 1) Fail(*v, what + " is an integer: the linspace step " + FormatRational(step) + " must be an integer");
              }
            } else if (p.kind == models::ParameterKind::kInteger) {
              Fail(*v, what + " is an integer: use a list or linspace");
            }
          } else if (k == "base") {
            axis.base = Number(what + " base", *v, false);
            if (axis.base <= 0 || axis.base == 1) Fail(*v, what + ": the logspace base must be positive and not 1");
          } else {
            FailAt(k_at, what + ": unknown key '" + k + "' (list, linspace, logspace, base)");
          }
        }
        if (list != nullptr && axis.kind != Axis::Kind::kList) Fail(*node, what + ": give one of list, linspace or logspace");
        if (list == nullptr && axis.kind == Axis::Kind::kList) Fail(*node, what + ": expected one of list, linspace or logspace");
      } else if (list == nullptr) {
        Fail(*node, what + ": expected a list [v1, v2, ...] or a table { linspace = [a, b, n] }, got " + TypeName(*node));
      }
      if (list != nullptr) {
        if (list->empty()) Fail(*list_node, what + ": the list is empty");
        for (const toml::node& item : *list) {
          axis.values.push_back(Number(what, item, boolean));
          Check(model, p.name, axis.values.back(), item);
        }
      } else {
        if (axis.kind == Axis::Kind::kLogspace) {
          for (const std::int64_t k : {std::int64_t{0}, axis.n - 1}) {
            if (!LogspaceFinite(axis, k)) {
              Fail(*node, what + ": the logspace end with exponent " + Short(LogspaceExponent(axis, k)) +
                              " overflows a double (base " + Short(axis.base) + ")");
            }
          }
        }
        // Ranges are convex: the ends decide (and every logspace value lies between its ends).
        Check(model, p.name, axis.Value(0), *node);
        Check(model, p.name, axis.Value(axis.n - 1), *node);
      }
      spec_.grid.push_back(std::move(axis));
    }
  }

  void ReadSample(const models::ModelSpec& model, const toml::table& table, const toml::source_region& where) {
    const toml::table* ranges = nullptr;
    bool have_method = false, have_points = false;
    for (const auto& [key, node, key_at] : EntriesInFileOrder(table)) {
      if (key == "method") {
        const std::string m = String("method", *node);
        if (m == "uniform") {
          spec_.sample_method = SampleMethod::kUniform;
        } else if (m == "latin-hypercube") {
          spec_.sample_method = SampleMethod::kLatinHypercube;
        } else {
          Fail(*node, "unknown sampling method '" + m + "' (uniform or latin-hypercube)");
        }
        have_method = true;
      } else if (key == "points") {
        spec_.samples = Count("sample points", *node);
        have_points = true;
      } else if (key == "seed") {
        const auto* i = node->as_integer();
        if (i == nullptr || i->get() < 0) Fail(*node, "'seed' must be a non-negative integer");
        spec_.seed = static_cast<std::uint64_t>(i->get());
      } else if (key == "ranges") {
        ranges = node->as_table();
        if (ranges == nullptr) Fail(*node, "'ranges' must be a table ([sample.ranges]) of parameter = [low, high]");
      } else {
        FailAt(key_at, "unknown key '" + key + "' in [sample] (method, points, seed, [sample.ranges])");
      }
    }
    const SourceLocation at = TomlLocation(where);
    if (!have_method || !have_points) FailAt(at, "[sample] needs 'method' and 'points'");
    if (ranges == nullptr || ranges->empty()) FailAt(at, "[sample] needs [sample.ranges] with at least one parameter = [low, high]");
    for (const auto& [key, node, key_at] : EntriesInFileOrder(*ranges)) {
      const models::ParameterSpec& p = Parameter(model, key, key_at);
      const std::string what = "parameter " + p.name;
      if (p.kind == models::ParameterKind::kBoolean) Fail(*node, what + " is a boolean: sweep it in [grid] with [true, false]");
      const auto* a = node->as_array();
      if (a == nullptr || a->size() != 2) Fail(*node, what + ": a range must be [low, high]");
      RandomAxis axis;
      axis.parameter = p.name;
      axis.lo = Number(what, *a->get(0), false);
      axis.hi = Number(what, *a->get(1), false);
      axis.integer = p.kind == models::ParameterKind::kInteger;
      axis.location = TomlLocation(node->source());
      if (axis.hi < axis.lo) Fail(*node, what + ": the range is empty (high < low)");
      if (axis.integer && (axis.lo.get_den() != 1 || axis.hi.get_den() != 1)) Fail(*node, what + " is an integer: give integer bounds");
      Check(model, p.name, axis.lo, *a->get(0));
      Check(model, p.name, axis.hi, *a->get(1));
      spec_.random.push_back(std::move(axis));
    }
  }

  std::string_view text_;
  std::string base_dir_;
  std::vector<std::string_view> lines_;
  const toml::node* scenario_node_ = nullptr;
  std::vector<std::string> swept_;
  SweepSpec spec_;
};

}  // namespace

SweepSpec ParseSweepSpec(std::string_view text, const std::string& source_name, const std::string& base_dir) {
  return SpecReader(text, source_name, base_dir).Read();
}

SweepSpec ReadSweepSpec(const std::string& path) {
  const std::string text = ReadWholeFile(path);
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? std::string(".") : slash == 0 ? std::string("/") : path.substr(0, slash);
  return ParseSweepSpec(text, path, dir);
}

}  // namespace ncpmi::sweep
