// Cross-case QCA over scenario files: calibration, one solve per case, truth table and solutions.
#include "ncpmi/models/cross_case_qca.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include "ncpmi/game/error.h"

namespace ncpmi::models {
namespace {

const char kLetters[] = "NCPMI";

Rational Q(long num, long den = 1) { return MakeRational(num, den); }

// Recursive descent over a short expression; depth is bounded (kMaxDepth), so the recursion does
// not follow the input beyond a constant.
class MeasureParser {
 public:
  MeasureParser(const std::string& text, const ParameterValues& values) : text_(text), values_(values) {}

  Rational Parse() {
    Rational v = Expr(0);
    Skip();
    if (pos_ != text_.size()) Fail("unexpected '" + std::string(1, text_[pos_]) + "'");
    return v;
  }

 private:
  static constexpr int kMaxDepth = 32;

  [[noreturn]] void Fail(const std::string& message) const {
    throw InputError("measure '" + text_ + "': " + message + " at character " + std::to_string(pos_ + 1));
  }
  void Skip() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool Eat(char c) {
    Skip();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  Rational Expr(int depth) {
    Rational v = Term(depth);
    while (true) {
      if (Eat('+')) {
        v += Term(depth);
      } else if (Eat('-')) {
        v -= Term(depth);
      } else {
        return v;
      }
    }
  }
  Rational Term(int depth) {
    Rational v = Factor(depth);
    while (true) {
      if (Eat('*')) {
        v *= Factor(depth);
      } else if (Eat('/')) {
        const std::size_t at = pos_;
        const Rational d = Factor(depth);
        if (d == 0) {
          pos_ = at;
          Fail("division by zero");
        }
        v /= d;
      } else {
        return v;
      }
    }
  }
  Rational Factor(int depth) {
    if (depth > kMaxDepth) Fail("nested too deeply");
    Skip();
    if (Eat('-')) return -Factor(depth + 1);
    if (Eat('(')) {
      Rational v = Expr(depth + 1);
      if (!Eat(')')) Fail("expected ')'");
      return v;
    }
    if (pos_ >= text_.size()) Fail("expected a number or a parameter name");
    const char c = text_[pos_];
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) ++pos_;
      const std::optional<Rational> q = ParseRational(text_.substr(start, pos_ - start));
      if (!q) Fail("bad number '" + text_.substr(start, pos_ - start) + "'");
      return *q;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) ++pos_;
      const std::string name = text_.substr(start, pos_ - start);
      if (name == "min" || name == "max") {
        if (!Eat('(')) Fail("expected '(' after " + name);
        const Rational a = Expr(depth + 1);
        if (!Eat(',')) Fail("expected ',' in " + name + "(a, b)");
        const Rational b = Expr(depth + 1);
        if (!Eat(')')) Fail("expected ')'");
        return name == "min" ? (a < b ? a : b) : (a < b ? b : a);
      }
      const auto it = values_.find(name);
      if (it == values_.end()) {
        pos_ = start;
        Fail("unknown parameter '" + name + "' (see ncpmi models MODEL)");
      }
      return it->second;
    }
    Fail("expected a number or a parameter name");
  }

  const std::string& text_;
  const ParameterValues& values_;
  std::size_t pos_ = 0;
};

std::string Decimal(double v) { return fmt::format("{:.3f}", v); }
std::string Decimal(const std::optional<double>& v) { return v ? Decimal(*v) : std::string("n/a"); }

std::string CaseList(const CrossCaseQca& r, const std::vector<int>& cases) {
  std::string out;
  for (int i : cases) out += (out.empty() ? "" : "; ") + r.cases[static_cast<std::size_t>(i)].name;
  return out.empty() ? std::string("none") : out;
}

std::string Bits(std::uint32_t configuration) {
  std::string out;
  for (int k = 0; k < kNumConditions; ++k) out += (configuration >> k) & 1 ? '1' : '0';
  return out;
}

qca::CaseTable CrispTable(const std::vector<QcaCase>& cases, const std::vector<bool>& settles) {
  qca::CaseTable t;
  for (const char* l : {"N", "C", "P", "M", "I"}) t.conditions.push_back(l);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    t.cases.push_back(cases[i].name);
    std::vector<double> x;
    for (bool b : cases[i].crisp) x.push_back(b ? 1.0 : 0.0);
    t.x.push_back(std::move(x));
    t.y.push_back(settles[i] ? 1.0 : 0.0);
  }
  return t;
}

bool Settles(Verdict v, bool some_settles) { return v == Verdict::kAll || (some_settles && v == Verdict::kSome); }

}  // namespace

const std::vector<DefaultCalibration>& DefaultCalibrations() {
  static const std::vector<DefaultCalibration> kDefaults = {
      {'N', "veto_cost + consensus_cost - holdout_shield", {Q(-1), Q(0), Q(1)},
       "the holdout's net cost of casting a veto"},
      {'C', "(b_c + advocacy_resolve_c + stalemate_horizon * stake_c) / w_c", {Q(1, 10), Q(1, 2), Q(1)},
       "the coercer's cost of backing down (audience cost and the stake of an unresolved crisis) relative to its cost of a round of force"},
      {'P', "w_t + sanction_pain - rents_t", {Q(-1, 4), Q(0), Q(1, 2)},
       "the leadership's pain from a round of coercion (war and sanctions) net of the rents of defiance"},
      {'M', "sanction_pain + pressure_rounds * pain_growth - rents_t", {Q(-1, 4), Q(0), Q(1, 2)},
       "the leadership's net pain per round when the stalemate reaches the ultimatum"},
      {'I', "rho", {Q(0), Q(1, 4), Q(3, 4)}, "the chance that the initiative finds a roadmap"},
  };
  return kDefaults;
}

Rational EvaluateMeasure(const std::string& expression, const ParameterValues& values) {
  return MeasureParser(expression, values).Parse();
}

std::vector<qca::Expectation> ParseExpectations(const std::string& text, std::vector<qca::Expectation> base) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    item.erase(std::remove_if(item.begin(), item.end(), [](unsigned char c) { return std::isspace(c); }), item.end());
    const std::size_t eq = item.find('=');
    const std::string letter = item.substr(0, eq);
    const std::string value = eq == std::string::npos ? "" : item.substr(eq + 1);
    const std::size_t k = letter.size() == 1 ? std::string(kLetters).find(letter[0]) : std::string::npos;
    if (k == std::string::npos || (value != "1" && value != "0" && value != "-")) {
      throw InputError("--expect '" + text + "': expected LETTER=1|0|- items separated by commas (letters N C P M I), got '" +
                       item + "'");
    }
    base[k] = value == "1" ? qca::Expectation::kPresent : value == "0" ? qca::Expectation::kAbsent : qca::Expectation::kNone;
    start = end + 1;
  }
  return base;
}

CrossCaseQca AnalyseCrossCase(const std::vector<Scenario>& scenarios, const CrossCaseOptions& options) {
  CrossCaseQca r;
  r.options = options;
  r.incl_cut = options.incl_cut ? *options.incl_cut : (options.fuzzy ? 0.8 : 1.0);
  std::map<std::string, std::string> seen;  // case name -> path
  for (const Scenario& s : scenarios) {
    const ModelSpec& model = FindModel(s.model);
    const std::map<char, std::string> switches = ConditionSwitches(model);
    if (switches.size() != static_cast<std::size_t>(kNumConditions)) {
      throw InputError(s.path, s.model_location.line, s.model_location.column,
                       "model " + s.model + " lacks some of the five condition switches N C P M I; a QCA case needs all five (model ncpmi-crisis)");
    }
    QcaCase c;
    c.path = s.path;
    c.name = s.title.empty() ? std::filesystem::path(s.path).stem().string() : s.title;
    const auto [it, fresh] = seen.emplace(c.name, s.path);
    if (!fresh) throw InputError(s.path + ": duplicate case '" + c.name + "' (also " + it->second + ")");
    const ParameterValues effective = ApplySwitchEffects(model, s.values, ScenarioSwitchEffects(s));
    for (int k = 0; k < kNumConditions; ++k) {
      const char letter = kLetters[k];
      c.crisp[static_cast<std::size_t>(k)] = s.values.at(switches.at(letter)) != 0;
      const DefaultCalibration& d = DefaultCalibrations()[static_cast<std::size_t>(k)];
      CalibratedCondition& cal = c.calibration[static_cast<std::size_t>(k)];
      cal.measure = d.measure;
      cal.anchors = d.anchors;
      SourceLocation at = s.model_location;
      bool default_measure = true;
      const auto spec = s.calibration.find(letter);
      if (spec != s.calibration.end()) {
        cal.from_file = true;
        if (!spec->second.measure.empty()) {
          cal.measure = spec->second.measure;
          at = spec->second.measure_location;
          default_measure = false;
        }
        if (!spec->second.anchors.empty()) {
          for (std::size_t a = 0; a < 3; ++a) cal.anchors[a] = spec->second.anchors[a];
        }
      }
      try {
        cal.value = EvaluateMeasure(cal.measure, effective);
      } catch (const InputError& e) {
        throw InputError(s.path, at.line, at.column,
                         std::string("calibration of ") + letter +
                             (default_measure ? " (the default measure; set [calibration." + std::string(1, letter) + "] measure)" : "") +
                             ": " + e.what());
      }
      cal.membership = qca::DirectCalibration(cal.value.get_d(), cal.anchors[0].get_d(), cal.anchors[1].get_d(),
                                              cal.anchors[2].get_d());
    }
    c.threshold = options.threshold_given ? options.analysis.threshold : s.threshold;
    AnalysisOptions analysis = options.analysis;
    analysis.threshold = c.threshold;
    const Game game = BuildScenario(s);
    c.result = AnalyseGame(game, analysis);
    c.settles = Settles(c.result.verdict, options.some_settles);
    // Sensitivity needs the verdict at other thresholds: solved again below.
    r.cases.push_back(std::move(c));
  }
  // The analysed table.
  std::vector<bool> settles;
  for (const QcaCase& c : r.cases) settles.push_back(c.settles);
  r.table = CrispTable(r.cases, settles);
  if (options.fuzzy) {
    for (std::size_t i = 0; i < r.cases.size(); ++i) {
      for (int k = 0; k < kNumConditions; ++k) r.table.x[i][static_cast<std::size_t>(k)] = r.cases[i].calibration[static_cast<std::size_t>(k)].membership;
      r.table.y[i] = r.cases[i].result.summary.p_settlement.get_d();
    }
  }
  r.analysis = qca::AnalyseCases(r.table, r.incl_cut, options.expectations);
  // Sensitivity of the crisp analysis to tau and --some.
  const double crisp_cut = options.fuzzy ? 1.0 : r.incl_cut;
  for (const Rational& tau : {Q(1, 3), Q(1, 2), Q(2, 3)}) {
    std::vector<Verdict> verdicts;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      AnalysisOptions analysis = options.analysis;
      analysis.threshold = tau;
      verdicts.push_back(r.cases[i].threshold == tau ? r.cases[i].result.verdict
                                                     : AnalyseGame(BuildScenario(scenarios[i]), analysis).verdict);
    }
    for (bool some : {false, true}) {
      std::vector<bool> out;
      for (Verdict v : verdicts) out.push_back(Settles(v, some));
      const qca::CaseAnalysis a = qca::AnalyseCases(CrispTable(r.cases, out), crisp_cut, options.expectations);
      SensitivityCell cell;
      cell.threshold = tau;
      cell.some_settles = some;
      cell.settling = static_cast<int>(std::count(out.begin(), out.end(), true));
      const auto formula = [&](const qca::Solution& s) {
        std::vector<qca::Term> terms;
        for (const qca::SolutionTerm& t : s.terms) terms.push_back(t.term);
        return qca::FormatSum(terms, r.table.conditions);
      };
      cell.complex = formula(a.complex);
      cell.parsimonious = formula(a.parsimonious);
      cell.intermediate = formula(a.intermediate);
      r.sensitivity.push_back(std::move(cell));
    }
  }
  return r;
}

const char* CrossCasePartName(CrossCasePart part) {
  switch (part) {
    case CrossCasePart::kCases: return "cases";
    case CrossCasePart::kCalibration: return "calibration";
    case CrossCasePart::kTruthTable: return "truth_table";
    case CrossCasePart::kNecessity: return "necessity";
    case CrossCasePart::kSolutions: return "solutions";
    case CrossCasePart::kSensitivity: return "sensitivity";
  }
  return "";
}

Table CrossCaseTable(const CrossCaseQca& r, CrossCasePart part) {
  Table t;
  const bool fuzzy = r.options.fuzzy;
  const std::vector<std::string>& letters = r.table.conditions;
  switch (part) {
    case CrossCasePart::kCases: {
      t.columns = {"case", "file"};
      for (const std::string& l : letters) t.columns.push_back(l);
      for (const char* c : {"threshold", "verdict", "p_settlement", "outcome", "row"}) t.columns.push_back(c);
      for (std::size_t i = 0; i < r.cases.size(); ++i) {
        const QcaCase& c = r.cases[i];
        std::vector<std::string> row{c.name, c.path};
        for (std::size_t k = 0; k < letters.size(); ++k) row.push_back(fuzzy ? Decimal(r.table.x[i][k]) : (c.crisp[k] ? "1" : "0"));
        row.push_back(FormatRational(c.threshold));
        row.push_back(VerdictName(c.result.verdict));
        row.push_back(FormatRational(c.result.summary.p_settlement));
        row.push_back(fuzzy ? Decimal(r.table.y[i]) : (c.settles ? "1" : "0"));
        const std::optional<std::uint32_t> conf = qca::CaseConfiguration(r.table.x[i]);
        row.push_back(conf ? qca::FormatTerm(qca::Term{*conf, (1u << kNumConditions) - 1}, letters)
                           : "none (a membership of 0.5)");
        t.rows.push_back(std::move(row));
      }
      break;
    }
    case CrossCasePart::kCalibration: {
      t.columns = {"case", "condition", "measure", "non", "cross", "full", "value", "membership", "crisp", "source"};
      for (const QcaCase& c : r.cases) {
        for (std::size_t k = 0; k < letters.size(); ++k) {
          const CalibratedCondition& cal = c.calibration[k];
          t.rows.push_back({c.name, letters[k], cal.measure, FormatRational(cal.anchors[0]), FormatRational(cal.anchors[1]),
                            FormatRational(cal.anchors[2]), FormatRational(cal.value), Decimal(cal.membership),
                            c.crisp[k] ? "1" : "0", cal.from_file ? "file" : "default"});
        }
      }
      break;
    }
    case CrossCasePart::kTruthTable: {
      t.columns = letters;
      for (const char* c : {"OUT", "n", "incl", "PRI", "cases"}) t.columns.push_back(c);
      for (const qca::TruthRow& row : r.analysis.rows) {
        std::vector<std::string> cells;
        for (std::size_t k = 0; k < letters.size(); ++k) cells.push_back((row.configuration >> k) & 1 ? "1" : "0");
        cells.push_back(row.outcome ? "1" : "0");
        cells.push_back(std::to_string(row.cases.size()));
        cells.push_back(Decimal(row.consistency));
        cells.push_back(Decimal(row.pri));
        cells.push_back(CaseList(r, row.cases));
        t.rows.push_back(std::move(cells));
      }
      break;
    }
    case CrossCasePart::kNecessity: {
      t.columns = {"condition", "consistency", "coverage", "relevance"};
      for (const qca::NecessityFit& f : r.analysis.necessity) {
        t.rows.push_back({f.term, Decimal(f.consistency), Decimal(f.coverage), Decimal(f.relevance)});
      }
      break;
    }
    case CrossCasePart::kSolutions: {
      t.columns = {"solution", "term", "consistency", "raw_coverage", "unique_coverage", "cases"};
      const std::pair<const char*, const qca::Solution*> solutions[] = {
          {"complex", &r.analysis.complex}, {"parsimonious", &r.analysis.parsimonious}, {"intermediate", &r.analysis.intermediate}};
      for (const auto& [name, s] : solutions) {
        std::vector<qca::Term> terms;
        for (const qca::SolutionTerm& st : s->terms) {
          terms.push_back(st.term);
          t.rows.push_back({name, qca::FormatTerm(st.term, letters), Decimal(st.consistency), Decimal(st.raw_coverage),
                            Decimal(st.unique_coverage), CaseList(r, st.cases)});
        }
        std::string remainders;
        for (std::uint32_t rem : s->remainders) remainders += (remainders.empty() ? "" : " ") + Bits(rem);
        t.rows.push_back({name, "= " + qca::FormatSum(terms, letters), Decimal(s->consistency), Decimal(s->coverage), "",
                          "remainders used (N C P M I): " + (remainders.empty() ? std::string("none") : remainders)});
      }
      break;
    }
    case CrossCasePart::kSensitivity: {
      t.columns = {"threshold", "some", "settling", "complex", "parsimonious", "intermediate"};
      for (const SensitivityCell& c : r.sensitivity) {
        t.rows.push_back({FormatRational(c.threshold), c.some_settles ? "yes" : "no",
                          std::to_string(c.settling) + " of " + std::to_string(r.cases.size()), c.complex, c.parsimonious,
                          c.intermediate});
      }
      break;
    }
  }
  return t;
}

}  // namespace ncpmi::models
