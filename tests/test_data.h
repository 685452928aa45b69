// The hand-written games under tests/data/, for the test files that solve them, and the
// expected.txt of the malformed-input catalogues.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/lp_solvers.h"
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

// Requires a solver's answer to be solved and to pass the tree certificate (its payoffs equal to
// the certificate's in exact mode).
template <class T>
void RequireCertifiedNash(const Game& game, const LpEquilibrium<T>& eq) {
  INFO(eq.message);
  REQUIRE(eq.status == EquilibriumSolveStatus::kSolved);
  const NashCertificate<T> certificate = CertifyNash(game, eq.profile);
  REQUIRE(certificate.verified);
  if constexpr (NumberTraits<T>::kExact) CHECK(certificate.payoff == eq.payoff);
}

}  // namespace ncpmi::test
