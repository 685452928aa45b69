// The private-information sub-model assurance-trust, solved for sequential equilibria: the prior
// threshold of trust (Kydd 2005; Powell 2006) and the separating and semi-separating equilibria
// of a costly signal of reassurance, each against its closed form (docs/models.md).
#include <catch2/catch.hpp>

#include <string>

#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/models/model.h"

namespace ncpmi::models {
namespace {

Rational R(long num, long den = 1) { return MakeRational(num, den); }

// The probability of `action` at the information set named `set` in the solution `s`.
Rational ProbabilityAt(const Game& game, const SpeSolution<Rational>& s, const std::string& set,
                       const std::string& action) {
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetName(h) != set) continue;
    for (int a = 0; a < game.NumActions(h); ++a) {
      if (game.ActionName(h, a) == action) return s.profile.Prob(game, h, a);
    }
  }
  FAIL("no action " << action << " at " << set);
  return 0;
}

// A model solved for a sequential equilibrium, certified.
struct Sequential {
  Game game;
  SpeSolution<Rational> s;

  Rational At(const std::string& set, const std::string& action) const { return ProbabilityAt(game, s, set, action); }
  // The belief at the node labelled `node`.
  Rational Belief(const std::string& node) const {
    for (NodeId v = 0; v < game.NumNodes(); ++v) {
      if (game.NodeName(v) == node) return s.beliefs[static_cast<std::size_t>(v)];
    }
    FAIL("no node " << node);
    return 0;
  }
};

Sequential SolveModel(const std::string& model, const ParameterValues& given) {
  const ModelSpec& m = FindModel(model);
  Sequential t{m.build(ResolveParameters(m, given)), {}};
  SpeOptions options;
  options.solution_concept = SolutionConcept::kSequential;
  t.s = SolveSubgamePerfect<Rational>(t.game, options);
  REQUIRE(t.s.verified);
  REQUIRE(t.s.assessment_verified);  // sequential rationality, Bayes' rule, beliefs sum to 1
  return t;
}

Sequential Solve(const ParameterValues& given) { return SolveModel("assurance-trust", given); }

// Defaults: S_T = 4, R_T = -10, K_T = -2, so p* = (K_T - R_T) / (S_T - R_T) = 4/7; the types'
// gains from being trusted are 3 (trustworthy: honour 3 - keep 0) and 2 (untrustworthy: exploit 2).
const Rational kThreshold = R(4, 7);

TEST_CASE("without a signal the target disarms iff the prior of trust exceeds (K_T - R_T)/(S_T - R_T)", "[models]") {
  for (const Rational& prior : {R(1, 4), R(1, 2), R(3, 5), R(9, 10)}) {
    const Sequential t = Solve({{"prior", prior}});
    CAPTURE(prior);
    CHECK(t.At("Target after NoSignal", "Disarm") == (prior > kThreshold ? 1 : 0));
    // On the path the belief is the prior (Bayes' rule).
    CHECK(t.Belief("Target after NoSignal (trustworthy)") == prior);
    CHECK(t.Belief("Target after NoSignal (untrustworthy)") == 1 - prior);
    // Each type follows its preference after disarmament.
    CHECK(t.At("Coercer (trustworthy) after disarmament, NoSignal", "Honour") == 1);
    CHECK(t.At("Coercer (untrustworthy) after disarmament, NoSignal", "Exploit") == 1);
  }
}

TEST_CASE("a signal dearer than either type's gain from trust is never sent", "[models]") {
  const Sequential t = Solve({{"prior", R(3, 4)}, {"signal", 1}, {"signal_cost", 4}});
  CHECK(t.At("Coercer (trustworthy): reassure?", "NoSignal") == 1);
  CHECK(t.At("Coercer (untrustworthy): reassure?", "NoSignal") == 1);
  CHECK(t.At("Target after NoSignal", "Disarm") == 1);  // prior 3/4 > 4/7
}

TEST_CASE("a signal costing between the types' gains separates them, or no one signals", "[models]") {
  // 2 < k = 5/2 < 3: the separating equilibrium (only the trustworthy type reassures, the target
  // disarms after a signal) is sequential; so is pooling on no signal with the target keeping its
  // weapons, supported by a low belief after an unexpected signal. The solver's must be one.
  const Sequential t = Solve({{"prior", R(1, 4)}, {"signal", 1}, {"signal_cost", R(5, 2)}});
  const Rational sends_t = t.At("Coercer (trustworthy): reassure?", "Reassure");
  const Rational sends_u = t.At("Coercer (untrustworthy): reassure?", "Reassure");
  CAPTURE(sends_t, sends_u);
  const bool separating = sends_t == 1 && sends_u == 0 && t.At("Target after Reassure", "Disarm") == 1 &&
                          t.Belief("Target after Reassure (trustworthy)") == 1;
  const bool pooling = sends_t == 0 && sends_u == 0 && t.At("Target after NoSignal", "Keep") == 1 &&
                       t.At("Target after Reassure", "Keep") == 1 &&
                       t.Belief("Target after Reassure (trustworthy)") <= kThreshold;
  CHECK((separating || pooling));
  CHECK(t.At("Target after NoSignal", "Keep") == 1);  // prior 1/4 < 4/7 in both
}

TEST_CASE("a cheap signal is mimicked until the target's belief is exactly the threshold", "[models]") {
  // k = 1 < 2: semi-separating. The trustworthy type reassures; the untrustworthy type mimics with
  // probability sigma = prior (1 - p*) / ((1 - prior) p*) = 1/4, so the belief after a signal is
  // p* = 4/7; the target disarms after it with r = k / 2 = 1/2, which leaves the untrustworthy type
  // indifferent. Pooling on no signal (keep after any signal) is the other sequential equilibrium.
  const Sequential t = Solve({{"prior", R(1, 4)}, {"signal", 1}, {"signal_cost", 1}});
  const Rational sends_t = t.At("Coercer (trustworthy): reassure?", "Reassure");
  const Rational sends_u = t.At("Coercer (untrustworthy): reassure?", "Reassure");
  CAPTURE(sends_t, sends_u);
  const bool semi = sends_t == 1 && sends_u == R(1, 4) && t.At("Target after Reassure", "Disarm") == R(1, 2) &&
                    t.Belief("Target after Reassure (trustworthy)") == kThreshold;
  const bool pooling = sends_t == 0 && sends_u == 0 && t.At("Target after Reassure", "Keep") == 1 &&
                       t.Belief("Target after Reassure (trustworthy)") <= kThreshold;
  CHECK((semi || pooling));
}

}  // namespace
}  // namespace ncpmi::models

namespace ncpmi::models {
namespace {

Sequential SolveAudience(const ParameterValues& given) { return SolveModel("audience-cost", given); }

// Defaults: x = 1/2, a = 1/2; the target resists iff its belief in resolve q is below
// q* = (t_back - (1 - x)) / (t_back - t_war) = (1 - 1/2) / (1 + 1/2) = 1/3.
TEST_CASE("a coercer believed resolved enough is obeyed by every type: pooling on the threat", "[models]") {
  const Sequential c = SolveAudience({{"prior", R(1, 2)}});
  CHECK(c.At("Coercer (resolved): threaten?", "Threaten") == 1);
  CHECK(c.At("Coercer (unresolved): threaten?", "Threaten") == 1);
  CHECK(c.At("Target facing a threat", "Comply") == 1);
}

TEST_CASE("below the belief threshold the unresolved type bluffs and the target resists with x/(x + a)", "[models]") {
  // Semi-separating, the unique sequential equilibrium: sigma = pi (1 - q*) / ((1 - pi) q*) makes
  // the posterior q*; r = x / (x + a) makes the bluffer indifferent; war comes with pi r.
  for (const Rational& a : {R(1, 2), R(3, 4)}) {  // below 1, the unresolved type's cost of war
    const Rational prior = R(1, 4), q = R(1, 3), x = R(1, 2);
    const Sequential c = SolveAudience({{"prior", prior}, {"audience_cost", a}});
    CAPTURE(a);
    CHECK(c.At("Coercer (resolved): threaten?", "Threaten") == 1);
    CHECK(c.At("Coercer (unresolved): threaten?", "Threaten") == prior * (1 - q) / ((1 - prior) * q));
    CHECK(c.At("Target facing a threat", "Resist") == x / (x + a));
    for (NodeId v = 0; v < c.game.NumNodes(); ++v) {
      if (c.game.NodeName(v) == "Target facing a threat (resolved)") CHECK(c.s.beliefs[static_cast<std::size_t>(v)] == q);
    }
  }
}

}  // namespace
}  // namespace ncpmi::models
