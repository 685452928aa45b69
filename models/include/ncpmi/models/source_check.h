// Which values of a scenario file have no source: a parameter (or condition) the file sets with
// no note after it, or one it lists in `unsourced`. `ncpmi conditions --check-sources` prints them.
#pragma once

#include <string>
#include <vector>

#include "ncpmi/models/scenario.h"

namespace ncpmi::models {

struct UnsourcedValue {
  std::string parameter;    // the model's name (conditions by their switch: no_veto)
  char condition = 0;       // 'N'...'I' when the parameter is a condition switch, else 0
  SourceLocation location;  // of its value; of its entry in `unsourced` when the file does not set it
  bool listed = false;      // listed in `unsourced`
  bool no_note = false;     // set without a note (trailing comment)
};

// Every unsourced value of `scenario`, in the order of their lines (then columns). O(parameters
// log parameters). Thread-safe.
std::vector<UnsourcedValue> UnsourcedValues(const Scenario& scenario);

// "FILE:LINE: w_c = 1: no source note" / "...: listed in unsourced" (one line, no newline).
std::string DescribeUnsourced(const Scenario& scenario, const UnsourcedValue& value);

}  // namespace ncpmi::models
