// The hand-written games under tests/data/, for the test files that solve them.
#pragma once

#include <catch2/catch.hpp>

#include <string>

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

}  // namespace ncpmi::test
