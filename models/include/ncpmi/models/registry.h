// The explicit list of bundled model builders.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ncpmi/game/game.h"

namespace ncpmi::models {

struct ModelInfo {
  std::string name;         // command-line name, e.g. "haiti1994"
  std::string description;  // one line, with its source
  std::function<Game()> build;
};

// All bundled models, in a fixed order (no static self-registration).
const std::vector<ModelInfo>& Models();

// Throws InputError naming the known models if `name` is not one of them.
Game BuildModel(const std::string& name);

// The reduced Haiti 1994 game (docs/models.md, haiti1994; Sagara 2024): P5 holdout votes, the mediator
// decides whether to mediate, the junta accepts or resists, the coercer invades or backs down,
// and Nature keeps the amnesty with probability 3/4. Terminal node names carry the outcome class
// (SETTLEMENT:durable, SETTLEMENT:broken, SETTLEMENT, WAR, BACKDOWN, UNILATERAL).
Game BuildHaiti1994();

}  // namespace ncpmi::models
