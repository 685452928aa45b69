// The sweep driver: chunk distribution over OpenMP threads (and MPI ranks), checksummed chunk
// files, SIGINT/SIGTERM/SIGHUP handling, progress, and the final assembly by atomic rename.
#include "ncpmi/sweep/runner.h"

#include <omp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/sweep/rows.h"
#include "ncpmi/sweep/store.h"

#ifdef NCPMI_WITH_MPI
#include <mpi.h>
#endif

namespace ncpmi::sweep {
namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void OnStopSignal(int) { g_stop = 1; }

// While the chunks are computed, SIGINT, SIGTERM and SIGHUP stop the sweep cleanly (finished
// chunks kept, no temporary left: a chunk being written is completed); an ignored signal (nohup)
// stays ignored. The previous dispositions come back with the object.
class StopSignals {
 public:
  StopSignals() {
    for (int k = 0; k < 3; ++k) {
      previous_[k] = std::signal(kSignals[k], OnStopSignal);
      if (previous_[k] == SIG_IGN) std::signal(kSignals[k], SIG_IGN);
    }
  }
  ~StopSignals() { Restore(); }
  void Restore() {
    if (restored_) return;
    restored_ = true;
    for (int k = 0; k < 3; ++k) std::signal(kSignals[k], previous_[k]);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  static constexpr int kSignals[3] = {SIGINT, SIGTERM, SIGHUP};
  void (*previous_[3])(int) = {SIG_DFL, SIG_DFL, SIG_DFL};
  bool restored_ = false;
};

using Clock = std::chrono::steady_clock;

std::string Duration(double s) {
  char b[32];
  if (s < 60) {
    std::snprintf(b, sizeof b, "%.0fs", s);
  } else if (s < 3600) {
    std::snprintf(b, sizeof b, "%dm%02ds", static_cast<int>(s) / 60, static_cast<int>(s) % 60);
  } else {
    std::snprintf(b, sizeof b, "%dh%02dm", static_cast<int>(s) / 3600, (static_cast<int>(s) / 60) % 60);
  }
  return b;
}

class Progress {
 public:
  Progress(bool on, std::int64_t total) : on_(on), total_(total), start_(Clock::now()), last_(start_) {}
  void Add(std::int64_t points) {
    const std::int64_t done = done_.fetch_add(points) + points;
    if (!on_) return;
    std::unique_lock<std::mutex> lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    const Clock::time_point now = Clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    Print(done, now);
  }
  void Finish() {
    if (on_) std::fputc('\n', stderr);
  }

 private:
  void Print(std::int64_t done, Clock::time_point now) const {
    const double s = std::chrono::duration<double>(now - start_).count();
    const double rate = s > 0 ? static_cast<double>(done) / s : 0;
    const double frac = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1;
    char bar[31];
    const int filled = static_cast<int>(frac * 30);
    for (int k = 0; k < 30; ++k) bar[k] = k < filled ? '#' : '.';
    bar[30] = 0;
    const std::string eta = rate > 0 ? Duration(static_cast<double>(total_ - done) / rate) : std::string("?");
    std::fprintf(stderr, "\r[%s] %5.1f%% %lld/%lld points  %.0f points/s  ETA %s   ", bar, 100 * frac,
                 static_cast<long long>(done), static_cast<long long>(total_), rate, eta.c_str());
    std::fflush(stderr);
  }
  bool on_;
  std::int64_t total_;
  std::atomic<std::int64_t> done_{0};
  std::mutex mutex_;
  Clock::time_point start_, last_;
};

// Where the next chunk comes from: a process-local atomic counter, or an MPI counter at rank 0.
class ChunkCounter {
 public:
  ChunkCounter() = default;
  ChunkCounter(const ChunkCounter&) = delete;
  ChunkCounter& operator=(const ChunkCounter&) = delete;
#ifdef NCPMI_WITH_MPI
  void UseMpi(bool on) {
    mpi_ = on;
    if (!on) return;
    int rank = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    const MPI_Aint bytes = rank == 0 ? static_cast<MPI_Aint>(sizeof(std::int64_t)) : 0;
    MPI_Win_allocate(bytes, sizeof(std::int64_t), MPI_INFO_NULL, MPI_COMM_WORLD, &base_, &win_);
    if (rank == 0) *static_cast<std::int64_t*>(base_) = 0;
    MPI_Barrier(MPI_COMM_WORLD);
    MPI_Win_lock_all(0, win_);
  }
  ~ChunkCounter() {
    if (mpi_) {
      MPI_Win_unlock_all(win_);
      MPI_Win_free(&win_);
    }
  }
#endif
  std::int64_t Next() {
#ifdef NCPMI_WITH_MPI
    if (mpi_) {
      std::int64_t one = 1, result = 0;
#pragma omp critical(ncpmi_sweep_mpi)
      {
        MPI_Fetch_and_op(&one, &result, MPI_INT64_T, 0, 0, MPI_SUM, win_);
        MPI_Win_flush(0, win_);
      }
      return result;
    }
#endif
    return next_.fetch_add(1);
  }

 private:
  std::atomic<std::int64_t> next_{0};
#ifdef NCPMI_WITH_MPI
  bool mpi_ = false;
  void* base_ = nullptr;
  MPI_Win win_{};
#endif
};

struct Mpi {
  bool active = false;
  int rank = 0, size = 1;
};

Mpi StartMpi() {
  Mpi m;
#ifdef NCPMI_WITH_MPI
  const bool launched = std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMI_SIZE") != nullptr ||
                        std::getenv("PMIX_RANK") != nullptr;
  if (!launched) return m;
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (!initialized) {
    int provided = 0;
    MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided);
    std::atexit([] {
      int finalized = 0;
      MPI_Finalized(&finalized);
      if (!finalized) MPI_Finalize();
    });
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &m.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &m.size);
  m.active = m.size > 1;
#endif
  return m;
}

void Barrier(const Mpi& m) {
#ifdef NCPMI_WITH_MPI
  if (m.active) MPI_Barrier(MPI_COMM_WORLD);
#else
  (void)m;
#endif
}

// Sum over ranks (identity without MPI).
std::int64_t SumOverRanks(const Mpi& m, std::int64_t v) {
#ifdef NCPMI_WITH_MPI
  if (m.active) {
    std::int64_t total = 0;
    MPI_Allreduce(&v, &total, 1, MPI_INT64_T, MPI_SUM, MPI_COMM_WORLD);
    return total;
  }
#else
  (void)m;
#endif
  return v;
}

[[noreturn]] void AbortRanks(const Mpi& m, const std::exception& e, int code) {
#ifdef NCPMI_WITH_MPI
  std::fprintf(stderr, "ncpmi: rank %d: %s\n", m.rank, e.what());
  MPI_Abort(MPI_COMM_WORLD, code);
#else
  (void)m;
  (void)e;
  (void)code;
#endif
  std::abort();
}

// Rank 0: concatenates the chunks in order into OUT (atomic rename), then removes the parts.
void Assemble(const SweepSpec& spec, const SweepOptions& o, const RunIdentity& id, const std::string& dir) {
  AtomicFile file(o.out);  // temporary + fsync + rename; removed on any error
  file.stream() << HeaderLine(spec, id.format);
  for (std::int64_t j = 0; j < id.ShardChunks() && file.stream(); ++j) {
    const std::int64_t c = id.ShardChunk(j);
    const std::optional<std::string> payload = ReadChunk(dir, id, c, o.limits);
    if (!payload) {
      throw std::runtime_error(ChunkPath(dir, c) + ": missing or corrupt at assembly; rerun with --resume");
    }
    file.stream() << *payload;
  }
  if (id.shards > 1) WriteFileAtomically(o.out + ".meta", id.Text());
  file.Commit();
  if (!o.keep_parts) RemoveParts(dir);
}

}  // namespace

bool MpiAvailable() {
#ifdef NCPMI_WITH_MPI
  return true;
#else
  return false;
#endif
}

SweepReport RunSweep(const SweepSpec& spec, const SweepOptions& o) {
  const Clock::time_point start = Clock::now();
  if (o.shards < 1 || o.shard < 1 || o.shard > o.shards) throw InputError("--shard K/N needs 1 <= K <= N");
  RunIdentity id;
  id.points = o.limit >= 0 ? std::min(o.limit, spec.NumPoints()) : spec.NumPoints();
  id.fingerprint = spec.fingerprint ^ (o.limit >= 0 ? Fnv1a(std::to_string(o.limit)) : 0);
  id.chunk_size = o.chunk_size > 0 ? o.chunk_size : spec.chunk_size;
  id.format = FormatOfPath(o.out);
  id.shard = o.shard;
  id.shards = o.shards;
  const std::string dir = PartsDir(o.out);
  const Mpi mpi = StartMpi();
  SweepReport report;
  report.mpi_start_seconds = mpi.active ? std::chrono::duration<double>(Clock::now() - start).count() : 0.0;
  report.ranks = mpi.size;
  report.rank = mpi.rank;
  const std::int64_t shard_chunks = id.ShardChunks();
  report.chunks = shard_chunks;
  for (std::int64_t j = 0; j < shard_chunks; ++j) {
    const std::int64_t first = id.ShardChunk(j) * id.chunk_size;
    report.points += std::min(id.chunk_size, id.points - first);
  }

  try {
    int setup_failed = 0;
    std::exception_ptr setup_error;
    if (mpi.rank == 0) {
      try {
        // The output first, so that an output that cannot be written is refused before any work.
        CheckWritable(o.out);
        PrepareParts(dir, id, o.resume);
      } catch (...) {
        setup_error = std::current_exception();
        setup_failed = 1;
      }
    }
#ifdef NCPMI_WITH_MPI
    if (mpi.active) MPI_Bcast(&setup_failed, 1, MPI_INT, 0, MPI_COMM_WORLD);
#endif
    if (setup_error) std::rethrow_exception(setup_error);
    if (setup_failed) throw std::runtime_error("setting up " + dir + " failed on rank 0");

    if (o.threads > 0) omp_set_num_threads(o.threads);
    const bool progress = mpi.rank == 0 && (o.progress == 1 || (o.progress < 0 && ::isatty(STDERR_FILENO)));
    Progress bar(progress, report.points);
    ChunkCounter counter;
#ifdef NCPMI_WITH_MPI
    counter.UseMpi(mpi.active);
#endif
    g_stop = 0;
    StopSignals stop_signals;
    std::atomic<std::int64_t> computed{0}, reused{0}, errors{0}, done{0}, evaluate_ns{0};
    // The time limit: checked before each point, so a stop costs at most one point's solve.
    const bool limited = o.time_limit_seconds > 0;
    const Clock::time_point deadline =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limited ? o.time_limit_seconds : 0.0));
    std::atomic<bool> timed_out{false};
    auto stop = [&] {
      if (g_stop || timed_out.load(std::memory_order_relaxed)) return true;
      if (limited && Clock::now() >= deadline) {
        timed_out.store(true);
        return true;
      }
      return false;
    };
    std::exception_ptr first_error;
    std::atomic<bool> failed{false};
#pragma omp parallel
    {
      PointEvaluator evaluator(spec, o.limits);
      std::string payload;
      for (;;) {
        if (stop() || failed.load()) break;
        const std::int64_t j = counter.Next();
        if (j >= shard_chunks) break;
        const std::int64_t c = id.ShardChunk(j);
        const std::int64_t first = c * id.chunk_size;
        const std::int64_t count = std::min(id.chunk_size, id.points - first);
        try {
          if (o.resume && ReadChunk(dir, id, c, o.limits)) {
            reused.fetch_add(1);
            done.fetch_add(count);
            bar.Add(count);
            continue;
          }
          payload.clear();
          bool abandoned = false;
          const Clock::time_point evaluate_start = Clock::now();
          for (std::int64_t i = first; i < first + count; ++i) {
            if (stop()) {
              abandoned = true;
              break;
            }
            if (!evaluator.AppendRow(i, id.format, &payload)) errors.fetch_add(1);
          }
          evaluate_ns.fetch_add(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - evaluate_start).count());
          if (abandoned) break;
          WriteChunk(dir, id, c, first, count, payload);
          computed.fetch_add(count);
          done.fetch_add(count);
          bar.Add(count);
        } catch (...) {
#pragma omp critical(ncpmi_sweep_error)
          if (!first_error) first_error = std::current_exception();
          failed.store(true);
        }
      }
    }
    stop_signals.Restore();
    bar.Finish();
    if (first_error) std::rethrow_exception(first_error);
    report.evaluate_seconds = 1e-9 * static_cast<double>(evaluate_ns.load());
    report.computed = SumOverRanks(mpi, computed.load());
    report.reused_chunks = SumOverRanks(mpi, reused.load());
    report.errors = SumOverRanks(mpi, errors.load());
    report.done = SumOverRanks(mpi, done.load());
    report.timed_out = SumOverRanks(mpi, timed_out.load() ? 1 : 0) > 0;
    report.interrupted = SumOverRanks(mpi, g_stop ? 1 : 0) > 0 || report.timed_out;
    if (!report.interrupted && mpi.rank == 0) {
      Assemble(spec, o, id, dir);
      report.complete = true;
    }
    Barrier(mpi);
  } catch (const std::exception& e) {
    if (mpi.active) AbortRanks(mpi, e, dynamic_cast<const InputError*>(&e) != nullptr ? 2 : 1);
    throw;
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

}  // namespace ncpmi::sweep
