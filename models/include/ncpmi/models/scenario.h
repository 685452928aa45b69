// Scenario files (TOML): a model, its parameter values, which NCPMI conditions are present, a
// title and a source note per number; read exactly and checked with file:line:col messages.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ncpmi/game/game.h"
#include "ncpmi/game/rational.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/models/model.h"

namespace ncpmi::models {

// 1-based line and column (columns count Unicode code points, as toml++ does); 0 when unknown.
struct SourceLocation {
  int line = 0;
  int column = 0;
};

// `[calibration.X]`: how `ncpmi qca --fuzzy` calibrates condition X of this case (docs/qca.md).
// The measure is an expression over the model's parameters, checked by the QCA code, not here.
struct CalibrationSpec {
  std::string measure;            // "" keeps the default measure of the letter
  std::vector<Rational> anchors;  // [non, cross, full], strictly monotone; empty keeps the default
  SourceLocation measure_location, anchors_location, table_location;
};

// `[ranges]`: the plausible values of one parameter, the box `ncpmi robustness` explores.
struct ParameterRange {
  Rational lo, hi;          // exact; within the parameter's valid range; lo <= value <= hi
  SourceLocation location;  // of the [lo, hi] array
};

struct Scenario {
  std::string path;         // the name errors use (the file path as given, "<stdin>" for "-")
  std::string title;        // `title`, or "" when absent
  std::string description;  // `description`, optional
  std::string sources;      // `sources`, optional (a string or an array of strings, joined by "; ")
  std::string model;        // a ModelSpecs() name
  Rational threshold = MakeRational(1, 2);  // `threshold` (tau, docs/models.md), default 1/2
  bool threshold_given = false;
  // Values as written, conditions included under their switch parameter (N -> no_veto = 1).
  ParameterValues given;
  // Every parameter of the model: `given` plus defaults (ResolveParameters).
  ParameterValues values;
  // Where each entry of `given` was written (the value), and the comment on its line ("" if none):
  // the source note of that number.
  std::map<std::string, SourceLocation> locations;
  std::map<std::string, std::string> notes;
  SourceLocation model_location;  // of the `model` value (1:1 when absent)
  // `[conditions.X] switches = [...]`: what a condition switches, replacing the model's default
  // effects of that switch (by switch parameter name). Empty when the file keeps the defaults.
  SwitchEffects switch_effects;
  // `[calibration.X]` tables by condition letter; empty when the file has none.
  std::map<char, CalibrationSpec> calibration;
  // `unsourced = ["w_c", ...]`: parameters whose value the file says has no source, in file order
  // (condition letters stored as their switch names), and where each name is written.
  std::vector<std::string> unsourced;
  std::map<std::string, SourceLocation> unsourced_locations;
  // `[ranges]  p = ["4/5", 1]`: per parameter, the plausible box around its value.
  std::map<std::string, ParameterRange> ranges;
};

// True when `path` names a scenario file (ends in ".toml", any case).
bool IsScenarioPath(const std::string& path);

// Parses a scenario text. Layout (see docs/scenarios.md):
//   title = "..."  description = "..."  sources = "..." or [..]   (optional)
//   model = "ncpmi-crisis"                                          (required)
//   threshold = "1/2"                                               (optional, in [0, 1])
//   [conditions]  N = true ... by letter or by switch name (booleans)
//   [calibration.X] measure = "expression"  anchors = [non, cross, full]  (optional, per letter)
//   [parameters]  name = value: a TOML integer, a string "3/4" / "-2" / "0.45" (exact), a TOML
//                 float (read exactly from its decimal text: 0.45 is 9/20), or a boolean for
//                 boolean parameters.
//   unsourced = ["name", ...]                                       (optional: values without a source)
//   [ranges]      name = [lo, hi]: numbers as above, within the valid range, around the value
//                 (not for booleans).
// Every value is checked against the model (ResolveParameters) and the game is built once, so
// that combination errors surface here. Throws InputError "source_name:line:col: message" for
// TOML syntax errors (toml++'s message and position; duplicate keys included), unknown keys,
// models, parameters (naming the closest known one) or conditions, wrong types and values out of
// range. O(text size + one build). Thread-safe.
Scenario ParseScenario(std::string_view text, const std::string& source_name);

// Reads a whole file ("-" is standard input, named "<stdin>") through ReadWholeFile within the
// memory limit of `limits` and the cap of TomlInput, and parses it. Throws InputError.
Scenario ReadScenarioFile(const std::string& path, const ResourceLimits& limits = {});

// The switch effects the scenario's games are built with: the model's defaults, with those the
// file sets in `[conditions.X]` tables replacing them. Empty for models without switch effects.
SwitchEffects ScenarioSwitchEffects(const Scenario& scenario);

// Builds the scenario's game; `overrides` (already-valid values, e.g. the condition switches of
// one truth-table row) replace entries of scenario.values. An InputError "parameter NAME: ..."
// from the builder is rethrown as "path:line:col: parameter NAME: ..." at NAME's value in the
// file (at `model` for a default). Thread-safe (each call builds its own game).
Game BuildScenario(const Scenario& scenario, const ParameterValues& overrides = {});

// The switch parameter of each NCPMI condition letter the model has, keyed by letter ('N', 'C',
// 'P', 'M', 'I'; letters the model lacks are absent).
std::map<char, std::string> ConditionSwitches(const ModelSpec& model);

// "number", "integer" or "boolean": a parameter's kind as `ncpmi models` and ScenarioTemplate
// write it.
const char* ParameterKindName(ParameterKind kind);

// An annotated scenario file to start a new case from (`ncpmi models NAME --template`): a header
// comment (what the file is, how to run it), placeholders for title, description and sources,
// `model`, threshold "1/2", a [conditions] table with each condition letter of the model at its
// default (every switch is on by default) under the meaning of its switch, and a [parameters]
// table with every other parameter at its default in the model's order, written exactly
// (integers bare, other numbers as strings "3/4", booleans true/false), each under its description,
// kind and valid range. ParseScenario of the text gives the model's defaults, so it builds the
// same game as model.build(ResolveParameters(model, {})). O(parameters). Thread-safe.
std::string ScenarioTemplate(const ModelSpec& model);

// A multi-line description of the scenario for the comment of an exported .efg file: title,
// file, model, threshold, conditions and every parameter value (given ones with their notes,
// defaults marked as such).
std::string ScenarioComment(const Scenario& scenario);

}  // namespace ncpmi::models
