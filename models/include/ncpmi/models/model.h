// Parametric models: named parameters with defaults and ranges, and a builder per model.
#pragma once

#include <functional>
#include <map>
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

struct ModelSpec {
  std::string name;          // e.g. "ultimatum", "ncpmi-crisis"
  std::string summary;       // one line
  std::string anchor;        // literature anchor (authors, year, venue) and the result used
  std::vector<ParameterSpec> parameters;
  // Builds the game from resolved values. Throws InputError ("parameter NAME: ...") when values
  // that are each in range combine into an invalid game (e.g. a probability outside [0,1]).
  std::function<Game(const ParameterValues&)> build;
};

// Every bundled model, in a fixed order (no static self-registration).
const std::vector<ModelSpec>& ModelSpecs();

// Throws InputError naming the known models.
const ModelSpec& FindModel(const std::string& name);

// Defaults filled in; unknown names, wrong kinds (a non-integer for kInteger, not 0/1 for
// kBoolean) and out-of-range values throw InputError "parameter NAME: message".
ParameterValues ResolveParameters(const ModelSpec& model, const ParameterValues& given);

}  // namespace ncpmi::models
