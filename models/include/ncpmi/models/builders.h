// The bundled parametric models, one function per concept (each defined in its own .cc file).
// Each returns the model's spec: parameters with defaults, ranges and descriptions, and a build
// function taking resolved values (see model.h). ModelSpecs() lists them all in this order.
#pragma once

#include <cstdint>

#include "ncpmi/models/model.h"

namespace ncpmi::models {

ModelSpec UltimatumModel();          // "ultimatum": compellence with a demand grid
ModelSpec SecurityAssuranceModel();  // "security-assurance": regime-change fear
ModelSpec AmnestyModel();            // "amnesty": reneging risk
ModelSpec SanctionsModel();          // "sanctions": pain accumulation over rounds
ModelSpec UnscVoteModel();           // "unsc-vote": P5 vetoes and the outside option
ModelSpec MediatorModel();           // "mediator": initiative and roadmap
ModelSpec AudienceCostModel();       // "audience-cost": a private resolve, threats and bluffs
ModelSpec AssuranceTrustModel();     // "assurance-trust": a private type, trust and reassurance
ModelSpec CrisisModel();             // "ncpmi-crisis": the composite game with N C P M I
ModelSpec Haiti1994Model();          // "haiti1994": the fixed reduced game, no parameters

// Node counts of the sanctions model: the DAG in which game states with the same round and
// accumulated sanction intensity are merged (built with Boost.Graph), and the tree the Game
// stores, which unfolds it (tree_nodes == BuildSanctions(values).NumNodes()). `values` must be
// resolved. O(DAG size). Throws InputError like the builder.
struct SanctionsNodeCounts {
  std::int64_t dag_nodes = 0;
  std::int64_t tree_nodes = 0;
};
SanctionsNodeCounts CountSanctionsNodes(const ParameterValues& values);

}  // namespace ncpmi::models
