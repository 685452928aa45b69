// Whole-file reads bounded by the memory limit and a per-format cap, the first bytes checked first.
#include "ncpmi/io/bounded_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <mutex>

#include "ncpmi/game/error.h"
#include "ncpmi/io/game_file.h"

namespace ncpmi {
namespace {

constexpr std::size_t kBlock = 1 << 16;
constexpr std::size_t kMaxLeadingBlank = 1 << 20;  // before a game file's "EFG" / "NFG"
constexpr std::uint64_t kMaxTomlBytes = 16u << 20;

char g_input_name[4096];
std::atomic<bool> g_input_named{false};

void NoteInputName(const std::string& name) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  if (g_input_named.load(std::memory_order_relaxed)) return;
  const std::size_t n = std::min(name.size(), sizeof g_input_name - 1);
  std::memcpy(g_input_name, name.data(), n);
  g_input_name[n] = '\0';
  g_input_named.store(true, std::memory_order_release);
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool GameFileStart(std::string_view start, const std::string& name) {
  std::size_t i = 0;
  while (i < start.size() && IsBlank(start[i])) ++i;
  // The first word must be complete before it is judged ("EF" may become "EFG").
  std::size_t end = i;
  while (end < start.size() && !IsBlank(start[end]) && start[end] != '{' && start[end] != '"') ++end;
  if (end == start.size() && end - i < 4) {
    if (i > kMaxLeadingBlank) {
      throw InputError(name + ": not a game file: more than 1 MiB of blank space and no 'EFG' or 'NFG' header");
    }
    return false;
  }
  DetectGameFileFormat(start, name);  // throws with the position unless the word is EFG or NFG
  return true;
}

bool TomlStart(std::string_view start, const std::string& name) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < start.size(); ++i) {
    const auto c = static_cast<unsigned char>(start[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      char byte[8];
      std::snprintf(byte, sizeof byte, "\\x%02X", c);
      throw InputError(name, line, column, std::string("not a text file: control byte ") + byte);
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;  // columns count code points, as toml++ does
    }
  }
  return true;
}

}  // namespace

InputFormat GameFileInput() {
  InputFormat f;
  f.what = "a game file";
  f.check_start = GameFileStart;
  f.names_the_work = true;
  return f;
}

InputFormat TomlInput(const char* what) {
  InputFormat f;
  f.what = what;
  f.max_bytes = kMaxTomlBytes;
  f.check_start = TomlStart;
  f.names_the_work = true;
  return f;
}

const char* CurrentInputName() { return g_input_named.load(std::memory_order_acquire) ? g_input_name : ""; }

std::string ReadWholeFile(const std::string& path, const ResourceLimits& limits, const InputFormat& format) {
  const bool is_stdin = path == "-";
  const std::string name = is_stdin ? "<stdin>" : path;
  if (format.names_the_work) NoteInputName(name);
  const std::uint64_t memory_limit = MemoryLimitBytes(limits);
  const auto check = [&](std::uint64_t bytes) {
    if (format.max_bytes != 0 && bytes > format.max_bytes && format.max_bytes <= memory_limit) {
      throw InputError(name + ": longer than " + FormatBytes(format.max_bytes) + ", the most " + format.what +
                       " may be (it is text written by hand)");
    }
    if (bytes > memory_limit) CheckMemoryBudget(bytes, limits, "reading the file", name);
  };
  int fd = STDIN_FILENO;
  if (!is_stdin) {
    // O_NONBLOCK: a FIFO without a writer opens at once (and reads as empty) instead of hanging.
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw InputError(path + ": cannot open: " + std::strerror(errno));
  }
  struct Closer {
    int fd;
    bool own;
    ~Closer() {
      if (own) ::close(fd);
    }
  } closer{fd, !is_stdin};
  struct stat info {};
  if (!is_stdin) {
    if (::fstat(fd, &info) != 0) throw InputError(path + ": cannot open: " + std::strerror(errno));
    if (S_ISDIR(info.st_mode)) throw InputError(path + ": is a directory, not " + format.what);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  }
  std::string data;
  const bool regular = !is_stdin && S_ISREG(info.st_mode);
  if (regular && info.st_size > 0) {
    check(static_cast<std::uint64_t>(info.st_size));  // before any of it is read
    data.reserve(static_cast<std::size_t>(info.st_size));
  }
  // Standard input through std::cin's buffer (whatever was put there, as tests do); files by read(2).
  std::streambuf* in = is_stdin ? std::cin.rdbuf() : nullptr;
  char buffer[kBlock];
  bool started = format.check_start == nullptr;
  for (;;) {
    std::size_t got = 0;
    if (in != nullptr) {
      got = static_cast<std::size_t>(in->sgetn(buffer, sizeof buffer));
    } else {
      const ssize_t n = ::read(fd, buffer, sizeof buffer);
      if (n < 0) {
        if (errno == EINTR) continue;
        throw InputError(path + ": read error: " + std::strerror(errno));
      }
      got = static_cast<std::size_t>(n);
    }
    if (got == 0) break;
    check(data.size() + got);  // a regular file may have grown since its size was taken
    if (data.size() + got > data.capacity()) {
      // A stream grows by doubling, but never past the bounds: no capacity beyond what is allowed.
      std::uint64_t bound = memory_limit;
      if (format.max_bytes != 0) bound = std::min(bound, format.max_bytes);
      data.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(bound, std::max<std::uint64_t>(2 * data.size(), kBlock))));
    }
    data.append(buffer, got);
    if (!started) started = format.check_start(data, name);
  }
  return data;
}

}  // namespace ncpmi
