// One sweep point evaluated and written as a CSV or JSON Lines row: the scenario's game built
// with the point's values, solved exactly and given the `conditions` verdict (AnalyseGame).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/model.h"
#include "ncpmi/sweep/spec.h"

namespace ncpmi::sweep {

enum class Format { kCsv, kJsonl };

// By the extension of `path`: ".csv" or ".jsonl" (any case); throws InputError otherwise.
Format FormatOfPath(const std::string& path);

// CSV header line (with "\n"): point,<swept parameters>,status,<outputs>,error; "" for JSON Lines.
std::string HeaderLine(const SweepSpec& spec, Format format);

// Evaluates points of one spec; one per thread (holds reusable arrays). Not thread-safe.
class PointEvaluator {
 public:
  // limits: each point's game is refused (an error row) above limits.max_nodes, and its LPs above
  // the memory limit.
  explicit PointEvaluator(const SweepSpec& spec, const ResourceLimits& limits = {});
  // Appends the row of point i (one line ending in "\n"). A point whose game cannot be built or
  // solved becomes a row with status "error" and the message; never throws for a bad point.
  // Returns false for an error row.
  bool AppendRow(std::int64_t i, Format format, std::string* out);
  // Only build + analyse the point with these swept values (SweepSpec::PointValues), without
  // generating the point or formatting a row: the baseline of the overhead benchmark. Throws
  // as the builder and solver do.
  void SolveOnly(const std::vector<Rational>& point);

 private:
  // The values of one grid axis, each computed and formatted on its first use: a grid point
  // repeats its axes' values (101 x 101 points use 202 values), and the exact value and its
  // text cost more than the rest of the row. Left empty for axes too long to keep.
  struct AxisCache {
    std::vector<Rational> values;
    std::vector<std::string> texts;  // "" until first use
  };
  void Prepare(std::int64_t i);
  const SweepSpec& spec_;
  const models::ModelSpec& model_;
  models::ParameterValues values_;                     // base values, swept entries overwritten
  models::SwitchEffects effects_;                      // the base scenario's switch effects
  std::vector<models::ParameterValues::iterator> slots_;  // the swept entries of values_
  std::vector<std::string> names_;  // swept parameters
  std::vector<AxisCache> axes_;     // per grid axis
  std::vector<std::int64_t> indices_;
  std::vector<Rational> point_;     // swept values of the current point
  std::vector<std::string> texts_;  // and their text
  BiSolution<Rational> scratch_;
  models::GameAnalysis analysis_;  // the last point's (reused: its numbers are then not recreated)
  models::AnalysisOptions options_;
};

// The point index at the start of a data row ("123,..." or {"point":123,...}); -1 if none.
std::int64_t RowPoint(const std::string& line, Format format);

}  // namespace ncpmi::sweep
