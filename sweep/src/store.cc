// Chunk files with CRC-32 and atomic rename, the run manifest, and the streaming merge of parts.
#include "ncpmi/sweep/store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <queue>
#include <sstream>
#include <stdexcept>

#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/io/bounded_read.h"

namespace ncpmi::sweep {

std::uint32_t Crc32(std::string_view data, std::uint32_t crc) {
  // zlib's CRC-32 (the IEEE polynomial, as in gzip and PNG) processes several bytes per step: a
  // byte-wise table took a quarter of the sweep's per-point overhead.
  return static_cast<std::uint32_t>(crc32_z(crc, reinterpret_cast<const Bytef*>(data.data()), data.size()));
}

std::string RunIdentity::Text() const {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "ncpmi-sweep 1 fingerprint=%016" PRIx64 " points=%" PRId64 " chunk=%" PRId64
                " format=%s shard=%d/%d\n", fingerprint, points, chunk_size, format == Format::kCsv ? "csv" : "jsonl",
                shard, shards);
  return buffer;
}

std::optional<RunIdentity> RunIdentity::Parse(const std::string& text) {
  RunIdentity id;
  char format[16] = {0};
  std::uint64_t fp = 0;
  long long points = 0, chunk = 0;
  int shard = 0, shards = 0;
  if (std::sscanf(text.c_str(), "ncpmi-sweep 1 fingerprint=%" SCNx64 " points=%lld chunk=%lld format=%15s shard=%d/%d", &fp,
                  &points, &chunk, format, &shard, &shards) != 6) {
    return std::nullopt;
  }
  id.fingerprint = fp;
  id.points = points;
  id.chunk_size = chunk;
  id.format = std::string(format) == "csv" ? Format::kCsv : Format::kJsonl;
  id.shard = shard;
  id.shards = shards;
  if (chunk < 1 || points < 0 || shards < 1 || shard < 1 || shard > shards) return std::nullopt;
  return id;
}

std::int64_t RunIdentity::ShardChunks() const {
  const std::int64_t n = NumChunks();
  const std::int64_t k = shard - 1;
  return n <= k ? 0 : (n - k + shards - 1) / shards;
}

std::string PartsDir(const std::string& out) { return out + ".parts"; }

std::string ChunkPath(const std::string& dir, std::int64_t chunk) {
  char name[64];
  std::snprintf(name, sizeof name, "/chunk-%08" PRId64, chunk);
  return dir + name;
}

namespace {

std::string ChunkHeader(const RunIdentity& id, std::int64_t chunk, std::int64_t first, std::int64_t count,
                        std::size_t bytes, std::uint32_t crc) {
  char buffer[200];
  std::snprintf(buffer, sizeof buffer, "ncpmi-chunk 1 %016" PRIx64 " %" PRId64 " %" PRId64 " %" PRId64 " %zu %08" PRIx32 "\n",
                id.fingerprint, chunk, first, count, bytes, crc);
  return buffer;
}

// Creates `path` (never through a link or file already there: O_EXCL | O_NOFOLLOW; a leftover
// of this process id is our own and replaced) and writes a then b. Throws std::runtime_error
// "path: error writing the file: <strerror>"; the file is removed then.
void WriteAll(const std::string& path, const std::string& a, const std::string& b) {
  constexpr int kFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
  int fd = ::open(path.c_str(), kFlags, 0666);
  if (fd < 0 && errno == EEXIST && ::unlink(path.c_str()) == 0) fd = ::open(path.c_str(), kFlags, 0666);
  if (fd < 0) throw std::runtime_error(path + ": cannot write: " + std::strerror(errno));
  int error = 0;
  for (const std::string* part : {&a, &b}) {
    for (std::size_t done = 0; error == 0 && done < part->size();) {
      const ssize_t n = ::write(fd, part->data() + done, part->size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) error = n < 0 ? errno : EIO;
      else done += static_cast<std::size_t>(n);
    }
  }
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error != 0) {
    ::unlink(path.c_str());
    throw std::runtime_error(path + ": error writing the file: " + std::strerror(error));
  }
}

// A small file of the sweep's own (a manifest, OUT.meta) starting with `magic`, or nothing when it
// is missing, unreadable, longer than 4 KiB or of another kind (a device is read one block at most).
std::optional<std::string> ReadSmallFile(const std::string& path, const char* magic) {
  InputFormat format;
  format.what = "a sweep's identity file";
  format.max_bytes = 4096;
  try {
    std::string text = ReadWholeFile(path, {}, format);
    if (text.compare(0, std::strlen(magic), magic) != 0) return std::nullopt;
    return text;
  } catch (const InputError&) {
    return std::nullopt;
  }
}

bool StartsChunk(std::string_view start, const std::string& name) {
  constexpr std::string_view kMagic = "ncpmi-chunk 1 ";
  const std::size_t n = std::min(start.size(), kMagic.size());
  if (start.substr(0, n) != kMagic.substr(0, n)) {
    throw InputError(name + ": not a chunk file");
  }
  return start.size() >= kMagic.size();
}

}  // namespace

void WriteChunk(const std::string& dir, const RunIdentity& id, std::int64_t chunk, std::int64_t first,
                std::int64_t count, const std::string& payload) {
  const std::string path = ChunkPath(dir, chunk);
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  WriteAll(tmp, ChunkHeader(id, chunk, first, count, payload.size(), Crc32(payload)), payload);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error(path + ": error writing the file: " + std::strerror(error));
  }
}

std::optional<std::string> ReadChunk(const std::string& dir, const RunIdentity& id, std::int64_t chunk,
                                     const ResourceLimits& limits) {
  std::string text;
  InputFormat format;
  format.what = "a chunk file";
  format.check_start = StartsChunk;
  try {
    text = ReadWholeFile(ChunkPath(dir, chunk), limits, format);
  } catch (const InputError&) {
    return std::nullopt;  // missing, unreadable, too large or not a chunk: computed again
  }
  const std::size_t eol = text.find('\n');
  if (eol == std::string::npos) return std::nullopt;
  std::string payload = text.substr(eol + 1);
  const std::int64_t first = chunk * id.chunk_size;
  const std::int64_t count = std::min(id.chunk_size, id.points - first);
  if (text.compare(0, eol + 1, ChunkHeader(id, chunk, first, count, payload.size(), Crc32(payload))) != 0) return std::nullopt;
  return payload;
}

std::optional<RunIdentity> ReadManifest(const std::string& dir) {
  const std::optional<std::string> text = ReadSmallFile(dir + "/manifest", "ncpmi-sweep 1 ");
  return text ? RunIdentity::Parse(*text) : std::nullopt;
}

bool ReadRow(std::istream& in, std::string* line, const std::string& name) {
  constexpr std::size_t kMaxRow = 16u << 20;
  line->clear();
  std::streambuf* buffer = in.rdbuf();
  for (;;) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      in.setstate(std::ios::eofbit);
      if (line->empty()) in.setstate(std::ios::failbit);
      return !line->empty();
    }
    if (c == '\n') return true;
    if (line->size() >= kMaxRow) {
      throw InputError(name + ": a line longer than " + FormatBytes(kMaxRow) + ": not a sweep's output");
    }
    line->push_back(static_cast<char>(c));
  }
}

void WriteFileAtomically(const std::string& path, const std::string& contents) {
  ncpmi::WriteFileAtomically(path, contents);
}

namespace {

void AddRange(std::vector<std::pair<std::int64_t, std::int64_t>>* ranges, std::int64_t first, std::int64_t last) {
  if (!ranges->empty() && ranges->back().second + 1 == first) {
    ranges->back().second = last;
  } else {
    ranges->emplace_back(first, last);
  }
}

}  // namespace

MergeReport MergeParts(const std::string& out, const std::vector<std::string>& parts) {
  const Format format = FormatOfPath(out);
  MergeReport report;
  struct Part {
    std::ifstream in;
    std::string line;
    std::int64_t point = -1;
    std::string name;
  };
  std::vector<Part> open(parts.size());
  std::string header;
  std::optional<RunIdentity> sweep;
  for (std::size_t k = 0; k < parts.size(); ++k) {
    Part& p = open[k];
    p.name = parts[k];
    p.in.open(parts[k], std::ios::binary);
    if (!p.in) throw InputError(parts[k] + ": cannot open");
    if (const std::optional<std::string> meta = ReadSmallFile(parts[k] + ".meta", "")) {
      const std::optional<RunIdentity> id = RunIdentity::Parse(*meta);
      if (!id) {
        report.problems.push_back(parts[k] + ".meta: not a sweep identity line");
      } else if (!sweep) {
        sweep = id;
      } else if (id->fingerprint != sweep->fingerprint || id->points != sweep->points || id->format != sweep->format) {
        report.problems.push_back(parts[k] + ": from another sweep than " + parts[0] + " (" + id->Text().substr(0, id->Text().size() - 1) + ")");
      }
    }
    if (format == Format::kCsv) {
      std::string h;
      if (!ReadRow(p.in, &h, p.name)) {
        report.problems.push_back(parts[k] + ": empty (no CSV header)");
        continue;
      }
      if (k == 0 || header.empty()) {
        header = h;
      } else if (h != header) {
        report.problems.push_back(parts[k] + ": its CSV header differs from the first part's");
      }
    }
  }
  report.total_known = sweep.has_value();
  using Item = std::pair<std::int64_t, std::size_t>;  // (point, part)
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> heap;
  auto advance = [&](std::size_t k) {
    Part& p = open[k];
    while (ReadRow(p.in, &p.line, p.name)) {
      if (p.line.empty()) continue;
      p.point = RowPoint(p.line, format);
      if (p.point < 0) {
        report.problems.push_back(p.name + ": a row without a point index: " + p.line.substr(0, 60));
        continue;
      }
      heap.emplace(p.point, k);
      return;
    }
  };
  for (std::size_t k = 0; k < open.size(); ++k) advance(k);
  // Nothing reaches `out` unless the merge is complete (AtomicFile: temporary + rename).
  AtomicFile file(out);
  std::ostream& f = file.stream();
  if (format == Format::kCsv) f << header << '\n';
  std::int64_t expected = 0;
  while (!heap.empty()) {
    const auto [point, k] = heap.top();
    heap.pop();
    if (point < expected) {
      AddRange(&report.duplicated, point, point);
    } else {
      if (point > expected) AddRange(&report.missing, expected, point - 1);
      f << open[k].line << '\n';
      ++report.rows;
      expected = point + 1;
    }
    advance(k);
  }
  if (sweep) {
    if (expected < sweep->points) AddRange(&report.missing, expected, sweep->points - 1);
    if (expected > sweep->points) report.problems.push_back("points beyond the sweep's " + std::to_string(sweep->points));
  }
  if (!report.Ok()) return report;  // the temporary is removed with `file`
  file.Commit();
  return report;
}

void PrepareParts(const std::string& dir, const RunIdentity& id, bool resume) {
  namespace fs = std::filesystem;
  if (fs::exists(dir)) {
    if (!resume) {
      throw InputError(dir + ": exists (an interrupted sweep): rerun with --resume to continue it, or delete it");
    }
    const std::optional<RunIdentity> old = ReadManifest(dir);
    if (!old) {
      // Killed between creating the directory and renaming the manifest into it: no chunk can
      // have been written yet, so start it afresh.
      bool chunks = false;
      for (const auto& entry : fs::directory_iterator(dir)) {
        chunks = chunks || entry.path().filename().string().rfind("chunk-", 0) == 0;
      }
      if (!chunks) {
        WriteFileAtomically(dir + "/manifest", id.Text());
        return;
      }
    }
    if (!old || old->Text() != id.Text()) {
      throw InputError(dir + ": holds parts of a different sweep (" +
                       (old ? old->Text().substr(0, old->Text().size() - 1) : std::string("no valid manifest")) +
                       "; this run: " + id.Text().substr(0, id.Text().size() - 1) + "): delete it to start over");
    }
    for (const auto& entry : fs::directory_iterator(dir)) {  // leftovers of killed writes
      if (entry.path().filename().string().find(".tmp") != std::string::npos) fs::remove(entry.path());
    }
    return;
  }
  if (::mkdir(dir.c_str(), 0777) != 0) throw InputError(dir + ": cannot create: " + std::strerror(errno));
  WriteFileAtomically(dir + "/manifest", id.Text());
}

// The chunks go first and the manifest last, so that a kill at any moment leaves a resumable
// state: chunks without a manifest cannot be told from another sweep's and would make --resume
// refuse the directory.
void RemoveParts(const std::string& dir) {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename() == "manifest") continue;
    // remove_all would first try each chunk file as a directory: one failed open per chunk.
    if (entry.is_directory()) {
      fs::remove_all(entry.path());
    } else {
      fs::remove(entry.path());
    }
  }
  fs::remove(dir + "/manifest");
  fs::remove(dir);
}

}  // namespace ncpmi::sweep
