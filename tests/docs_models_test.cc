// docs/models.md against the model registry: every model has a section, and every parameter table
// lists exactly the model's parameters with the registry's default and range, so the page cannot
// drift from the code.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ncpmi/game/rational.h"
#include "ncpmi/models/model.h"

namespace ncpmi::models {
namespace {

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The cells of a Markdown table row "| a | b | c |", trimmed.
std::vector<std::string> Cells(const std::string& row) {
  std::vector<std::string> cells;
  std::stringstream ss(row.substr(1));
  for (std::string cell; std::getline(ss, cell, '|');) {
    const auto first = cell.find_first_not_of(' ');
    const auto last = cell.find_last_not_of(' ');
    cells.push_back(first == std::string::npos ? std::string() : cell.substr(first, last - first + 1));
  }
  return cells;
}

// The lines of the section whose "## " heading names the model ("## `name`: ..." or
// "## name: ..."), up to the next "## " heading. Empty if there is none.
std::vector<std::string> Section(const std::vector<std::string>& lines, const std::string& name) {
  std::vector<std::string> out;
  bool inside = false;
  for (const std::string& line : lines) {
    if (line.rfind("## ", 0) == 0) {
      if (inside) break;
      inside = line.rfind("## `" + name + "`:", 0) == 0 || line.rfind("## " + name + ":", 0) == 0;
      continue;
    }
    if (inside) out.push_back(line);
  }
  return out;
}

std::string ExpectedDefault(const ParameterSpec& p) {
  if (p.kind == ParameterKind::kBoolean) return p.default_value == 0 ? "false" : "true";
  return FormatRational(p.default_value);
}

std::string ExpectedRange(const ParameterSpec& p) {
  if (p.kind == ParameterKind::kBoolean) return "boolean";
  return "[" + FormatRational(p.min) + ", " + FormatRational(p.max) + "]";
}

TEST_CASE("docs/models.md has a section per model and its parameter tables match the registry", "[models]") {
  const std::vector<std::string> lines = ReadLines(std::string(NCPMI_SOURCE_DIR) + "/docs/models.md");
  for (const ModelSpec& m : ModelSpecs()) {
    CAPTURE(m.name);
    const std::vector<std::string> section = Section(lines, m.name);
    REQUIRE_FALSE(section.empty());
    // A section still being written says so; it is checked once it has its parameter table.
    bool in_preparation = false;
    for (const std::string& line : section) in_preparation = in_preparation || line == "(section in preparation)";
    if (in_preparation) continue;

    // Rows "| `name` | meaning | default | range |" under "### Parameters".
    std::map<std::string, std::vector<std::string>> rows;
    bool in_table = false;
    for (const std::string& line : section) {
      if (line.rfind("### ", 0) == 0) in_table = line == "### Parameters";
      if (!in_table || line.rfind("| `", 0) != 0) continue;
      const std::vector<std::string> cells = Cells(line);
      REQUIRE(cells.size() >= 4);
      const std::string name = cells[0].substr(1, cells[0].size() - 2);
      CHECK(rows.count(name) == 0);
      rows[name] = cells;
    }
    CHECK(rows.size() == m.parameters.size());
    for (const ParameterSpec& p : m.parameters) {
      CAPTURE(p.name);
      const auto it = rows.find(p.name);
      REQUIRE(it != rows.end());
      CHECK(it->second[2] == ExpectedDefault(p));
      CHECK(it->second[3] == ExpectedRange(p));
    }
  }
}

}  // namespace
}  // namespace ncpmi::models
