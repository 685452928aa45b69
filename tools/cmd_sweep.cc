// `ncpmi sweep`: a parameter sweep over a scenario (OpenMP, MPI, job-array shards), streamed in
// checksummed chunks and resumable; `--summary` for verdict flips and a phase table; `--bench`
// for throughput, parallel efficiency and per-point overhead.
#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>

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
  std::string progress = "auto";
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

void Bench(const sweep::SweepSpec& spec, const SweepCliOptions& o) {
  const std::int64_t points = std::min(o.bench_points, spec.NumPoints());
  const std::string dir = std::filesystem::temp_directory_path().string() + "/ncpmi-sweep-bench-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
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
  // The solve alone: build + AnalyseGame of the same points, one thread, no formatting or I/O.
  double solve_seconds = 1e300;
  double t[3] = {1e300, 1e300, 1e300};
  for (int repeat = 0; repeat < 3; ++repeat) {
    sweep::PointEvaluator evaluator(spec);
    const Clock::time_point start = Clock::now();
    for (std::int64_t i = 0; i < points; ++i) {
      try {
        evaluator.SolveOnly(i);
      } catch (const std::exception&) {
        // error points cost their build attempt only, as in the sweep
      }
    }
    solve_seconds = std::min(solve_seconds, std::chrono::duration<double>(Clock::now() - start).count());
    for (int threads : {1, 2}) {
      sweep::SweepOptions so;
      so.out = dir + "/bench.csv";
      so.threads = threads;
      so.limit = points;
      so.chunk_size = chunk;
      so.progress = 0;
      const sweep::SweepReport r = sweep::RunSweep(spec, so);
      t[threads] = std::min(t[threads], r.seconds);
      std::filesystem::remove(so.out);
    }
  }
  const double per_point_us = 1e6 * (t[1] - solve_seconds) / static_cast<double>(points);
  std::cout << fmt::format("sweep benchmark: {} [{}], first {} points, chunk {}, best of 3, CSV to {}\n", spec.title, spec.path, points, chunk, dir);
  std::cout << fmt::format("  solve only (build + exact solve + verdict), 1 thread: {:.0f} points/s ({:.1f} us/point)\n",
                           points / solve_seconds, 1e6 * solve_seconds / static_cast<double>(points));
  std::cout << fmt::format("  sweep, 1 thread:  {:.0f} points/s ({:.3f} s)\n", points / t[1], t[1]);
  std::cout << fmt::format("  sweep, 2 threads: {:.0f} points/s ({:.3f} s)\n", points / t[2], t[2]);
  std::cout << fmt::format("  parallel efficiency 1 -> 2 threads: {:.0f}%\n", 100 * t[1] / (2 * t[2]));
  std::cout << fmt::format("  per-point overhead beyond the solve (points, rows, chunk files, assembly): {:.2f} us\n", per_point_us);
}

}  // namespace

void AddSweepCommand(CLI::App& app) {
  auto o = std::make_shared<SweepCliOptions>();
  CLI::App* cmd = app.add_subcommand("sweep", "Parameter sweep over a scenario: CSV or JSON Lines, resumable, OpenMP/MPI/shards");
  cmd->add_option("SPEC", o->spec, "Sweep spec (.toml; see README 'Parameter sweeps')")->required();
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
  cmd->add_option("--progress", o->progress, "Progress bar on standard error: auto (when a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  AddTimeLimitFlag(cmd, &o->time_limit,
                   "Seconds for this run (0: none); when reached the sweep stops as on Ctrl-C, finished "
                   "chunks kept: rerun with --resume (exit 1)");
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    const ResourceLimits limits = o->limits.Limits();
    const sweep::SweepSpec spec = sweep::ReadSweepSpec(o->spec);
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
                               r.ranks > 1 ? fmt::format(", {} MPI ranks", r.ranks) : std::string());
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
