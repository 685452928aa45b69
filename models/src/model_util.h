// Internal helpers shared by the model builders: parameter specs, resolved-value access,
// combination checks and a small writer for perfect-information trees.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "ncpmi/game/game_builder.h"
#include "ncpmi/game/rational.h"
#include "ncpmi/models/model.h"

namespace ncpmi::models::detail {

// num/den in lowest terms (mpq_class(n, d) alone does not canonicalize).
inline Rational Q(long num, long den = 1) { return MakeRational(num, den); }

ParameterSpec Number(std::string name, Rational default_value, Rational min, Rational max,
                     std::string description);
ParameterSpec Integer(std::string name, long default_value, long min, long max,
                      std::string description);
ParameterSpec Boolean(std::string name, bool default_value, std::string description,
                      char condition = 0);

// Resolved values. Throw InputError "parameter NAME: missing (...)" when the value is absent,
// i.e. when a builder is called without ResolveParameters.
const Rational& Param(const ParameterValues& values, const std::string& name);
bool Flag(const ParameterValues& values, const std::string& name);
int IntParam(const ParameterValues& values, const std::string& name);

// Throws InputError "parameter NAME: MESSAGE".
[[noreturn]] void ParameterError(const std::string& name, const std::string& message);

// A derived probability must lie in [0,1]; `what` describes how it was derived.
void RequireProbability(const std::string& name, const Rational& value, const std::string& what);

// Writes a perfect-information tree: every decision or chance node gets its own information set
// named like the node, every terminal its own outcome named like the node. Not thread-safe.
class TreeWriter {
 public:
  explicit TreeWriter(const std::vector<std::string>& players) : builder_(players) {}
  GameBuilder& Builder() { return builder_; }
  int NumPlayers() const { return builder_.NumPlayers(); }

  // `incremental`: payoffs of a non-terminal outcome on this node (empty: none).
  NodeId Decision(NodeId parent, int player, std::string_view label,
                  const std::vector<std::string>& actions,
                  const std::vector<Rational>& incremental = {});
  NodeId Chance(NodeId parent, std::string_view label, const std::vector<std::string>& actions,
                const std::vector<Rational>& probabilities,
                const std::vector<Rational>& incremental = {});
  NodeId Terminal(NodeId parent, std::string_view label, const std::vector<Rational>& payoffs);
  // Forms that reuse an existing outcome (outcome reuse by number; kNoOutcome: none).
  OutcomeId Outcome(std::string_view name, const std::vector<Rational>& payoffs) {
    return builder_.AddOutcome(name, payoffs);
  }
  NodeId DecisionWithOutcome(NodeId parent, int player, std::string_view label,
                             const std::vector<std::string>& actions, OutcomeId outcome);
  NodeId ChanceWithOutcome(NodeId parent, std::string_view label,
                           const std::vector<std::string>& actions,
                           const std::vector<Rational>& probabilities, OutcomeId outcome);
  NodeId TerminalWithOutcome(NodeId parent, std::string_view label, OutcomeId outcome);

  Game Finalize(std::string title, std::string comment);

 private:
  OutcomeId Incremental(std::string_view label, const std::vector<Rational>& payoffs);
  GameBuilder builder_;
};

}  // namespace ncpmi::models::detail
