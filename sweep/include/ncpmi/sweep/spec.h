// Sweep specifications (TOML): a base scenario and, per parameter, a list, linspace, logspace or
// random range (uniform or Latin hypercube, counter-based and seeded); the points they define are
// generated one at a time from their index, never materialised.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/rational.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::sweep {

// What a sweep reports per point (in this order when several are chosen).
enum class Output { kVerdict, kPSettlement, kPDurable, kOutcomeClass, kPayoffs, kPath, kMethod };
const char* OutputName(Output o);  // "verdict", "p_settlement", ...

// One grid axis: the values of one parameter.
struct Axis {
  enum class Kind { kList, kLinspace, kLogspace };
  std::string parameter;
  Kind kind = Kind::kList;
  std::vector<Rational> values;  // kList
  Rational a, b;                 // kLinspace: a + k(b-a)/(n-1); kLogspace: exponents
  Rational base = 10;            // kLogspace
  std::int64_t n = 0;
  models::SourceLocation location;
  std::int64_t Size() const { return kind == Kind::kList ? static_cast<std::int64_t>(values.size()) : n; }
  // The k-th value (0 <= k < Size()). Exact for lists and linspace; for logspace exact when the
  // exponent is an integer of at most 4096 and the power has at most 2^16 bits, else the double
  // base^e (std::pow) converted exactly (ParseSweepSpec refuses ends where that overflows). O(1).
  Rational Value(std::int64_t k) const;
};

enum class SampleMethod { kNone, kUniform, kLatinHypercube };

// One randomly sampled parameter: uniform on [lo, hi] (integers: on lo..hi).
struct RandomAxis {
  std::string parameter;
  Rational lo, hi;
  bool integer = false;
  models::SourceLocation location;
};

struct SweepSpec {
  std::string path;                // as given (errors use it)
  std::string title;
  models::Scenario base;           // the base scenario (path relative to the spec file)
  Rational threshold;              // tau: the spec's `threshold`, else the scenario's
  // `concept = "spe" | "sequential"`: how points whose game has imperfect information are
  // decided (models::AnalysisOptions::solution_concept); `ncpmi sweep --concept` overrides it.
  SolutionConcept solution_concept = SolutionConcept::kSubgamePerfect;
  std::vector<Axis> grid;          // Cartesian product, first axis slowest
  SampleMethod sample_method = SampleMethod::kNone;
  std::int64_t samples = 1;        // random points per grid point (1 without [sample])
  std::uint64_t seed = 0;
  std::vector<RandomAxis> random;  // sampled parameters
  std::vector<Output> outputs;
  std::int64_t chunk_size = 1000;  // points per chunk file
  std::vector<std::string> players;  // of the base scenario's game: payoff columns
  std::uint64_t fingerprint = 0;     // hash of the spec and scenario texts (resume and merge checks)

  std::int64_t NumPoints() const;
  // Names of the swept parameters: grid axes, then random axes.
  std::vector<std::string> SweptNames() const;
  // The swept values of point i (same order as SweptNames), written into *values (resized).
  // Point i = g * samples + s: grid index g (row-major, first axis slowest), sample s. Random
  // values depend only on (seed, axis, s): the same samples at every grid point. O(axes).
  // Thread-safe.
  void PointValues(std::int64_t i, std::vector<Rational>* values) const;
  // The parts of PointValues, for callers that cache axis values: the grid index of point i on
  // each axis (*indices resized) and its sample index s; then the random values of sample s,
  // written into (*values)[grid.size()...] (*values already sized as by PointValues).
  void PointIndices(std::int64_t i, std::vector<std::int64_t>* indices, std::int64_t* sample) const;
  void SampleValues(std::int64_t s, std::vector<Rational>* values) const;
  bool Has(Output o) const;
};

// Parses a sweep spec (layout in docs/sweeps.md). `base_dir` resolves the scenario
// path. Throws InputError "source_name:line:col: message" for TOML errors, unknown keys,
// parameters or outputs, wrong types, empty or too large axes, values out of the parameter's
// range (every list value; the ends of linspace/logspace/random ranges) and a bad base scenario
// (its own file:line:col). The base scenario is read within the memory limit of `limits`.
// Thread-safe.
SweepSpec ParseSweepSpec(std::string_view text, const std::string& source_name, const std::string& base_dir,
                         const ResourceLimits& limits = {});
// Reads the spec ("-": standard input) through ReadWholeFile (TomlInput's cap, `limits`) and parses it.
SweepSpec ReadSweepSpec(const std::string& path, const ResourceLimits& limits = {});

// Counter-based randomness (no state): a 64-bit hash of (seed, stream, counter) and the uniform
// double in [0, 1) from its top 53 bits. Identical on every machine.
std::uint64_t CounterHash(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter);
double CounterUniform(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter);
// A pseudo-random permutation of [0, n) evaluated at x (Feistel network with cycle walking),
// keyed by (seed, stream). O(1) expected.
std::uint64_t PermuteIndex(std::uint64_t x, std::uint64_t n, std::uint64_t seed, std::uint64_t stream);

// 64-bit FNV-1a.
std::uint64_t Fnv1a(std::string_view data, std::uint64_t h = 14695981039346656037ull);

}  // namespace ncpmi::sweep
