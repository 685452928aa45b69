// The list of parametric models, lookup by name, and parameter resolution.
#include "ncpmi/models/model.h"

#include "model_util.h"
#include "ncpmi/game/error.h"
#include "ncpmi/models/builders.h"
#include "ncpmi/models/registry.h"

namespace ncpmi::models {

ModelSpec Haiti1994Model() {
  ModelSpec m;
  m.name = "haiti1994";
  m.summary = "Haiti 1994 reduced game (docs/models.md, haiti1994; Sagara 2024): fixed payoffs, no parameters";
  m.anchor = "Sagara, 'Conditions for Peace', KGRI WP 2 (2024): Resolution 940, the Carter mission "
             "and the amnesty; expected SPE Abstain, Mediate, AcceptAccord with P(S) = 1, "
             "P(durable) = 3/4";
  m.build = [](const ParameterValues&) { return BuildHaiti1994(); };
  return m;
}

const std::vector<ModelSpec>& ModelSpecs() {
  static const std::vector<ModelSpec> specs{
      UltimatumModel(), SecurityAssuranceModel(), AmnestyModel(), SanctionsModel(),
      UnscVoteModel(),  MediatorModel(),          AudienceCostModel(), AssuranceTrustModel(), CrisisModel(),  Haiti1994Model(),
  };
  return specs;
}

const ModelSpec& FindModel(const std::string& name) {
  std::string known;
  for (const ModelSpec& m : ModelSpecs()) {
    if (m.name == name) return m;
    known += (known.empty() ? "" : ", ") + m.name;
  }
  throw InputError("unknown model '" + name + "' (known: " + known + ")");
}

ParameterValues ResolveParameters(const ModelSpec& model, const ParameterValues& given) {
  for (const auto& [name, value] : given) {
    bool found = false;
    for (const ParameterSpec& p : model.parameters) found = found || p.name == name;
    if (!found) {
      std::string known;
      for (const ParameterSpec& p : model.parameters) known += (known.empty() ? "" : ", ") + p.name;
      detail::ParameterError(name, "unknown parameter of model " + model.name +
                                       (known.empty() ? std::string(" (it has none)")
                                                      : " (known: " + known + ")"));
    }
  }
  ParameterValues out;
  for (const ParameterSpec& p : model.parameters) {
    const auto it = given.find(p.name);
    const Rational& value = it == given.end() ? p.default_value : it->second;
    switch (p.kind) {
      case ParameterKind::kBoolean:
        if (value != 0 && value != 1) {
          detail::ParameterError(p.name, "must be a boolean (0 or 1, false or true), got " + FormatRational(value));
        }
        break;
      case ParameterKind::kInteger:
        if (value.get_den() != 1) {
          detail::ParameterError(p.name, "must be an integer, got " + FormatRational(value));
        }
        [[fallthrough]];
      case ParameterKind::kNumber:
        if (value < p.min || value > p.max) {
          detail::ParameterError(p.name, FormatRational(value) + " is outside the valid range [" +
                                             FormatRational(p.min) + ", " + FormatRational(p.max) + "]");
        }
        break;
    }
    out.emplace(p.name, value);
  }
  return out;
}

namespace {

const ParameterSpec* FindParameter(const ModelSpec& model, const std::string& name) {
  for (const ParameterSpec& p : model.parameters) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

void CheckInRange(const ParameterSpec& p, const Rational& value, const std::string& context) {
  const bool integral = p.kind != ParameterKind::kNumber;
  if (value < p.min || value > p.max || (integral && value.get_den() != 1)) {
    detail::ParameterError(p.name, context + FormatRational(value) + " is not a valid value (range [" +
                                       FormatRational(p.min) + ", " + FormatRational(p.max) + "]" +
                                       (integral ? ", whole numbers" : "") + ")");
  }
}

}  // namespace

ParameterValues ApplySwitchEffects(const ModelSpec& model, const ParameterValues& resolved,
                                   const SwitchEffects& effects) {
  ParameterValues out = resolved;
  for (const auto& [name, list] : effects) {
    const ParameterSpec* sw = FindParameter(model, name);
    if (sw == nullptr || sw->kind != ParameterKind::kBoolean) {
      detail::ParameterError(name, "is not a switch of model " + model.name);
    }
    const bool on = detail::Flag(resolved, name);
    for (const SwitchEffect& e : list) {
      const ParameterSpec* target = FindParameter(model, e.parameter);
      if (target == nullptr) {
        detail::ParameterError(e.parameter, "unknown parameter of model " + model.name + " (switched by " + name + ")");
      }
      if (target->kind == ParameterKind::kBoolean && target->condition != 0) {
        detail::ParameterError(e.parameter, "is itself a condition switch and cannot be switched by " + name);
      }
      const std::optional<Rational>& value = on ? e.present : e.absent;
      if (!value) continue;
      CheckInRange(*target, *value, std::string("switched by ") + name + (on ? " (present): " : " (absent): "));
      out[e.parameter] = *value;
    }
  }
  return out;
}

Game BuildWithEffects(const ModelSpec& model, const ParameterValues& resolved, const SwitchEffects& effects) {
  if (!model.build_effective) {
    if (!effects.empty()) {
      throw InputError("model " + model.name + " has no condition switches whose effects a scenario can set");
    }
    return model.build(resolved);
  }
  return model.build_effective(ApplySwitchEffects(model, resolved, effects));
}

}  // namespace ncpmi::models
