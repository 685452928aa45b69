// libFuzzer target: the sweep-spec reader (ParseSweepSpec, TOML), with scenario paths resolved
// against tests/data/sweep as the seeds are. On an accepted spec: re-parse stability (the same
// text parses to the same axes), and the values of the first, middle and last points are
// generated and evaluated as `ncpmi sweep` does (a bad point is an error row, never an escape).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "ncpmi/sweep/rows.h"
#include "ncpmi/sweep/spec.h"

using namespace ncpmi;

namespace {

const std::string kBaseDir = std::string(NCPMI_SOURCE_DIR) + "/tests/data/sweep";

std::string SpecDifference(const sweep::SweepSpec& a, const sweep::SweepSpec& b) {
  if (a.fingerprint != b.fingerprint) return "fingerprint";
  if (a.NumPoints() != b.NumPoints()) return "number of points";
  if (a.SweptNames() != b.SweptNames()) return "swept parameters";
  if (a.threshold != b.threshold) return "threshold";
  if (a.outputs != b.outputs || a.chunk_size != b.chunk_size) return "outputs or chunk";
  if (a.players != b.players) return "players";
  return "";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sweep::SweepSpec spec;
  if (!fuzz::Accepts("ParseSweepSpec", [&] { spec = sweep::ParseSweepSpec(text, "fuzz.toml", kBaseDir); })) return 0;

  sweep::SweepSpec again;
  if (!fuzz::Accepts("ParseSweepSpec again", [&] { again = sweep::ParseSweepSpec(text, "fuzz.toml", kBaseDir); })) {
    fuzz::Fail("the same spec text is refused the second time");
  }
  const std::string diff = SpecDifference(spec, again);
  if (!diff.empty()) fuzz::Fail("the same spec text parses differently: " + diff);

  const std::int64_t n = spec.NumPoints();
  NCPMI_FUZZ_CHECK(n >= 1, "a spec without points was accepted");
  std::vector<std::int64_t> points = {0, n / 2, n - 1};
  std::vector<Rational> values, values_again;
  for (const std::int64_t i : points) {
    fuzz::Accepts("PointValues", [&] { spec.PointValues(i, &values); });
    fuzz::Accepts("PointValues again", [&] { again.PointValues(i, &values_again); });
    NCPMI_FUZZ_CHECK(values == values_again, "point values differ between two parses of one text");
  }
  sweep::PointEvaluator evaluator(spec);
  std::string rows;
  for (const std::int64_t i : points) {
    fuzz::Accepts("PointEvaluator::AppendRow", [&] { evaluator.AppendRow(i, sweep::Format::kCsv, &rows); });
  }
  return 0;
}
