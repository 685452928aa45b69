// The catalogue in tests/malformed/: each bad .efg or .nfg file must fail with exactly its listed
// message. Files are read by the reader their extension names (not by content: 02_wrong_magic.efg
// starts with "NFG" on purpose, to test the .efg reader's message).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/nfg.h"
#include "test_data.h"

namespace ncpmi {
namespace {

namespace fs = std::filesystem;

fs::path CatalogueDir() { return fs::path(NCPMI_TESTS_DIR) / "malformed"; }

std::vector<std::pair<std::string, std::string>> ReadCatalogue() {
  return test::ReadCatalogue((CatalogueDir() / "expected.txt").string());
}

}  // namespace

TEST_CASE("Every malformed .efg and .nfg file is rejected with exactly its catalogued message",
          "[efg][malformed]") {
  const auto catalogue = ReadCatalogue();
  for (const auto& [file, expected] : catalogue) {
    DYNAMIC_SECTION(file) {
      const std::string text = ReadWholeFile((CatalogueDir() / file).string());
      std::string message = "(accepted: no error)";
      try {
        if (fs::path(file).extension() == ".nfg") {
          ReadNfg(text, file);
        } else {
          ReadEfg(text, file);
        }
      } catch (const InputError& e) {
        message = e.what();
      }
      CHECK(message == expected);
      // The tools print what() as one line of "file:line:col: message".
      CHECK(message.find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("The malformed catalogue has at least 30 entries and lists every .efg and .nfg file once",
          "[efg][malformed]") {
  const auto catalogue = ReadCatalogue();
  CHECK(catalogue.size() >= 30);

  std::set<std::string> listed;
  const std::regex name(R"(\d\d_[a-z0-9_]+\.(efg|nfg))");
  for (const auto& [file, expected] : catalogue) {
    INFO(file);
    CHECK(listed.insert(file).second);
    CHECK(std::regex_match(file, name));
    CHECK(fs::is_regular_file(CatalogueDir() / file));
    // The location is the file's own name followed by a 1-based line and column.
    CHECK(std::regex_match(expected, std::regex(std::regex_replace(file, std::regex(R"(\.)"), R"(\.)") +
                                                R"(:[1-9]\d*:[1-9]\d*: \S.*)")));
  }

  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(CatalogueDir())) {
    const fs::path ext = entry.path().extension();
    if (ext == ".efg" || ext == ".nfg") present.insert(entry.path().filename().string());
  }
  std::vector<std::string> unlisted;
  std::set_difference(present.begin(), present.end(), listed.begin(), listed.end(),
                      std::back_inserter(unlisted));
  INFO("unlisted: " << Catch::Detail::stringify(unlisted));
  CHECK(unlisted.empty());
}

}  // namespace ncpmi
