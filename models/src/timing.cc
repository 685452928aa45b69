// Wall-clock timing of building and solving the composite model over the 32 condition combinations.
#include "ncpmi/models/timing.h"

#include <algorithm>
#include <chrono>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/models/builders.h"
#include "ncpmi/models/outcome_class.h"

namespace ncpmi::models {
namespace {

using Clock = std::chrono::steady_clock;

double Micro(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

template <class T>
double SolveOnce(const Game& game, T* sink) {
  BiOptions options;
  options.threads = 1;
  const auto start = Clock::now();
  const BiSolution<T> s = SolveBackwardInduction<T>(game, options);
  const PlayOutcome<T> play = PlayOf(game, s);
  const OutcomeSummary<T> summary = SummarizeOutcomes(game, play.terminals);
  const double us = Micro(Clock::now() - start);
  *sink += summary.p_settlement;  // keeps the work observable
  return us;
}

}  // namespace

CrisisTiming MeasureCrisis(const ParameterValues& values, int repeats) {
  const ModelSpec& model = FindModel("ncpmi-crisis");
  const char* switches[5] = {"no_veto", "commitment", "pain", "mutually_hurting_stalemate", "initiative"};
  CrisisTiming t;
  double sink_d = 0;
  Rational sink_q = 0;
  for (int r = 0; r < std::max(repeats, 1); ++r) {
    for (int mask = 0; mask < 32; ++mask) {
      ParameterValues v = values;
      for (int c = 0; c < 5; ++c) v[switches[c]] = (mask >> c) & 1;
      const auto start = Clock::now();
      const Game game = model.build(ResolveParameters(model, v));
      t.build_us += Micro(Clock::now() - start);
      t.max_nodes = std::max(t.max_nodes, static_cast<int>(game.NumNodes()));
      t.solve_exact_us += SolveOnce(game, &sink_q);
      t.solve_double_us += SolveOnce(game, &sink_d);
      ++t.games;
    }
  }
  t.build_us /= t.games;
  t.solve_exact_us /= t.games;
  t.solve_double_us /= t.games;
  return t;
}

}  // namespace ncpmi::models
