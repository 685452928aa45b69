// The text of the bundled scenario files (instances/*.toml), compiled in by models/CMakeLists.txt
// so that the presets and the files are one source.
#pragma once

#include <string_view>
#include <vector>

namespace ncpmi::models::detail {

struct BundledInstance {
  std::string_view name;  // the file's stem, e.g. "haiti-1994"
  std::string_view text;  // the whole file
};

// In the preset order of presets.h.
const std::vector<BundledInstance>& BundledInstances();

}  // namespace ncpmi::models::detail
