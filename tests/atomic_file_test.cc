// Tests of output files written atomically (ncpmi/io/atomic_file.h): the target changes only on
// commit, a failure or an exception leaves it as it was, and no temporary stays behind.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/io/efg.h"
#include "test_data.h"

namespace ncpmi {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Spit(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

fs::path FreshDir(const std::string& tag) {
  const fs::path dir = fs::temp_directory_path() / ("ncpmi-atomic-test-" + tag);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int Temporaries(const fs::path& dir) {
  int count = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".tmp") ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("an atomic file replaces its target only when committed", "[atomic_file]") {
  const fs::path dir = FreshDir("commit");
  const fs::path target = dir / "out.txt";
  Spit(target, "old");
  {
    AtomicFile file(target.string());
    file.stream() << "new contents";
    file.stream().flush();
    CHECK(Slurp(target) == "old");  // written so far: only the temporary
    CHECK(fs::exists(file.temporary_path()));
    CHECK(fs::path(file.temporary_path()).parent_path() == dir);
    file.Commit();
  }
  CHECK(Slurp(target) == "new contents");
  CHECK(Temporaries(dir) == 0);
}

TEST_CASE("an atomic file abandoned without commit leaves the target and no temporary", "[atomic_file]") {
  const fs::path dir = FreshDir("abandon");
  const fs::path target = dir / "out.txt";
  Spit(target, "old");
  {
    AtomicFile file(target.string());
    file.stream() << "half of it";
  }
  CHECK(Slurp(target) == "old");
  CHECK(Temporaries(dir) == 0);
  // A writer that throws half-way, through WriteOutput: the exception passes, nothing changes.
  CHECK_THROWS_WITH(WriteOutput(target.string(),
                                [](std::ostream& out) {
                                  out << "partial";
                                  throw std::runtime_error("writer failed");
                                }),
                    "writer failed");
  CHECK(Slurp(target) == "old");
  CHECK(Temporaries(dir) == 0);
  // And without a previous file, none is created.
  const fs::path fresh = dir / "fresh.txt";
  CHECK_THROWS(WriteOutput(fresh.string(), [](std::ostream&) { throw std::runtime_error("no"); }));
  CHECK_FALSE(fs::exists(fresh));
}

TEST_CASE("an atomic file keeps the permissions of the file it replaces", "[atomic_file]") {
  const fs::path dir = FreshDir("mode");
  const fs::path target = dir / "out.txt";
  Spit(target, "old");
  ::chmod(target.c_str(), 0640);
  WriteFileAtomically(target.string(), "new");
  struct stat info {};
  REQUIRE(::stat(target.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
  CHECK(Slurp(target) == "new");
}

TEST_CASE("an atomic file refuses a directory or a missing directory as InputError", "[atomic_file]") {
  const fs::path dir = FreshDir("refuse");
  CHECK_THROWS_AS(AtomicFile(dir.string()), InputError);
  CHECK_THROWS_WITH(AtomicFile(dir.string()), Catch::Contains("cannot write: it is a directory"));
  CHECK_THROWS_WITH(AtomicFile((dir / "no" / "such.txt").string()),
                    Catch::Contains("cannot write: No such file or directory"));
  CHECK(Temporaries(dir) == 0);
}

TEST_CASE("an atomic file writes through a symbolic link and keeps the link", "[atomic_file]") {
  const fs::path dir = FreshDir("link");
  Spit(dir / "target.txt", "old");
  fs::create_symlink("target.txt", dir / "link.txt");
  WriteFileAtomically((dir / "link.txt").string(), "new");
  CHECK(fs::is_symlink(dir / "link.txt"));
  CHECK(Slurp(dir / "target.txt") == "new");
  CHECK(Temporaries(dir) == 0);
}

TEST_CASE("an atomic file writes a device in place", "[atomic_file]") {
  AtomicFile file("/dev/null");
  CHECK(file.temporary_path().empty());
  file.stream() << "discarded";
  file.Commit();
  struct stat info {};
  REQUIRE(::stat("/dev/null", &info) == 0);
  CHECK(S_ISCHR(info.st_mode));
}

TEST_CASE("WriteEfgFile writes the game atomically and round-trips", "[atomic_file][efg]") {
  const fs::path dir = FreshDir("efg");
  const Game game = test::LoadData("centipede.efg");
  const fs::path target = dir / "game.efg";
  Spit(target, "old");
  WriteEfgFile(game, target.string());
  CHECK(Slurp(target) == WriteEfgString(game));
  CHECK(Temporaries(dir) == 0);
}

}  // namespace ncpmi
