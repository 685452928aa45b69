// The readers refuse a game beyond --max-nodes / --max-memory while reading it, at the place in
// the file where it crosses the limit, and a file larger than the memory limit before reading it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "ncpmi/game/error.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/game_file.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi {
namespace {

// Five nodes, one per line: the root, a leaf, a decision node and its two leaves.
constexpr const char* kSmall = R"(EFG 2 R "small" { "A" "B" } ""
p "" 1 1 "" { "l" "r" } 0
t "" 1 "" { 1 2 }
p "" 2 1 "" { "x" "y" } 0
t "" 2 "" { 3 4 }
t "" 3 "" { 5 6 }
)";

ResourceLimits MaxNodes(std::uint64_t nodes) {
  ResourceLimits limits;
  limits.max_nodes = nodes;
  return limits;
}

ResourceLimits MaxMemory(std::uint64_t bytes) {
  ResourceLimits limits;
  limits.max_memory_bytes = bytes;
  return limits;
}

template <class Read>
std::string ErrorOf(Read read) {
  try {
    read();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted: no error)";
}

// A file under the system's temporary directory, removed at the end of the test.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : path_((std::filesystem::temp_directory_path() / name).string()) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST_CASE("A .efg node beyond --max-nodes is refused at its line and column", "[efg][limits]") {
  CHECK(ErrorOf([] { ReadEfg(kSmall, "small.efg", MaxNodes(3)); }) ==
        "small.efg:5:1: the game has 4 nodes, above the limit of 3 (--max-nodes)");
  CHECK(ErrorOf([] { ReadEfg(kSmall, "small.efg", MaxNodes(1)); }) ==
        "small.efg:3:1: the game has 2 nodes, above the limit of 1 (--max-nodes)");
  CHECK(ReadEfg(kSmall, "small.efg", MaxNodes(5)).NumNodes() == 5);
}

TEST_CASE("A .efg game beyond a tiny --max-memory is refused while it is read", "[efg][limits]") {
  // Two players: 88 bytes per node, so 200 bytes hold two nodes and the third crosses.
  CHECK(ErrorOf([] { ReadEfg(kSmall, "small.efg", MaxMemory(200)); }) ==
        "small.efg:4:1: the game would need about 264 B (3 nodes at 88 bytes each), above the "
        "memory limit of 200 B (--max-memory)");
  CHECK(ErrorOf([] { ReadGame(kSmall, "small.efg", MaxMemory(10)); }) ==
        "small.efg:2:1: the game would need about 88 B (1 node at 88 bytes each), above the "
        "memory limit of 10 B (--max-memory)");
  CHECK(ReadEfg(kSmall, "small.efg", MaxMemory(5 * 88)).NumNodes() == 5);
}

TEST_CASE("A game file larger than --max-memory is refused before it is read", "[efg][limits]") {
  const TempFile file("ncpmi_read_limits_small.efg", kSmall);
  const std::string expected = file.path() + ": reading the file would need about " +
                               FormatBytes(std::string(kSmall).size()) +
                               ", above the memory limit of 100 B (--max-memory)";
  CHECK(ErrorOf([&] { ReadEfgFile(file.path(), MaxMemory(100)); }) == expected);
  CHECK(ErrorOf([&] { ReadGameFile(file.path(), MaxMemory(100)); }) == expected);
  CHECK(ErrorOf([&] { ReadWholeFile(file.path(), MaxMemory(100)); }) == expected);
  CHECK(ReadGameFile(file.path()).NumNodes() == 5);  // the default limits take it
}

TEST_CASE("Standard input is refused as soon as more than --max-memory has arrived",
          "[efg][limits][stdin]") {
  std::stringbuf buffer{std::string(kSmall)};
  std::streambuf* old = std::cin.rdbuf(&buffer);
  const std::string error = ErrorOf([] { ReadGameFile("-", MaxMemory(100)); });
  std::cin.rdbuf(old);
  CHECK(error == "<stdin>: reading the file would need about " +
                     FormatBytes(std::string(kSmall).size()) +
                     ", above the memory limit of 100 B (--max-memory)");
}

TEST_CASE("An .nfg tree beyond the limits is refused at the number of strategies that crosses them",
          "[nfg][limits]") {
  // Seven players with two strategies: 1 + 2 + 4 + ... + 128 = 255 nodes; the sixth count takes
  // the tree from 63 to 127 nodes, past 100. Nothing is read or built after the header.
  const std::string text = R"(NFG 1 R "t" { "1" "2" "3" "4" "5" "6" "7" } { 2 2 2 2 2 2 2 })";
  const std::size_t sixth = text.find("{ 2") + 2 + 5 * 2;
  CHECK(ErrorOf([&] { ReadNfg(text, "t.nfg", MaxNodes(100)); }) ==
        "t.nfg:1:" + std::to_string(sixth + 1) +
            ": the game has 255 nodes, above the limit of 100 (--max-nodes)");
  // 128 leaves with 7 payoffs of 16 bytes, twice: about 42 KiB, 169 bytes per node of the tree,
  // so 1 KiB holds 6 nodes and the second count (7 nodes) crosses.
  CHECK_THAT(ErrorOf([&] { ReadGame(text, "t.nfg", MaxMemory(1024)); }),
             Catch::StartsWith("t.nfg:1:" + std::to_string(text.find("{ 2") + 2 + 2 + 1) +
                               ": the game would need about ") &&
                 Catch::EndsWith("above the memory limit of 1.0 KiB (--max-memory)"));
}

TEST_CASE("Ten thousand players with two strategies each give one clean line, not an overflow",
          "[nfg][limits]") {
  std::string players, counts;
  for (int k = 0; k < 10000; ++k) {
    players += " \"p\"";
    counts += " 2";
  }
  const std::string text = "NFG 1 R \"wide\" {" + players + " } {" + counts + " }\n1 2 3";
  // 2^27 profiles pass the reader's own limit of 10^8 at the 27th count.
  const std::size_t count27 = text.find("} {") + 3 + 26 * 2 + 1;
  for (const ResourceLimits& limits : {ResourceLimits{}, MaxNodes(1000), MaxMemory(1 << 20)}) {
    const std::string error = ErrorOf([&] { ReadNfg(text, "wide.nfg", limits); });
    CHECK(error.find('\n') == std::string::npos);
    if (limits.max_nodes == 0 && limits.max_memory_bytes == 0) {
      CHECK(error == "wide.nfg:1:" + std::to_string(count27 + 1) +
                         ": the game has more than 100000000 strategy profiles (the product of the "
                         "numbers of strategies), the limit of this reader");
    } else {
      // The reader's own limit comes first: the profiles are refused before the tree is sized.
      CHECK_THAT(error, Catch::Contains("strategy profiles"));
    }
  }
  // With one strategy each the tree is a chain of 10^4 + 1 nodes: within the defaults, beyond
  // a --max-nodes of 1000 at the thousandth count.
  std::string ones;
  for (int k = 0; k < 10000; ++k) ones += " 1";
  const std::string chain = "NFG 1 R \"chain\" {" + players + " } {" + ones + " }\n1 2 3";
  CHECK(ErrorOf([&] { ReadNfg(chain, "chain.nfg"); }) ==
        "chain.nfg:2:6: too few payoffs: the file ends after 3 of the 10000 payoffs (1 strategy "
        "profile(s) x 10000 player(s))");
  CHECK(ErrorOf([&] { ReadNfg(chain, "chain.nfg", MaxNodes(1000)); }) ==
        "chain.nfg:1:" + std::to_string(chain.find("} {") + 3 + 999 * 2 + 2) +
            ": the game has 10,001 nodes, above the limit of 1,000 (--max-nodes)");
}

TEST_CASE("Devices and endless streams are read as bounded streams and refused by their first bytes",
          "[io][limits][hostile]") {
  CHECK(ErrorOf([] { ReadGameFile("/dev/zero"); })
            .rfind("/dev/zero:1:1: not a game file: expected 'EFG' (extensive form) or 'NFG' (strategic form) at "
                   "the start, found '\\x00",
                   0) == 0);
  CHECK(ErrorOf([] { ReadWholeFile("/dev/zero", {}, TomlInput("a scenario file")); }) ==
        "/dev/zero:1:1: not a text file: control byte \\x00");
  // Without a format check, /dev/zero is stopped at the memory limit.
  CHECK(ErrorOf([] { ReadWholeFile("/dev/zero", MaxMemory(1 << 20)); }) ==
        "/dev/zero: reading the file would need about 1.1 MiB, above the memory limit of 1.0 MiB (--max-memory)");
  CHECK(ErrorOf([] { ReadWholeFile(".", {}, GameFileInput()); }) == ".: is a directory, not a game file");
}

TEST_CASE("Text written by hand is capped at 16 MiB, blank space before a game's header at 1 MiB",
          "[io][limits][stdin][hostile]") {
  std::stringbuf text{std::string(17u << 20, 'x')};
  std::streambuf* old = std::cin.rdbuf(&text);
  const std::string toml = ErrorOf([] { ReadWholeFile("-", {}, TomlInput("a sweep spec")); });
  std::stringbuf blank{std::string(2u << 20, '\n')};
  std::cin.rdbuf(&blank);
  const std::string game = ErrorOf([] { ReadGameFile("-"); });
  std::cin.rdbuf(old);
  CHECK(toml == "<stdin>: longer than 16.0 MiB, the most a sweep spec may be (it is text written by hand)");
  CHECK(game == "<stdin>: not a game file: more than 1 MiB of blank space and no 'EFG' or 'NFG' header");
}

}  // namespace
}  // namespace ncpmi
