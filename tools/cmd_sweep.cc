// `ncpmi sweep`: a parameter sweep over a scenario (OpenMP, MPI, job-array shards), streamed in
// checksummed chunks and resumable; `--summary` for verdict flips and a phase table; `--bench`
// for throughput, parallel efficiency and per-point overhead.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <omp.h>
#include <unistd.h>

#include "commands.h"
#include "limits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/sweep/rows.h"
#include "ncpmi/sweep/runner.h"
#include "ncpmi/sweep/spec.h"
#include "ncpmi/sweep/store.h"
#include "ncpmi/sweep/summary.h"

namespace ncpmi::cli {
namespace {

struct SweepCliOptions {
  std::string spec;
  std::string out;
  int threads = 0;
  bool resume = false;
  std::string shard;
  std::int64_t chunk = 0;
  bool summary = false;
  std::string phase;  // "X,Y" grid parameters
  bool bench = false;
  std::int64_t bench_points = 10000;  // ~1 s per run on one thread: long enough to time two threads
  int bench_repeats = 5;
  std::string progress = "auto";
  std::string concept_name;  // "" keeps the spec's `concept`
  double time_limit = 0;
  LimitFlags limits;
};

// "K/N" from --shard, else SLURM_ARRAY_TASK_ID (relative to SLURM_ARRAY_TASK_MIN) and
// SLURM_ARRAY_TASK_COUNT, else 1/1.
std::pair<int, int> Shard(const std::string& flag) {
  if (!flag.empty()) {
    int k = 0, n = 0;
    char extra = 0;
    if (std::sscanf(flag.c_str(), "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n) {
      throw InputError("--shard " + flag + ": expected K/N with 1 <= K <= N");
    }
    return {k, n};
  }
  const char* id = std::getenv("SLURM_ARRAY_TASK_ID");
  const char* count = std::getenv("SLURM_ARRAY_TASK_COUNT");
  if (id != nullptr && count != nullptr) {
    const char* min = std::getenv("SLURM_ARRAY_TASK_MIN");
    const int k = std::atoi(id) - (min != nullptr ? std::atoi(min) : 0) + 1;
    const int n = std::atoi(count);
    if (n < 1 || k < 1 || k > n) {
      throw InputError(fmt::format("SLURM_ARRAY_TASK_ID {} (min {}) does not fit SLURM_ARRAY_TASK_COUNT {}: use --array=0-{} or --shard",
                                   id, min != nullptr ? min : "unset", count, n - 1));
    }
    return {k, n};
  }
  return {1, 1};
}

std::size_t AxisIndex(const sweep::SweepSpec& spec, const std::string& name) {
  for (std::size_t d = 0; d < spec.grid.size(); ++d) {
    if (spec.grid[d].parameter == name) return d;
  }
  throw InputError("--phase: '" + name + "' is not a grid parameter of " + spec.path);
}

std::string PhasePath(const std::string& out) {
  const std::size_t dot = out.rfind('.');
  return (dot == std::string::npos ? out : out.substr(0, dot)) + ".phase.csv";
}

// Jiffies of all CPUs from /proc/stat: {busy + idle + steal, steal}; {0, 0} where unreadable.
std::pair<double, double> CpuJiffies() {
  std::FILE* f = std::fopen("/proc/stat", "r");
  if (f == nullptr) return {0, 0};
  double v[8] = {0, 0, 0, 0, 0, 0, 0, 0};  // user nice system idle iowait irq softirq steal
  const int n = std::fscanf(f, "cpu %lf %lf %lf %lf %lf %lf %lf %lf", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
  std::fclose(f);
  if (n != 8) return {0, 0};
  double total = 0;
  for (double x : v) total += x;
  return {total, v[7]};
}

// Points per timed pair in the benchmark: ~2 ms, short against the machine's changes of speed.
constexpr std::int64_t kPairPoints = 20;

void Bench(const sweep::SweepSpec& spec, const SweepCliOptions& o) {
  const std::int64_t points = std::min(o.bench_points, spec.NumPoints());
  // A private scratch directory (mkdtemp: an unpredictable name, mode 0700), so that nothing
  // another user planted under $TMPDIR is used or written through.
  std::string dir = std::filesystem::temp_directory_path().string() + "/ncpmi-sweep-bench-XXXXXX";
  if (::mkdtemp(dir.data()) == nullptr) {
    throw std::runtime_error(dir + ": cannot create the benchmark's scratch directory: " + std::strerror(errno));
  }
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  } cleanup{dir};
  using Clock = std::chrono::steady_clock;
  // At least 16 chunks, so that two threads can balance them.
  const std::int64_t chunk = o.chunk > 0 ? o.chunk : std::max<std::int64_t>(1, std::min(spec.chunk_size, points / 16));
  // The per-point overhead is a small difference of two large times, and a shared or virtual
  // machine changes speed by 10-20% from one second to the next: timed seconds apart, the two
  // runs would differ by more than the overhead. So it is measured in two parts, each within
  // one stretch of time:
  //  1. point values and rows: each run of kPairPoints points is solved only (build +
  //     AnalyseGame, the points generated beforehand) and evaluated into rows, back to back;
  //  2. chunk files, assembly and set-up: a sweep's wall time minus the time its thread spent
  //     evaluating rows (SweepReport::evaluate_seconds), from the same run.
  // Each time is the best of `repeats` rounds. The rows' cost is the median over all pairs of
  // the per-point difference (a burst of load on the machine slows one side of one pair, so the
  // median sets it aside); the parallel efficiency is the median over the rounds of t1 / 2 t2.
  std::vector<std::vector<Rational>> values(static_cast<std::size_t>(points));
  for (std::int64_t i = 0; i < points; ++i) spec.PointValues(i, &values[static_cast<std::size_t>(i)]);
  const sweep::Format format = sweep::Format::kCsv;
  double solve_seconds = 1e300, store_seconds = 1e300;
  double t[3] = {1e300, 1e300, 1e300};
  std::vector<double> row_overheads, efficiencies;
  const std::pair<double, double> jiffies_before = CpuJiffies();
  for (int repeat = 0; repeat < o.bench_repeats; ++repeat) {
    sweep::PointEvaluator solver(spec), evaluator(spec);
    double solve = 0;
    std::string payload;
    for (std::int64_t first = 0; first < points; first += kPairPoints) {
      const std::int64_t last = std::min(points, first + kPairPoints);
      auto solve_only = [&] {
        const Clock::time_point t0 = Clock::now();
        for (std::int64_t i = first; i < last; ++i) {
          try {
            solver.SolveOnly(values[static_cast<std::size_t>(i)]);
          } catch (const std::exception&) {
            // error points cost their build attempt only, as in the sweep
          }
        }
        return std::chrono::duration<double>(Clock::now() - t0).count();
      };
      auto rows = [&] {
        const Clock::time_point t0 = Clock::now();
        payload.clear();
        for (std::int64_t i = first; i < last; ++i) evaluator.AppendRow(i, format, &payload);
        return std::chrono::duration<double>(Clock::now() - t0).count();
      };
      // Either may go first: alternating cancels what the order itself costs or saves.
      const bool solve_first = (first / kPairPoints) % 2 == 0;
      const double a = solve_first ? solve_only() : rows();
      const double b = solve_first ? rows() : solve_only();
      const double solve_part = solve_first ? a : b, row_part = solve_first ? b : a;
      solve += solve_part;
      row_overheads.push_back((row_part - solve_part) / static_cast<double>(last - first));
    }
    solve_seconds = std::min(solve_seconds, solve);
    double round_one_thread = 0;
    for (int threads : {1, 2}) {
      sweep::SweepOptions so;
      so.out = dir + "/bench.csv";
      so.threads = threads;
      so.limit = points;
      so.chunk_size = chunk;
      so.progress = 0;
      const sweep::SweepReport r = sweep::RunSweep(spec, so);
      t[threads] = std::min(t[threads], r.seconds);
      if (threads == 1) store_seconds = std::min(store_seconds, r.seconds - r.evaluate_seconds);
      if (threads == 2) efficiencies.push_back(round_one_thread / (2 * r.seconds));
      round_one_thread = r.seconds;
      std::filesystem::remove(so.out);
    }
  }
  const std::pair<double, double> jiffies_after = CpuJiffies();
  const double all_jiffies = jiffies_after.first - jiffies_before.first;
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  const double row_seconds = median(row_overheads) * static_cast<double>(points);
  const double n = static_cast<double>(points);
  const double row_us = 1e6 * row_seconds / n, store_us = 1e6 * store_seconds / n;
  std::cout << fmt::format("sweep benchmark: {} [{}], first {} points, chunk {}, best of {}, CSV to {}\n", spec.title, spec.path,
                           points, chunk, o.bench_repeats, dir);
  if (all_jiffies > 0) {
    // A virtual machine's hypervisor may run other guests on "our" cores: the times above are
    // then those of a slower machine, and the 2-thread run suffers most.
    std::cout << fmt::format("  CPU time stolen by the hypervisor during the benchmark: {:.1f}%\n",
                             100 * (jiffies_after.second - jiffies_before.second) / all_jiffies);
  }
  std::cout << fmt::format("  solve only (build + exact solve + verdict), 1 thread: {:.0f} points/s ({:.1f} us/point)\n",
                           n / solve_seconds, 1e6 * solve_seconds / n);
  std::cout << fmt::format("  sweep, 1 thread:  {:.0f} points/s ({:.3f} s)\n", n / t[1], t[1]);
  std::cout << fmt::format("  sweep, 2 threads: {:.0f} points/s ({:.3f} s)\n", n / t[2], t[2]);
  std::cout << fmt::format("  parallel efficiency 1 -> 2 threads: {:.0f}% (median of the rounds' t1 / 2 t2; best times {:.0f}%)\n",
                           100 * median(efficiencies), 100 * t[1] / (2 * t[2]));
  std::cout << fmt::format("  per-point overhead beyond the solve: {:.2f} us (point values and rows {:.2f} us, "
                           "chunk files, assembly and set-up {:.2f} us)\n", row_us + store_us, row_us, store_us);
}

}  // namespace

void AddSweepCommand(CLI::App& app) {
  auto o = std::make_shared<SweepCliOptions>();
  CLI::App* cmd = app.add_subcommand("sweep", "Parameter sweep over a scenario: CSV or JSON Lines, resumable, OpenMP/MPI/shards");
  cmd->add_option("SPEC", o->spec, "Sweep spec (.toml; see docs/sweeps.md)")->required();
  cmd->add_option("-o,--output", o->out, "Output file: .csv or .jsonl (format by extension)");
  cmd->add_option("--threads", o->threads, "OpenMP threads per process (0: all cores)")->check(CLI::Range(0, 1024));
  cmd->add_flag("--resume", o->resume, "Continue an interrupted sweep from the valid chunks in OUT.parts/");
  cmd->add_option("--shard", o->shard, "Compute only shard K of N (1-based; default from SLURM_ARRAY_TASK_ID/COUNT)");
  cmd->add_option("--chunk", o->chunk, "Points per chunk file (default: the spec's 'chunk', else 1000)")->check(CLI::Range(1, 100000000));
  cmd->add_flag("--summary", o->summary,
                "Summarise OUT (verdict flips per grid parameter; with two grid parameters also OUT.phase.csv); "
                "runs the sweep first unless OUT exists and no OUT.parts/ is pending");
  cmd->add_option("--phase", o->phase, "Grid parameters X,Y of the phase table (default: the first two)");
  cmd->add_flag("--bench", o->bench, "Benchmark: points/s on 1 and 2 threads, efficiency, per-point overhead");
  cmd->add_option("--bench-points", o->bench_points, "Points of the benchmark (default 10000)")->check(CLI::Range(1, 100000000));
  cmd->add_option("--bench-repeats", o->bench_repeats, "Rounds of the benchmark (default 5): times are the best round's; the rows' cost and the efficiency are medians")->check(CLI::Range(1, 1000));
  cmd->add_option("--progress", o->progress, "Progress bar on standard error: auto (when a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  AddTimeLimitFlag(cmd, &o->time_limit,
                   "Seconds for this run (0: none); when reached the sweep stops as on Ctrl-C, finished "
                   "chunks kept: rerun with --resume (exit 1)");
  cmd->add_option("--concept", o->concept_name,
                  "spe or sequential: how points whose game has imperfect information are decided "
                  "(default: the spec's 'concept', else spe); part of what --resume checks")
      ->check(CLI::IsMember({"spe", "sequential"}));
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    const ResourceLimits limits = o->limits.Limits();
    sweep::SweepSpec spec = sweep::ReadSweepSpec(o->spec, limits);
    if (!o->concept_name.empty()) {
      const SolutionConcept asked =
          o->concept_name == "sequential" ? SolutionConcept::kSequential : SolutionConcept::kSubgamePerfect;
      // A run under another concept than the spec's is another run: chunks of one are not reused
      // by the other.
      if (asked != spec.solution_concept) spec.fingerprint ^= 0x9e3779b97f4a7c15ull * (1 + static_cast<int>(asked));
      spec.solution_concept = asked;
    }
    // The base scenario's game within the limits, once, so that a --max-nodes below it is an
    // error up front rather than an error row at every point.
    (void)BuildScenarioWithin(spec.base, limits);
    if (o->bench) {
      Bench(spec, *o);
      return;
    }
    if (o->out.empty()) throw InputError("sweep: -o OUT.csv or -o OUT.jsonl is required");
    sweep::FormatOfPath(o->out);
    const auto [k, n] = Shard(o->shard);
    namespace fs = std::filesystem;
    const bool summary_only = o->summary && fs::exists(o->out) && !fs::exists(sweep::PartsDir(o->out)) && o->shard.empty() && n == 1;
    if (!summary_only) {
      sweep::SweepOptions so;
      so.out = o->out;
      so.threads = o->threads;
      so.resume = o->resume;
      so.shard = k;
      so.shards = n;
      so.chunk_size = o->chunk;
      so.progress = o->progress == "always" ? 1 : o->progress == "never" ? 0 : -1;
      so.time_limit_seconds = o->time_limit;
      so.limits = limits;
      const sweep::SweepReport r = sweep::RunSweep(spec, so);
      if (r.rank != 0) return;
      const std::string shard = n > 1 ? fmt::format(" (shard {}/{})", k, n) : std::string();
      if (r.timed_out) {
        throw std::runtime_error(fmt::format("time limit reached{}: {} of {} points done; rerun with --resume to continue",
                                             shard, r.done, r.points));
      }
      if (r.interrupted) {
        throw std::runtime_error(fmt::format("interrupted{}: {} points written in chunks under {}; rerun with --resume to continue",
                                             shard, r.computed, sweep::PartsDir(o->out)));
      }
      std::cerr << fmt::format("ncpmi sweep: {} points{} -> {} in {:.2f} s ({} computed, {} chunk(s) reused, {} error row(s){})\n",
                               r.points, shard, o->out, r.seconds, r.computed, r.reused_chunks, r.errors,
                               r.ranks > 1 ? fmt::format(", {} MPI ranks, {:.2f} s of it MPI start-up", r.ranks, r.mpi_start_seconds) : std::string());
    }
    if (o->summary) {
      if (n > 1) throw InputError("--summary works on the whole output: merge the shards first (ncpmi merge), then run --summary");
      sweep::SummaryOptions so;
      so.output = o->out;
      if (spec.grid.size() >= 2) {
        so.phase = PhasePath(o->out);
        if (!o->phase.empty()) {
          const std::size_t comma = o->phase.find(',');
          if (comma == std::string::npos) throw InputError("--phase X,Y: two grid parameters separated by a comma");
          so.x_axis = static_cast<int>(AxisIndex(spec, o->phase.substr(0, comma)));
          so.y_axis = static_cast<int>(AxisIndex(spec, o->phase.substr(comma + 1)));
        }
      }
      std::cout << sweep::SummarizeSweep(spec, so);
    }
  });
}

}  // namespace ncpmi::cli
