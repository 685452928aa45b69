// `ncpmi conditions`: the 32-row NCPMI truth table of a scenario (verdict, P(settlement),
// P(durable), outcome class, path, payoffs), its crisp- and fuzzy-set QCA (where "necessary" and
// "sufficient" mean consistency), and which conditions are pivotal in the scenario (switching one
// off alone leaves no settling equilibrium); as text, JSON, CSV, Markdown or LaTeX.
#include <fmt/format.h>

#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "limits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/scenario.h"
#include "ncpmi/models/source_check.h"
#include "ncpmi/models/table_render.h"

namespace ncpmi::cli {
namespace {

enum class ConditionsFormat { kText, kJson, kCsv, kMarkdown, kLatex };

struct ConditionsCliOptions {
  std::string scenario;
  std::string threshold;  // empty: the scenario's
  ConditionsFormat format = ConditionsFormat::kText;
  int threads = 0;
  bool exact = true;
  TieRule ties = TieRule::kFirst;
  std::string some = "no";
  std::size_t max_equilibria = 1000;
  double time_limit = 0;
  bool check_sources = false;
  SolutionConcept concept_kind = SolutionConcept::kSubgamePerfect;
  LimitFlags limits;
};

using models::ConditionsAnalysis;
using models::ConditionsRow;

std::string Fraction(const std::optional<Rational>& v) { return v ? FormatRational(*v) : std::string("n/a"); }

std::string Bits(const ConditionsRow& row) {
  std::string out;
  for (bool b : row.on) out += b ? '1' : '0';
  return out;
}

std::string Payoffs(const models::GameAnalysis& r) {
  std::string out;
  for (const Rational& v : r.payoffs) out += (out.empty() ? "" : ", ") + FormatRational(v);
  return out;
}

std::string Spe(const models::GameAnalysis& r) {
  return std::to_string(r.settling) + "/" + std::to_string(r.equilibria) + (r.complete ? "" : "+");
}

std::string List(const std::vector<std::string>& items, const char* none) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? std::string(none) : out;
}

std::string PresentLetters(const ConditionsAnalysis& a) {
  std::vector<std::string> present;
  for (std::size_t k = 0; k < a.letters.size(); ++k) {
    if (a.scenario_on[k]) present.push_back(a.letters[k]);
  }
  return List(present, "none");
}

// "N = no_veto, C = commitment, ...": each letter of the truth table and the model's switch
// parameter it turns on and off, so the columns can be matched to `ncpmi models` and to the file.
std::string LetterSwitches(const ConditionsAnalysis& a) {
  std::vector<std::string> pairs;
  for (std::size_t k = 0; k < a.letters.size(); ++k) pairs.push_back(a.letters[k] + " = " + a.switches[k]);
  return List(pairs, "none");
}

std::string OutcomeDefinition(const ConditionsAnalysis& a) {
  return "a row settles when every SPE reaches P(S) >= " + FormatRational(a.options.analysis.threshold) +
         (a.options.some_settles ? " or some SPE does (--some yes)"
                                 : " (verdict 'all'); rows where only some SPE settle count as not settling (--some no)");
}

std::string DecidedBy(const ConditionsAnalysis& a) {
  bool enumeration = false, selection = false;
  for (const ConditionsRow& row : a.rows) {
    (row.result.decided_by == "enumeration" ? enumeration : selection) = true;
  }
  bool sequential = false;
  for (const ConditionsRow& row : a.rows) sequential = sequential || row.result.decided_by == "sequential";
  if (sequential) selection = false;
  std::string out;
  if (enumeration) out = "every pure SPE outcome enumerated (backward induction branching at ties)";
  if (sequential) {
    out += std::string(out.empty() ? "" : "; ") +
           "imperfect information: one sequential (quasi-perfect) equilibrium found per row (--concept "
           "sequential); others may exist, so 'all' means the one found settles";
  }
  if (selection) {
    out += std::string(out.empty() ? "" : "; ") +
           "imperfect information: SPE selected by maximising and by minimising P(SETTLEMENT*) in each "
           "subgame (all = the minimising one settles, some = only the maximising one)";
  }
  return out;
}

std::string JointlySufficient(const ConditionsAnalysis& a) {
  const models::GameAnalysis& r = a.rows.back().result;  // 11111
  const std::string p = "P(S) " + FormatRational(r.summary.p_settlement);
  switch (r.verdict) {
    case models::Verdict::kAll: return "yes: with all five present every SPE settles (" + p + ")";
    case models::Verdict::kSome: return "only in some SPE: with all five present some SPE settle, some do not (" + p + ")";
    case models::Verdict::kNo: return "no: with all five present no SPE settles (" + p + ")";
  }
  return "";
}

std::string PivotalLine(const ConditionsAnalysis& a) {
  if (a.ScenarioRow().result.verdict == models::Verdict::kNo) {
    return "none: the scenario itself does not settle (conditions whose addition alone settles it: " +
           List(a.SufficientAdditions(), "none") + ")";
  }
  std::string out = List(a.Pivotal(), "none");
  const std::vector<std::string> weak = a.Weakening();
  if (!weak.empty()) out += " (switching off " + List(weak, "") + " leaves settlement in only some SPE)";
  return out;
}

std::vector<std::string> SettlingConfigurations(const ConditionsAnalysis& a) {
  std::vector<std::string> out;
  for (const ConditionsRow& row : a.rows) {
    if (row.settles) out.push_back(models::qca::FormatTerm(models::qca::Term{row.Code(), 0x1F}, a.letters));
  }
  return out;
}

// --- text ---------------------------------------------------------------------------------------

void WriteText(const models::Scenario& s, const ConditionsAnalysis& a, std::ostream& out) {
  out << "scenario: " << (s.title.empty() ? "(untitled)" : s.title) << " [" << s.path << "]\n";
  out << "model: " << s.model << "; conditions present in the scenario: " << PresentLetters(a) << '\n';
  out << "condition switches (letter = parameter): " << LetterSwitches(a) << '\n';
  out << "settlement: P(S) >= " << FormatRational(a.options.analysis.threshold)
      << "; exact rational arithmetic; verdict: " << DecidedBy(a) << '\n';
  out << "reported equilibrium (P(S), P(durable), class, path, payoffs): ties broken by the "
      << (a.options.analysis.tie_rule == TieRule::kFirst ? "first" : "last") << " listed action\n";
  out << "payoffs: " << List(a.players, "") << "\n\n";
  std::vector<std::vector<std::string>> table;
  table.push_back(a.letters);
  for (const char* c : {"verdict", "SPE", "P(S)", "P(durable)", "outcome class", "path", "payoffs"}) {
    table.front().emplace_back(c);
  }
  for (const ConditionsRow& row : a.rows) {
    std::vector<std::string> cells;
    for (bool b : row.on) cells.push_back(b ? "1" : "0");
    cells.push_back(models::VerdictName(row.result.verdict));
    cells.push_back(Spe(row.result));
    cells.push_back(FormatRational(row.result.summary.p_settlement));
    cells.push_back(FormatRational(row.result.summary.p_durable));
    cells.push_back(models::OutcomeClassName(row.result.main_class));
    cells.push_back(models::FormatPath(row.result.path));
    cells.push_back(Payoffs(row.result));
    table.push_back(std::move(cells));
  }
  std::vector<std::size_t> width(table.front().size(), 0);
  for (const auto& cells : table) {
    for (std::size_t c = 0; c < cells.size(); ++c) width[c] = std::max(width[c], cells[c].size());
  }
  for (const auto& cells : table) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) line += c == 5 ? " | " : (c < 5 ? " " : "  ");
      line += c + 1 == cells.size() ? cells[c] : fmt::format("{:<{}}", cells[c], width[c]);
    }
    out << line << '\n';
  }
  out << "(SPE: settling / distinct pure SPE outcomes; '+' when the enumeration hit --max-equilibria)\n";

  out << "\ncrisp-set QCA over the 32 rows (each row one case, no logical remainders); " << OutcomeDefinition(a)
      << "; fuzzy: membership in settlement = P(S) of the reported equilibrium, conditions crisp\n";
  out << "necessity:\n";
  out << fmt::format("  {:<9} {:<12} {:<12} {:<18} {}\n", "condition", "consistency", "coverage",
                     "fuzzy consistency", "fuzzy coverage");
  for (const models::ConditionFit& f : a.necessity) {
    out << fmt::format("  {:<9} {:<12} {:<12} {:<18} {}\n", f.term, Fraction(f.crisp.consistency),
                       Fraction(f.crisp.coverage), Fraction(f.fuzzy.consistency), Fraction(f.fuzzy.coverage));
  }
  const std::vector<std::string> configurations = SettlingConfigurations(a);
  out << "settling configurations: " << configurations.size() << " of 32";
  if (!configurations.empty()) out << " (" << List(configurations, "") << ")";
  out << '\n';
  std::vector<std::string> primes;
  for (const auto& t : a.primes) primes.push_back(models::qca::FormatTerm(t, a.letters));
  out << "prime implicants (Quine-McCluskey): " << List(primes, "none") << '\n';
  out << "solution (complex, minimal cover): " << a.SolutionFormula(0) << "; consistency "
      << Fraction(a.solution_crisp.consistency) << ", coverage " << Fraction(a.solution_crisp.coverage)
      << "; fuzzy consistency " << Fraction(a.solution_fuzzy.consistency) << ", fuzzy coverage "
      << Fraction(a.solution_fuzzy.coverage) << '\n';
  std::vector<std::string> others;
  for (std::size_t i = 1; i < a.solutions.size(); ++i) others.push_back(a.SolutionFormula(i));
  out << "other minimal solutions: " << List(others, "none") << '\n';
  out << "\npivotal in this scenario (switching it off alone leaves no settling equilibrium): " << PivotalLine(a)
      << '\n';
  out << "jointly sufficient: " << JointlySufficient(a) << '\n';
}

// --- JSON ---------------------------------------------------------------------------------------

nlohmann::ordered_json JsonFraction(const std::optional<Rational>& v) {
  if (!v) return nullptr;
  return FormatRational(*v);
}

void WriteJson(const models::Scenario& s, const ConditionsAnalysis& a, std::ostream& out) {
  nlohmann::ordered_json j;
  j["scenario"] = {{"file", s.path}, {"title", s.title}, {"model", s.model}};
  j["threshold"] = FormatRational(a.options.analysis.threshold);
  j["exact"] = true;
  j["tie_rule"] = a.options.analysis.tie_rule == TieRule::kFirst ? "first" : "last";
  j["concept"] = ConceptName(a.options.analysis.solution_concept);
  j["some_rows_settle"] = a.options.some_settles;
  j["players"] = a.players;
  j["player_numbers"] = nlohmann::ordered_json::array();
  for (std::size_t p = 1; p <= a.players.size(); ++p) j["player_numbers"].push_back(p);
  j["scenario_conditions"] = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < a.letters.size(); ++k) j["scenario_conditions"][a.letters[k]] = a.scenario_on[k];
  j["condition_switches"] = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < a.letters.size(); ++k) j["condition_switches"][a.letters[k]] = a.switches[k];
  j["rows"] = nlohmann::ordered_json::array();
  for (const ConditionsRow& row : a.rows) {
    const models::GameAnalysis& r = row.result;
    nlohmann::ordered_json e;
    for (std::size_t k = 0; k < a.letters.size(); ++k) e[a.letters[k]] = row.on[k] ? 1 : 0;
    e["verdict"] = models::VerdictName(r.verdict);
    e["p_settlement"] = FormatRational(r.summary.p_settlement);
    e["p_durable"] = FormatRational(r.summary.p_durable);
    e["settles"] = row.settles;
    e["decided_by"] = r.decided_by;
    e["equilibria"] = r.equilibria;
    e["settling"] = r.settling;
    e["complete"] = r.complete;
    e["p_settlement_min"] = FormatRational(r.p_min);
    e["p_settlement_max"] = FormatRational(r.p_max);
    e["outcome_class"] = models::OutcomeClassName(r.main_class);
    e["outcome_classes"] = nlohmann::ordered_json::object();
    for (int c = 0; c < models::kNumOutcomeClasses; ++c) {
      const Rational& p = r.summary.p_class[static_cast<std::size_t>(c)];
      if (p != 0) e["outcome_classes"][models::OutcomeClassName(static_cast<models::OutcomeClass>(c))] = FormatRational(p);
    }
    e["path"] = models::FormatPath(r.path);
    e["moves"] = nlohmann::ordered_json::array();
    for (const models::PlayMove& m : r.path) {
      e["moves"].push_back({{"node", m.node}, {"label", m.label}, {"player", m.player},
                            {"player_number", m.player_number}, {"action", m.action},
                            {"probability", FormatRational(m.probability)}});
    }
    e["payoffs"] = nlohmann::ordered_json::array();
    for (const Rational& v : r.payoffs) e["payoffs"].push_back(FormatRational(v));
    e["ties"] = r.ties;
    j["rows"].push_back(std::move(e));
  }
  nlohmann::ordered_json qca;
  qca["outcome"] = OutcomeDefinition(a);
  qca["necessity"] = nlohmann::ordered_json::array();
  for (const models::ConditionFit& f : a.necessity) {
    qca["necessity"].push_back({{"condition", f.term},
                                {"consistency", JsonFraction(f.crisp.consistency)},
                                {"coverage", JsonFraction(f.crisp.coverage)},
                                {"fuzzy_consistency", JsonFraction(f.fuzzy.consistency)},
                                {"fuzzy_coverage", JsonFraction(f.fuzzy.coverage)}});
  }
  qca["settling_configurations"] = SettlingConfigurations(a);
  qca["prime_implicants"] = nlohmann::ordered_json::array();
  for (const auto& t : a.primes) qca["prime_implicants"].push_back(models::qca::FormatTerm(t, a.letters));
  qca["solution"] = a.SolutionFormula(0);
  qca["solution_terms"] = a.SolutionTerms(0);
  qca["other_solutions"] = nlohmann::ordered_json::array();
  for (std::size_t i = 1; i < a.solutions.size(); ++i) qca["other_solutions"].push_back(a.SolutionFormula(i));
  qca["consistency"] = JsonFraction(a.solution_crisp.consistency);
  qca["coverage"] = JsonFraction(a.solution_crisp.coverage);
  qca["fuzzy_consistency"] = JsonFraction(a.solution_fuzzy.consistency);
  qca["fuzzy_coverage"] = JsonFraction(a.solution_fuzzy.coverage);
  j["qca"] = std::move(qca);
  j["pivotal"] = a.Pivotal();
  j["weakening"] = a.Weakening();
  j["sufficient_additions"] = a.SufficientAdditions();
  j["jointly_sufficient"] = models::VerdictName(a.rows.back().result.verdict);
  out << j.dump(2) << '\n';
}

// --- CSV ----------------------------------------------------------------------------------------

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void WriteCsv(const ConditionsAnalysis& a, std::ostream& out) {
  for (const std::string& letter : a.letters) out << letter << ',';
  out << "verdict,p_settlement,p_durable,p_settlement_min,p_settlement_max,equilibria,settling,"
         "complete,decided_by,settles,outcome_class,outcome_classes,path";
  for (const std::string& p : a.players) out << ',' << CsvField("payoff_" + p);
  out << '\n';
  for (const ConditionsRow& row : a.rows) {
    const models::GameAnalysis& r = row.result;
    for (bool b : row.on) out << (b ? "1," : "0,");
    out << models::VerdictName(r.verdict) << ',' << FormatRational(r.summary.p_settlement) << ','
        << FormatRational(r.summary.p_durable) << ',' << FormatRational(r.p_min) << ',' << FormatRational(r.p_max)
        << ',' << r.equilibria << ',' << r.settling << ',' << (r.complete ? 1 : 0) << ',' << r.decided_by << ','
        << (row.settles ? 1 : 0) << ',' << models::OutcomeClassName(r.main_class) << ','
        << CsvField(models::ClassDistribution(r.summary)) << ',' << CsvField(models::FormatPath(r.path));
    for (const Rational& v : r.payoffs) out << ',' << FormatRational(v);
    out << '\n';
  }
}

// --- Markdown -----------------------------------------------------------------------------------

std::string Md(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

void WriteMarkdown(const models::Scenario& s, const ConditionsAnalysis& a, std::ostream& out) {
  out << "## Conditions analysis: " << Md(s.title.empty() ? "(untitled)" : s.title) << "\n\n";
  out << "Scenario `" << s.path << "`, model `" << s.model << "`; conditions present: " << PresentLetters(a)
      << ". Settlement: P(S) ≥ " << FormatRational(a.options.analysis.threshold) << "; verdict: " << DecidedBy(a)
      << "; condition switches: " << LetterSwitches(a) << ". Payoffs: " << Md(List(a.players, "")) << ".\n\n";
  out << '|';
  for (const std::string& letter : a.letters) out << ' ' << letter << " |";
  out << " verdict | SPE | P(S) | P(durable) | outcome class | path | payoffs |\n|";
  for (std::size_t c = 0; c < a.letters.size() + 7; ++c) out << "---|";
  out << '\n';
  for (const ConditionsRow& row : a.rows) {
    const models::GameAnalysis& r = row.result;
    out << '|';
    for (bool b : row.on) out << ' ' << (b ? 1 : 0) << " |";
    out << ' ' << models::VerdictName(r.verdict) << " | " << Spe(r) << " | " << FormatRational(r.summary.p_settlement)
        << " | " << FormatRational(r.summary.p_durable) << " | " << models::OutcomeClassName(r.main_class) << " | "
        << Md(models::FormatPath(r.path)) << " | " << Payoffs(r) << " |\n";
  }
  out << "\n### Crisp-set QCA\n\n" << Md(OutcomeDefinition(a))
      << "; each of the 32 rows is one case (no logical remainders). Fuzzy: membership in settlement = P(S).\n\n";
  out << "| condition | necessity consistency | coverage | fuzzy consistency | fuzzy coverage |\n";
  out << "|---|---|---|---|---|\n";
  for (const models::ConditionFit& f : a.necessity) {
    out << "| " << f.term << " | " << Fraction(f.crisp.consistency) << " | " << Fraction(f.crisp.coverage) << " | "
        << Fraction(f.fuzzy.consistency) << " | " << Fraction(f.fuzzy.coverage) << " |\n";
  }
  std::vector<std::string> primes;
  for (const auto& t : a.primes) primes.push_back("`" + models::qca::FormatTerm(t, a.letters) + "`");
  out << "\n- settling configurations: " << SettlingConfigurations(a).size() << " of 32\n";
  out << "- prime implicants: " << List(primes, "none") << '\n';
  out << "- solution (complex): `" << a.SolutionFormula(0) << "` — consistency " << Fraction(a.solution_crisp.consistency)
      << ", coverage " << Fraction(a.solution_crisp.coverage) << "; fuzzy consistency "
      << Fraction(a.solution_fuzzy.consistency) << ", fuzzy coverage " << Fraction(a.solution_fuzzy.coverage) << '\n';
  for (std::size_t i = 1; i < a.solutions.size(); ++i) out << "- other minimal solution: `" << a.SolutionFormula(i) << "`\n";
  out << "- pivotal in this scenario (switching it off alone leaves no settling equilibrium): " << PivotalLine(a)
      << '\n';
  out << "- jointly sufficient: " << JointlySufficient(a) << '\n';
}

// --- LaTeX --------------------------------------------------------------------------------------

std::string Tex(const std::string& s) { return models::LatexEscape(s); }

std::string TexNumber(const Rational& v) {
  if (v.get_den() == 1) return "$" + FormatRational(v) + "$";
  Rational m = abs(v);
  return std::string("$") + (v < 0 ? "-" : "") + "\\frac{" + m.get_num().get_str() + "}{" + m.get_den().get_str() + "}$";
}
std::string TexNumber(const std::optional<Rational>& v) { return v ? TexNumber(*v) : std::string("--"); }

// "N*~C + P" as "$N \cdot {\sim}C + P$".
std::string TexFormula(const std::string& formula) {
  std::string out = "$";
  for (char c : formula) {
    if (c == '*') {
      out += " \\cdot ";
    } else if (c == '~') {
      out += "{\\sim}";
    } else {
      out += c;
    }
  }
  return out + "$";
}

void WriteLatex(const models::Scenario& s, const ConditionsAnalysis& a, std::ostream& out) {
  out << "% Conditions analysis of " << s.path << " (model " << s.model << "), generated by `ncpmi conditions "
      << "--format latex`; needs \\usepackage{booktabs}. Settlement: P(S) >= "
      << FormatRational(a.options.analysis.threshold) << ". Condition switches: " << LetterSwitches(a)
      << ". Payoffs: " << List(a.players, "") << ".\n";
  out << "\\begin{tabular}{ccccclllll}\n\\toprule\n";
  for (const std::string& letter : a.letters) out << '$' << letter << "$ & ";
  out << "verdict & SPE & $P(S)$ & $P(\\mathrm{durable})$ & outcome class \\\\\n\\midrule\n";
  for (const ConditionsRow& row : a.rows) {
    const models::GameAnalysis& r = row.result;
    for (bool b : row.on) out << (b ? "1" : "0") << " & ";
    out << models::VerdictName(r.verdict) << " & " << Tex(Spe(r)) << " & " << TexNumber(r.summary.p_settlement) << " & "
        << TexNumber(r.summary.p_durable) << " & " << Tex(models::OutcomeClassName(r.main_class)) << " \\\\\n";
  }
  out << "\\bottomrule\n\\end{tabular}\n\n";
  out << "\\begin{tabular}{lllll}\n\\toprule\n";
  out << "Condition & Consistency & Coverage & Fuzzy consistency & Fuzzy coverage \\\\\n\\midrule\n";
  for (const models::ConditionFit& f : a.necessity) {
    out << TexFormula(f.term) << " & " << TexNumber(f.crisp.consistency) << " & " << TexNumber(f.crisp.coverage)
        << " & " << TexNumber(f.fuzzy.consistency) << " & " << TexNumber(f.fuzzy.coverage) << " \\\\\n";
  }
  out << "\\midrule\n";
  out << "Solution " << TexFormula(a.SolutionFormula(0)) << " & " << TexNumber(a.solution_crisp.consistency) << " & "
      << TexNumber(a.solution_crisp.coverage) << " & " << TexNumber(a.solution_fuzzy.consistency) << " & "
      << TexNumber(a.solution_fuzzy.coverage) << " \\\\\n";
  out << "\\bottomrule\n\\end{tabular}\n\n";
  out << "% pivotal in this scenario (switching it off alone leaves no settling equilibrium): " << PivotalLine(a)
      << "\n% jointly sufficient: " << JointlySufficient(a) << '\n';
}

}  // namespace

void AddConditionsCommand(CLI::App& app) {
  auto o = std::make_shared<ConditionsCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "conditions",
      "Which NCPMI conditions produce a settlement: solve a scenario for all 32 combinations of "
      "N C P M I, print the truth table, crisp- and fuzzy-set QCA, and the conditions pivotal in the "
      "scenario");
  cmd->add_option("SCENARIO", o->scenario, "Scenario file (.toml; '-' for standard input)")->required();
  cmd->add_option("--threshold", o->threshold,
                  "Settlement threshold tau: a row settles in an SPE with P(S) >= tau (e.g. 1/2, 0.9; "
                  "default: the scenario's, else 1/2)");
  cmd->add_option("--format", o->format, "Output: text, json, csv, markdown or latex")
      ->transform(CLI::CheckedTransformer(std::map<std::string, ConditionsFormat>{
          {"text", ConditionsFormat::kText},
          {"json", ConditionsFormat::kJson},
          {"csv", ConditionsFormat::kCsv},
          {"markdown", ConditionsFormat::kMarkdown},
          {"latex", ConditionsFormat::kLatex}}));
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: all cores); the output is identical for every N")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--exact", o->exact, "Exact rational arithmetic (the default and only mode)");
  cmd->add_option("--ties", o->ties,
                  "Which SPE to report beside the verdict: first or last listed best action at ties")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, TieRule>{{"first", TieRule::kFirst}, {"last", TieRule::kLast}}));
  cmd->add_option("--concept", o->concept_kind,
                  "spe (default) or sequential: how rows with imperfect information are decided (perfect "
                  "information: the same, every SPE being sequential there)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, SolutionConcept>{
          {"spe", SolutionConcept::kSubgamePerfect}, {"sequential", SolutionConcept::kSequential}}));
  cmd->add_option("--some", o->some,
                  "Crisp outcome of rows where only some SPE settle: no (default: not settling) or yes")
      ->check(CLI::IsMember({"no", "yes"}));
  cmd->add_option("--max-equilibria", o->max_equilibria, "Cap on distinct SPE outcomes kept per node")
      ->check(WholeNumberAtLeast(1));
  AddTimeLimitFlag(cmd, &o->time_limit,
                   "Seconds for the 32 combinations (0: none); when reached, nothing is printed but a "
                   "one-line error (exit 1)");
  cmd->add_flag("--check-sources", o->check_sources,
                "Only list the values the file sets without a source note or lists in 'unsourced' "
                "(FILE:LINE per value); exit 1 if there is any, 0 if none");
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    ApplyThreads(o->threads);
    const ResourceLimits limits = o->limits.Limits();
    const models::Scenario scenario = models::ReadScenarioFile(o->scenario, limits);
    if (o->check_sources) {
      const std::vector<models::UnsourcedValue> unsourced = models::UnsourcedValues(scenario);
      for (const models::UnsourcedValue& u : unsourced) std::cout << models::DescribeUnsourced(scenario, u) << '\n';
      if (!unsourced.empty()) {
        throw std::runtime_error(scenario.path + ": " + std::to_string(unsourced.size()) +
                                 " value(s) without a source");
      }
      std::cout << scenario.path << ": every value the file sets has a source note (" << scenario.given.size()
                << " values)\n";
      return;
    }
    (void)BuildScenarioWithin(scenario, limits);  // the scenario's own game, checked once up front
    models::ConditionsOptions options;
    options.time_limit_seconds = o->time_limit;
    options.analysis.limits = limits;
    options.analysis.threshold = scenario.threshold;
    if (!o->threshold.empty()) {
      const std::optional<Rational> t = ParseRational(o->threshold);
      if (!t || *t < 0 || *t > 1) {
        throw InputError("--threshold '" + o->threshold + "' must be a number in [0, 1] (e.g. 1/2 or 0.9)");
      }
      options.analysis.threshold = *t;
    }
    options.analysis.tie_rule = o->ties;
    options.analysis.solution_concept = o->concept_kind;
    options.analysis.max_equilibria = o->max_equilibria;
    options.some_settles = o->some == "yes";
    const ConditionsAnalysis a = models::AnalyseConditions(scenario, options);
    for (const ConditionsRow& row : a.rows) {
      if (!row.result.complete) {
        std::cerr << "ncpmi: warning: row " << Bits(row) << ": more than " << o->max_equilibria
                  << " distinct SPE outcomes; its verdict covers the listed ones only (raise --max-equilibria)\n";
      }
    }
    switch (o->format) {
      case ConditionsFormat::kText: WriteText(scenario, a, std::cout); break;
      case ConditionsFormat::kJson: WriteJson(scenario, a, std::cout); break;
      case ConditionsFormat::kCsv: WriteCsv(a, std::cout); break;
      case ConditionsFormat::kMarkdown: WriteMarkdown(scenario, a, std::cout); break;
      case ConditionsFormat::kLatex: WriteLatex(scenario, a, std::cout); break;
    }
  });
}

}  // namespace ncpmi::cli
