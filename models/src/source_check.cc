// Unsourced values of a scenario file: empty notes and the `unsourced` list.
#include "ncpmi/models/source_check.h"

#include <algorithm>
#include <map>

namespace ncpmi::models {

std::vector<UnsourcedValue> UnsourcedValues(const Scenario& s) {
  const ModelSpec& model = FindModel(s.model);
  std::map<std::string, char> letters;
  for (const ParameterSpec& p : model.parameters) letters[p.name] = p.condition;
  std::map<std::string, UnsourcedValue> found;
  for (const auto& [name, value] : s.given) {
    (void)value;
    const auto note = s.notes.find(name);
    if (note != s.notes.end() && !note->second.empty()) continue;
    UnsourcedValue& u = found[name];
    u.parameter = name;
    u.location = s.locations.at(name);
    u.no_note = true;
  }
  for (const std::string& name : s.unsourced) {
    UnsourcedValue& u = found[name];
    u.parameter = name;
    u.listed = true;
    const auto at = s.locations.find(name);
    u.location = at != s.locations.end() ? at->second : s.unsourced_locations.at(name);
  }
  std::vector<UnsourcedValue> out;
  for (auto& [name, u] : found) {
    u.condition = letters[name];
    out.push_back(std::move(u));
  }
  std::stable_sort(out.begin(), out.end(), [](const UnsourcedValue& a, const UnsourcedValue& b) {
    return std::make_pair(a.location.line, a.location.column) < std::make_pair(b.location.line, b.location.column);
  });
  return out;
}

std::string DescribeUnsourced(const Scenario& s, const UnsourcedValue& u) {
  std::string what = u.condition != 0 ? std::string("condition ") + u.condition + " (" + u.parameter + ")" : u.parameter;
  what += " = " + FormatRational(s.values.at(u.parameter));
  std::string why;
  if (u.listed) why = "listed in unsourced";
  if (u.no_note) why += std::string(why.empty() ? "" : "; ") + "no source note";
  return s.path + ":" + std::to_string(u.location.line) + ": " + what + ": " + why;
}

}  // namespace ncpmi::models
