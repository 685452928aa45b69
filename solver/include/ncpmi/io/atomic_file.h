// Output files written whole or not at all: the text goes to a temporary file beside the target
// and is renamed over it only once it is completely written and on disk, so an interrupted or
// failed run never leaves a truncated file that looks complete, and an existing file stays as it
// was until the new one replaces it.
#pragma once

#include <fstream>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace ncpmi {

// Checks up front that `path` could be written as AtomicFile writes it, creating nothing that
// stays: throws InputError "path: cannot write: <reason>" as the constructor would (a directory, a
// missing or unwritable directory, a symbolic link planted by another user). For work that takes
// long before its output is written.
void CheckWritable(const std::string& path);

// One output file in the making.
//
// The temporary is "<path>.<pid>.<n>.tmp" in the target's directory (the same file system, so the
// rename is atomic), created with O_EXCL and the usual 0666 & ~umask permissions. If `path` is a
// symbolic link the file it points to is replaced, not the link. If `path` names something other
// than a regular file (/dev/null, /dev/stdout, a FIFO), it is written directly: there is nothing
// to replace atomically. While a temporary exists, SIGINT, SIGTERM and SIGHUP (when their
// disposition is the default) remove it before the process dies.
// Not thread-safe per object; separate objects may be used on separate threads.
class AtomicFile {
 public:
  // Throws InputError "path: cannot write: <reason>" if the target is a directory, its directory
  // does not exist or cannot be written, or it is a symbolic link another user could have
  // planted (owned by neither us nor the directory's owner, in a sticky world-writable directory).
  explicit AtomicFile(const std::string& path);
  // Removes the temporary unless Commit() succeeded; the target is untouched then.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return out_; }
  const std::string& path() const { return path_; }
  const std::string& temporary_path() const { return temporary_; }  // empty when direct

  // Flushes, fsyncs and closes the temporary, then renames it over the target. Throws
  // std::runtime_error "path: error writing the file: <reason>" (the temporary removed, the
  // target untouched) on any failure, e.g. a full disk or a file size limit.
  void Commit();

 private:
  void Discard() noexcept;
  std::string path_;       // as given, for messages
  std::string target_;     // what is replaced (symbolic links resolved)
  std::string temporary_;  // empty when writing directly to a non-regular file
  std::ofstream out_;
  int slot_ = -1;          // in the signal-cleanup table
  bool committed_ = false;
};

// Removes every temporary of a live AtomicFile now (async-signal-safe): for a process about to end
// without unwinding (std::terminate, an allocation failure inside C code).
void RemoveTemporariesNow() noexcept;

// Writes `contents` to `path` atomically as above. Throws as AtomicFile does.
void WriteFileAtomically(const std::string& path, std::string_view contents);

// The output of a command: "-" is standard output (flushed; std::runtime_error on an error),
// anything else a file written atomically by `write`. If `write` throws, the temporary is removed
// and the exception passed on.
void WriteOutput(const std::string& path, const std::function<void(std::ostream&)>& write);
void WriteOutput(const std::string& path, std::string_view contents);

}  // namespace ncpmi
