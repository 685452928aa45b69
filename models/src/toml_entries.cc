// TOML tables in file order, with positions.
#include "ncpmi/models/toml_entries.h"

#include <algorithm>

namespace ncpmi::models {

SourceLocation TomlLocation(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::vector<TomlEntry> EntriesInFileOrder(const toml::table& table) {
  std::vector<TomlEntry> entries;
  for (const auto& [key, node] : table) {
    entries.push_back({std::string(key.str()), &node, TomlLocation(key.source())});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const TomlEntry& a, const TomlEntry& b) {
    const auto& x = a.node->source().begin;
    const auto& y = b.node->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return entries;
}

}  // namespace ncpmi::models
