// Helpers for the model tests: build a model from values, solve it exactly, read what happened.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/bi/spe_enumeration.h"
#include "ncpmi/game/rational.h"
#include "ncpmi/models/model.h"
#include "ncpmi/models/outcome_class.h"

namespace ncpmi::models::testing {

inline Rational R(long num, long den = 1) { return MakeRational(num, den); }

// A model solved by exact backward induction (first listed action at ties).
struct Solved {
  Game game;
  BiSolution<Rational> solution;
  PlayOutcome<Rational> play;
  OutcomeSummary<Rational> summary;

  NodeId Node(const std::string& label) const {
    for (NodeId v = 0; v < game.NumNodes(); ++v) {
      if (game.NodeName(v) == label) return v;
    }
    FAIL("no node labelled '" << label << "'");
    return kNoNode;
  }
  // The action label chosen at the decision node with this label.
  std::string Choice(const std::string& label) const {
    const NodeId v = Node(label);
    return game.ActionName(game.Infoset(v), solution.choice[static_cast<std::size_t>(v)]);
  }
  bool Reached(const std::string& label) const {
    for (const auto& [t, p] : play.terminals) {
      if (game.NodeName(t) == label && p > 0) return true;
    }
    return false;
  }
  bool Settles(const Rational& tau = R(1, 2)) const { return summary.p_settlement >= tau; }
  // Classes of the reached terminals, for messages.
  std::string Reached() const {
    std::string out;
    for (const auto& [t, p] : play.terminals) out += "[" + FormatRational(p) + " " + game.NodeName(t) + "] ";
    return out;
  }
};

inline Solved Solve(const std::string& model, const ParameterValues& given) {
  const ModelSpec& m = FindModel(model);
  Solved s{m.build(ResolveParameters(m, given)), {}, {}, {}};
  BiOptions options;
  options.threads = 1;
  s.solution = SolveBackwardInduction<Rational>(s.game, options);
  s.play = PlayOf(s.game, s.solution);
  s.summary = SummarizeOutcomes(s.game, s.play.terminals);
  return s;
}

// Smallest and largest P(S) over every pure SPE outcome (ties branched).
inline std::pair<Rational, Rational> SettlementRange(const std::string& model,
                                                     const ParameterValues& given) {
  const ModelSpec& m = FindModel(model);
  const Game game = m.build(ResolveParameters(m, given));
  const SpeEnumeration<Rational> all = EnumerateSpeOutcomes<Rational>(game, 1000);
  REQUIRE(all.complete);
  REQUIRE(!all.outcomes.empty());
  Rational lo = 1, hi = 0;
  for (const PlayOutcome<Rational>& o : all.outcomes) {
    const Rational p = SummarizeOutcomes(game, o.terminals).p_settlement;
    if (p < lo) lo = p;
    if (p > hi) hi = p;
  }
  return {lo, hi};
}

}  // namespace ncpmi::models::testing
