// Tables of results: reading CSV and the JSON of `ncpmi solve`/`ncpmi conditions` into named
// columns, selecting and sorting them, and writing LaTeX, Markdown, CSV, HTML or LaTeX macros.
#include "ncpmi/models/table_render.h"

#include <gmpxx.h>

#include <algorithm>
#include <cctype>
#include <numeric>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "ncpmi/game/error.h"
#include "ncpmi/models/qca.h"

namespace ncpmi::models {
namespace {

using Json = nlohmann::ordered_json;

std::string Joined(const std::vector<std::string>& items, const char* sep, const char* none) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out.empty() ? std::string(none) : out;
}

// A JSON scalar as cell text: strings as they are, numbers and booleans as JSON writes them,
// null as "n/a", arrays joined by ", ".
std::string Cell(const Json& v) {
  if (v.is_null()) return "n/a";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {
    std::vector<std::string> items;
    for (const Json& e : v) items.push_back(Cell(e));
    return Joined(items, ", ", "none");
  }
  if (v.is_object()) {
    std::vector<std::string> items;
    for (auto it = v.begin(); it != v.end(); ++it) items.push_back(it.key() + " " + Cell(it.value()));
    return Joined(items, ", ", "none");
  }
  return v.dump();
}

Json ParseJson(std::string_view text, const std::string& source) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::parse_error& e) {
    throw InputError(source + ": not valid JSON: " + e.what());
  }
}

const Json& Need(const Json& j, const char* key, const std::string& source) {
  if (!j.is_object() || !j.contains(key)) {
    throw InputError(source + ": missing key '" + key + "' (is this the right --from?)");
  }
  return j.at(key);
}

const char* const kLetters[] = {"N", "C", "P", "M", "I"};

Table ConditionsFromJson(const Json& j, ConditionsPart part, const std::string& source) {
  Table t;
  const Json& rows = Need(j, "rows", source);
  if (part == ConditionsPart::kRows) {
    t.columns = {"N", "C", "P", "M", "I", "verdict", "p_settlement", "p_durable",
                 "p_settlement_min", "p_settlement_max", "settling", "equilibria",
                 "outcome_class", "outcome_classes", "path"};
    std::vector<std::string> players;
    if (j.contains("players")) players = j.at("players").get<std::vector<std::string>>();
    for (const std::string& p : players) t.columns.push_back("payoff_" + p);
    for (const Json& r : rows) {
      std::vector<std::string> row;
      for (std::size_t c = 0; c + players.size() < t.columns.size(); ++c) {
        row.push_back(r.contains(t.columns[c]) ? Cell(r.at(t.columns[c])) : std::string());
      }
      const Json& pay = Need(r, "payoffs", source);
      for (std::size_t i = 0; i < players.size(); ++i) row.push_back(i < pay.size() ? Cell(pay[i]) : "");
      t.rows.push_back(std::move(row));
    }
  } else if (part == ConditionsPart::kNecessity) {
    t.columns = {"condition", "consistency", "coverage", "fuzzy_consistency", "fuzzy_coverage"};
    for (const Json& f : Need(Need(j, "qca", source), "necessity", source)) {
      std::vector<std::string> row;
      for (const std::string& c : t.columns) row.push_back(Cell(Need(f, c.c_str(), source)));
      t.rows.push_back(std::move(row));
    }
  } else {
    if (j.is_object() && j.contains("necessary") && !j.contains("pivotal")) {
      throw InputError(source + ": written by an older ncpmi, whose key 'necessary' is now 'pivotal'; rerun "
                                "`ncpmi conditions --format json`");
    }
    const Json& qca = Need(j, "qca", source);
    t.columns = {"scenario", "solution", "consistency", "coverage", "fuzzy_consistency",
                 "fuzzy_coverage", "settling_rows", "pivotal", "weakening",
                 "sufficient_additions", "jointly_sufficient", "p_settlement", "p_durable",
                 "verdict"};
    std::string title;
    if (j.contains("scenario") && j.at("scenario").contains("title")) {
      title = Cell(j.at("scenario").at("title"));
    }
    // The scenario's own row: the one whose letters match scenario_conditions.
    const Json* own = nullptr;
    if (j.contains("scenario_conditions")) {
      for (const Json& r : rows) {
        bool match = true;
        for (const char* l : kLetters) {
          bool on = j.at("scenario_conditions").value(l, false);
          match = match && r.contains(l) && (r.at(l).get<int>() != 0) == on;
        }
        if (match) own = &r;
      }
    }
    auto own_cell = [&](const char* key) { return own ? Cell(own->at(key)) : std::string("n/a"); };
    t.rows.push_back({title, Cell(Need(qca, "solution", source)), Cell(Need(qca, "consistency", source)),
                      Cell(Need(qca, "coverage", source)), Cell(Need(qca, "fuzzy_consistency", source)),
                      Cell(Need(qca, "fuzzy_coverage", source)),
                      std::to_string(Need(qca, "settling_configurations", source).size()),
                      Cell(Need(j, "pivotal", source)), Cell(Need(j, "weakening", source)),
                      Cell(Need(j, "sufficient_additions", source)),
                      Cell(Need(j, "jointly_sufficient", source)), own_cell("p_settlement"),
                      own_cell("p_durable"), own_cell("verdict")});
  }
  return t;
}

Json FitJson(const std::optional<Rational>& v) {
  if (!v) return nullptr;
  return FormatRational(*v);
}

// Whether r has a terminating decimal expansion (its denominator has no prime but 2 and 5).
bool Terminates(const Rational& r) {
  mpz_class d = r.get_den();
  while (mpz_divisible_ui_p(d.get_mpz_t(), 2)) d /= 2;
  while (mpz_divisible_ui_p(d.get_mpz_t(), 5)) d /= 5;
  return d == 1;
}

// Decimal text of a number cell, or "" when it is not a plain decimal (integer or with a point).
bool IsDecimalText(const std::string& s) {
  if (s.empty()) return false;
  std::size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digit = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
      return false;
    }
  }
  return digit;
}

bool IsNumberCell(const std::string& s) {
  if (s.empty()) return false;
  return ParseRational(s).has_value();
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Text (a cell that is not a number, a header) as `format` writes it; macros are LaTeX.
std::string EscapeText(std::string_view text, TableFormat format) {
  switch (format) {
    case TableFormat::kLatex:
    case TableFormat::kMacros: return LatexEscape(text);
    case TableFormat::kMarkdown: return MarkdownEscape(text);
    case TableFormat::kHtml: return HtmlEscape(text);
    case TableFormat::kCsv: return CsvField(std::string(text));
  }
  return std::string(text);
}

}  // namespace

int Table::ColumnIndex(std::string_view name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Table ParseCsv(std::string_view text, const std::string& source) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  int line = 1, col = 1;
  std::size_t i = 0;
  bool any = false;  // the current record has content
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && field.empty()) {
      int qline = line, qcol = col;
      ++i, ++col;
      bool closed = false;
      while (i < text.size()) {
        char d = text[i];
        if (d == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2, col += 2;
            continue;
          }
          ++i, ++col;
          closed = true;
          break;
        }
        if (d == '\n') ++line, col = 0;
        field += d;
        ++i, ++col;
      }
      if (!closed) {
        throw InputError(source + ":" + std::to_string(qline) + ":" + std::to_string(qcol) +
                         ": unterminated quoted field");
      }
      any = true;
      continue;
    }
    if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
      }
      record.clear();
      field.clear();
      any = false;
      ++line, col = 0;
    } else {
      field += c;
      any = true;
    }
    ++i, ++col;
  }
  if (any || !field.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  if (records.empty()) throw InputError(source + ":1:1: empty CSV file (a header line is needed)");
  Table t;
  t.columns = std::move(records[0]);
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].size() != t.columns.size()) {
      throw InputError(source + ": record " + std::to_string(r + 1) + " has " +
                       std::to_string(records[r].size()) + " fields, the header " +
                       std::to_string(t.columns.size()));
    }
    t.rows.push_back(std::move(records[r]));
  }
  return t;
}

Table ConditionsJsonTable(std::string_view json_text, ConditionsPart part, const std::string& source) {
  return ConditionsFromJson(ParseJson(json_text, source), part, source);
}

Table ConditionsTable(const ConditionsAnalysis& a, ConditionsPart part, const std::string& title) {
  // Built through the same JSON keys `ncpmi conditions --format json` writes, so both inputs
  // give the same table by construction.
  Json j;
  j["scenario"] = {{"title", title}};
  j["players"] = a.players;
  j["scenario_conditions"] = Json::object();
  for (std::size_t k = 0; k < a.letters.size(); ++k) j["scenario_conditions"][a.letters[k]] = a.scenario_on[k];
  j["rows"] = Json::array();
  for (const ConditionsRow& row : a.rows) {
    const GameAnalysis& r = row.result;
    Json e;
    for (std::size_t k = 0; k < a.letters.size(); ++k) e[a.letters[k]] = row.on[k] ? 1 : 0;
    e["verdict"] = VerdictName(r.verdict);
    e["p_settlement"] = FormatRational(r.summary.p_settlement);
    e["p_durable"] = FormatRational(r.summary.p_durable);
    e["p_settlement_min"] = FormatRational(r.p_min);
    e["p_settlement_max"] = FormatRational(r.p_max);
    e["settling"] = r.settling;
    e["equilibria"] = r.equilibria;
    e["outcome_class"] = OutcomeClassName(r.main_class);
    e["outcome_classes"] = Json::object();
    for (int c = 0; c < kNumOutcomeClasses; ++c) {
      const Rational& p = r.summary.p_class[static_cast<std::size_t>(c)];
      if (p != 0) e["outcome_classes"][OutcomeClassName(static_cast<OutcomeClass>(c))] = FormatRational(p);
    }
    e["path"] = FormatPath(r.path);
    e["payoffs"] = Json::array();
    for (const Rational& v : r.payoffs) e["payoffs"].push_back(FormatRational(v));
    j["rows"].push_back(std::move(e));
  }
  Json qca;
  qca["necessity"] = Json::array();
  for (const ConditionFit& f : a.necessity) {
    qca["necessity"].push_back({{"condition", f.term},
                                {"consistency", FitJson(f.crisp.consistency)},
                                {"coverage", FitJson(f.crisp.coverage)},
                                {"fuzzy_consistency", FitJson(f.fuzzy.consistency)},
                                {"fuzzy_coverage", FitJson(f.fuzzy.coverage)}});
  }
  qca["settling_configurations"] = Json::array();
  for (const ConditionsRow& row : a.rows) {
    if (row.settles) qca["settling_configurations"].push_back(qca::FormatTerm(qca::Term{row.Code(), 0x1F}, a.letters));
  }
  qca["solution"] = a.SolutionFormula(0);
  qca["consistency"] = FitJson(a.solution_crisp.consistency);
  qca["coverage"] = FitJson(a.solution_crisp.coverage);
  qca["fuzzy_consistency"] = FitJson(a.solution_fuzzy.consistency);
  qca["fuzzy_coverage"] = FitJson(a.solution_fuzzy.coverage);
  j["qca"] = std::move(qca);
  j["pivotal"] = a.Pivotal();
  j["weakening"] = a.Weakening();
  j["sufficient_additions"] = a.SufficientAdditions();
  j["jointly_sufficient"] = VerdictName(a.rows.back().result.verdict);
  return ConditionsFromJson(j, part, "<analysis>");
}

Table SolveJsonTable(std::string_view json_text, SolvePart part, const std::string& source) {
  Json j = ParseJson(json_text, source);
  std::vector<std::string> players = Need(j, "players", source).get<std::vector<std::string>>();
  const Json& eqs = Need(j, "equilibria", source);
  Table t;
  if (part == SolvePart::kEquilibria) {
    t.columns = {"equilibrium", "path"};
    for (const std::string& p : players) t.columns.push_back("payoff_" + p);
    bool scenario = !eqs.empty() && eqs[0].contains("p_settlement");
    if (scenario) {
      t.columns.push_back("p_settlement");
      t.columns.push_back("p_durable");
    }
    int k = 0;
    for (const Json& e : eqs) {
      std::vector<std::string> row{std::to_string(++k)};
      std::vector<std::string> path;
      for (const Json& a : Need(e, "path", source)) path.push_back(Cell(a));
      row.push_back(Joined(path, " > ", ""));
      for (const Json& v : Need(e, "payoffs", source)) row.push_back(Cell(v));
      if (scenario) {
        row.push_back(Cell(Need(e, "p_settlement", source)));
        row.push_back(Cell(Need(e, "p_durable", source)));
      }
      row.resize(t.columns.size());
      t.rows.push_back(std::move(row));
    }
  } else {
    t.columns = {"equilibrium", "node", "label", "probability"};
    for (const std::string& p : players) t.columns.push_back("payoff_" + p);
    int k = 0;
    for (const Json& e : eqs) {
      ++k;
      for (const Json& z : Need(e, "terminals", source)) {
        std::vector<std::string> row{std::to_string(k), Cell(Need(z, "node", source)),
                                     Cell(Need(z, "label", source)), Cell(Need(z, "probability", source))};
        for (const Json& v : Need(z, "payoffs", source)) row.push_back(Cell(v));
        row.resize(t.columns.size());
        t.rows.push_back(std::move(row));
      }
    }
  }
  return t;
}

Table SelectColumns(const Table& table, const std::vector<std::string>& columns) {
  if (columns.empty()) return table;
  std::vector<int> index;
  for (const std::string& c : columns) {
    int i = table.ColumnIndex(c);
    if (i < 0) {
      throw InputError("unknown column '" + c + "'; the columns are: " + Joined(table.columns, ", ", "none"));
    }
    index.push_back(i);
  }
  Table out;
  out.columns = columns;
  for (const auto& row : table.rows) {
    std::vector<std::string> r;
    for (int i : index) r.push_back(row[static_cast<std::size_t>(i)]);
    out.rows.push_back(std::move(r));
  }
  return out;
}

void SortTable(Table& table, const std::string& column) {
  bool descending = !column.empty() && column[0] == '-';
  std::string name = descending ? column.substr(1) : column;
  int c = table.ColumnIndex(name);
  if (c < 0) {
    throw InputError("unknown --sort column '" + name + "'; the columns are: " +
                     Joined(table.columns, ", ", "none"));
  }
  const auto k = static_cast<std::size_t>(c);
  bool numeric = std::all_of(table.rows.begin(), table.rows.end(),
                             [&](const auto& r) { return IsNumberCell(r[k]); });
  auto less = [&](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (numeric) return *ParseRational(a[k]) < *ParseRational(b[k]);
    return a[k] < b[k];
  };
  if (descending) {
    std::stable_sort(table.rows.begin(), table.rows.end(), [&](const auto& a, const auto& b) { return less(b, a); });
  } else {
    std::stable_sort(table.rows.begin(), table.rows.end(), less);
  }
}

std::string LatexEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '$': out += "\\$"; break;
      case '&': out += "\\&"; break;
      case '#': out += "\\#"; break;
      case '_': out += "\\_"; break;
      case '%': out += "\\%"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '~': out += "\\ensuremath{\\sim}"; break;  // QCA negation: a centred tilde
      case '<': out += "\\textless{}"; break;
      case '>': out += "\\textgreater{}"; break;
      case '|': out += "\\textbar{}"; break;
      default: out += c;
    }
  }
  return out;
}

std::string MarkdownEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "<br>";
      continue;
    }
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' ||
        c == '[' || c == ']') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string RoundDecimal(const Rational& value, int digits) {
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, static_cast<unsigned long>(digits));
  mpq_class scaled = mpq_class(value) * scale;
  bool negative = scaled < 0;
  if (negative) scaled = -scaled;
  // Round half away from zero: floor(x + 1/2).
  mpq_class shifted = scaled + mpq_class(1, 2);
  mpz_class q;
  mpz_fdiv_q(q.get_mpz_t(), shifted.get_num_mpz_t(), shifted.get_den_mpz_t());
  std::string s = q.get_str();
  if (digits > 0) {
    if (s.size() <= static_cast<std::size_t>(digits)) s = std::string(static_cast<std::size_t>(digits) + 1 - s.size(), '0') + s;
    s.insert(s.size() - static_cast<std::size_t>(digits), ".");
  }
  if (negative && q != 0) s = "-" + s;
  return s;
}

std::string MacroName(std::string_view column) {
  static const char* const kDigits[] = {"Zero", "One", "Two", "Three", "Four",
                                        "Five", "Six", "Seven", "Eight", "Nine"};
  std::string out;
  bool upper = true;
  for (char c : column) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      out += kDigits[c - '0'];
      upper = true;
    } else if (std::isalpha(static_cast<unsigned char>(c))) {
      out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    } else {
      upper = true;
    }
  }
  return out.empty() ? std::string("Column") : out;
}

std::string RenderCell(const std::string& cell, TableFormat format, const TableOptions& options) {
  std::optional<Rational> number = IsNumberCell(cell) ? ParseRational(cell) : std::nullopt;
  const bool latex = format == TableFormat::kLatex || format == TableFormat::kMacros;
  if (number) {
    const Rational& r = *number;
    const bool integer = r.get_den() == 1;
    const bool fraction = cell.find('/') != std::string::npos && !integer;
    std::string text;
    if (integer) {
      text = FormatRational(r);
    } else if (fraction && options.fractions != FractionStyle::kDecimal) {
      if (latex && options.fractions == FractionStyle::kFrac) {
        mpz_class num = r.get_num();
        std::string sign = num < 0 ? "-" : "";
        if (num < 0) num = -num;
        return "$" + sign + "\\frac{" + num.get_str() + "}{" + r.get_den().get_str() + "}$";
      }
      text = FormatRational(r);
    } else if (options.precision >= 0) {
      text = RoundDecimal(r, options.precision);
    } else if (fraction) {
      text = Terminates(r) ? FormatDecimal(r) : RoundDecimal(r, 6);
    } else {
      text = cell;  // a decimal as written
    }
    if (!latex) return text;
    // Fractions, and integers unless siunitx typesets the column, in math mode (a real minus
    // sign); decimals and siunitx integers plain, as siunitx reads them.
    if (text.find('/') != std::string::npos || (integer && !options.siunitx)) return "$" + text + "$";
    return IsDecimalText(text) ? text : LatexEscape(text);
  }
  return EscapeText(cell, format);
}

std::string PrettyHeader(std::string_view column, TableFormat format) {
  const bool latex = format == TableFormat::kLatex;
  auto text = [&](std::string_view t) { return EscapeText(t, format); };
  struct Probability {
    const char* column;
    const char* plain;
    const char* latex;
  };
  static const Probability kProbabilities[] = {
      {"p_settlement", "P(settlement)", "$P(\\mathrm{settlement})$"},
      {"p_durable", "P(durable)", "$P(\\mathrm{durable})$"},
      {"p_settlement_min", "min P(settlement)", "$\\min P(\\mathrm{settlement})$"},
      {"p_settlement_max", "max P(settlement)", "$\\max P(\\mathrm{settlement})$"},
  };
  for (const Probability& p : kProbabilities) {
    if (column == p.column) return latex ? std::string(p.latex) : text(p.plain);
  }
  if (column.size() == 1) return text(column);  // N C P M I, and one-letter parameters
  static const std::string_view kPayoff = "payoff_";
  if (column.size() > kPayoff.size() && column.substr(0, kPayoff.size()) == kPayoff) {
    return text("Payoff " + std::string(column.substr(kPayoff.size())));
  }
  // One letter and an alphanumeric subscript: a model parameter such as w_t or b_c.
  const bool subscripted = column.size() >= 3 && std::isalpha(static_cast<unsigned char>(column[0])) && column[1] == '_' &&
                           std::all_of(column.begin() + 2, column.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  if (subscripted) return latex ? "$" + std::string(1, column[0]) + "_{" + std::string(column.substr(2)) + "}$" : text(column);
  std::string words(column);
  std::replace(words.begin(), words.end(), '_', ' ');
  if (std::islower(static_cast<unsigned char>(words[0]))) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  return text(words);
}

void CheckRenamedColumns(const Table& table, const TableOptions& options) {
  for (const auto& [column, header] : options.renamed) {
    if (table.ColumnIndex(column) < 0) {
      throw InputError("--rename: unknown column '" + column + "'; the columns are: " + Joined(table.columns, ", ", "none"));
    }
  }
}

namespace {

// The header cell of column c as `format` writes it.
std::string HeaderCell(const std::string& column, TableFormat format, const TableOptions& options) {
  if (format == TableFormat::kMacros) return column;
  for (auto it = options.renamed.rbegin(); it != options.renamed.rend(); ++it) {  // the last one given wins
    if (it->first == column) return format == TableFormat::kLatex ? it->second : EscapeText(it->second, format);
  }
  if (options.pretty_headers) return PrettyHeader(column, format);
  return EscapeText(column, format);
}

}  // namespace

void WriteTable(const Table& table, TableFormat format, const TableOptions& options, std::ostream& out) {
  const std::size_t ncol = table.columns.size();
  auto render = [&](const std::string& c) { return RenderCell(c, format, options); };
  switch (format) {
    case TableFormat::kCsv: {
      for (std::size_t c = 0; c < ncol; ++c) out << (c ? "," : "") << HeaderCell(table.columns[c], format, options);
      out << '\n';
      for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < ncol; ++c) out << (c ? "," : "") << render(row[c]);
        out << '\n';
      }
      return;
    }
    case TableFormat::kMarkdown: {
      if (!options.caption.empty()) out << "**" << MarkdownEscape(options.caption) << "**\n\n";
      out << '|';
      for (const std::string& c : table.columns) out << ' ' << HeaderCell(c, format, options) << " |";
      out << "\n|";
      for (std::size_t c = 0; c < ncol; ++c) {
        bool numeric = !table.rows.empty() && std::all_of(table.rows.begin(), table.rows.end(),
                                                          [&](const auto& r) { return IsNumberCell(r[c]); });
        out << (numeric ? "---:|" : "---|");
      }
      out << '\n';
      for (const auto& row : table.rows) {
        out << '|';
        for (const std::string& cell : row) out << ' ' << render(cell) << " |";
        out << '\n';
      }
      return;
    }
    case TableFormat::kHtml: {
      out << "<table>\n";
      if (!options.caption.empty()) out << "  <caption>" << HtmlEscape(options.caption) << "</caption>\n";
      out << "  <thead><tr>";
      for (const std::string& c : table.columns) out << "<th>" << HeaderCell(c, format, options) << "</th>";
      out << "</tr></thead>\n  <tbody>\n";
      for (const auto& row : table.rows) {
        out << "    <tr>";
        for (const std::string& cell : row) out << "<td>" << render(cell) << "</td>";
        out << "</tr>\n";
      }
      out << "  </tbody>\n</table>\n";
      return;
    }
    case TableFormat::kMacros: {
      out << "% generated by ncpmi table; do not edit\n";
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        std::string suffix;
        if (table.rows.size() > 1) {
          for (std::size_t k = r + 1; k > 0; k = (k - 1) / 26) suffix.insert(suffix.begin(), static_cast<char>('A' + (k - 1) % 26));
        }
        for (std::size_t c = 0; c < ncol; ++c) {
          out << "\\newcommand{\\" << MacroName(options.macro_prefix) << MacroName(table.columns[c]) << suffix
              << "}{" << render(table.rows[r][c]) << "}\n";
        }
      }
      return;
    }
    case TableFormat::kLatex: {
      const bool float_env = !options.caption.empty() || !options.label.empty();
      out << "% generated by ncpmi table; do not edit\n";
      if (float_env) out << "\\begin{table}[htbp]\n\\centering\n";
      if (!options.caption.empty()) out << "\\caption{" << LatexEscape(options.caption) << "}\n";
      if (!options.label.empty()) out << "\\label{" << options.label << "}\n";
      std::string spec;
      for (std::size_t c = 0; c < ncol; ++c) {
        bool numeric = !table.rows.empty() && std::all_of(table.rows.begin(), table.rows.end(),
                                                          [&](const auto& r) { return IsNumberCell(r[c]); });
        bool decimal = numeric && std::all_of(table.rows.begin(), table.rows.end(), [&](const auto& r) {
                         return IsDecimalText(RenderCell(r[c], TableFormat::kLatex, options));
                       });
        spec += options.siunitx && decimal ? 'S' : numeric ? 'r' : 'l';
      }
      out << "\\begin{tabular}{" << spec << "}\n\\toprule\n";
      for (std::size_t c = 0; c < ncol; ++c) {
        std::string head = HeaderCell(table.columns[c], format, options);
        if (spec[c] == 'S') head = "{" + head + "}";
        out << (c ? " & " : "") << head;
      }
      out << " \\\\\n\\midrule\n";
      for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < ncol; ++c) out << (c ? " & " : "") << render(row[c]);
        out << " \\\\\n";
      }
      out << "\\bottomrule\n\\end{tabular}\n";
      if (float_env) out << "\\end{table}\n";
      return;
    }
  }
}

}  // namespace ncpmi::models
