// Output files by temporary file + fsync + rename, and the removal of temporaries on SIGINT,
// SIGTERM and SIGHUP.
#include "ncpmi/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <stdexcept>

#include "ncpmi/game/error.h"

namespace ncpmi {
namespace {

// Temporaries that a signal handler removes before the process dies. Fixed storage, so that the
// handler reads no memory that another thread could free; a slot is published by its flag.
constexpr int kSlots = 16;
constexpr std::size_t kPathBytes = 4096;
char g_paths[kSlots][kPathBytes];
std::atomic<bool> g_used[kSlots];
std::atomic<int> g_counter{0};

void RemoveAll() noexcept {
  for (int k = 0; k < kSlots; ++k) {
    if (g_used[k].load(std::memory_order_acquire)) ::unlink(g_paths[k]);
  }
}

extern "C" void RemoveTemporariesAndDie(int signal_number) {
  RemoveAll();
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

void InstallHandlersOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) {
      struct sigaction current {};
      if (::sigaction(s, nullptr, &current) != 0) continue;
      if ((current.sa_flags & SA_SIGINFO) != 0 || current.sa_handler != SIG_DFL) continue;
      struct sigaction ours {};
      ours.sa_handler = RemoveTemporariesAndDie;
      sigemptyset(&ours.sa_mask);
      ::sigaction(s, &ours, nullptr);
    }
  });
}

int Register(const std::string& temporary) {
  if (temporary.size() >= kPathBytes) return -1;
  InstallHandlersOnce();
  static std::mutex mutex;  // between registering threads; the handler only reads
  std::lock_guard<std::mutex> lock(mutex);
  for (int k = 0; k < kSlots; ++k) {
    if (g_used[k].load(std::memory_order_relaxed)) continue;
    std::memcpy(g_paths[k], temporary.c_str(), temporary.size() + 1);
    g_used[k].store(true, std::memory_order_release);
    return k;
  }
  return -1;
}

void Unregister(int slot) {
  if (slot >= 0) g_used[slot].store(false, std::memory_order_release);
}

std::string Reason(int error) { return error != 0 ? std::string(": ") + std::strerror(error) : std::string(); }

std::string DirectoryOf(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? std::string("/") : path.substr(0, slash);
}

// The file a write to `path` replaces: `path` itself, or what a symbolic link at `path` points to.
// Throws InputError for a directory, and for a link that another user could have planted: one in
// a shared (sticky, world-writable) directory owned by neither us nor the directory's owner --
// the kernel's rule for following such links (fs.protected_symlinks), which a rename over the
// resolved target would otherwise bypass.
struct Target {
  std::string path;
  bool exists = false;
  struct stat info {};
};

Target ResolveTarget(const std::string& path) {
  if (path.empty()) throw InputError("an output file name is empty");
  Target t;
  t.path = path;
  struct stat link_info {};
  if (::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode)) {
    struct stat dir_info {};
    if (::stat(DirectoryOf(path).c_str(), &dir_info) == 0 && (dir_info.st_mode & S_ISVTX) != 0 &&
        (dir_info.st_mode & S_IWOTH) != 0 && link_info.st_uid != ::geteuid() && link_info.st_uid != dir_info.st_uid) {
      throw InputError(path + ": cannot write: it is a symbolic link owned by another user (uid " +
                       std::to_string(link_info.st_uid) + ") in a shared directory");
    }
    if (char* resolved = ::realpath(path.c_str(), nullptr)) {
      t.path = resolved;
      std::free(resolved);
    }
  }
  t.exists = ::stat(t.path.c_str(), &t.info) == 0;
  if (t.exists && S_ISDIR(t.info.st_mode)) throw InputError(path + ": cannot write: it is a directory");
  return t;
}

}  // namespace

void CheckWritable(const std::string& path) {
  const Target t = ResolveTarget(path);
  if (t.exists && !S_ISREG(t.info.st_mode)) return;  // a device or FIFO: opened when written
  std::string probe = t.path + ".XXXXXX.tmp";
  const int fd = ::mkstemps(probe.data(), 4);
  if (fd < 0) throw InputError(path + ": cannot write" + Reason(errno));
  ::close(fd);
  ::unlink(probe.c_str());
}

AtomicFile::AtomicFile(const std::string& path) : path_(path) {
  const Target t = ResolveTarget(path);
  target_ = t.path;
  if (t.exists && !S_ISREG(t.info.st_mode)) {
    // A device or a FIFO: there is no file to replace, so write to it directly.
    out_.open(target_, std::ios::binary | std::ios::out);
    if (!out_) throw InputError(path + ": cannot write" + Reason(errno));
    return;
  }
  temporary_ = target_ + "." + std::to_string(::getpid()) + "." + std::to_string(g_counter.fetch_add(1)) + ".tmp";
  slot_ = Register(temporary_);  // before it exists: a signal in between finds nothing to remove
  // O_EXCL: never through a file or link already there. The stream then opens this very file
  // through its descriptor, so a name swapped in meanwhile is not followed.
  const int fd = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) {
    const int error = errno;
    Unregister(slot_);
    slot_ = -1;
    temporary_.clear();
    throw InputError(path + ": cannot write" + Reason(error));
  }
  if (t.exists) ::fchmod(fd, t.info.st_mode & 07777);  // the replaced file's permissions
  out_.open("/proc/self/fd/" + std::to_string(fd), std::ios::binary | std::ios::out | std::ios::trunc);
  if (!out_.is_open()) out_.open(temporary_, std::ios::binary | std::ios::out | std::ios::trunc);  // no /proc
  const int error = errno;
  ::close(fd);
  if (!out_) {
    Discard();
    throw InputError(path + ": cannot write" + Reason(error));
  }
}

AtomicFile::~AtomicFile() {
  if (!committed_) Discard();
}

void AtomicFile::Discard() noexcept {
  if (out_.is_open()) out_.close();
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  Unregister(slot_);
  slot_ = -1;
}

void AtomicFile::Commit() {
  int error = 0;
  if (!out_) {
    error = errno != 0 ? errno : EIO;  // a write already failed while streaming
  } else {
    errno = 0;
    out_.flush();
    if (!out_) error = errno != 0 ? errno : EIO;
  }
  if (error == 0) errno = 0;
  out_.close();
  if (error == 0 && out_.fail()) error = errno != 0 ? errno : EIO;
  const auto fail = [&](int e) {
    Discard();
    throw std::runtime_error(path_ + ": error writing the file" + Reason(e));
  };
  if (error != 0) fail(error);
  if (temporary_.empty()) {
    committed_ = true;
    return;
  }
  const int fd = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int e = errno;
    if (fd >= 0) ::close(fd);
    fail(e);
  }
  ::close(fd);
  if (std::rename(temporary_.c_str(), target_.c_str()) != 0) fail(errno);
  committed_ = true;
  Unregister(slot_);
  slot_ = -1;
  // The rename itself on disk; a failure here loses nothing that was promised.
  const int dir = ::open(DirectoryOf(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void RemoveTemporariesNow() noexcept { RemoveAll(); }

void WriteFileAtomically(const std::string& path, std::string_view contents) {
  AtomicFile file(path);
  file.stream().write(contents.data(), static_cast<std::streamsize>(contents.size()));
  file.Commit();
}

void WriteOutput(const std::string& path, const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("error writing standard output");
    return;
  }
  AtomicFile file(path);
  write(file.stream());
  file.Commit();
}

void WriteOutput(const std::string& path, std::string_view contents) {
  WriteOutput(path, [&](std::ostream& out) {
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  });
}

}  // namespace ncpmi
