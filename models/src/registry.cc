// Bundled model builders and their registry.
#include "ncpmi/models/registry.h"

#include "ncpmi/game/error.h"
#include "ncpmi/game/game_builder.h"

namespace ncpmi::models {

Game BuildHaiti1994() {
  GameBuilder b({"Coercer_US_UN", "Junta", "Mediator_Carter", "P5_Holdout"});
  b.SetTitle("Haiti 1994: Resolution 940, Carter mission, amnesty");
  b.SetComment(
      "Reduced game of the Haiti 1994 crisis (Sagara 2024, KGRI WP 2; docs/models.md, haiti1994). "
      "Payoffs (C, T, M, V) are illustrative normalized numbers respecting the orderings the "
      "sources describe, not estimates. Expected SPE: Abstain, Mediate, AcceptAccord; payoffs "
      "(15/2, 13/4, 9, 19/4).");
  auto outcome = [&](const char* name, std::vector<Rational> payoffs) {
    return b.AddOutcome(name, payoffs);
  };
  const OutcomeId honoured = outcome("Accord, amnesty honoured", {8, 4, 10, 5});
  const OutcomeId violated = outcome("Accord, amnesty violated", {6, 1, 6, 4});
  const OutcomeId capitulation = outcome("Capitulation without amnesty", {9, -10, 3, 4});
  const OutcomeId war_mediated = outcome("Invasion with mandate after mediation", {3, -8, -1, 3});
  const OutcomeId war = outcome("Invasion with mandate", {3, -8, 0, 3});
  const OutcomeId backdown_mediated = outcome("Coercer backs down after mediation", {-2, 6, 0, 6});
  const OutcomeId backdown = outcome("Coercer backs down", {-2, 6, 1, 6});
  const OutcomeId alone = outcome("Invasion without mandate", {-4, -8, 0, 0});
  const OutcomeId backdown_veto = outcome("Coercer backs down after veto", {-3, 7, 1, 3});

  const InfosetId vote = b.AddInfoset(4, "UNSC vote on Resolution 940", {"Abstain", "Veto"});
  const InfosetId mediate = b.AddInfoset(3, "Carter mission", {"Mediate", "StayOut"});
  const InfosetId accord = b.AddInfoset(2, "Junta facing the accord", {"AcceptAccord", "Resist"});
  const InfosetId step_down = b.AddInfoset(2, "Junta facing the ultimatum", {"StepDown", "Resist"});
  const InfosetId execute_mediated = b.AddInfoset(1, "Execution after failed mediation", {"Invade", "BackDown"});
  const InfosetId execute = b.AddInfoset(1, "Execution", {"Invade", "BackDown"});
  const InfosetId after_veto = b.AddInfoset(1, "After a veto", {"InvadeAlone", "BackDown"});
  const InfosetId amnesty = b.AddChanceInfoset("Amnesty kept", {"Honoured", "Violated"},
                                               {Rational(3, 4), Rational(1, 4)});

  const NodeId root = b.AddNode(kNoNode, vote, kNoOutcome, "UNSC");
  const NodeId m = b.AddNode(root, mediate, kNoOutcome, "Mediator");
  const NodeId veto = b.AddNode(root, after_veto, kNoOutcome, "Veto cast");
  const NodeId j1 = b.AddNode(m, accord, kNoOutcome, "Junta, mediated");
  const NodeId j2 = b.AddNode(m, step_down, kNoOutcome, "Junta, ultimatum");
  b.AddNode(veto, kNoInfoset, alone, "UNILATERAL");
  b.AddNode(veto, kNoInfoset, backdown_veto, "BACKDOWN");
  const NodeId nature = b.AddNode(j1, amnesty, kNoOutcome, "Implementation");
  const NodeId c1 = b.AddNode(j1, execute_mediated, kNoOutcome, "Coercer, mediated");
  b.AddNode(j2, kNoInfoset, capitulation, "SETTLEMENT");
  const NodeId c2 = b.AddNode(j2, execute, kNoOutcome, "Coercer, ultimatum");
  b.AddNode(nature, kNoInfoset, honoured, "SETTLEMENT:durable");
  b.AddNode(nature, kNoInfoset, violated, "SETTLEMENT:broken");
  b.AddNode(c1, kNoInfoset, war_mediated, "WAR");
  b.AddNode(c1, kNoInfoset, backdown_mediated, "BACKDOWN");
  b.AddNode(c2, kNoInfoset, war, "WAR");
  b.AddNode(c2, kNoInfoset, backdown, "BACKDOWN");
  return b.Finalize();
}

const std::vector<ModelInfo>& Models() {
  static const std::vector<ModelInfo> models{
      {"haiti1994", "Haiti 1994 reduced game (docs/models.md, haiti1994; Sagara 2024)", BuildHaiti1994},
  };
  return models;
}

Game BuildModel(const std::string& name) {
  std::string known;
  for (const ModelInfo& m : Models()) {
    if (m.name == name) return m.build();
    known += (known.empty() ? "" : ", ") + m.name;
  }
  throw InputError("unknown model '" + name + "' (known: " + known + ")");
}

}  // namespace ncpmi::models
