// Parametric models: named parameters with defaults and ranges, and a builder per model.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ncpmi/game/game.h"
#include "ncpmi/game/rational.h"

namespace ncpmi::models {

enum class ParameterKind { kNumber, kInteger, kBoolean };

struct ParameterSpec {
  std::string name;          // snake_case, as written in scenario files
  ParameterKind kind = ParameterKind::kNumber;
  Rational default_value;    // booleans: 0 or 1
  Rational min, max;         // inclusive valid range (booleans: 0..1)
  std::string description;   // one line: meaning, unit, where it enters the game
  // 'N', 'C', 'P', 'M' or 'I' when this boolean is the on/off switch of an NCPMI condition, else 0.
  char condition = 0;
};

// Exact values by parameter name. After ResolveParameters every parameter of the model is present.
using ParameterValues = std::map<std::string, Rational>;

// What one switch (a Boolean parameter such as an NCPMI condition) does to the other parameters:
// while the switch is off, `parameter` takes `absent`; while it is on, `present` (an unset side
// keeps the parameter's own value). A condition acts only through such values, never by cutting
// the tree, so every effect is a payoff, a probability or a cost the documentation can state.
struct SwitchEffect {
  std::string parameter;
  std::optional<Rational> absent, present;
};
// By switch parameter name (e.g. "commitment"), in application order.
using SwitchEffects = std::map<std::string, std::vector<SwitchEffect>>;

struct ModelSpec {
  std::string name;          // e.g. "ultimatum", "ncpmi-crisis"
  std::string summary;       // one line
  std::string anchor;        // literature anchor (authors, year, venue) and the result used
  std::vector<ParameterSpec> parameters;
  // Builds the game from resolved values, its switches applied with `switch_effects`. Throws
  // InputError ("parameter NAME: ...") when values that are each in range combine into an
  // invalid game (e.g. a probability outside [0,1]).
  std::function<Game(const ParameterValues&)> build;
  // Models whose switches act through SwitchEffects: the default effects, and the builder that
  // takes values with the effects already applied (BuildWithEffects). Empty for other models.
  SwitchEffects switch_effects;
  std::function<Game(const ParameterValues&)> build_effective;
};

// Every bundled model, in a fixed order (no static self-registration).
const std::vector<ModelSpec>& ModelSpecs();

// Throws InputError naming the known models.
const ModelSpec& FindModel(const std::string& name);

// Defaults filled in; unknown names, wrong kinds (a non-integer for kInteger, not 0/1 for
// kBoolean) and out-of-range values throw InputError "parameter NAME: message".
ParameterValues ResolveParameters(const ModelSpec& model, const ParameterValues& given);

// `resolved` with every switch's effects applied: for each switch in `effects`, each listed
// parameter set to its absent or present value as the switch is off or on. Throws InputError
// when a switch or parameter is not one of the model's, or a value is outside its range.
ParameterValues ApplySwitchEffects(const ModelSpec& model, const ParameterValues& resolved,
                                   const SwitchEffects& effects);

// Builds with `effects` in place of the model's default switch effects (a scenario's
// `[conditions.X] switches`). Models without switch effects ignore `effects` when it is empty
// and refuse it otherwise.
Game BuildWithEffects(const ModelSpec& model, const ParameterValues& resolved,
                      const SwitchEffects& effects);

}  // namespace ncpmi::models
