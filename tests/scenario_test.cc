// Scenario files (TOML): exact numbers, conditions, the malformed catalogue with its
// file:line:col messages, and the bundled instances/*.toml equal to the presets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/presets.h"
#include "ncpmi/models/scenario.h"
#include "ncpmi/models/source_check.h"
#include "test_data.h"

namespace ncpmi::models {
namespace {

namespace fs = std::filesystem;

Rational R(long num, long den = 1) { return MakeRational(num, den); }

std::string Instance(const std::string& name) {
  return (fs::path(NCPMI_SOURCE_DIR) / "instances" / (name + ".toml")).string();
}

std::string ErrorOf(const std::string& text, const std::string& name = "s.toml") {
  try {
    ParseScenario(text, name);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(accepted: no error)";
}

TEST_CASE("a scenario reads integers, fraction strings and floats as exact rationals", "[scenario]") {
  const Scenario s = ParseScenario(R"(title = "exact numbers"
model = "ncpmi-crisis"
threshold = 0.45
[parameters]
pressure_rounds = 3          # an integer
p = "9/10"                   # a fraction string
w_t = 0.45                   # a float: 9/20 exactly, not the double nearest to 0.45
w_c = 1_000.5e-3             # underscores and exponent: 1.0005 = 2001/2000
b_c = "0.3"                  # a decimal string
rho = 1
regime_change_shift_c = -0.1
mediator_value = "-7"
assurance_offer = false      # a boolean parameter
)",
                                   "s.toml");
  CHECK(s.title == "exact numbers");
  CHECK(s.model == "ncpmi-crisis");
  CHECK(s.threshold == R(9, 20));
  CHECK(s.threshold_given);
  CHECK(s.given.at("pressure_rounds") == 3);
  CHECK(s.given.at("p") == R(9, 10));
  CHECK(s.given.at("w_t") == R(9, 20));
  CHECK(s.given.at("w_c") == R(2001, 2000));
  CHECK(s.given.at("b_c") == R(3, 10));
  CHECK(s.given.at("rho") == 1);
  CHECK(s.given.at("regime_change_shift_c") == R(-1, 10));
  CHECK(s.given.at("mediator_value") == -7);
  CHECK(s.given.at("assurance_offer") == 0);
  CHECK(s.notes.at("w_t") == "a float: 9/20 exactly, not the double nearest to 0.45");
  CHECK(s.notes.at("rho").empty());
  CHECK(s.locations.at("p").line == 6);
  CHECK(s.locations.at("p").column == 5);
  // Defaults fill every other parameter.
  CHECK(s.values.size() == FindModel("ncpmi-crisis").parameters.size());
  CHECK(s.values.at("enforcement") == R(3, 4));
  CHECK(s.switch_effects.empty());  // the model's default condition effects
}

TEST_CASE("a scenario names conditions by letter or by switch name", "[scenario]") {
  const Scenario s = ParseScenario("model = \"ncpmi-crisis\"\n[conditions]\nN = false\ncommitment = false\nI = true\n", "s.toml");
  CHECK(s.given.at("no_veto") == 0);
  CHECK(s.given.at("commitment") == 0);
  CHECK(s.given.at("initiative") == 1);
  CHECK(s.values.at("pain") == 1);  // default: present
  CHECK(s.threshold == R(1, 2));    // default tau
  CHECK_FALSE(s.threshold_given);
}

TEST_CASE("a condition table redefines what the condition switches, with absent and present values", "[scenario]") {
  const Scenario s = ParseScenario(R"(model = "ncpmi-crisis"
[conditions.C]
present = false
switches = ["b_c", { parameter = "p", absent = "1/2" }, { parameter = "holdout_war", present = -2 }]
)",
                                   "s.toml");
  CHECK(s.given.at("commitment") == 0);
  const std::vector<SwitchEffect>& c = s.switch_effects.at("commitment");
  REQUIRE(c.size() == 3);
  CHECK(c[0].parameter == "b_c");
  CHECK(*c[0].absent == 0);
  CHECK_FALSE(c[0].present);
  CHECK(*c[1].absent == R(1, 2));
  CHECK(*c[2].present == -2);
  CHECK_FALSE(c[2].absent);
  // The scenario's C replaces the model's C; the other conditions keep the model's effects.
  const SwitchEffects effects = ScenarioSwitchEffects(s);
  CHECK(effects.at("commitment").size() == 3);
  CHECK(effects.at("pain").size() == FindModel("ncpmi-crisis").switch_effects.at("pain").size());
  // C absent: b_c 0 and p 1/2, stake_c untouched (not in this file's list).
  const ModelSpec& m = FindModel("ncpmi-crisis");
  ParameterValues by_hand = s.values;
  by_hand["commitment"] = 1;
  by_hand["b_c"] = 0;
  by_hand["p"] = R(1, 2);
  const std::string built = WriteEfgString(BuildScenario(s));
  const std::string expected = WriteEfgString(BuildWithEffects(m, by_hand, m.switch_effects));
  CHECK(built.substr(built.find('{')) == expected.substr(expected.find('{')));
}

TEST_CASE("a condition table with a wrong entry is refused at that entry", "[scenario]") {
  CHECK(ErrorOf("model = \"ncpmi-crisis\"\n[conditions.C]\nswitches = [\"b_cc\"]\n") ==
        "s.toml:3:13: condition C (commitment): unknown parameter 'b_cc' of model ncpmi-crisis (did you mean 'b_c'?)");
  CHECK(ErrorOf("model = \"ncpmi-crisis\"\n[conditions.C]\nswitches = [\"pain\"]\n") ==
        "s.toml:3:13: condition C (commitment): 'pain' is a condition switch itself");
  CHECK(ErrorOf("model = \"ncpmi-crisis\"\n[conditions.C]\npresent = true\n") ==
        "s.toml:2:1: condition C (commitment): a condition table needs 'switches' (or write commitment = true/false)");
  CHECK(ErrorOf("model = \"ncpmi-crisis\"\n[conditions.C]\nswitches = [{ parameter = \"p\", absent = 2 }]\n") ==
        "s.toml:3:41: condition C (commitment): parameter p: 2 is outside the valid range [0, 1]");
  CHECK(ErrorOf("model = \"ncpmi-crisis\"\n[conditions.C]\nswitches = [\"demand_grid\"]\n") ==
        "s.toml:3:13: condition C (commitment): parameter demand_grid: 0 is outside the valid range [1, 20] "
        "(give an 'absent' value: { parameter = \"demand_grid\", absent = ... })");
  CHECK(ErrorOf("model = \"ultimatum\"\n[conditions.C]\nswitches = [\"b_c\"]\n").find("is not a switch of model ultimatum") !=
        std::string::npos);
}

TEST_CASE("a value error names the file, line and column of the value", "[scenario]") {
  CHECK(ErrorOf("model = \"ncpmi-crisis\"\n[parameters]\n  enforcement = 2\n") ==
        "s.toml:3:17: parameter enforcement: 2 is outside the valid range [0, 1]");
  CHECK(ErrorOf("model = \"ncpmi-crisis\"\n[parameters]\nrho = [1]\n") ==
        "s.toml:3:7: parameter rho: expected a number, got an array");
}

TEST_CASE("a scenario path is recognised by its .toml extension", "[scenario]") {
  CHECK(IsScenarioPath("instances/haiti-1994.toml"));
  CHECK(IsScenarioPath("A.TOML"));
  CHECK_FALSE(IsScenarioPath("instances/haiti_1994.efg"));
  CHECK_FALSE(IsScenarioPath("toml"));
}

TEST_CASE("every malformed scenario file is rejected with exactly its catalogued message", "[scenario]") {
  const fs::path dir = fs::path(NCPMI_TESTS_DIR) / "malformed_scenarios";
  const auto entries = test::ReadCatalogue((dir / "expected.txt").string());
  CHECK(entries.size() >= 10);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.path().extension() == ".toml";
  CHECK(files == entries.size());  // every file is catalogued
  for (const auto& [file, expected] : entries) {
    DYNAMIC_SECTION(file) {
      CHECK(ErrorOf(ReadWholeFile((dir / file).string()), file) == expected);
    }
  }
}

TEST_CASE("every bundled scenario file gives exactly its preset's values and source notes", "[scenario]") {
  for (const Preset& p : Presets()) {
    CAPTURE(p.name);
    const Scenario s = ReadScenarioFile(Instance(p.name));
    CHECK(s.model == p.model);
    CHECK(s.description == p.summary);
    CHECK(s.sources == p.sources);
    CHECK(s.given == p.values);
    for (const auto& [name, note] : p.notes) {
      CAPTURE(name);
      CHECK(s.notes.at(name) == note);
    }
  }
}

TEST_CASE("the exported comment records the scenario and every parameter value", "[scenario]") {
  const Scenario s = ReadScenarioFile(Instance("haiti-1994"));
  const std::string comment = ScenarioComment(s);
  CHECK_THAT(comment, Catch::Matchers::StartsWith("Scenario: Haiti 1994\n"));
  CHECK_THAT(comment, Catch::Matchers::Contains("Conditions: N=on C=on P=on M=on I=on\n"));
  CHECK_THAT(comment, Catch::Matchers::Contains("  mediated_enforcement = 1/2  # the Carter agreement: "));
  // The game itself is the model's game for those values.
  const ModelSpec& m = FindModel("ncpmi-crisis");
  CHECK(WriteEfgString(BuildScenario(s)) == WriteEfgString(m.build(ResolveParameters(m, FindPreset("haiti-1994").values))));
}

TEST_CASE("a builder error for values written in the scenario is located at the parameter", "[scenario]") {
  const Scenario s = ParseScenario("model = \"ncpmi-crisis\"\n", "s.toml");
  REQUIRE_THROWS_WITH(BuildScenario(s, {{"sanction_pain", R(1, 10)}, {"pain_growth", R(-1, 10)}}),
                      Catch::Matchers::StartsWith("s.toml:1:9: parameter pain_growth: ") &&
                          Catch::Matchers::EndsWith(" (as overridden)"));
}

TEST_CASE("every model's scenario template parses to its defaults and builds the same game", "[scenario]") {
  for (const ModelSpec& m : ModelSpecs()) {
    CAPTURE(m.name);
    const std::string text = ScenarioTemplate(m);
    const Scenario s = ParseScenario(text, m.name + "-template.toml");
    CHECK(s.model == m.name);
    CHECK(s.threshold == R(1, 2));
    CHECK(s.threshold_given);
    CHECK(!s.title.empty());
    CHECK(!s.sources.empty());
    const ParameterValues defaults = ResolveParameters(m, {});
    CHECK(s.values == defaults);
    CHECK(s.given == defaults);  // every parameter is written out, none left to a default
    CHECK(WriteEfgString(BuildScenario(s)) == WriteEfgString(m.build(defaults)));
    // The notes after values are the user's sources: the template leaves them empty.
    for (const auto& [name, note] : s.notes) {
      CAPTURE(name);
      CHECK(note.empty());
    }
  }
}

// The comment lines just above the line that starts after position `at` (a '\n'), without
// their "# ", joined by spaces.
std::string CommentAbove(const std::string& text, std::size_t at) {
  std::string joined;
  std::size_t end = at;
  while (end != std::string::npos && end > 0) {
    const std::size_t begin = text.rfind('\n', end - 1);
    const std::size_t start = begin == std::string::npos ? 0 : begin + 1;
    const std::string line = text.substr(start, end - start);
    if (line.empty() || line[0] != '#') break;
    joined = line.substr(std::min<std::size_t>(2, line.size())) + (joined.empty() ? "" : " ") + joined;
    end = begin;
  }
  return joined;
}

TEST_CASE("a scenario template writes each condition by its letter and each parameter with its meaning", "[scenario]") {
  for (const ModelSpec& m : ModelSpecs()) {
    CAPTURE(m.name);
    const std::string text = ScenarioTemplate(m);
    CHECK(text.find("ncpmi solve FILE") != std::string::npos);
    CHECK(text.find("model = \"" + m.name + "\"\n") != std::string::npos);
    CHECK((text.find("\n[conditions]") != std::string::npos) == !ConditionSwitches(m).empty());
    for (const ParameterSpec& p : m.parameters) {
      CAPTURE(p.name);
      // A switch by its letter in [conditions], any other parameter by name in [parameters].
      const std::string key = p.condition != 0 ? std::string(1, p.condition) : p.name;
      const std::size_t at = text.find("\n" + key + " = ");
      REQUIRE(at != std::string::npos);
      CHECK(text.find("\n" + p.name + " = ") == (p.condition != 0 ? std::string::npos : at));
      const std::string comment = CommentAbove(text, at);
      CAPTURE(comment);
      if (p.condition != 0) {
        CHECK(comment.find(std::string(1, p.condition) + " (switch " + p.name + "): ") != std::string::npos);
        const std::string prefix = std::string(1, p.condition) + ": ";  // not repeated in the comment
        const std::string meaning = p.description.rfind(prefix, 0) == 0 ? p.description.substr(prefix.size()) : p.description;
        CHECK(comment.find(meaning) != std::string::npos);
      } else {
        CHECK(comment.find(p.description) == 0);
        if (p.kind != ParameterKind::kBoolean) {
          CHECK_THAT(comment, Catch::Matchers::EndsWith(" in [" + FormatRational(p.min) + ", " + FormatRational(p.max) + "]"));
        }
      }
    }
  }
}

TEST_CASE("what a scenario template says each condition switches reads back as the model's default effects",
          "[scenario]") {
  int checked = 0;
  for (const ModelSpec& m : ModelSpecs()) {
    if (!m.build_effective) continue;
    CAPTURE(m.name);
    const std::string text = ScenarioTemplate(m);
    for (const auto& [letter, name] : ConditionSwitches(m)) {
      CAPTURE(letter);
      if (m.switch_effects.count(name) == 0) continue;
      // The commented line just above `X = true`: "#   X = { present = true, switches = [...] }".
      const std::size_t at = text.find(std::string("\n") + letter + " = ");
      REQUIRE(at != std::string::npos);
      const std::size_t line = text.rfind('\n', at - 1) + 1;
      const std::string comment = text.substr(line, at - line);
      REQUIRE(comment.rfind(std::string("#   ") + letter + " = { ", 0) == 0);
      const Scenario s =
          ParseScenario("model = \"" + m.name + "\"\n[conditions]\n" + comment.substr(4) + "\n", "effects.toml");
      CHECK(s.values.at(name) == ResolveParameters(m, {}).at(name));  // present as by default
      const std::vector<SwitchEffect>& want = m.switch_effects.at(name);
      const std::vector<SwitchEffect>& got = s.switch_effects.at(name);
      REQUIRE(got.size() == want.size());
      for (std::size_t i = 0; i < want.size(); ++i) {
        CHECK(got[i].parameter == want[i].parameter);
        CHECK(got[i].absent == want[i].absent);
        CHECK(got[i].present == want[i].present);
      }
      ++checked;
    }
  }
  CHECK(checked > 0);  // some bundled model has switch effects
}


TEST_CASE("unsourced names and ranges are read exactly, conditions by letter", "[scenario]") {
  const Scenario s = ParseScenario(
      "model = \"ncpmi-crisis\"\nunsourced = [\"w_c\", \"C\"]\n[parameters]\nw_c = 1  # Mogadishu\nrho = 0.9\n"
      "[ranges]\nw_c = [\"3/4\", 2]\nrho = [0.5, 1]\n",
      "s.toml");
  CHECK(s.unsourced == std::vector<std::string>{"w_c", "commitment"});
  REQUIRE(s.ranges.size() == 2);
  CHECK(s.ranges.at("w_c").lo == R(3, 4));
  CHECK(s.ranges.at("w_c").hi == 2);
  CHECK(s.ranges.at("rho").lo == R(1, 2));
  CHECK(s.ranges.at("rho").location.line == 8);
}

TEST_CASE("the unsourced values are those without a note and those listed, in line order", "[scenario]") {
  const Scenario s = ParseScenario(
      "model = \"ncpmi-crisis\"\nunsourced = [\"w_c\", \"b_c\"]\n[conditions]\nN = true\n[parameters]\n"
      "w_c = 1  # Mogadishu\nrho = 0.9  # Carter\n",
      "s.toml");
  const std::vector<UnsourcedValue> u = UnsourcedValues(s);
  REQUIRE(u.size() == 3);
  CHECK(DescribeUnsourced(s, u[0]) == "s.toml:2: b_c = 3/10: listed in unsourced");  // a default: where it is listed
  CHECK(DescribeUnsourced(s, u[1]) == "s.toml:4: condition N (no_veto) = 1: no source note");
  CHECK(DescribeUnsourced(s, u[2]) == "s.toml:6: w_c = 1: listed in unsourced");
}

TEST_CASE("every bundled scenario gives every value it sets a source note", "[scenario]") {
  for (const Preset& p : Presets()) {
    CAPTURE(p.name);
    CHECK(UnsourcedValues(ReadScenarioFile(Instance(p.name))).empty());
  }
}

TEST_CASE("scenario nesting beyond 64 is refused before toml++ parses it, at file:line:col", "[scenario][hostile]") {
  const std::string model = "model = \"ncpmi-crisis\"\n";
  std::string header = "[a";
  for (int i = 0; i < 50000; ++i) header += ".a";
  // The 65th dot: "[a" then ".a" 64 times take columns 1-130.
  CHECK(ErrorOf(model + header + "]\n") == "s.toml:2:131: a dotted key of more than 64 parts (the deepest nesting allowed)");
  std::string key = "a";
  for (int i = 0; i < 50000; ++i) key += ".a";
  CHECK(ErrorOf(model + key + " = 1\n") == "s.toml:2:130: a dotted key of more than 64 parts (the deepest nesting allowed)");
  std::string inline_tables = "x = ";
  for (int i = 0; i < 300; ++i) inline_tables += "{a = ";
  CHECK(ErrorOf(model + inline_tables + "1\n") == "s.toml:2:325: arrays and inline tables nested more than 64 deep");
  const std::string arrays = "x = " + std::string(5000, '[') + std::string(5000, ']');
  CHECK(ErrorOf(model + arrays + "\n") == "s.toml:2:69: arrays and inline tables nested more than 64 deep");
}

TEST_CASE("the nesting pre-scan counts no dot or bracket inside strings or comments", "[scenario][hostile]") {
  const std::string dots(200, '.');
  const std::string brackets(200, '[');
  // Each gets past the pre-scan: whatever error remains is the reader's own, not nesting.
  const std::vector<std::string> texts = {
      "title = \"" + dots + brackets + "\"\nmodel = \"ncpmi-crisis\"\n",
      "title = '" + dots + "'\nmodel = \"ncpmi-crisis\"\n",
      "description = \"\"\"\n" + dots + "\n\\\"\"\" " + brackets + "\n\"\"\"\nmodel = \"ncpmi-crisis\"\n",
      "description = '''\n" + brackets + dots + "\n'''\nmodel = \"ncpmi-crisis\"\n",
      "# " + dots + brackets + "\nmodel = \"ncpmi-crisis\" # " + dots + "\n",
      "sources = [\"a. b. c.\", \"" + dots + "\"]\nmodel = \"ncpmi-crisis\"\n"};
  for (const std::string& text : texts) {
    const std::string error = ErrorOf(text);
    CHECK(error.find("nested") == std::string::npos);
    CHECK(error.find("dotted key") == std::string::npos);
  }
  // 64 parts are allowed: toml++ reads the key (unknown here).
  std::string key = "a";
  for (int i = 0; i < 63; ++i) key += ".a";
  CHECK_THAT(ErrorOf("model = \"ncpmi-crisis\"\n" + key + " = 1\n"), Catch::Matchers::Contains("unknown key 'a'"));
}

}  // namespace
}  // namespace ncpmi::models
