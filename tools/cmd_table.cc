// `ncpmi table`: solve, conditions and sweep results (JSON or CSV, or a scenario analysed on the
// spot) as LaTeX booktabs, GitHub Markdown, CSV, HTML or LaTeX macros.
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "limits.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/models/conditions.h"
#include "ncpmi/models/scenario.h"
#include "ncpmi/models/table_render.h"

namespace ncpmi::cli {
namespace {

std::string ReadAll(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the file");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> SplitColumns(const std::string& list) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(list);
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

void AddTableCommand(CLI::App& app) {
  struct TableCliOptions {
    std::string input;
    std::string from = "auto";
    std::string part;
    std::string format = "latex";
    std::string output = "-";
    std::string columns;
    std::string sort;
    std::string fractions = "frac";
    std::string headers = "raw";
    std::vector<std::string> renames;
    models::TableOptions table;
    int threads = 0;
    LimitFlags limits;
  };
  auto o = std::make_shared<TableCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "table", "Render solve/conditions JSON, sweep or conditions CSV, or a scenario's conditions as a table");
  cmd->add_option("INPUT", o->input,
                  "solve or conditions JSON, a CSV file with a header, or a scenario (.toml: "
                  "`ncpmi conditions` is run on it); '-' for standard input")
      ->required();
  cmd->add_option("--from", o->from, "Input kind: auto (by extension and content), solve, conditions, csv")
      ->check(CLI::IsMember({"auto", "solve", "conditions", "csv"}))
      ->capture_default_str();
  cmd->add_option("--part", o->part,
                  "Which table: conditions rows|necessity|summary (default rows); solve "
                  "equilibria|terminals (default equilibria)");
  cmd->add_option("--format", o->format, "latex, markdown, csv, html or macros (LaTeX \\newcommand per cell)")
      ->check(CLI::IsMember({"latex", "markdown", "csv", "html", "macros"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", o->output, "Output file ('-' for standard output)")->capture_default_str();
  cmd->add_option("--columns", o->columns, "Comma-separated columns to keep, in order (default: all)");
  cmd->add_option("--caption", o->table.caption, "Caption (LaTeX: a table float; HTML: <caption>)");
  cmd->add_option("--label", o->table.label, "LaTeX \\label of the table float");
  cmd->add_option("--precision", o->table.precision,
                  "Digits after the point for decimals (-1: exact when terminating, else 6)")
      ->capture_default_str();
  cmd->add_option("--fractions", o->fractions, "frac (\\frac{a}{b} in LaTeX), slash (a/b) or decimal")
      ->check(CLI::IsMember({"frac", "slash", "decimal"}))
      ->capture_default_str();
  cmd->add_option("--headers", o->headers,
                  "Header cells: raw (the column names) or pretty (P(settlement), Payoff US, $w_{t}$ in LaTeX, ...)")
      ->check(CLI::IsMember({"raw", "pretty"}))
      ->capture_default_str();
  cmd->add_option("--rename", o->renames,
                  "COL=TEXT: the header of column COL (LaTeX source in LaTeX output, e.g. 'p_settlement=$\\Pr(S)$'); repeatable");
  cmd->add_option("--sort", o->sort, "Sort rows by this column (numerically if all numbers); -COL descending");
  cmd->add_flag("--siunitx", o->table.siunitx, "LaTeX: S columns for columns of plain decimals");
  cmd->add_option("--prefix", o->table.macro_prefix, "macros: name prefix (\\<prefix><Column>)")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Scenario input: OpenMP threads for the 32 solves (0: all cores)");
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    const ResourceLimits limits = o->limits.Limits();
    std::string from = o->from;
    std::string text;
    if (from == "auto") {
      if (models::IsScenarioPath(o->input)) {
        from = "scenario";
      } else {
        text = ReadAll(o->input);
        std::size_t first = text.find_first_not_of(" \t\r\n");
        if (first != std::string::npos && text[first] == '{') {
          from = text.find("\"qca\"") != std::string::npos ? "conditions" : "solve";
        } else {
          from = "csv";
        }
      }
    } else if (from == "conditions" && models::IsScenarioPath(o->input)) {
      from = "scenario";
    }
    if (from != "scenario" && text.empty()) text = ReadAll(o->input);
    const std::string part = o->part;
    auto conditions_part = [&] {
      if (part.empty() || part == "rows") return models::ConditionsPart::kRows;
      if (part == "necessity") return models::ConditionsPart::kNecessity;
      if (part == "summary") return models::ConditionsPart::kSummary;
      throw InputError("--part '" + part + "' is not a conditions table: rows, necessity or summary");
    };
    models::Table table;
    if (from == "scenario") {
      ApplyThreads(o->threads);
      const models::Scenario scenario = models::ReadScenarioFile(o->input, limits);
      models::ConditionsOptions options;
      options.analysis.threshold = scenario.threshold;
      options.analysis.limits = limits;
      table = models::ConditionsTable(models::AnalyseConditions(scenario, options), conditions_part(),
                                      scenario.title);
    } else if (from == "conditions") {
      table = models::ConditionsJsonTable(text, conditions_part(), o->input);
    } else if (from == "solve") {
      models::SolvePart p = models::SolvePart::kEquilibria;
      if (part == "terminals") {
        p = models::SolvePart::kTerminals;
      } else if (!part.empty() && part != "equilibria") {
        throw InputError("--part '" + part + "' is not a solve table: equilibria or terminals");
      }
      table = models::SolveJsonTable(text, p, o->input);
    } else {
      if (!part.empty()) throw InputError("--part applies to solve and conditions input, not CSV");
      table = models::ParseCsv(text, o->input);
    }
    if (!o->sort.empty()) models::SortTable(table, o->sort);
    table = models::SelectColumns(table, SplitColumns(o->columns));
    o->table.pretty_headers = o->headers == "pretty";
    o->table.renamed.clear();
    for (const std::string& rename : o->renames) {
      const std::size_t eq = rename.find('=');
      if (eq == std::string::npos || eq == 0) throw InputError("--rename '" + rename + "': expected COL=TEXT");
      o->table.renamed.emplace_back(rename.substr(0, eq), rename.substr(eq + 1));
    }
    models::CheckRenamedColumns(table, o->table);
    o->table.fractions = o->fractions == "frac"    ? models::FractionStyle::kFrac
                         : o->fractions == "slash" ? models::FractionStyle::kSlash
                                                   : models::FractionStyle::kDecimal;
    if (o->table.precision < -1) throw InputError("--precision must be -1 or at least 0");
    const models::TableFormat format = o->format == "latex"      ? models::TableFormat::kLatex
                                       : o->format == "markdown" ? models::TableFormat::kMarkdown
                                       : o->format == "csv"      ? models::TableFormat::kCsv
                                       : o->format == "html"     ? models::TableFormat::kHtml
                                                                 : models::TableFormat::kMacros;
    std::ostringstream out;
    models::WriteTable(table, format, o->table, out);
    WriteOutput(o->output, out.str());
  });
}

}  // namespace ncpmi::cli
