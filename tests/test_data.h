// The hand-written games under tests/data/, for the test files that solve them, and the
// expected.txt of the malformed-input catalogues.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ncpmi/game/game.h"
#include "ncpmi/io/efg.h"

namespace ncpmi::test {

inline std::string DataPath(const std::string& name) {
  return std::string(NCPMI_TESTS_DIR) + "/data/" + name;
}

inline Game LoadData(const std::string& name) { return ReadEfgFile(DataPath(name)); }

// The first node with this label (test games name the nodes they check); fails the test if none.
inline NodeId NodeNamed(const Game& game, const std::string& name) {
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.NodeName(v) == name) return v;
  }
  FAIL("no node named " << name);
  return kNoNode;
}

// A catalogue's expected.txt: one "file<TAB>message" line per catalogued file, blank lines skipped.
inline std::vector<std::pair<std::string, std::string>> ReadCatalogue(const std::string& expected_txt) {
  std::ifstream in(expected_txt);
  REQUIRE(in);
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    INFO("expected.txt line: " << line);
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    entries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  return entries;
}

}  // namespace ncpmi::test
