// Calibrated scenarios as presets: each is a bundled scenario file (instances/NAME.toml),
// compiled in and read with the scenario reader, so a preset and its file cannot disagree.
#include "ncpmi/models/presets.h"

#include "bundled_instances.h"
#include "ncpmi/game/error.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::models {
namespace {

Preset FromInstance(const detail::BundledInstance& instance) {
  const std::string name(instance.name);
  const Scenario s = ParseScenario(instance.text, "instances/" + name + ".toml");
  Preset p;
  p.name = name;
  p.model = s.model;
  p.summary = s.description.empty() ? s.title : s.description;
  p.sources = s.sources;
  p.values = s.given;
  for (const auto& [parameter, value] : s.given) {
    (void)value;
    const auto it = s.notes.find(parameter);
    p.notes[parameter] = it == s.notes.end() ? std::string() : it->second;
  }
  return p;
}

}  // namespace

const std::vector<Preset>& Presets() {
  static const std::vector<Preset> presets = [] {
    std::vector<Preset> out;
    for (const detail::BundledInstance& i : detail::BundledInstances()) out.push_back(FromInstance(i));
    return out;
  }();
  return presets;
}

const Preset& FindPreset(const std::string& name) {
  std::string known;
  for (const Preset& p : Presets()) {
    if (p.name == name) return p;
    known += (known.empty() ? "" : ", ") + p.name;
  }
  throw InputError("unknown preset '" + name + "' (known: " + known + ")");
}

}  // namespace ncpmi::models
