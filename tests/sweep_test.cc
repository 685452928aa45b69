// Tests of ncpmi::sweep: spec parsing and errors, exact and counter-based point values, error
// rows, thread-count independence of the output, resume, shards and merge, summaries.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "ncpmi/game/error.h"
#include "ncpmi/sweep/rows.h"
#include "ncpmi/sweep/runner.h"
#include "ncpmi/sweep/spec.h"
#include "ncpmi/sweep/store.h"
#include "ncpmi/sweep/summary.h"

using namespace ncpmi;
using namespace ncpmi::sweep;

namespace {

std::string Data(const std::string& name) { return std::string(NCPMI_TESTS_DIR) + "/data/sweep/" + name; }

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string TempDir(const std::string& tag) {
  const std::string dir = std::filesystem::temp_directory_path().string() + "/ncpmi-sweep-test-" + tag;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string Run(const SweepSpec& spec, const std::string& out, int threads, int shard = 1, int shards = 1) {
  SweepOptions o;
  o.out = out;
  o.threads = threads;
  o.shard = shard;
  o.shards = shards;
  o.progress = 0;
  const SweepReport r = RunSweep(spec, o);
  REQUIRE(r.complete);
  return Slurp(out);
}

}  // namespace

TEST_CASE("sweep linspace values are exact rationals in row-major point order", "[sweep]") {
  const SweepSpec spec = ReadSweepSpec(Data("small.toml"));
  REQUIRE(spec.NumPoints() == 11 * 3 * 2 * 2);
  REQUIRE(spec.SweptNames() == std::vector<std::string>{"w_t", "b_c", "commitment", "pain_growth"});
  std::vector<Rational> v;
  spec.PointValues(0, &v);
  CHECK(v[0] == 0);
  CHECK(v[1] == 0);
  CHECK(v[2] == 1);
  CHECK(v[3] == MakeRational(1, 10));
  spec.PointValues(3 * 2 * 2 * 3 + 2 * 2 + 1, &v);  // w_t index 3, b_c index 1, C true, pain_growth -1
  CHECK(v[0] == MakeRational(3, 10));
  CHECK(v[1] == MakeRational(3, 10));
  CHECK(v[2] == 1);
  CHECK(v[3] == -1);
  spec.PointValues(spec.NumPoints() - 1, &v);
  CHECK(v[0] == 1);
  CHECK(v[1] == MakeRational(3, 2));  // the float 1.5 read from its decimal text
  CHECK(v[2] == 0);
}

TEST_CASE("sweep logspace is exact at integer exponents", "[sweep]") {
  const SweepSpec spec = ReadSweepSpec(Data("big.toml"));
  REQUIRE(spec.grid[2].Value(0) == MakeRational(1, 10));
  REQUIRE(spec.grid[2].Value(1) == 1);
}

TEST_CASE("sweep permutation is a bijection and the Latin hypercube fills every stratum once", "[sweep]") {
  for (std::uint64_t n : {1u, 2u, 3u, 10u, 97u, 1000u}) {
    std::set<std::uint64_t> seen;
    for (std::uint64_t x = 0; x < n; ++x) seen.insert(PermuteIndex(x, n, 42, 3));
    CHECK(seen.size() == n);
    CHECK(*seen.rbegin() == n - 1);
  }
  const SweepSpec spec = ReadSweepSpec(Data("sampled.toml"));
  REQUIRE(spec.NumPoints() == 80);
  for (std::size_t d = 0; d < 2; ++d) {
    const double lo = spec.random[d].lo.get_d(), hi = spec.random[d].hi.get_d();
    std::set<int> strata;
    std::vector<Rational> v;
    for (std::int64_t s = 0; s < 40; ++s) {
      spec.PointValues(s, &v);
      const double x = v[1 + d].get_d();
      CHECK(x >= lo);
      CHECK(x <= hi);
      strata.insert(std::min(39, static_cast<int>((x - lo) / (hi - lo) * 40)));
    }
    CHECK(strata.size() == 40);
  }
  // Any point alone gives the same values (counter-based), and grid points share the samples.
  std::vector<Rational> a, b;
  spec.PointValues(45, &a);
  spec.PointValues(5, &b);
  CHECK(a[0] == 0);
  CHECK(b[0] == 1);
  CHECK(a[1] == b[1]);
  CHECK(a[2] == b[2]);
}

TEST_CASE("sweep spec errors give file:line:col", "[sweep]") {
  REQUIRE_THROWS_WITH(ReadSweepSpec(Data("bad_key.toml")),
                      Catch::Contains("bad_key.toml:4:1: unknown parameter 'w_tt' of model ncpmi-crisis"));
  REQUIRE_THROWS_WITH(ReadSweepSpec(Data("bad_range.toml")),
                      Catch::Contains("bad_range.toml:4:15: parameter enforcement: 2 is outside the valid range"));
  REQUIRE_THROWS_WITH(ParseSweepSpec("scenario = \"x.toml\"\nchunk = 0\n", "s.toml", "."),
                      Catch::Contains("s.toml:2:9: 'chunk' must be an integer"));
}

// The parameter fields of a CSV row (between the point index and "ok"/"error").
std::vector<std::string> RowParameters(const std::string& row, std::size_t count) {
  std::vector<std::string> fields;
  std::size_t pos = row.find(',') + 1;
  for (std::size_t k = 0; k < count; ++k) {
    const std::size_t comma = row.find(',', pos);
    fields.push_back(row.substr(pos, comma - pos));
    pos = comma + 1;
  }
  return fields;
}

// One evaluator writes the rows of `points` in that order; each row's parameter fields must be
// the point's values as PointValues gives them.
void CheckRowParameters(const SweepSpec& spec, const std::vector<std::int64_t>& points) {
  PointEvaluator ev(spec);
  std::vector<Rational> v;
  for (std::int64_t i : points) {
    std::string row;
    ev.AppendRow(i, Format::kCsv, &row);
    spec.PointValues(i, &v);
    std::vector<std::string> expected;
    for (const Rational& x : v) expected.push_back(FormatRational(x));
    CAPTURE(i, row);
    CHECK(RowParameters(row, v.size()) == expected);
  }
}

TEST_CASE("sweep rows show each point's own values, from cached grid axes, long axes and samples", "[sweep]") {
  const std::string dir = std::string(NCPMI_TESTS_DIR) + "/data/sweep/";
  // A grid axis too long for the evaluator's per-axis cache (2^16 values), crossed with samples.
  const SweepSpec spec = ParseSweepSpec(
      "scenario = \"../../../instances/haiti-1994.toml\"\noutputs = [\"verdict\"]\n"
      "[grid]\nw_t = { linspace = [0, 1, 70001] }\nb_c = [0, \"3/10\"]\n"
      "[sample]\nmethod = \"uniform\"\npoints = 3\nseed = 7\n[sample.ranges]\nrho = [\"1/2\", 1]\n",
      "inline.toml", dir);
  // Revisits values (cached ones come back), and jumps across the long axis both ways.
  CheckRowParameters(spec, {0, 1, 2, 3, 5, 0, 420005, 6, 419999, 5, 3, 420005});
  const SweepSpec small = ReadSweepSpec(Data("small.toml"));
  std::vector<std::int64_t> backwards;  // every value first seen late
  for (std::int64_t i = small.NumPoints(); i-- > 0;) backwards.push_back(i);
  CheckRowParameters(small, backwards);
}

TEST_CASE("sweep chunk checksums are the standard CRC-32 and can be computed in pieces", "[sweep]") {
  CHECK(Crc32("") == 0u);
  CHECK(Crc32("123456789") == 0xCBF43926u);  // the catalogue check value of CRC-32/ISO-HDLC
  const std::string text = "0,1/2,ok,all,9/10\n1,3/5,error,,parameter out of range\n";
  CHECK(Crc32(text.substr(17), Crc32(text.substr(0, 17))) == Crc32(text));
}

TEST_CASE("sweep bad points become error rows and good points match conditions' verdict", "[sweep]") {
  const SweepSpec spec = ReadSweepSpec(Data("small.toml"));
  PointEvaluator ev(spec);
  std::string row;
  // Point 0: w_t 0, b_c 0, C on, pain_growth 1/10.
  CHECK(ev.AppendRow(0, Format::kCsv, &row));
  row.clear();
  CHECK_FALSE(ev.AppendRow(1, Format::kCsv, &row));  // pain_growth -1
  CHECK(row.rfind("1,0,0,1,-1,error,", 0) == 0);
  CHECK(row.find("parameter pain_growth: the sanction pain") != std::string::npos);
  // The Haiti scenario's own values: w_t 1/2 (index 5), b_c 3/10 (index 1), C on: verdict all, 9/10.
  row.clear();
  const std::int64_t haiti = ((5 * 3 + 1) * 2 + 0) * 2 + 0;
  CHECK(ev.AppendRow(haiti, Format::kCsv, &row));
  CHECK(row.find(",ok,all,9/10,9/20,SETTLEMENT:durable,") != std::string::npos);
  row.clear();
  CHECK(ev.AppendRow(haiti, Format::kJsonl, &row));
  CHECK(row.rfind("{\"point\":" + std::to_string(haiti) + ",\"parameters\":{\"w_t\":\"1/2\"", 0) == 0);
  CHECK(row.find("\"verdict\":\"all\",\"p_settlement\":\"9/10\"") != std::string::npos);
}

TEST_CASE("sweep output is byte-identical for 1 and 2 threads, CSV and JSON Lines", "[sweep]") {
  const SweepSpec spec = ReadSweepSpec(Data("small.toml"));
  const std::string dir = TempDir("threads");
  for (const char* ext : {".csv", ".jsonl"}) {
    const std::string one = Run(spec, dir + "/one" + ext, 1);
    const std::string two = Run(spec, dir + "/two" + ext, 2);
    CHECK(one == two);
    CHECK(!std::filesystem::exists(dir + "/one" + std::string(ext) + ".parts"));
    std::size_t lines = 0;
    for (char c : one) lines += c == '\n';
    CHECK(lines == static_cast<std::size_t>(spec.NumPoints()) + (std::string(ext) == ".csv" ? 1 : 0));
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("sweep resume reuses valid chunks and recomputes corrupt or missing ones", "[sweep]") {
  const SweepSpec spec = ReadSweepSpec(Data("small.toml"));
  const std::string dir = TempDir("resume");
  const std::string expected = Run(spec, dir + "/full.csv", 2);
  SweepOptions o;
  o.out = dir + "/out.csv";
  o.threads = 2;
  o.progress = 0;
  o.keep_parts = true;
  RunSweep(spec, o);
  std::filesystem::remove(o.out);
  const std::string parts = PartsDir(o.out);
  std::filesystem::remove(ChunkPath(parts, 3));
  {
    std::ofstream corrupt(ChunkPath(parts, 5), std::ios::binary | std::ios::app);
    corrupt << "x";
  }
  REQUIRE_THROWS_WITH(RunSweep(spec, o), Catch::Contains("rerun with --resume"));
  o.resume = true;
  o.keep_parts = false;
  const SweepReport r = RunSweep(spec, o);
  CHECK(r.computed == 14);  // chunks 3 and 5, 7 points each
  CHECK(r.reused_chunks == r.chunks - 2);
  CHECK(Slurp(o.out) == expected);
  std::filesystem::remove_all(dir);
}

TEST_CASE("sweep shards merge into exactly the single-run output; gaps and duplicates are reported", "[sweep]") {
  const SweepSpec spec = ReadSweepSpec(Data("small.toml"));
  const std::string dir = TempDir("shards");
  const std::string expected = Run(spec, dir + "/full.csv", 2);
  std::vector<std::string> parts;
  for (int k = 1; k <= 3; ++k) {
    parts.push_back(dir + "/part" + std::to_string(k) + ".csv");
    Run(spec, parts.back(), 1, k, 3);
  }
  MergeReport ok = MergeParts(dir + "/merged.csv", {parts[2], parts[0], parts[1]});
  CHECK(ok.Ok());
  CHECK(ok.total_known);
  CHECK(Slurp(dir + "/merged.csv") == expected);
  const MergeReport gap = MergeParts(dir + "/gap.csv", {parts[0], parts[2]});
  CHECK_FALSE(gap.Ok());
  REQUIRE(!gap.missing.empty());
  CHECK(gap.missing.front() == std::make_pair(std::int64_t{7}, std::int64_t{13}));  // chunk 1 of shard 2
  CHECK(!std::filesystem::exists(dir + "/gap.csv"));
  const MergeReport dup = MergeParts(dir + "/dup.csv", {parts[0], parts[1], parts[2], parts[1]});
  CHECK_FALSE(dup.Ok());
  CHECK(dup.missing.empty());
  CHECK(!dup.duplicated.empty());
  std::filesystem::remove_all(dir);
}

TEST_CASE("sweep summary lists verdict flips and writes the phase table", "[sweep]") {
  const SweepSpec spec = ReadSweepSpec(Data("small.toml"));
  const std::string dir = TempDir("summary");
  Run(spec, dir + "/s.csv", 2);
  SummaryOptions o;
  o.output = dir + "/s.csv";
  o.phase = dir + "/s.phase.csv";
  const std::string text = SummarizeSweep(spec, o);
  CHECK(text.find("132 points") != std::string::npos);
  CHECK(text.find("error 66") != std::string::npos);  // every pain_growth = -1 point
  CHECK(text.find("parameter w_t (11 values, 0 .. 1)") != std::string::npos);
  const std::string phase = Slurp(o.phase);
  CHECK(phase.rfind("w_t,b_c,verdict,code,p_settlement\n", 0) == 0);
  std::size_t lines = 0;
  for (char c : phase) lines += c == '\n';
  CHECK(lines == 1 + 11 * 3);
  std::filesystem::remove_all(dir);
}
