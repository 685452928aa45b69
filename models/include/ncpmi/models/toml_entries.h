// Reading TOML tables (toml++) in the order they were written, with positions for messages:
// shared by the scenario reader and the sweep-spec reader.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "ncpmi/models/scenario.h"

namespace ncpmi::models {

// How deep a scenario or sweep spec may nest: dotted-key components in one key or table header,
// and arrays / inline tables inside one another (each counted on its own). toml++ recurses on
// both, and its own cap does not cover dotted keys; hand-written files need 3 or 4.
constexpr int kMaxTomlNesting = 64;

// Parses TOML text with toml++ after a pre-scan that refuses nesting beyond kMaxTomlNesting, so
// that no input can overflow the stack. Throws InputError "source_name:line:col: message" for
// that and for toml++'s syntax errors. O(text size). Thread-safe.
toml::table ParseToml(std::string_view text, const std::string& source_name);

// Where a TOML region begins (1-based line and column).
SourceLocation TomlLocation(const toml::source_region& region);

struct TomlEntry {
  std::string key;
  const toml::node* node;
  SourceLocation key_location;
};

// The entries of a table sorted by where their values start in the file (toml++ iterates tables
// in key order), so that errors and outputs follow the file.
std::vector<TomlEntry> EntriesInFileOrder(const toml::table& table);

}  // namespace ncpmi::models
