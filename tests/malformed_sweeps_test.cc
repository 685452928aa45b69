// The catalogue in tests/malformed_sweeps/: each bad sweep spec (many of them inputs the
// sweep_spec fuzz target found) must fail with exactly its listed message, scenario paths being
// resolved against that directory.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/sweep/spec.h"
#include "test_data.h"

namespace ncpmi {
namespace {

namespace fs = std::filesystem;

TEST_CASE("every malformed sweep spec is rejected with exactly its catalogued message", "[sweep][malformed]") {
  const fs::path dir = fs::path(NCPMI_TESTS_DIR) / "malformed_sweeps";
  const auto entries = test::ReadCatalogue((dir / "expected.txt").string());
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.path().extension() == ".toml";
  CHECK(files == entries.size());  // every file is catalogued
  for (const auto& [file, expected] : entries) {
    DYNAMIC_SECTION(file) {
      std::string message = "(accepted: no error)";
      try {
        sweep::ParseSweepSpec(ReadWholeFile((dir / file).string()), file, dir.string());
      } catch (const InputError& e) {
        message = e.what();
      }
      CHECK(message == expected);
      CHECK(message.find('\n') == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace ncpmi
