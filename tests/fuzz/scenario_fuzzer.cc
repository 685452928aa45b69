// libFuzzer target: the scenario reader (ParseScenario, TOML). There is no scenario writer, so an
// accepted scenario is written back here as canonical TOML (toml++'s formatter, every number as
// an exact "p/q" string) and must parse to the same scenario: re-parse stability. The scenario's
// game must then round-trip through the .efg writer and be analysed as `ncpmi conditions` does.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "fuzz_check.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/model.h"
#include "ncpmi/models/scenario.h"

using namespace ncpmi;

namespace {

// The scenario as TOML that ParseScenario reads back to the same values.
std::string WriteScenario(const models::Scenario& s) {
  const models::ModelSpec& model = models::FindModel(s.model);
  toml::table root;
  root.insert("title", s.title);
  root.insert("description", s.description);
  root.insert("sources", s.sources);
  root.insert("model", s.model);
  if (s.threshold_given) root.insert("threshold", FormatRational(s.threshold));
  toml::table parameters;
  for (const auto& [name, value] : s.given) {
    bool boolean = false;
    for (const models::ParameterSpec& p : model.parameters) {
      if (p.name == name) boolean = p.kind == models::ParameterKind::kBoolean;
    }
    if (boolean) {
      parameters.insert(name, value != 0);
    } else {
      parameters.insert(name, FormatRational(value));
    }
  }
  root.insert("parameters", std::move(parameters));
  if (!s.unsourced.empty()) {
    toml::array unsourced;
    for (const std::string& name : s.unsourced) unsourced.push_back(name);
    root.insert("unsourced", std::move(unsourced));
  }
  if (!s.ranges.empty()) {
    toml::table ranges;
    for (const auto& [name, range] : s.ranges) {
      ranges.insert(name, toml::array{FormatRational(range.lo), FormatRational(range.hi)});
    }
    root.insert("ranges", std::move(ranges));
  }
  std::ostringstream out;
  out << toml::toml_formatter(root);
  return out.str();
}

std::string ScenarioDifference(const models::Scenario& a, const models::Scenario& b) {
  if (a.title != b.title) return "title";
  if (a.description != b.description) return "description";
  if (a.sources != b.sources) return "sources";
  if (a.model != b.model) return "model";
  if (a.threshold != b.threshold || a.threshold_given != b.threshold_given) return "threshold";
  if (a.given != b.given) return "given values";
  if (a.values != b.values) return "resolved values";
  if (a.unsourced != b.unsourced) return "unsourced";
  if (a.ranges.size() != b.ranges.size()) return "ranges";
  for (const auto& [name, range] : a.ranges) {
    const auto other = b.ranges.find(name);
    if (other == b.ranges.end() || other->second.lo != range.lo || other->second.hi != range.hi) return "range of " + name;
  }
  return "";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  models::Scenario scenario;
  if (!fuzz::Accepts("ParseScenario", [&] { scenario = models::ParseScenario(text, "fuzz.toml"); })) return 0;

  const std::string written = WriteScenario(scenario);
  models::Scenario again;
  try {
    again = models::ParseScenario(written, "written.toml");
  } catch (const std::exception& e) {
    fuzz::Fail("ParseScenario rejects the scenario written back", std::string(e.what()) + "\n" + written);
  }
  const std::string diff = ScenarioDifference(scenario, again);
  if (!diff.empty()) fuzz::Fail("the scenario written back reads differently: " + diff, written);
  fuzz::Accepts("ScenarioComment", [&] { models::ScenarioComment(scenario); });

  Game game;
  if (!fuzz::Accepts("BuildScenario", [&] { game = models::BuildScenario(scenario); })) {
    fuzz::Fail("BuildScenario refuses a scenario ParseScenario accepted");
  }
  fuzz::CheckRoundTrip("EFG 2 R of the scenario's game", game, [](const Game& g) { return WriteEfgString(g); },
                       [](const std::string& t) { return ReadEfg(t, "written.efg"); });
  if (game.NumNodes() <= 20000) {
    models::AnalysisOptions options;
    options.threshold = scenario.threshold;
    options.max_equilibria = 64;
    fuzz::Accepts("AnalyseGame", [&] { models::AnalyseGame(game, options); });
  }
  return 0;
}
