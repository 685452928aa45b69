// Scenario files: TOML (toml++) read into exact parameter values with file:line:col errors.
#include "ncpmi/models/scenario.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>

#include <toml++/toml.h>

#include "ncpmi/game/error.h"
#include "ncpmi/models/toml_entries.h"
#include "ncpmi/io/bounded_read.h"
#include "ncpmi/io/efg.h"

namespace ncpmi::models {
namespace {

constexpr const char* kTopKeys[] = {"title", "description", "sources", "model", "threshold",
                                    "conditions", "parameters", "calibration", "unsourced", "ranges"};
constexpr const char* kLetters = "NCPMI";

// The text of a scenario split into lines (without "\n" or a trailing "\r"), to recover the
// decimal text of floats and the comment after each value.
class Lines {
 public:
  explicit Lines(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines_.push_back(line);
      start = end + 1;
    }
  }
  // The line (1-based) from the 1-based code-point column on; empty when out of range.
  std::string_view From(int line, int column) const {
    if (line < 1 || static_cast<std::size_t>(line) > lines_.size() || column < 1) return {};
    std::string_view s = lines_[static_cast<std::size_t>(line - 1)];
    std::size_t byte = 0;
    for (int c = 1; c < column && byte < s.size(); ++c) {
      ++byte;  // skip the continuation bytes of a multi-byte UTF-8 code point
      while (byte < s.size() && (static_cast<unsigned char>(s[byte]) & 0xC0) == 0x80) ++byte;
    }
    return s.substr(byte);
  }

 private:
  std::vector<std::string_view> lines_;
};

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// The comment after a value on its last line ("" if none).
std::string TrailingComment(const Lines& lines, const toml::node& node) {
  const toml::source_region& r = node.source();
  const std::string_view rest = lines.From(static_cast<int>(r.end.line), static_cast<int>(r.end.column));
  const std::size_t hash = rest.find('#');
  return hash == std::string_view::npos ? std::string() : Trim(rest.substr(hash + 1));
}

const char* TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
  }
}

std::string Describe(const toml::node& node) {
  std::string out = TypeName(node);
  if (const auto* s = node.as_string()) out += " \"" + s->get() + "\"";
  if (const auto* i = node.as_integer()) out += " " + std::to_string(i->get());
  if (const auto* b = node.as_boolean()) out += b->get() ? " true" : " false";
  return out;
}

std::size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// " (did you mean 'x'?)" when a candidate is close, else " (known: a, b, ...)".
std::string Suggest(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = name.size() / 3 + 2;
  for (const std::string& c : candidates) {
    const std::size_t d = EditDistance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (!best.empty()) return " (did you mean '" + best + "'?)";
  std::string known;
  for (const std::string& c : candidates) known += (known.empty() ? "" : ", ") + c;
  return known.empty() ? std::string(" (there are none)") : " (known: " + known + ")";
}

class ScenarioReader {
 public:
  ScenarioReader(std::string_view text, const std::string& source_name)
      : text_(text), lines_(text) {
    s_.path = source_name;
  }

  Scenario Read() {
    const toml::table root = ParseToml(text_, s_.path);
    const toml::node* conditions = nullptr;
    const toml::node* parameters = nullptr;
    const toml::node* unsourced = nullptr;
    const toml::node* ranges = nullptr;
    for (const auto& [key, node, key_at] : EntriesInFileOrder(root)) {
      if (key == "title" || key == "description") {
        (key == "title" ? s_.title : s_.description) = String(key, *node);
      } else if (key == "sources") {
        ReadSources(*node);
      } else if (key == "model") {
        s_.model_location = TomlLocation(node->source());
        const std::string name = String(key, *node);
        std::vector<std::string> known;
        for (const ModelSpec& m : ModelSpecs()) known.push_back(m.name);
        if (std::find(known.begin(), known.end(), name) == known.end()) {
          Fail(*node, "unknown model '" + name + "'" + Suggest(name, known));
        }
        s_.model = name;
      } else if (key == "threshold") {
        s_.threshold = Number("threshold", *node, /*allow_bool=*/false, /*integer=*/false);
        if (s_.threshold < 0 || s_.threshold > 1) {
          Fail(*node, "threshold " + FormatRational(s_.threshold) + " is outside [0, 1]");
        }
        s_.threshold_given = true;
      } else if (key == "calibration") {
        if (!node->is_table()) Fail(*node, "'calibration' must be a table ([calibration.X]), got " + Describe(*node));
        ReadCalibration(*node->as_table());
      } else if (key == "conditions" || key == "parameters") {
        if (!node->is_table()) Fail(*node, "'" + key + "' must be a table ([" + key + "]), got " + Describe(*node));
        (key == "conditions" ? conditions : parameters) = node;
      } else if (key == "unsourced") {
        if (!node->is_array()) Fail(*node, "'unsourced' must be an array of parameter names, got " + Describe(*node));
        unsourced = node;
      } else if (key == "ranges") {
        if (!node->is_table()) Fail(*node, "'ranges' must be a table ([ranges]), got " + Describe(*node));
        ranges = node;
      } else {
        std::vector<std::string> known(std::begin(kTopKeys), std::end(kTopKeys));
        FailAt(key_at, "unknown key '" + key + "'" + Suggest(key, known));
      }
    }
    if (s_.model.empty()) throw InputError(s_.path, 1, 1, "missing key 'model' (the model to build, e.g. model = \"ncpmi-crisis\")");
    const ModelSpec& model = FindModel(s_.model);
    if (conditions != nullptr) ReadConditions(model, *conditions->as_table());
    if (parameters != nullptr) ReadParameters(model, *parameters->as_table());
    s_.values = ResolveParameters(model, s_.given);
    if (unsourced != nullptr) ReadUnsourced(model, *unsourced->as_array());
    if (ranges != nullptr) ReadRanges(model, *ranges->as_table());
    BuildScenario(s_);  // combination errors, located at the parameter they name
    return std::move(s_);
  }

 private:
  [[noreturn]] void FailAt(const SourceLocation& at, const std::string& message) const {
    throw InputError(s_.path, at.line, at.column, message);
  }
  [[noreturn]] void Fail(const toml::node& node, const std::string& message) const {
    FailAt(TomlLocation(node.source()), message);
  }

  // [calibration.X]  measure = "b_c / w_c"  anchors = [0, "1/2", 1]  (X a letter of N C P M I)
  void ReadCalibration(const toml::table& table) {
    for (const auto& [key, node, key_at] : EntriesInFileOrder(table)) {
      if (key.size() != 1 || std::string(kLetters).find(key[0]) == std::string::npos) {
        FailAt(key_at, "calibration: unknown condition '" + key + "' (known: N, C, P, M, I)");
      }
      const std::string what = "calibration." + key;
      const auto* t = node->as_table();
      if (t == nullptr) Fail(*node, what + ": expected a table with 'measure' and/or 'anchors', got " + Describe(*node));
      CalibrationSpec spec;
      spec.table_location = TomlLocation(node->source());
      for (const auto& [k, v, k_at] : EntriesInFileOrder(*t)) {
        if (k == "measure") {
          spec.measure = String(what + ".measure", *v);
          spec.measure_location = TomlLocation(v->source());
        } else if (k == "anchors") {
          const auto* list = v->as_array();
          if (list == nullptr || list->size() != 3) {
            Fail(*v, what + ": 'anchors' must be an array of three numbers [non, cross, full], got " + Describe(*v));
          }
          for (const toml::node& a : *list) spec.anchors.push_back(Number(what + ".anchors", a, /*allow_bool=*/false, /*integer=*/false));
          const bool up = spec.anchors[0] < spec.anchors[1] && spec.anchors[1] < spec.anchors[2];
          const bool down = spec.anchors[0] > spec.anchors[1] && spec.anchors[1] > spec.anchors[2];
          if (!up && !down) {
            Fail(*v, what + ": anchors [non, cross, full] must be strictly increasing or strictly decreasing");
          }
          spec.anchors_location = TomlLocation(v->source());
        } else {
          FailAt(k_at, what + ": unknown key '" + k + "'" + Suggest(k, {"measure", "anchors"}));
        }
      }
      if (spec.measure.empty() && spec.anchors.empty()) Fail(*node, what + ": needs 'measure' and/or 'anchors'");
      s_.calibration[key[0]] = std::move(spec);
    }
  }

  std::string String(const std::string& key, const toml::node& node) const {
    if (const auto* s = node.as_string()) return s->get();
    Fail(node, "'" + key + "' must be a string, got " + Describe(node));
  }

  void ReadSources(const toml::node& node) {
    if (const auto* array = node.as_array()) {
      for (const toml::node& item : *array) {
        s_.sources += (s_.sources.empty() ? "" : "; ") + String("sources", item);
      }
    } else {
      s_.sources = String("sources", node);
    }
  }

  // An exact number from an integer, a float (its decimal text), a string or (allow_bool) a boolean.
  Rational Number(const std::string& what, const toml::node& node, bool allow_bool, bool integer) const {
    if (const auto* i = node.as_integer()) {
      Rational q;
      mpz_set_si(q.get_num_mpz_t(), i->get());
      return q;
    }
    if (const auto* b = node.as_boolean()) {
      if (allow_bool) return b->get() ? 1 : 0;
      Fail(node, what + ": expected a number, got " + Describe(node));
    }
    if (const auto* f = node.as_floating_point()) {
      if (integer) {
        Fail(node, what + ": expected an integer, got a float " + FloatText(node, f->get()));
      }
      if (!std::isfinite(f->get())) Fail(node, what + ": expected a finite number, got " + FloatText(node, f->get()));
      const std::optional<Rational> q = ParseRational(FloatText(node, f->get()));
      if (!q) Fail(node, what + ": cannot read the float " + FloatText(node, f->get()) + " exactly");
      return *q;
    }
    if (allow_bool) Fail(node, what + ": expected true or false, got " + Describe(node));
    if (const auto* s = node.as_string()) {
      const std::optional<Rational> q = ParseRational(Trim(s->get()));
      if (!q) {
        Fail(node, what + ": expected a number (an integer, a fraction like \"3/4\" or a decimal), got the string \"" +
                       s->get() + "\"");
      }
      return *q;
    }
    Fail(node, what + ": expected a number, got " + Describe(node));
  }

  // The float as written (underscores removed), so 0.45 is read as 9/20, not as the double
  // nearest to it; the shortest round-trip form of the double if the text cannot be found.
  std::string FloatText(const toml::node& node, double value) const {
    const toml::source_region& r = node.source();
    const std::string_view rest = lines_.From(static_cast<int>(r.begin.line), static_cast<int>(r.begin.column));
    std::string token;
    for (char c : rest) {
      if (std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.' || c == '_') {
        if (c != '_') token += c;
      } else {
        break;
      }
    }
    if (!token.empty() && ParseRational(token)) return token;
    if (!token.empty() && !std::isfinite(value)) return token;  // inf, nan as written
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
  }

  void Set(const std::string& name, const Rational& value, const toml::node& node, const std::string& what) {
    const auto seen = s_.locations.find(name);
    if (seen != s_.locations.end()) {
      Fail(node, what + " is already set at line " + std::to_string(seen->second.line) + ", column " +
                     std::to_string(seen->second.column));
    }
    s_.given[name] = value;
    s_.locations[name] = TomlLocation(node.source());
    s_.notes[name] = TrailingComment(lines_, node);
  }

  void ReadConditions(const ModelSpec& model, const toml::table& table) {
    const std::map<char, std::string> switches = ConditionSwitches(model);
    std::string listed;
    for (const char letter : std::string(kLetters)) {
      const auto it = switches.find(letter);
      if (it != switches.end()) listed += std::string(listed.empty() ? "" : ", ") + letter + " (" + it->second + ")";
    }
    for (const auto& [key, node, key_at] : EntriesInFileOrder(table)) {
      std::string name;
      char letter = 0;
      if (key.size() == 1 && std::string_view(kLetters).find(key[0]) != std::string_view::npos) {
        letter = key[0];
        const auto it = switches.find(letter);
        if (it == switches.end()) {
          FailAt(key_at, "condition " + key + " is not a switch of model " + model.name +
                          (switches.empty() ? std::string(" (it has none)") : " (its switches: " + listed + ")"));
        }
        name = it->second;
      } else {
        for (const auto& [l, n] : switches) {
          if (n == key) {
            letter = l;
            name = n;
          }
        }
        if (name.empty()) {
          FailAt(key_at, "unknown condition '" + key + "': model " + model.name +
                          (switches.empty() ? std::string(" has no condition switches")
                                            : " has " + listed + "; write a letter or a switch name"));
        }
      }
      const std::string what = std::string("condition ") + letter + " (" + name + ")";
      if (const auto* t = node->as_table()) {
        ReadConditionTable(model, name, what, *t, *node);
        continue;
      }
      const auto* b = node->as_boolean();
      if (b == nullptr) {
        Fail(*node, "condition " + key + ": expected true or false, or a table with 'present' and 'switches', got " +
                        Describe(*node));
      }
      Set(name, b->get() ? 1 : 0, *node, what);
    }
  }

  // [conditions.C]  present = true   switches = ["b_c", { parameter = "p", absent = "1/2" }]
  // A string entry is set to 0 while the condition is absent; a table gives `absent` and/or
  // `present` values. The list replaces the model's default effects of that condition.
  void ReadConditionTable(const ModelSpec& model, const std::string& name, const std::string& what,
                          const toml::table& table, const toml::node& at) {
    if (!model.build_effective) {
      Fail(at, what + ": model " + model.name + " has no switch effects a scenario can set");
    }
    bool has_switches = false;
    for (const auto& [key, node, key_at] : EntriesInFileOrder(table)) {
      if (key == "present") {
        const auto* b = node->as_boolean();
        if (b == nullptr) Fail(*node, what + ": 'present' must be true or false, got " + Describe(*node));
        Set(name, b->get() ? 1 : 0, *node, what);
      } else if (key == "switches") {
        const auto* list = node->as_array();
        if (list == nullptr) Fail(*node, what + ": 'switches' must be an array, got " + Describe(*node));
        std::vector<SwitchEffect>& effects = s_.switch_effects[name];
        for (const toml::node& item : *list) effects.push_back(ReadSwitchEffect(model, what, item));
        has_switches = true;
      } else {
        FailAt(key_at, what + ": unknown key '" + key + "'" + Suggest(key, {"present", "switches"}));
      }
    }
    if (!has_switches) Fail(at, what + ": a condition table needs 'switches' (or write " + name + " = true/false)");
  }

  SwitchEffect ReadSwitchEffect(const ModelSpec& model, const std::string& what, const toml::node& item) {
    SwitchEffect e;
    const toml::node* name_node = &item;
    const auto* t = item.as_table();
    if (t != nullptr) {
      name_node = t->get("parameter");
      if (name_node == nullptr) Fail(item, what + ": a switch table needs 'parameter'");
      for (const auto& [key, node, key_at] : EntriesInFileOrder(*t)) {
        if (key == "parameter") continue;
        if (key != "absent" && key != "present") {
          FailAt(key_at, what + ": unknown key '" + key + "'" + Suggest(key, {"parameter", "absent", "present"}));
        }
      }
    }
    const auto* s = name_node->as_string();
    if (s == nullptr) Fail(*name_node, what + ": a switched parameter must be a name (a string), got " + Describe(*name_node));
    e.parameter = s->get();
    const auto spec = std::find_if(model.parameters.begin(), model.parameters.end(),
                                   [&e](const ParameterSpec& p) { return p.name == e.parameter; });
    if (spec == model.parameters.end()) {
      std::vector<std::string> known;
      for (const ParameterSpec& p : model.parameters) known.push_back(p.name);
      Fail(*name_node, what + ": unknown parameter '" + e.parameter + "' of model " + model.name + Suggest(e.parameter, known));
    }
    if (spec->condition != 0) Fail(*name_node, what + ": '" + e.parameter + "' is a condition switch itself");
    const bool boolean = spec->kind == ParameterKind::kBoolean, integer = spec->kind == ParameterKind::kInteger;
    if (t == nullptr) {
      e.absent = Rational(0);
      try {
        ResolveParameters(model, {{e.parameter, *e.absent}});
      } catch (const InputError& error) {
        Fail(item, what + ": " + error.what() + " (give an 'absent' value: { parameter = \"" + e.parameter +
                       "\", absent = ... })");
      }
    } else {
      for (const char* side : {"absent", "present"}) {
        const toml::node* v = t->get(side);
        if (v == nullptr) continue;
        const Rational value = Number(what + ": " + e.parameter + " " + side, *v, boolean, integer);
        try {
          ResolveParameters(model, {{e.parameter, value}});
        } catch (const InputError& error) {
          Fail(*v, what + ": " + error.what());
        }
        (std::string_view(side) == "absent" ? e.absent : e.present) = value;
      }
      if (!e.absent && !e.present) Fail(item, what + ": switch of '" + e.parameter + "' gives neither 'absent' nor 'present'");
    }
    return e;
  }

  void ReadParameters(const ModelSpec& model, const toml::table& table) {
    std::vector<std::string> known;
    for (const ParameterSpec& p : model.parameters) known.push_back(p.name);
    for (const auto& [key, node, key_at] : EntriesInFileOrder(table)) {
      const auto spec = std::find_if(model.parameters.begin(), model.parameters.end(),
                                     [&key = key](const ParameterSpec& p) { return p.name == key; });
      if (spec == model.parameters.end()) {
        FailAt(key_at, "unknown parameter '" + key + "' of model " + model.name + Suggest(key, known));
      }
      const Rational value = Number("parameter " + key, *node, spec->kind == ParameterKind::kBoolean,
                                    spec->kind == ParameterKind::kInteger);
      Set(key, value, *node, "parameter " + key + (spec->condition ? std::string(" (condition ") + spec->condition + ")" : ""));
      try {
        ResolveParameters(model, {{key, value}});  // kind and range, reported in file order
      } catch (const InputError& e) {
        Fail(*node, e.what());
      }
    }
  }

  // The model parameter a name or condition letter denotes, or a failure at `node` naming the
  // closest parameter.
  const ParameterSpec& NamedParameter(const ModelSpec& model, const std::string& what, const std::string& name,
                                      const SourceLocation& at) const {
    std::string resolved = name;
    if (name.size() == 1) {
      const std::map<char, std::string> switches = ConditionSwitches(model);
      const auto it = switches.find(name[0]);
      if (it != switches.end()) resolved = it->second;
    }
    std::vector<std::string> known;
    for (const ParameterSpec& p : model.parameters) {
      if (p.name == resolved) return p;
      known.push_back(p.name);
    }
    FailAt(at, what + ": unknown parameter '" + name + "' of model " + model.name + Suggest(name, known));
  }

  // unsourced = ["w_c", "C", ...]: names of the model's parameters (or condition letters).
  void ReadUnsourced(const ModelSpec& model, const toml::array& list) {
    for (const toml::node& item : list) {
      const auto* s = item.as_string();
      if (s == nullptr) Fail(item, "unsourced: expected a parameter name (a string), got " + Describe(item));
      const ParameterSpec& p = NamedParameter(model, "unsourced", s->get(), TomlLocation(item.source()));
      const auto seen = s_.unsourced_locations.find(p.name);
      if (seen != s_.unsourced_locations.end()) {
        Fail(item, "unsourced: '" + p.name + "' is already listed at line " + std::to_string(seen->second.line) +
                       ", column " + std::to_string(seen->second.column));
      }
      s_.unsourced.push_back(p.name);
      s_.unsourced_locations[p.name] = TomlLocation(item.source());
    }
  }

  // [ranges]  p = ["4/5", 1]: exact ends within the valid range, around the scenario's value.
  void ReadRanges(const ModelSpec& model, const toml::table& table) {
    for (const auto& [key, node, key_at] : EntriesInFileOrder(table)) {
      const std::string what = "range of " + key;
      const ParameterSpec* spec = &NamedParameter(model, "ranges", key, key_at);
      if (spec->kind == ParameterKind::kBoolean) {
        FailAt(key_at, what + ": a boolean parameter has no range (it is a switch, not a quantity)");
      }
      if (spec->name != key) FailAt(key_at, what + ": write the parameter's name, '" + spec->name + "'");
      const auto* pair = node->as_array();
      if (pair == nullptr || pair->size() != 2) {
        Fail(*node, what + ": expected [low, high], got " +
                        (pair == nullptr ? Describe(*node) : "an array of " + std::to_string(pair->size())));
      }
      const bool integer = spec->kind == ParameterKind::kInteger;
      ParameterRange range;
      range.location = TomlLocation(node->source());
      range.lo = Number(what, *pair->get(0), /*allow_bool=*/false, integer);
      range.hi = Number(what, *pair->get(1), /*allow_bool=*/false, integer);
      for (const toml::node* end : {pair->get(0), pair->get(1)}) {
        const Rational& v = end == pair->get(0) ? range.lo : range.hi;
        if (integer && v.get_den() != 1) Fail(*end, what + ": must be an integer, got " + FormatRational(v));
        if (v < spec->min || v > spec->max) {
          Fail(*end, what + ": " + FormatRational(v) + " is outside the valid range [" + FormatRational(spec->min) +
                         ", " + FormatRational(spec->max) + "]");
        }
      }
      const Rational& value = s_.values.at(key);
      if (range.lo > value || value > range.hi) {
        Fail(*node, what + ": [" + FormatRational(range.lo) + ", " + FormatRational(range.hi) +
                        "] does not contain the scenario's value " + FormatRational(value));
      }
      s_.ranges[key] = range;
    }
  }

  std::string_view text_;
  Lines lines_;
  Scenario s_;
};

}  // namespace

bool IsScenarioPath(const std::string& path) {
  if (path.size() < 5) return false;
  std::string tail = path.substr(path.size() - 5);
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".toml";
}

Scenario ParseScenario(std::string_view text, const std::string& source_name) {
  return ScenarioReader(text, source_name).Read();
}

Scenario ReadScenarioFile(const std::string& path, const ResourceLimits& limits) {
  const std::string text = ReadWholeFile(path, limits, TomlInput("a scenario file"));
  return ParseScenario(text, path == "-" ? std::string("<stdin>") : path);
}

SwitchEffects ScenarioSwitchEffects(const Scenario& scenario) {
  const ModelSpec& model = FindModel(scenario.model);
  if (!model.build_effective) return {};
  SwitchEffects effects = model.switch_effects;
  for (const auto& [name, list] : scenario.switch_effects) effects[name] = list;
  return effects;
}

Game BuildScenario(const Scenario& scenario, const ParameterValues& overrides) {
  const ModelSpec& model = FindModel(scenario.model);
  ParameterValues values = scenario.values;
  for (const auto& [name, value] : overrides) values[name] = value;
  try {
    return BuildWithEffects(model, values, ScenarioSwitchEffects(scenario));
  } catch (const InputError& e) {
    const std::string message = e.what();
    const std::string prefix = "parameter ";
    if (message.compare(0, prefix.size(), prefix) != 0) throw;
    const std::string name = message.substr(prefix.size(), message.find(':') - prefix.size());
    const auto at = scenario.locations.find(name);
    const bool located = at != scenario.locations.end() && overrides.count(name) == 0;
    const SourceLocation loc = located ? at->second : scenario.model_location;
    throw InputError(scenario.path, std::max(loc.line, 1), std::max(loc.column, 1),
                     message + (located ? "" : overrides.count(name) ? " (as overridden)" : " (default value)"));
  }
}

std::map<char, std::string> ConditionSwitches(const ModelSpec& model) {
  std::map<char, std::string> out;
  for (const ParameterSpec& p : model.parameters) {
    if (p.condition != 0) out.emplace(p.condition, p.name);
  }
  return out;
}

namespace {

// `text` as TOML comment lines of at most about 100 columns, broken at spaces.
std::string CommentLines(const std::string& text) {
  constexpr std::size_t kWidth = 98;  // after "# "
  std::string out, line;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line.empty() && line.size() + 1 + word.size() > kWidth) {
      out += "# " + line + "\n";
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    start = end + 1;
  }
  return out + "#" + (line.empty() ? "" : " " + line) + "\n";
}

// A value as the bundled scenario files write it: integers bare, other numbers as exact strings
// ("3/4": a TOML float would be read from its decimal text, which a fraction may not have),
// booleans as true or false.
std::string TomlValue(const ParameterSpec& p, const Rational& v) {
  if (p.kind == ParameterKind::kBoolean) return v == 0 ? "false" : "true";
  if (v.get_den() == 1) return FormatRational(v);
  return "\"" + FormatRational(v) + "\"";
}

// A condition's switch effects as the `switches` array of a [conditions.X] table: a name where
// the parameter is 0 while the condition is absent, else { parameter = ..., absent = ..., present = ... }.
std::string EffectsToml(const ModelSpec& model, const std::vector<SwitchEffect>& effects) {
  std::string out;
  for (const SwitchEffect& e : effects) {
    out += out.empty() ? "[" : ", ";
    if (!e.present && e.absent && *e.absent == 0) {
      out += "\"" + e.parameter + "\"";
      continue;
    }
    const auto spec = std::find_if(model.parameters.begin(), model.parameters.end(),
                                   [&e](const ParameterSpec& p) { return p.name == e.parameter; });
    // The model's effects name its own parameters; a number string is the fallback all the same.
    const auto value = [&](const Rational& v) {
      return spec != model.parameters.end() ? TomlValue(*spec, v) : "\"" + FormatRational(v) + "\"";
    };
    out += "{ parameter = \"" + e.parameter + "\"";
    if (e.absent) out += ", absent = " + value(*e.absent);
    if (e.present) out += ", present = " + value(*e.present);
    out += " }";
  }
  return out.empty() ? "[]" : out + "]";
}

}  // namespace

const char* ParameterKindName(ParameterKind kind) {
  switch (kind) {
    case ParameterKind::kNumber: return "number";
    case ParameterKind::kInteger: return "integer";
    case ParameterKind::kBoolean: return "boolean";
  }
  return "number";
}

std::string ScenarioTemplate(const ModelSpec& model) {
  const std::map<char, std::string> switches = ConditionSwitches(model);
  const bool all_five = switches.size() == std::string(kLetters).size();
  std::string out = CommentLines("A scenario file for the model " + model.name + " (" + model.summary +
                                 "), written by `ncpmi models " + model.name +
                                 " --template`: every value below is the model's default.");
  out += CommentLines("Anchor: " + model.anchor);
  out += "#\n";
  out += CommentLines(
      "To start a new case: replace the placeholders, set the values of your case, and write the source of "
      "each value in a comment after it on its line (kept as its source note, and written into `ncpmi "
      "export` files). Numbers are exact: a bare integer, or a string such as \"3/4\", \"-2\" or "
      "\"0.45\". Parameters left out take their defaults.");
  out += "#\n# Run it:\n";
  if (all_five) {
    out += "#   ncpmi conditions FILE   which of N C P M I produce a settlement (32-row truth table, QCA)\n";
  } else {
    out += "#   (ncpmi conditions FILE needs all five condition switches N C P M I; this model has " +
           std::to_string(switches.size()) + ")\n";
  }
  out += "#   ncpmi solve FILE        the subgame-perfect equilibria of this scenario, P(settlement)\n\n";
  out += "title = \"TODO: the case, place and year\"\n";
  out += "description = \"TODO: what happened, in a sentence or two\"\n";
  out += "sources = [\"TODO: author (year), title\"]\n";
  out += "model = \"" + model.name + "\"\n";
  out += "threshold = \"1/2\"  # an equilibrium settles when P(settlement) >= threshold, in [0, 1]\n";
  if (switches.empty()) {
    out += "\n# [conditions]: model " + model.name + " has no NCPMI condition switches.\n";
  } else {
    out += "\n[conditions]  # each letter switches its condition on (true) or off (false)\n";
    if (model.build_effective && !model.switch_effects.empty()) {
      out += CommentLines(
          "The commented line above a letter says what it switches by default: a name is set to 0 while "
          "the condition is absent, a { parameter, absent, present } table sets the values. To change it, "
          "edit that line and put it in place of the letter's line.");
    }
    for (const char letter : std::string(kLetters)) {
      const auto it = switches.find(letter);
      if (it == switches.end()) continue;
      for (const ParameterSpec& p : model.parameters) {
        if (p.name != it->second) continue;
        // A description that opens with its letter ("N: off gives ...") is not prefixed again.
        const std::string prefix = std::string(1, letter) + ": ";
        const std::string meaning =
            p.description.compare(0, prefix.size(), prefix) == 0 ? p.description.substr(prefix.size()) : p.description;
        out += CommentLines(std::string(1, letter) + " (switch " + p.name + "): " + meaning);
        const auto effects = model.switch_effects.find(p.name);
        if (model.build_effective && effects != model.switch_effects.end()) {
          out += std::string("#   ") + letter + " = { present = " + TomlValue(p, p.default_value) +
                 ", switches = " + EffectsToml(model, effects->second) + " }\n";
        }
        out += std::string(1, letter) + " = " + TomlValue(p, p.default_value) + "\n";
      }
    }
  }
  out += "\n[parameters]\n";
  bool any = false;
  for (const ParameterSpec& p : model.parameters) {
    if (p.condition != 0) continue;
    any = true;
    out += CommentLines(p.description);
    out += p.kind == ParameterKind::kBoolean
               ? std::string("# boolean\n")
               : std::string("# ") + ParameterKindName(p.kind) + " in [" + FormatRational(p.min) + ", " +
                     FormatRational(p.max) + "]\n";
    out += p.name + " = " + TomlValue(p, p.default_value) + "\n";
  }
  if (!any) out += "# (model " + model.name + " has no " + (model.parameters.empty() ? "" : "other ") + "parameters)\n";
  return out;
}

std::string ScenarioComment(const Scenario& s) {
  const ModelSpec& model = FindModel(s.model);
  std::string out = "Scenario: " + (s.title.empty() ? std::string("(untitled)") : s.title) + "\n";
  out += "File: " + s.path + "\n";
  if (!s.sources.empty()) out += "Sources: " + s.sources + "\n";
  out += "Model: " + s.model + "\n";
  out += "Settlement threshold: P(S) >= " + FormatRational(s.threshold) + "\n";
  out += "Conditions:";
  const std::map<char, std::string> switches = ConditionSwitches(model);
  for (const char letter : std::string(kLetters)) {
    const auto it = switches.find(letter);
    if (it != switches.end()) out += std::string(" ") + letter + (s.values.at(it->second) != 0 ? "=on" : "=off");
  }
  out += "\nParameters (every value used; 'default' where the scenario does not set it):\n";
  for (const ParameterSpec& p : model.parameters) {
    out += "  " + p.name + " = " + FormatRational(s.values.at(p.name));
    const auto note = s.notes.find(p.name);
    if (s.given.count(p.name) == 0) {
      out += "  (default)";
    } else if (note != s.notes.end() && !note->second.empty()) {
      out += "  # " + note->second;
    }
    out += "\n";
  }
  return out;
}

}  // namespace ncpmi::models
