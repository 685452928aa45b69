// `ncpmi models [NAME] [--json | --template] [-o FILE]`: the parametric models with their
// parameters, the presets, and a model's annotated scenario template.
#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "commands.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/models/model.h"
#include "ncpmi/models/presets.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::cli {
namespace {

std::string ValueText(const models::ParameterSpec& p, const Rational& v) {
  if (p.kind == models::ParameterKind::kBoolean) return v == 0 ? "false" : "true";
  return FormatRational(v);
}

nlohmann::ordered_json ModelJson(const models::ModelSpec& m) {
  nlohmann::ordered_json j;
  j["name"] = m.name;
  j["summary"] = m.summary;
  j["anchor"] = m.anchor;
  j["parameters"] = nlohmann::ordered_json::array();
  for (const models::ParameterSpec& p : m.parameters) {
    nlohmann::ordered_json q;
    q["name"] = p.name;
    q["kind"] = models::ParameterKindName(p.kind);
    q["default"] = FormatRational(p.default_value);
    q["min"] = FormatRational(p.min);
    q["max"] = FormatRational(p.max);
    q["description"] = p.description;
    q["condition"] = p.condition == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(std::string(1, p.condition));
    j["parameters"].push_back(q);
  }
  j["presets"] = nlohmann::ordered_json::array();
  for (const models::Preset& p : models::Presets()) {
    if (p.model == m.name) j["presets"].push_back(p.name);
  }
  return j;
}

nlohmann::ordered_json PresetJson(const models::Preset& p) {
  nlohmann::ordered_json j;
  j["name"] = p.name;
  j["model"] = p.model;
  j["summary"] = p.summary;
  j["sources"] = p.sources;
  j["values"] = nlohmann::ordered_json::object();
  j["notes"] = nlohmann::ordered_json::object();
  // In the model's parameter order, so files copied from it read like the model's table.
  for (const models::ParameterSpec& s : models::FindModel(p.model).parameters) {
    const auto it = p.values.find(s.name);
    if (it == p.values.end()) continue;
    j["values"][s.name] = FormatRational(it->second);
    j["notes"][s.name] = p.notes.at(s.name);
  }
  return j;
}

void PrintModel(const models::ModelSpec& m, bool details, std::ostream& out) {
  out << m.name << ": " << m.summary << '\n';
  if (!details) return;
  out << "  anchor: " << m.anchor << '\n';
  if (m.parameters.empty()) out << "  parameters: none\n";
  for (const models::ParameterSpec& p : m.parameters) {
    const std::string cond = p.condition == 0 ? std::string() : fmt::format(" [{}]", p.condition);
    out << fmt::format("  {:<28} {:<7} default {:<6} range [{}, {}]{}  {}\n", p.name,
                       models::ParameterKindName(p.kind), ValueText(p, p.default_value), FormatRational(p.min),
                       FormatRational(p.max), cond, p.description);
  }
  std::string presets;
  for (const models::Preset& p : models::Presets()) {
    if (p.model == m.name) presets += (presets.empty() ? "" : ", ") + p.name;
  }
  if (!presets.empty()) out << "  presets: " << presets << '\n';
}

void PrintPreset(const models::Preset& p, std::ostream& out) {
  out << p.name << " (model " << p.model << "): " << p.summary << '\n';
  out << "  sources: " << p.sources << '\n';
  for (const models::ParameterSpec& s : models::FindModel(p.model).parameters) {
    const auto it = p.values.find(s.name);
    if (it == p.values.end()) continue;
    out << fmt::format("  {:<28} = {:<6} # {}\n", s.name, ValueText(s, it->second), p.notes.at(s.name));
  }
}

}  // namespace

void AddModelsCommand(CLI::App& app) {
  struct ModelsOptions {
    std::string name;
    bool json = false;
    bool scenario_template = false;
    std::string output = "-";
  };
  auto o = std::make_shared<ModelsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "models", "List the parametric models with their parameters, and the calibrated presets");
  cmd->add_option("NAME", o->name, "Show one model (parameters) or one preset (values with sources)");
  CLI::Option* json = cmd->add_flag("--json", o->json, "JSON output (numbers as exact fractions in strings)");
  cmd->add_flag("--template", o->scenario_template,
                "Write an annotated scenario file (TOML) for model NAME, every value at its default, to "
                "start a new case from")
      ->excludes(json);
  cmd->add_option("-o,--output", o->output, "Output file ('-' for standard output)")->capture_default_str();
  cmd->callback([o] {
    std::string known;
    for (const models::ModelSpec& m : models::ModelSpecs()) known += (known.empty() ? "" : ", ") + m.name;
    const models::ModelSpec* model = nullptr;
    const models::Preset* preset = nullptr;
    if (!o->name.empty()) {
      for (const models::ModelSpec& m : models::ModelSpecs()) {
        if (m.name == o->name) model = &m;
      }
      for (const models::Preset& p : models::Presets()) {
        if (p.name == o->name) preset = &p;
      }
    }
    if (o->scenario_template) {
      if (model == nullptr) {
        std::string what = "--template: unknown model '" + o->name + "'";
        if (o->name.empty()) what = "--template needs a model NAME";
        if (preset != nullptr) what = "--template takes a model; '" + o->name + "' is a preset of model " + preset->model;
        throw InputError(what + " (models: " + known + ")");
      }
      WriteOutput(o->output, models::ScenarioTemplate(*model));
      return;
    }
    if (!o->name.empty() && model == nullptr && preset == nullptr) {
      std::string presets;
      for (const models::Preset& p : models::Presets()) presets += (presets.empty() ? "" : ", ") + p.name;
      throw InputError("unknown model or preset '" + o->name + "' (models: " + known + "; presets: " + presets + ")");
    }
    WriteOutput(o->output, [&](std::ostream& out) {
      if (o->json) {
        nlohmann::ordered_json j;
        if (model != nullptr) {
          j = ModelJson(*model);
        } else if (preset != nullptr) {
          j = PresetJson(*preset);
        } else {
          j["models"] = nlohmann::ordered_json::array();
          for (const models::ModelSpec& m : models::ModelSpecs()) j["models"].push_back(ModelJson(m));
          j["presets"] = nlohmann::ordered_json::array();
          for (const models::Preset& p : models::Presets()) j["presets"].push_back(PresetJson(p));
        }
        out << j.dump(2) << '\n';
      } else if (model != nullptr) {
        PrintModel(*model, /*details=*/true, out);
      } else if (preset != nullptr) {
        PrintPreset(*preset, out);
      } else {
        for (const models::ModelSpec& m : models::ModelSpecs()) {
          PrintModel(m, /*details=*/true, out);
          out << '\n';
        }
        out << "presets:\n";
        for (const models::Preset& p : models::Presets()) {
          out << "  " << p.name << " (model " << p.model << "): " << p.summary << '\n';
        }
      }
    });
  });
}

}  // namespace ncpmi::cli
