// Cross-case QCA: each scenario file is one case (a real crisis), its NCPMI memberships crisp from
// the condition switches or fuzzy from a calibration of its parameters (Ragin's direct method),
// its outcome from the model's verdict (crisp) or P(S) (fuzzy); truth table, necessity, the
// complex, parsimonious and intermediate solutions, and their sensitivity to tau and --some.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ncpmi/game/rational.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/qca.h"
#include "ncpmi/models/scenario.h"
#include "ncpmi/models/table_render.h"

namespace ncpmi::models {

// The default calibration of one condition letter of model ncpmi-crisis (docs/qca.md): the
// measure, an expression over the model's parameters, and its anchors [non, cross, full].
struct DefaultCalibration {
  char letter;
  const char* measure;
  std::array<Rational, 3> anchors;
  const char* why;  // one line: what the measure is
};
const std::vector<DefaultCalibration>& DefaultCalibrations();  // N C P M I

// Evaluates a measure expression exactly: numbers (integers, decimals), parameter names, + - * /,
// unary minus, parentheses, min(a, b) and max(a, b). Names are looked up in `values`. Throws
// InputError "message" (no location; the caller adds it) for a syntax error, an unknown name
// (listing the close one) or a division by zero. O(length); nesting is limited to 32 levels.
Rational EvaluateMeasure(const std::string& expression, const ParameterValues& values);

struct CrossCaseOptions {
  AnalysisOptions analysis;            // threshold: used when threshold_given, else each file's
  bool threshold_given = false;
  bool fuzzy = false;                  // fuzzy memberships and outcome P(S)
  bool some_settles = false;           // crisp outcome: verdict some counts as settling
  std::optional<double> incl_cut;      // default 0.8 fuzzy, 1 crisp
  // Directional expectations for the intermediate solution, N C P M I; default all present.
  std::vector<qca::Expectation> expectations = std::vector<qca::Expectation>(kNumConditions, qca::Expectation::kPresent);
};

// Parses "N=1,C=-,P=0": 1 present, 0 absent, - none; letters not named keep `base`. Throws
// InputError for an unknown letter or value.
std::vector<qca::Expectation> ParseExpectations(const std::string& text, std::vector<qca::Expectation> base);

struct CalibratedCondition {
  std::string measure;             // the expression used
  std::array<Rational, 3> anchors; // non, cross, full
  bool from_file = false;          // measure or anchors set by [calibration.X]
  Rational value;                  // the measure on the case's effective parameter values
  double membership = 0;           // DirectCalibration(value, anchors)
};

struct QcaCase {
  std::string name;  // the title, else the file stem
  std::string path;
  std::array<bool, kNumConditions> crisp{};
  std::array<CalibratedCondition, kNumConditions> calibration;
  Rational threshold;
  GameAnalysis result;  // at `threshold`
  bool settles = false; // crisp outcome
};

struct SensitivityCell {
  Rational threshold;
  bool some_settles = false;
  int settling = 0;
  std::string complex, parsimonious, intermediate;
};

struct CrossCaseQca {
  CrossCaseOptions options;
  double incl_cut = 1;
  std::vector<QcaCase> cases;
  qca::CaseTable table;  // the memberships analysed (crisp or fuzzy)
  qca::CaseAnalysis analysis;
  // The crisp analysis re-run at tau = 1/3, 1/2, 2/3 with --some no and yes (crisp memberships and
  // crisp outcome at the crisp inclusion cut: P(S), the fuzzy outcome, depends on neither).
  std::vector<SensitivityCell> sensitivity;
};

// Solves each scenario's own game once (AnalyseGame on BuildScenario) and runs the QCA. Throws
// InputError "path:line:col: message" for a model without the five switches, a duplicate case
// name, a bad calibration (unknown parameter, division by zero, at the file's measure or at
// `model` for a default) or a game over the limits; whatever AnalyseGame throws otherwise.
// Single-threaded; a case takes a few milliseconds.
CrossCaseQca AnalyseCrossCase(const std::vector<Scenario>& scenarios, const CrossCaseOptions& options);

// The report as tables (what every format writes): cases (memberships, verdict, P(S), outcome,
// its truth-table row as a term such as ~N*C*P*M*I), calibration (fuzzy: letter, measure, anchors, value, membership per case), truth table,
// necessity, solutions (one row per term and one per solution), sensitivity. Real numbers with
// three decimals, exact ones as fractions.
enum class CrossCasePart { kCases, kCalibration, kTruthTable, kNecessity, kSolutions, kSensitivity };
Table CrossCaseTable(const CrossCaseQca& report, CrossCasePart part);
const char* CrossCasePartName(CrossCasePart part);  // "cases", "calibration", ...

}  // namespace ncpmi::models
