// Summaries of a finished sweep: where the verdict flips along each grid parameter, and a
// two-parameter table (long CSV) ready for a phase diagram.
#pragma once

#include <string>

#include "ncpmi/sweep/spec.h"

namespace ncpmi::sweep {

struct SummaryOptions {
  std::string output;      // the sweep's OUT.csv / OUT.jsonl (needs the verdict output)
  std::string phase;       // where to write the phase table ("" : none)
  int x_axis = 0, y_axis = 1;  // grid axes of the phase table (others at their first value)
  std::size_t max_lines = 20;  // flips listed per parameter in the text
};

// Reads the output (memory: one byte per point) and returns the text summary: verdict counts,
// then per grid parameter the flips between consecutive values along each line of the other
// grid parameters; lines with the same flips are grouped (count, first line's values), up to
// max_lines groups each. With a phase path and two
// or more grid axes, writes `x,y,verdict,code,p_settlement` (code: 2 all, 1 some, 0 no, -1
// error), x varying fastest. Throws InputError for an output without a verdict column or rows
// of another spec.
std::string SummarizeSweep(const SweepSpec& spec, const SummaryOptions& options);

}  // namespace ncpmi::sweep
