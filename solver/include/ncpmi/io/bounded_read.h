// The one reader of every input (game files, scenarios, sweep specs, chunks, manifests, standard
// input): whole-file reads bounded by the memory limit and by a per-format sanity cap, with the
// format's first bytes checked before the rest is read, so that a device, an endless stream or a
// file of the wrong kind is refused after one block instead of being read to exhaustion.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ncpmi/game/resource_limits.h"

namespace ncpmi {

// What an input must look like. A plain aggregate: the presets below cover the project's formats.
struct InputFormat {
  // "a game file": in "FILE: is a directory, not a game file" and the cap's message.
  const char* what = "an input file";
  // Refuse inputs longer than this many bytes (0: only the memory limit). Text formats written by
  // hand (scenarios, sweep specs) have one; formats that grow with the work do not.
  std::uint64_t max_bytes = 0;
  // Called with the bytes read so far (the first block, then each longer prefix) until it returns
  // true; throws InputError when they cannot begin this format. nullptr: anything goes.
  bool (*check_start)(std::string_view start, const std::string& name) = nullptr;
  // The input is the command's subject: the first such input read names allocation failures
  // ("ncpmi: FILE: out of memory (...)"; CurrentInputName()).
  bool names_the_work = false;
};

// Game files (.efg, .nfg): leading blank space, then "EFG" or "NFG" (DetectGameFileFormat's
// message otherwise; blank space is accepted up to 1 MiB). No cap beyond the memory limit.
InputFormat GameFileInput();
// TOML written by hand (what: "a scenario file", "a sweep spec"): at most 16 MiB, and no NUL or
// other control byte (tab, CR and LF aside) in the first 64 KiB.
InputFormat TomlInput(const char* what);

// Reads a whole input ("-" is standard input, named "<stdin>") into memory. Regular files are
// checked by size before any byte is read; everything else (standard input, devices, FIFOs,
// symbolic links to them) is read as a stream and stopped as soon as it goes over a bound. A FIFO
// without a writer reads as empty instead of blocking. Throws InputError, one line each:
//   "FILE: is a directory, not <what>"            "FILE: cannot open: <strerror>"
//   "FILE: read error: <strerror>"                 "FILE:LINE:COL: ..." (format.check_start)
//   "FILE: reading the file would need about 5.2 MiB, above the memory limit of 1.0 MiB (--max-memory)"
//   "FILE: longer than 16.0 MiB, the most <what> may be (...)"
// O(size). Thread-safe (the name noted for allocation failures is set once per process).
std::string ReadWholeFile(const std::string& path, const ResourceLimits& limits = {},
                          const InputFormat& format = {});

// The first input read with names_the_work ("<stdin>" for standard input), or "" before any: what
// an allocation failure is reported against. Async-signal-safe (a fixed buffer, set once).
const char* CurrentInputName();

}  // namespace ncpmi
