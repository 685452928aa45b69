// `ncpmi qca`: cross-case QCA over scenario files (each file one case): truth table, necessity,
// complex/parsimonious/intermediate solutions and their sensitivity; text, JSON, CSV, Markdown, LaTeX.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "limits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/models/cross_case_qca.h"
#include "ncpmi/models/scenario.h"
#include "ncpmi/models/table_render.h"

namespace ncpmi::cli {
namespace {

enum class QcaFormat { kText, kJson, kCsv, kMarkdown, kLatex };

struct QcaCliOptions {
  std::vector<std::string> scenarios;
  bool fuzzy = false;
  QcaFormat format = QcaFormat::kText;
  std::string threshold;  // empty: each file's
  std::string some = "no";
  std::optional<double> incl_cut;
  std::string expect;
  std::string output = "-";
  std::size_t max_equilibria = 1000;
  LimitFlags limits;
};

using models::CrossCasePart;
using models::CrossCaseQca;

constexpr CrossCasePart kParts[] = {CrossCasePart::kCases, CrossCasePart::kCalibration, CrossCasePart::kTruthTable,
                                    CrossCasePart::kNecessity, CrossCasePart::kSolutions, CrossCasePart::kSensitivity};

const char* Title(CrossCasePart part) {
  switch (part) {
    case CrossCasePart::kCases: return "Cases";
    case CrossCasePart::kCalibration: return "Calibration (Ragin's direct method: log-odds, anchors at 0.05, 0.5, 0.95)";
    case CrossCasePart::kTruthTable: return "Truth table (rows with cases; the others are logical remainders)";
    case CrossCasePart::kNecessity: return "Necessity";
    case CrossCasePart::kSolutions: return "Sufficiency solutions";
    case CrossCasePart::kSensitivity: return "Sensitivity of the crisp solutions to tau and --some";
  }
  return "";
}

std::string ExpectationText(const CrossCaseQca& r) {
  std::string out;
  for (std::size_t k = 0; k < r.table.conditions.size(); ++k) {
    const models::qca::Expectation e = r.options.expectations[k];
    out += (out.empty() ? "" : ",") + r.table.conditions[k] + "=" +
           (e == models::qca::Expectation::kPresent ? "1" : e == models::qca::Expectation::kAbsent ? "0" : "-");
  }
  return out;
}

std::string Header(const CrossCaseQca& r) {
  std::string tau = r.options.threshold_given ? FormatRational(r.options.analysis.threshold) : "each file's threshold";
  std::string out = fmt::format("cross-case QCA of {} case(s); conditions N C P M I; {}\n", r.cases.size(),
                                r.options.fuzzy ? "fuzzy sets" : "crisp sets");
  if (r.options.fuzzy) {
    out += "memberships: the calibrated measures (real numbers, computed in double, printed with 3 decimals); outcome: P(S) of the reported equilibrium\n";
  } else {
    out += fmt::format("memberships: the files' condition switches; outcome: the case settles when {} SPE reach P(S) >= tau ({})\n",
                       r.options.some_settles ? "some (--some yes)" : "all (--some no)", tau);
  }
  out += fmt::format("inclusion cut {:.3f}; directional expectations {} (1 present, 0 absent, - none)\n", r.incl_cut,
                     ExpectationText(r));
  for (int i : r.analysis.unassigned) {
    out += "note: " + r.cases[static_cast<std::size_t>(i)].name + " has a membership of exactly 0.5 and is in no truth-table row\n";
  }
  return out;
}

void WriteTextTable(const models::Table& t, std::ostream& out) {
  std::vector<std::size_t> width(t.columns.size(), 0);
  for (std::size_t c = 0; c < t.columns.size(); ++c) width[c] = t.columns[c].size();
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      s += c + 1 == cells.size() ? cells[c] : fmt::format("{:<{}}  ", cells[c], width[c]);
    }
    out << "  " << s << '\n';
  };
  line(t.columns);
  for (const auto& row : t.rows) line(row);
}

bool Shown(const CrossCaseQca& r, CrossCasePart part) { return part != CrossCasePart::kCalibration || r.options.fuzzy; }

void Write(const CrossCaseQca& r, QcaFormat format, std::ostream& out) {
  switch (format) {
    case QcaFormat::kText:
      out << Header(r);
      for (CrossCasePart part : kParts) {
        if (!Shown(r, part)) continue;
        out << '\n' << Title(part) << ":\n";
        WriteTextTable(models::CrossCaseTable(r, part), out);
      }
      return;
    case QcaFormat::kJson: {
      nlohmann::ordered_json j;
      j["fuzzy"] = r.options.fuzzy;
      j["threshold"] = r.options.threshold_given ? nlohmann::ordered_json(FormatRational(r.options.analysis.threshold))
                                                 : nlohmann::ordered_json(nullptr);
      j["some_settles"] = r.options.some_settles;
      j["incl_cut"] = r.incl_cut;
      j["expectations"] = ExpectationText(r);
      for (CrossCasePart part : kParts) {
        if (!Shown(r, part)) continue;
        const models::Table t = models::CrossCaseTable(r, part);
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const auto& row : t.rows) {
          nlohmann::ordered_json e;
          for (std::size_t c = 0; c < t.columns.size(); ++c) e[t.columns[c]] = row[c];
          rows.push_back(std::move(e));
        }
        j[models::CrossCasePartName(part)] = std::move(rows);
      }
      out << j.dump(2) << '\n';
      return;
    }
    case QcaFormat::kCsv:
      models::WriteTable(models::CrossCaseTable(r, CrossCasePart::kTruthTable), models::TableFormat::kCsv, {}, out);
      return;
    case QcaFormat::kMarkdown:
    case QcaFormat::kLatex: {
      const bool md = format == QcaFormat::kMarkdown;
      if (md) {
        out << "## Cross-case QCA\n\n";
        std::istringstream lines(Header(r));
        for (std::string l; std::getline(lines, l);) out << "- " << models::MarkdownEscape(l) << '\n';
      } else {
        out << "% Cross-case QCA generated by `ncpmi qca --format latex`; needs \\usepackage{booktabs}.\n";
        std::istringstream lines(Header(r));
        for (std::string l; std::getline(lines, l);) out << "% " << l << '\n';
      }
      for (CrossCasePart part : kParts) {
        if (!Shown(r, part)) continue;
        models::TableOptions options;
        if (md) {
          out << "\n### " << Title(part) << "\n\n";
        } else {
          out << '\n';
          options.caption = Title(part);
          options.label = std::string("tab:qca-") + models::CrossCasePartName(part);
        }
        models::WriteTable(models::CrossCaseTable(r, part), md ? models::TableFormat::kMarkdown : models::TableFormat::kLatex,
                           options, out);
      }
      return;
    }
  }
}

}  // namespace

void AddQcaCommand(CLI::App& app) {
  auto o = std::make_shared<QcaCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "qca",
      "Cross-case QCA: each scenario file is one case (crisp memberships from its switches, fuzzy from a "
      "calibration of its parameters); truth table, necessity, complex/parsimonious/intermediate solutions");
  cmd->add_option("SCENARIO", o->scenarios, "Scenario files (.toml), one case each")->required();
  cmd->add_flag("--fuzzy", o->fuzzy,
                "Fuzzy sets: memberships by the direct method (docs/qca.md), outcome P(S); default crisp");
  cmd->add_option("--format", o->format, "Output: text, json, csv (the truth table), markdown or latex")
      ->transform(CLI::CheckedTransformer(std::map<std::string, QcaFormat>{{"text", QcaFormat::kText},
                                                                          {"json", QcaFormat::kJson},
                                                                          {"csv", QcaFormat::kCsv},
                                                                          {"markdown", QcaFormat::kMarkdown},
                                                                          {"latex", QcaFormat::kLatex}}));
  cmd->add_option("--threshold", o->threshold,
                  "Settlement threshold tau for every case (e.g. 1/2); default: each file's threshold");
  cmd->add_option("--some", o->some, "Crisp outcome of a case whose verdict is 'some': no (not settling) or yes")
      ->check(CLI::IsMember({"no", "yes"}));
  cmd->add_option("--incl-cut", o->incl_cut, "Inclusion cut of a positive truth-table row (default 0.8 fuzzy, 1 crisp)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--expect", o->expect,
                  "Directional expectations for the intermediate solution, e.g. N=1,C=-,I=0 (default: every condition present)");
  cmd->add_option("-o,--output", o->output, "Output file ('-' for standard output)")->capture_default_str();
  cmd->add_option("--max-equilibria", o->max_equilibria, "Cap on distinct SPE outcomes kept per node")
      ->check(CLI::PositiveNumber);
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    models::CrossCaseOptions options;
    options.fuzzy = o->fuzzy;
    options.some_settles = o->some == "yes";
    options.incl_cut = o->incl_cut;
    options.analysis.max_equilibria = o->max_equilibria;
    options.analysis.limits = o->limits.Limits();
    if (!o->threshold.empty()) {
      const std::optional<Rational> t = ParseRational(o->threshold);
      if (!t || *t < 0 || *t > 1) {
        throw InputError("--threshold '" + o->threshold + "' must be a number in [0, 1] (e.g. 1/2 or 0.9)");
      }
      options.analysis.threshold = *t;
      options.threshold_given = true;
    }
    if (!o->expect.empty()) options.expectations = models::ParseExpectations(o->expect, options.expectations);
    std::vector<models::Scenario> scenarios;
    for (const std::string& path : o->scenarios) {
      scenarios.push_back(models::ReadScenarioFile(path));
      (void)BuildScenarioWithin(scenarios.back(), options.analysis.limits);
    }
    const CrossCaseQca report = models::AnalyseCrossCase(scenarios, options);
    std::ostringstream out;
    Write(report, o->format, out);
    WriteOutput(o->output, out.str());
  });
}

}  // namespace ncpmi::cli
