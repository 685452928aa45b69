// Robustness of a scenario's claims over a box of plausible parameter values: Latin-hypercube
// samples of the box (exact rationals, counter-based, so any thread count gives the same
// samples), the share of the box where the verdict and each pivotal claim hold (Wilson
// intervals), rank correlations of each parameter with each claim, and one-at-a-time flip
// thresholds found by exact bisection. Samples are stored as the sweep's checksummed chunk files,
// so a killed run resumes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ncpmi/game/rational.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::sweep {

struct RobustnessOptions {
  std::int64_t samples = 200;       // Latin-hypercube samples of the box
  std::vector<std::string> params;  // parameters to vary; empty: see ChooseBox
  bool unsourced = false;           // vary the scenario's `unsourced` list instead
  Rational box = MakeRational(1, 4);  // relative half-width where [ranges] gives none
  std::uint64_t seed = 1;
  int threads = 0;                  // 0: OpenMP's default; results do not depend on it
  // Where the samples' chunk files go ("" : kept in memory only); with `resume`, valid chunks
  // there are reused.
  std::string parts_dir;
  bool resume = false;
  std::int64_t chunk_size = 25;     // samples per chunk file
  int scan_points = 8;              // one-at-a-time: equally spaced points from value to edge
  int bisection_steps = 40;         // then halvings of the first interval where a claim flips
  models::AnalysisOptions analysis; // threshold tau, enumeration cap, limits
};

// One varied parameter and its box.
struct BoxSide {
  std::string parameter;
  bool integer = false;     // sampled on the integers lo..hi
  Rational value, lo, hi;   // the scenario's value and the box (lo <= value <= hi)
  std::string origin;       // "ranges" (the file's [ranges]) or "relative" (value * (1 -/+ box))
};

// A claim the scenario makes at its own values: "verdict all", "N pivotal", "I not pivotal".
struct Claim {
  std::string name;
  int condition = -1;  // -1: the verdict; else the index (0..4 = N C P M I) of the condition
  bool pivotal = false;              // for a condition: the claim is "pivotal" (else "not pivotal")
  models::Verdict verdict = models::Verdict::kNo;  // for the verdict claim: the verdict stated
};

struct ClaimShare {
  std::int64_t holds = 0, valid = 0;     // samples where the claim holds / without an error
  Rational share;                        // holds / valid (0 when valid is 0)
  double wilson_low = 0, wilson_high = 0;
  // Spearman's rank correlation of each box parameter (BoxSide order) with the claim's 0/1
  // indicator over the valid samples; nullopt where either is constant.
  std::vector<std::optional<double>> spearman;
};

// Where a claim flips when one parameter moves alone from its value towards one edge of the box.
struct Flip {
  std::string parameter;
  std::string claim;
  bool upward = true;        // towards hi (else towards lo)
  Rational at;               // the simplest fraction in the final bracket: the threshold
  Rational bracket_low, bracket_high;  // the claim holds on the value's side of the bracket and fails beyond it
  bool holds_at = false;     // the claim (as stated) holds at `at` itself
  bool exact = false;        // integer parameter: `at` is the first integer where it fails
};

struct RobustnessReport {
  std::string scenario_path, title, model;
  Rational threshold;
  std::int64_t samples = 0;
  std::uint64_t seed = 0;
  Rational box;
  std::vector<BoxSide> sides;              // the varied parameters
  std::vector<std::string> fixed;          // chosen but not varied, with why ("b_c: value 0, zero-width box")
  std::vector<std::string> conditions_present;  // letters
  models::Verdict verdict = models::Verdict::kNo;  // at the scenario's own values
  Rational p_settlement;                   // of the reported equilibrium at own values
  std::vector<Claim> claims;               // claims[0] is the verdict
  std::vector<ClaimShare> shares;          // per claim
  std::int64_t verdict_counts[3] = {0, 0, 0};  // all, some, no over the valid samples
  std::int64_t errors = 0;                 // samples whose game could not be built or solved
  std::string first_error;                 // the lowest such sample's message
  std::vector<Flip> flips;                 // by parameter (BoxSide order), down then up, claim order
  Rational tolerance_factor;               // bracket width = |edge - value| / scan_points * this
  int scan_points = 0, bisection_steps = 0;
  std::int64_t computed = 0, reused_chunks = 0;  // this run (not part of any output)
};

// The varied parameters: `options.params` (each a model parameter that is not boolean), or the
// scenario's `unsourced` list (booleans in it are listed in *fixed), or by default every numeric
// (not integer, not boolean) parameter the file sets or gives a range for. Each gets the file's
// [ranges], else value*(1 - box) .. value*(1 + box) intersected with its valid range (integers:
// the integers inside). Zero-width boxes go to *fixed. Throws InputError naming a bad parameter.
std::vector<BoxSide> ChooseBox(const models::Scenario& scenario, const RobustnessOptions& options,
                               std::vector<std::string>* fixed);

// The values of sample s (0 <= s < n) for `sides`: Latin hypercube, side d's stratum of s from a
// keyed permutation of [0, n) and the offset inside it from a 32-bit counter hash, both of
// (seed, d, s) only. Exact: lo + (stratum + k / 2^32) / n * (hi - lo), integers the floor of the
// same on lo..hi + 1. Thread-safe.
std::vector<Rational> SampleBox(const std::vector<BoxSide>& sides, std::int64_t s, std::int64_t n, std::uint64_t seed);

// The fraction with the smallest denominator in [lo, hi] (lo <= hi), by the Stern-Brocot walk
// (continued fractions, no recursion). O(log of the denominators).
Rational SimplestRationalIn(const Rational& lo, const Rational& hi);

// Runs the exploration (samples in parallel with OpenMP, chunk files when options.parts_dir is
// set, then the flip search, parallel over parameters). The report does not depend on threads or
// on interruptions resumed from the parts. Throws InputError for a bad option or parameter, and
// for a scenario whose own game cannot be built.
RobustnessReport AnalyseRobustness(const models::Scenario& scenario, const RobustnessOptions& options);

}  // namespace ncpmi::sweep
