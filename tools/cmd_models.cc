// `ncpmi models [NAME] [--json]`: the parametric models with their parameters, and the presets.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.h"
#include "ncpmi/game/error.h"
#include "ncpmi/models/model.h"
#include "ncpmi/models/presets.h"

namespace ncpmi::cli {
namespace {

const char* KindName(models::ParameterKind kind) {
  switch (kind) {
    case models::ParameterKind::kNumber: return "number";
    case models::ParameterKind::kInteger: return "integer";
    case models::ParameterKind::kBoolean: return "boolean";
  }
  return "number";
}

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
    q["kind"] = KindName(p.kind);
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

void PrintModel(const models::ModelSpec& m, bool details) {
  std::cout << m.name << ": " << m.summary << '\n';
  if (!details) return;
  std::cout << "  anchor: " << m.anchor << '\n';
  if (m.parameters.empty()) std::cout << "  parameters: none\n";
  for (const models::ParameterSpec& p : m.parameters) {
    const std::string cond = p.condition == 0 ? std::string() : fmt::format(" [{}]", p.condition);
    std::cout << fmt::format("  {:<28} {:<7} default {:<6} range [{}, {}]{}  {}\n", p.name, KindName(p.kind),
                             ValueText(p, p.default_value), FormatRational(p.min), FormatRational(p.max), cond,
                             p.description);
  }
  std::string presets;
  for (const models::Preset& p : models::Presets()) {
    if (p.model == m.name) presets += (presets.empty() ? "" : ", ") + p.name;
  }
  if (!presets.empty()) std::cout << "  presets: " << presets << '\n';
}

void PrintPreset(const models::Preset& p) {
  std::cout << p.name << " (model " << p.model << "): " << p.summary << '\n';
  std::cout << "  sources: " << p.sources << '\n';
  for (const models::ParameterSpec& s : models::FindModel(p.model).parameters) {
    const auto it = p.values.find(s.name);
    if (it == p.values.end()) continue;
    std::cout << fmt::format("  {:<28} = {:<6} # {}\n", s.name, ValueText(s, it->second), p.notes.at(s.name));
  }
}

}  // namespace

void AddModelsCommand(CLI::App& app) {
  struct ModelsOptions {
    std::string name;
    bool json = false;
  };
  auto o = std::make_shared<ModelsOptions>();
  CLI::App* cmd = app.add_subcommand(
      "models", "List the parametric models with their parameters, and the calibrated presets");
  cmd->add_option("NAME", o->name, "Show one model (parameters) or one preset (values with sources)");
  cmd->add_flag("--json", o->json, "JSON output (numbers as exact fractions in strings)");
  cmd->callback([o] {
    const models::ModelSpec* model = nullptr;
    const models::Preset* preset = nullptr;
    if (!o->name.empty()) {
      for (const models::ModelSpec& m : models::ModelSpecs()) {
        if (m.name == o->name) model = &m;
      }
      for (const models::Preset& p : models::Presets()) {
        if (p.name == o->name) preset = &p;
      }
      if (model == nullptr && preset == nullptr) {
        std::string known;
        for (const models::ModelSpec& m : models::ModelSpecs()) known += (known.empty() ? "" : ", ") + m.name;
        std::string presets;
        for (const models::Preset& p : models::Presets()) presets += (presets.empty() ? "" : ", ") + p.name;
        throw InputError("unknown model or preset '" + o->name + "' (models: " + known + "; presets: " + presets + ")");
      }
    }
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
      std::cout << j.dump(2) << '\n';
      return;
    }
    if (model != nullptr) {
      PrintModel(*model, /*details=*/true);
    } else if (preset != nullptr) {
      PrintPreset(*preset);
    } else {
      for (const models::ModelSpec& m : models::ModelSpecs()) {
        PrintModel(m, /*details=*/true);
        std::cout << '\n';
      }
      std::cout << "presets:\n";
      for (const models::Preset& p : models::Presets()) {
        std::cout << "  " << p.name << " (model " << p.model << "): " << p.summary << '\n';
      }
    }
  });
}

}  // namespace ncpmi::cli
