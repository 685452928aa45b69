// Tables of results (solve, conditions, sweep CSV) rendered as LaTeX booktabs, GitHub Markdown,
// CSV, HTML or LaTeX macros, with exact fractions as \frac{a}{b}, a/b or decimals.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ncpmi/models/conditions.h"

namespace ncpmi::models {

// A table of text cells under named columns; every row has columns.size() cells.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  // Index of a column by exact name, or -1.
  int ColumnIndex(std::string_view name) const;
};

// Parses CSV (RFC 4180: quoted fields with "" for a quote, CRLF or LF) whose first record is the
// header. Throws InputError "source:line:col: message" for an unterminated quote or a record
// with a different number of fields than the header. O(text).
Table ParseCsv(std::string_view text, const std::string& source);

// Which table of a conditions result: the 32-row truth table, the necessity table (QCA: one row
// per condition and its negation) or a one-row summary (solution, fits, the conditions pivotal in
// the scenario, P(S) of the scenario's row).
enum class ConditionsPart { kRows, kNecessity, kSummary };
// Which table of a solve result: one row per equilibrium, or one per reached terminal.
enum class SolvePart { kEquilibria, kTerminals };

// The tables of `ncpmi conditions --format json` output (numbers as exact strings). Truth-table
// columns: N C P M I verdict p_settlement p_durable p_settlement_min p_settlement_max settling
// equilibria outcome_class outcome_classes path payoff_<player>...; summary columns: scenario
// solution consistency coverage fuzzy_consistency fuzzy_coverage settling_rows pivotal
// weakening sufficient_additions jointly_sufficient p_settlement p_durable verdict (the last three
// of the scenario's own row). Throws InputError "source: message" for malformed JSON.
Table ConditionsJsonTable(std::string_view json_text, ConditionsPart part, const std::string& source);
// The same tables straight from an analysis (what `ncpmi table SCENARIO.toml` uses); equal to
// ConditionsJsonTable of the JSON `ncpmi conditions` writes for it.
// `title` is the scenario's title (the summary's `scenario` column).
Table ConditionsTable(const ConditionsAnalysis& analysis, ConditionsPart part, const std::string& title = "");
// The tables of `ncpmi solve --format json` output. Equilibria columns: equilibrium path
// payoff_<player>... and, for a scenario, p_settlement p_durable; terminal columns: equilibrium
// node label probability payoff_<player>.... Throws InputError for malformed JSON.
Table SolveJsonTable(std::string_view json_text, SolvePart part, const std::string& source);

enum class TableFormat { kLatex, kMarkdown, kCsv, kHtml, kMacros };
enum class FractionStyle { kFrac, kSlash, kDecimal };

struct TableOptions {
  std::string caption;  // LaTeX: a table environment with \caption; HTML: <caption>
  std::string label;    // LaTeX \label
  // Digits after the decimal point for non-integer numbers written as decimals (kDecimal, and
  // decimal inputs); -1: exact when the expansion terminates, else 6 digits.
  int precision = -1;
  FractionStyle fractions = FractionStyle::kFrac;  // kFrac is written a/b outside LaTeX
  bool siunitx = false;        // LaTeX: `S` columns for columns of plain decimal numbers
  std::string macro_prefix = "ncpmi";  // kMacros: \newcommand{\<prefix><Column>}{...}
  // Header cells: the column names as they are (default), or names for a paper (PrettyHeader).
  bool pretty_headers = false;
  // Headers chosen by the user, by column name: LaTeX source in LaTeX ($\Pr(S)$ is fine), text
  // escaped as cells are in the other formats. They win over pretty_headers. kMacros ignores
  // headers (macro names come from column names).
  std::vector<std::pair<std::string, std::string>> renamed;
};

// A column name as a paper prints it, in `format` (escaped and marked up for it): p_settlement ->
// P(settlement) ($P(\mathrm{settlement})$ in LaTeX), p_settlement_min -> min P(settlement),
// payoff_US -> Payoff US, a one-letter parameter with a subscript w_t -> w_t ($w_{t}$ in LaTeX);
// the condition letters N C P M I unchanged; any other name with its underscores as spaces and
// its first letter capitalised (fuzzy_consistency -> Fuzzy consistency).
std::string PrettyHeader(std::string_view column, TableFormat format);

// Checks that every renamed column is a column of `table`; throws InputError naming the unknown
// one and listing the known ones.
void CheckRenamedColumns(const Table& table, const TableOptions& options);

// A table with only `columns`, in that order (an empty list keeps every column). Throws
// InputError naming an unknown column and listing the known ones.
Table SelectColumns(const Table& table, const std::vector<std::string>& columns);
// Sorts rows by a column (stable; numerically when every cell parses as a number, else by text),
// descending when `column` starts with '-'. Throws InputError for an unknown column.
void SortTable(Table& table, const std::string& column);

// Writes the table. LaTeX: a booktabs tabular (in a table float with caption and label when
// either is given); numbers in math mode ($\frac{9}{10}$, $-3$; decimals plain so siunitx can
// parse them), text escaped. Markdown: a GitHub pipe table with | escaped. CSV: RFC 4180. HTML:
// a <table> with every cell escaped. Macros: \newcommand{\<prefix><Column>}{cell} per cell, with
// the row as a letter suffix (A, B, ...) when there are several rows; column names are turned into
// letters-only CamelCase (p_settlement -> PSettlement, digits spelled out). O(cells).
void WriteTable(const Table& table, TableFormat format, const TableOptions& options,
                std::ostream& out);

// One cell as the format writes it (exposed for tests).
std::string RenderCell(const std::string& cell, TableFormat format, const TableOptions& options);

// Escapes for LaTeX text (\ { } $ & # ^ _ % ~ < > |), GitHub Markdown table cells (| \ * _ ` < >
// [ ]), and HTML (& < > " ').
std::string LatexEscape(std::string_view text);
std::string MarkdownEscape(std::string_view text);
std::string HtmlEscape(std::string_view text);

// A rational written as a decimal with `digits` digits after the point, rounded half away from
// zero ("0.675" at 3, "-0.33" at 2). digits >= 0.
std::string RoundDecimal(const Rational& value, int digits);

// "p_settlement" -> "PSettlement", "payoff_Coercer_US" -> "PayoffCoercerUS", "x2" -> "XTwo".
std::string MacroName(std::string_view column);

}  // namespace ncpmi::models
