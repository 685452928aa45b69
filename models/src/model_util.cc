// Parameter specs, resolved-value access and the perfect-information tree writer.
#include "model_util.h"

#include <utility>

#include "ncpmi/game/error.h"

namespace ncpmi::models::detail {

ParameterSpec Number(std::string name, Rational default_value, Rational min, Rational max,
                     std::string description) {
  ParameterSpec s;
  s.name = std::move(name);
  s.kind = ParameterKind::kNumber;
  s.default_value = std::move(default_value);
  s.min = std::move(min);
  s.max = std::move(max);
  s.description = std::move(description);
  return s;
}

ParameterSpec Integer(std::string name, long default_value, long min, long max,
                      std::string description) {
  ParameterSpec s = Number(std::move(name), Q(default_value), Q(min), Q(max), std::move(description));
  s.kind = ParameterKind::kInteger;
  return s;
}

ParameterSpec Boolean(std::string name, bool default_value, std::string description,
                      char condition) {
  ParameterSpec s = Number(std::move(name), Q(default_value ? 1 : 0), Q(0), Q(1), std::move(description));
  s.kind = ParameterKind::kBoolean;
  s.condition = condition;
  return s;
}

const Rational& Param(const ParameterValues& values, const std::string& name) {
  const auto it = values.find(name);
  if (it == values.end()) ParameterError(name, "missing (resolve the values with ResolveParameters)");
  return it->second;
}

bool Flag(const ParameterValues& values, const std::string& name) {
  return sgn(Param(values, name)) != 0;
}

int IntParam(const ParameterValues& values, const std::string& name) {
  const Rational& v = Param(values, name);
  if (v.get_den() != 1 || !v.get_num().fits_sint_p()) ParameterError(name, "must be an integer");
  return static_cast<int>(v.get_num().get_si());
}

void ParameterError(const std::string& name, const std::string& message) {
  throw InputError("parameter " + name + ": " + message);
}

void RequireProbability(const std::string& name, const Rational& value, const std::string& what) {
  if (sgn(value) < 0 || value > 1) {
    ParameterError(name, what + " = " + FormatRational(value) + " is outside [0, 1]");
  }
}

OutcomeId TreeWriter::Incremental(std::string_view label, const std::vector<Rational>& payoffs) {
  if (payoffs.empty()) return kNoOutcome;
  return builder_.AddOutcome(label, payoffs);
}

NodeId TreeWriter::Decision(NodeId parent, int player, std::string_view label,
                            const std::vector<std::string>& actions,
                            const std::vector<Rational>& incremental) {
  const InfosetId h = builder_.AddInfoset(player, label, actions);
  return builder_.AddNode(parent, h, Incremental(label, incremental), label);
}

NodeId TreeWriter::Chance(NodeId parent, std::string_view label,
                          const std::vector<std::string>& actions,
                          const std::vector<Rational>& probabilities,
                          const std::vector<Rational>& incremental) {
  const InfosetId h = builder_.AddChanceInfoset(label, actions, probabilities);
  return builder_.AddNode(parent, h, Incremental(label, incremental), label);
}

NodeId TreeWriter::Terminal(NodeId parent, std::string_view label,
                            const std::vector<Rational>& payoffs) {
  return builder_.AddNode(parent, kNoInfoset, builder_.AddOutcome(label, payoffs), label);
}

NodeId TreeWriter::DecisionWithOutcome(NodeId parent, int player, std::string_view label,
                                       const std::vector<std::string>& actions, OutcomeId outcome) {
  const InfosetId h = builder_.AddInfoset(player, label, actions);
  return builder_.AddNode(parent, h, outcome, label);
}

NodeId TreeWriter::ChanceWithOutcome(NodeId parent, std::string_view label,
                                     const std::vector<std::string>& actions,
                                     const std::vector<Rational>& probabilities, OutcomeId outcome) {
  const InfosetId h = builder_.AddChanceInfoset(label, actions, probabilities);
  return builder_.AddNode(parent, h, outcome, label);
}

NodeId TreeWriter::TerminalWithOutcome(NodeId parent, std::string_view label, OutcomeId outcome) {
  return builder_.AddNode(parent, kNoInfoset, outcome, label);
}

Game TreeWriter::Finalize(std::string title, std::string comment) {
  builder_.SetTitle(std::move(title));
  builder_.SetComment(std::move(comment));
  return builder_.Finalize();
}

}  // namespace ncpmi::models::detail
