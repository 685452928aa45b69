// Speed of the composite model: build and solve times for `ncpmi bench`-style reports.
#pragma once

#include "ncpmi/models/model.h"

namespace ncpmi::models {

struct CrisisTiming {
  int games = 0;             // games built and solved (32 condition combinations × repeats)
  int max_nodes = 0;         // largest game among them
  double build_us = 0;       // mean microseconds per build (ResolveParameters + build)
  double solve_exact_us = 0; // mean per exact solve: backward induction in GMP rationals on one
                             // thread, the play and its outcome summary (P(S), P(durable))
  double solve_double_us = 0;  // the same in double arithmetic
};

// Builds and solves "ncpmi-crisis" with `values` (unresolved; each switch is overridden) for all 32
// combinations of the five condition switches, `repeats` times, and reports mean times. Single
// thread; wall clock (steady_clock). Throws InputError for bad values.
CrisisTiming MeasureCrisis(const ParameterValues& values, int repeats);

}  // namespace ncpmi::models
