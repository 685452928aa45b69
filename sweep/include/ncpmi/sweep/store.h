// The crash-safe store of a sweep's output: checksummed chunk files in OUT.parts/ written by
// atomic rename, a manifest, the final assembly into OUT, and the merge of shard outputs.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ncpmi/game/resource_limits.h"
#include "ncpmi/sweep/rows.h"

namespace ncpmi::sweep {

// CRC-32 (IEEE 802.3, as zlib's crc32). O(size).
std::uint32_t Crc32(std::string_view data, std::uint32_t crc = 0);

// What the parts of one sweep run belong to; written to OUT.parts/manifest and beside shard
// outputs as OUT.meta, and compared on --resume and by merge.
struct RunIdentity {
  std::uint64_t fingerprint = 0;
  std::int64_t points = 0;
  std::int64_t chunk_size = 0;
  Format format = Format::kCsv;
  int shard = 1, shards = 1;  // 1-based shard of shards
  std::string Text() const;   // "ncpmi-sweep 1 fingerprint=... points=... chunk=... format=... shard=K/N\n"
  static std::optional<RunIdentity> Parse(const std::string& text);
  std::int64_t NumChunks() const { return (points + chunk_size - 1) / chunk_size; }
  // Chunks of this shard: shard-1, shard-1+shards, ... (round robin balances uneven costs).
  std::int64_t ShardChunks() const;
  std::int64_t ShardChunk(std::int64_t j) const { return (shard - 1) + j * shards; }
};

std::string PartsDir(const std::string& out);  // OUT + ".parts"
std::string ChunkPath(const std::string& dir, std::int64_t chunk);

// Writes payload as chunk file `chunk` (a header line with the identity, range, size and CRC,
// then the payload) to a temporary name (created with O_EXCL | O_NOFOLLOW), then renames it into
// place. Throws std::runtime_error "path: error writing the file: <strerror>" on I/O errors.
void WriteChunk(const std::string& dir, const RunIdentity& id, std::int64_t chunk, std::int64_t first,
                std::int64_t count, const std::string& payload);
// The payload of chunk `chunk` if its file exists and its header and CRC check out; read through
// ReadWholeFile within the memory limit of `limits`, its first bytes checked, so that anything
// else under the name (a device, a FIFO, a huge file) is nullopt after one block.
std::optional<std::string> ReadChunk(const std::string& dir, const RunIdentity& id, std::int64_t chunk,
                                     const ResourceLimits& limits = {});

// The identity in DIR/manifest, or nullopt when it is missing, unreadable or not one (read 4 KiB
// at most).
std::optional<RunIdentity> ReadManifest(const std::string& dir);

// Creates `dir` (OUT.parts/) with its manifest, or on `resume` checks that its manifest is `id`'s
// and removes leftover temporary files. Throws InputError for an existing directory without
// `resume`, and for one holding parts of a different run. Not thread-safe (one caller per run).
void PrepareParts(const std::string& dir, const RunIdentity& id, bool resume);
// Removes `dir` (chunks first, the manifest last: a kill at any moment leaves it resumable).
void RemoveParts(const std::string& dir);

// Writes `contents` to `path` through a temporary file and rename.
void WriteFileAtomically(const std::string& path, const std::string& contents);

// std::getline for a sweep's outputs, bounded: a line (a row) of more than 16 MiB throws
// InputError "name: a line longer than 16.0 MiB: not a sweep's output", so that a device or a
// file without line ends is not read whole. O(line).
bool ReadRow(std::istream& in, std::string* line, const std::string& name);

struct MergeReport {
  std::int64_t rows = 0;
  std::vector<std::pair<std::int64_t, std::int64_t>> missing;     // [first, last] ranges
  std::vector<std::pair<std::int64_t, std::int64_t>> duplicated;  // [first, last] ranges
  std::vector<std::string> problems;  // other: headers differ, other sweeps, unreadable rows
  bool total_known = false;           // some part had an OUT.meta with the point count
  bool Ok() const { return missing.empty() && duplicated.empty() && problems.empty(); }
};

// Merges shard outputs (each in point order, CSV with equal headers or JSON Lines, format by the
// extension of `out`) into `out` in point order, streaming (memory: one line per part). Reads
// PART.meta when present to know the total and to refuse parts of different sweeps. Writes
// `out` (atomically) only when nothing is missing or duplicated. Throws InputError for
// unreadable parts.
MergeReport MergeParts(const std::string& out, const std::vector<std::string>& parts);

}  // namespace ncpmi::sweep
