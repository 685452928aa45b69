// Runs a sweep: chunks of points over OpenMP threads (and MPI ranks when built with NCPMI_MPI
// and started by mpirun), each chunk written as a checksummed file, then assembled in point
// order into the output; resumable after SIGINT or SIGKILL.
#pragma once

#include <cstdint>
#include <string>

#include "ncpmi/game/resource_limits.h"
#include "ncpmi/sweep/spec.h"

namespace ncpmi::sweep {

struct SweepOptions {
  std::string out;              // OUT.csv or OUT.jsonl
  int threads = 0;              // 0: OpenMP's default
  bool resume = false;          // keep valid chunks of OUT.parts/ and compute the rest
  int shard = 1, shards = 1;    // 1-based shard K of N (round robin over chunks)
  std::int64_t chunk_size = 0;  // 0: the spec's
  std::int64_t limit = -1;      // only the first `limit` points (benchmarks); -1: all
  int progress = -1;            // 1 on, 0 off, -1: when standard error is a terminal
  bool keep_parts = false;      // keep OUT.parts/ after assembly (benchmarks, tests)
  // Seconds for this run (0: none). When it runs out the sweep stops as on SIGINT: chunks in
  // progress are abandoned, finished ones kept for --resume (report.timed_out).
  double time_limit_seconds = 0;
  ResourceLimits limits;        // per point: its game's nodes, LP memory (an error row if over)
};

struct SweepReport {
  std::int64_t points = 0;           // of this run (shard): all its points
  std::int64_t computed = 0;         // points computed now (not taken from valid chunks)
  std::int64_t chunks = 0, reused_chunks = 0;
  std::int64_t errors = 0;           // error rows computed now
  bool interrupted = false;          // SIGINT or the time limit: parts kept, rerun with --resume
  bool timed_out = false;            // the time limit ran out (interrupted is set too)
  std::int64_t done = 0;             // points in finished chunks (computed now or reused)
  bool complete = false;             // OUT written
  double seconds = 0;
  // Thread-seconds spent evaluating points into rows (this process, all threads): the rest of
  // `seconds` is the chunk store, assembly and set-up (`sweep --bench`).
  double evaluate_seconds = 0;
  double mpi_start_seconds = 0;      // of `seconds`: MPI_Init (runs under mpirun)
  int ranks = 1;                     // MPI ranks that took part
  int rank = 0;                      // this process's rank
};

// Runs the sweep. Output: OUT (rows in point order; for a shard, its points in order, plus
// OUT.meta with the run's identity for `ncpmi merge`). Refuses (InputError) to start over an
// existing OUT.parts/ without resume, and to resume parts of a different sweep (spec or scenario
// text, chunk size, format, shard), and an OUT that could not be written (CheckWritable), before
// any point is computed. SIGINT, SIGTERM and SIGHUP stop it for its duration: the chunks in
// progress are abandoned, finished ones kept, no temporary left; options.time_limit_seconds
// stops the same way. Bytes written do not depend on threads or ranks.
SweepReport RunSweep(const SweepSpec& spec, const SweepOptions& options);

// True when this binary was built with MPI support.
bool MpiAvailable();

}  // namespace ncpmi::sweep
