// Rendering of solve results as text, JSON and CSV.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/game.h"

namespace ncpmi::cli {

enum class OutputFormat { kText, kJson, kCsv };

// What one `ncpmi solve` run found, in the number type it ran with.
template <class T>
struct SolveReport {
  std::string file;
  bool exact = false;
  std::string method;     // "backward-induction" or "backward-induction-all"
  std::string tie_rule;   // "first", "last" or "all"
  int threads = 1;
  std::vector<PlayOutcome<T>> equilibria;
  bool complete = true;   // false when --all hit --max-equilibria
  std::size_t cap = 0;
  NodeId cap_node = kNoNode;
  std::vector<Tie> ties;
  std::vector<char> tie_on_path;  // parallel to ties
  // Certificate: every player's largest gain from a deviation in any subgame.
  bool verified = false;
  std::vector<T> max_gain;
  std::string certificate;  // how it was checked
  // Subgame decomposition (games with imperfect information): the behaviour strategies and the
  // subgames solved by LP, MIP or enumeration; null / empty for pure backward induction.
  const BehaviorProfile<T>* profile = nullptr;
  std::vector<SubgameSolution<T>> subgames;
  std::int64_t backward_induction_steps = 0;
  std::string selection;  // "any", "max-total-payoff", "max-prob PATTERN", "min-prob PATTERN"
  std::string concept_name = "spe";  // "spe", "nash" or "sequential" (--concept)
  // --concept sequential: the belief at every node id (see SpeSolution::beliefs), and the
  // assessment certificate's largest errors; null otherwise.
  const std::vector<T>* beliefs = nullptr;
  T bayes_error = T(0), belief_sum_error = T(0);
};

// The JSON form of a report, for commands that add keys to it (solve on a scenario).
template <class T>
nlohmann::ordered_json ReportJson(const Game& game, const SolveReport<T>& report);

template <class T>
void WriteReport(const Game& game, const SolveReport<T>& report, OutputFormat format,
                 std::ostream& out);

// "15/2" in exact mode; shortest round-trip decimal for doubles.
std::string FormatNumber(const Rational& value);
std::string FormatNumber(double value);

}  // namespace ncpmi::cli
