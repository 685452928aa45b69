// Reading TOML tables (toml++) in the order they were written, with positions for messages:
// shared by the scenario reader and the sweep-spec reader.
#pragma once

#include <string>
#include <vector>

#include <toml++/toml.h>

#include "ncpmi/models/scenario.h"

namespace ncpmi::models {

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
