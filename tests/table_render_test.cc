// ncpmi table and plot: escaping, fraction rendering, column selection, sorting, CSV parsing and
// the gnuplot/pgfplots output of sweep tables.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "ncpmi/game/error.h"
#include "ncpmi/models/draw_plot.h"
#include "ncpmi/models/table_render.h"

namespace ncpmi::models {
namespace {

using Catch::Matchers::Contains;

std::string Render(const Table& t, TableFormat f, const TableOptions& o = TableOptions{}) {
  std::ostringstream out;
  WriteTable(t, f, o, out);
  return out.str();
}

Table Sample() {
  Table t;
  t.columns = {"case", "p_settlement", "payoff"};
  t.rows = {{"Haiti_1994 & co", "9/10", "-1/2"}, {"a|b", "0", "3"}, {"x<y>", "27/40", "0.675"}};
  return t;
}

TEST_CASE("LaTeX escaping covers every special character", "[table]") {
  CHECK(LatexEscape("a_b & 50% #1 $x$ {y}") == "a\\_b \\& 50\\% \\#1 \\$x\\$ \\{y\\}");
  CHECK(LatexEscape("~^\\") == "\\ensuremath{\\sim}\\textasciicircum{}\\textbackslash{}");
  CHECK(LatexEscape("A > B | C") == "A \\textgreater{} B \\textbar{} C");
}

TEST_CASE("Markdown escaping protects pipes and emphasis; HTML escaping the markup", "[table]") {
  CHECK(MarkdownEscape("a|b_c*d") == "a\\|b\\_c\\*d");
  CHECK(HtmlEscape("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  const std::string md = Render(Sample(), TableFormat::kMarkdown);
  CHECK_THAT(md, Contains("| case | p\\_settlement | payoff |\n|---|---:|---:|\n"));
  CHECK_THAT(md, Contains("| a\\|b | 0 | 3 |"));
  const std::string html = Render(Sample(), TableFormat::kHtml);
  CHECK_THAT(html, Contains("<td>x&lt;y&gt;</td><td>27/40</td>"));
}

TEST_CASE("fractions render as \\frac, a/b or rounded decimals", "[table]") {
  TableOptions o;
  CHECK(RenderCell("9/10", TableFormat::kLatex, o) == "$\\frac{9}{10}$");
  CHECK(RenderCell("-1/2", TableFormat::kLatex, o) == "$-\\frac{1}{2}$");
  CHECK(RenderCell("-3", TableFormat::kLatex, o) == "$-3$");
  CHECK(RenderCell("0.675", TableFormat::kLatex, o) == "0.675");  // plain, as siunitx reads it
  CHECK(RenderCell("9/10", TableFormat::kMarkdown, o) == "9/10");
  o.fractions = FractionStyle::kSlash;
  CHECK(RenderCell("27/40", TableFormat::kLatex, o) == "$27/40$");
  o.fractions = FractionStyle::kDecimal;
  CHECK(RenderCell("27/40", TableFormat::kLatex, o) == "0.675");
  CHECK(RenderCell("1/3", TableFormat::kCsv, o) == "0.333333");
  o.precision = 2;
  CHECK(RenderCell("27/40", TableFormat::kMarkdown, o) == "0.68");
  CHECK(RenderCell("0.675", TableFormat::kHtml, o) == "0.68");
  CHECK(RoundDecimal(MakeRational(-2, 3), 2) == "-0.67");
  CHECK(RoundDecimal(MakeRational(1, 2), 0) == "1");
  CHECK(RoundDecimal(MakeRational(-1, 2), 0) == "-1");
  CHECK(RoundDecimal(MakeRational(1, 200), 1) == "0.0");
  CHECK(RenderCell("n/a", TableFormat::kLatex, TableOptions{}) == "n/a");
}

TEST_CASE("column selection keeps the order asked for and names unknown columns", "[table]") {
  const Table t = SelectColumns(Sample(), {"payoff", "case"});
  REQUIRE(t.columns == std::vector<std::string>{"payoff", "case"});
  CHECK(t.rows[0] == std::vector<std::string>{"-1/2", "Haiti_1994 & co"});
  REQUIRE_THROWS_WITH(SelectColumns(Sample(), {"p"}),
                      "unknown column 'p'; the columns are: case, p_settlement, payoff");
}

TEST_CASE("sorting is numeric on number columns, descending with a minus sign", "[table]") {
  Table t = Sample();
  SortTable(t, "-p_settlement");
  CHECK(t.rows[0][1] == "9/10");
  CHECK(t.rows[1][1] == "27/40");
  CHECK(t.rows[2][1] == "0");
  SortTable(t, "case");
  CHECK(t.rows[0][0] == "Haiti_1994 & co");
}

TEST_CASE("LaTeX tables are booktabs tabulars in a float when captioned", "[table]") {
  TableOptions o;
  o.caption = "P(S) & more";
  o.label = "tab:x";
  const std::string tex = Render(Sample(), TableFormat::kLatex, o);
  CHECK_THAT(tex, Contains("\\begin{table}[htbp]\n\\centering\n\\caption{P(S) \\& more}\n\\label{tab:x}\n"));
  CHECK_THAT(tex, Contains("\\begin{tabular}{lrr}\n\\toprule\ncase & p\\_settlement & payoff \\\\\n\\midrule\n"));
  CHECK_THAT(tex, Contains("Haiti\\_1994 \\& co & $\\frac{9}{10}$ & $-\\frac{1}{2}$ \\\\"));
  CHECK_THAT(tex, Contains("\\bottomrule\n\\end{tabular}\n\\end{table}\n"));
  o = TableOptions{};
  o.siunitx = true;
  o.fractions = FractionStyle::kDecimal;
  CHECK_THAT(Render(Sample(), TableFormat::kLatex, o), Contains("\\begin{tabular}{lSS}"));
}

TEST_CASE("pretty headers name probabilities, payoffs and parameters as a paper does", "[table]") {
  CHECK(PrettyHeader("p_settlement", TableFormat::kLatex) == "$P(\\mathrm{settlement})$");
  CHECK(PrettyHeader("p_settlement", TableFormat::kMarkdown) == "P(settlement)");
  CHECK(PrettyHeader("p_settlement_max", TableFormat::kHtml) == "max P(settlement)");
  CHECK(PrettyHeader("p_durable", TableFormat::kCsv) == "P(durable)");
  CHECK(PrettyHeader("payoff_Coercer_US", TableFormat::kLatex) == "Payoff Coercer\\_US");
  CHECK(PrettyHeader("payoff_Coercer_US", TableFormat::kMarkdown) == "Payoff Coercer\\_US");
  CHECK(PrettyHeader("w_t", TableFormat::kLatex) == "$w_{t}$");
  CHECK(PrettyHeader("b_c2", TableFormat::kLatex) == "$b_{c2}$");
  CHECK(PrettyHeader("w_t", TableFormat::kHtml) == "w_t");
  CHECK(PrettyHeader("N", TableFormat::kLatex) == "N");
  CHECK(PrettyHeader("fuzzy_consistency", TableFormat::kLatex) == "Fuzzy consistency");
  CHECK(PrettyHeader("pain_growth", TableFormat::kLatex) == "Pain growth");  // not a one-letter base
  CHECK(PrettyHeader("a,b", TableFormat::kCsv) == "\"A,b\"");
}

TEST_CASE("renamed headers replace the column names in every format but macros", "[table]") {
  TableOptions o;
  o.pretty_headers = true;
  o.renamed = {{"payoff", "$u_1$ & more"}, {"case", "first"}, {"case", "Case"}};  // the last one wins
  CHECK_THAT(Render(Sample(), TableFormat::kLatex, o), Contains("\\toprule\nCase & $P(\\mathrm{settlement})$ & $u_1$ & more \\\\\n"));
  CHECK_THAT(Render(Sample(), TableFormat::kMarkdown, o), Contains("| Case | P(settlement) | $u\\_1$ & more |\n"));
  CHECK_THAT(Render(Sample(), TableFormat::kHtml, o), Contains("<th>Case</th><th>P(settlement)</th><th>$u_1$ &amp; more</th>"));
  CHECK(Render(Sample(), TableFormat::kCsv, o).rfind("Case,P(settlement),$u_1$ & more\n", 0) == 0);
  CHECK_THAT(Render(Sample(), TableFormat::kMacros, o), Contains("\\newcommand{\\NcpmiPSettlementA}"));
  o.renamed = {{"payof", "x"}};
  CHECK_THROWS_WITH(CheckRenamedColumns(Sample(), o), Contains("unknown column 'payof'; the columns are: case, p_settlement, payoff"));
  o.renamed = {{"payoff", "x"}};
  CHECK_NOTHROW(CheckRenamedColumns(Sample(), o));
}

TEST_CASE("macros name each cell by prefix, column and row letter", "[table]") {
  CHECK(MacroName("p_settlement") == "PSettlement");
  CHECK(MacroName("payoff_P5_Holdout") == "PayoffPFiveHoldout");
  TableOptions o;
  o.macro_prefix = "haiti";
  Table one = SelectColumns(Sample(), {"p_settlement"});
  one.rows.resize(1);
  CHECK(Render(one, TableFormat::kMacros, o) ==
        "% generated by ncpmi table; do not edit\n\\newcommand{\\HaitiPSettlement}{$\\frac{9}{10}$}\n");
  CHECK_THAT(Render(Sample(), TableFormat::kMacros, o), Contains("\\newcommand{\\HaitiCaseC}{x\\textless{}y\\textgreater{}}"));
}

TEST_CASE("CSV is read with quotes and written back the same", "[table]") {
  const Table t = ParseCsv("a,b\r\n\"x, \"\"y\"\"\",2\n3,\n", "t.csv");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0][0] == "x, \"y\"");
  CHECK(t.rows[1][1].empty());
  CHECK(Render(t, TableFormat::kCsv) == "a,b\n\"x, \"\"y\"\"\",2\n3,\n");
  REQUIRE_THROWS_WITH(ParseCsv("a,b\n1\n", "t.csv"), "t.csv: record 2 has 1 fields, the header 2");
  REQUIRE_THROWS_WITH(ParseCsv("a\n\"open\n", "t.csv"), "t.csv:2:1: unterminated quoted field");
}

TEST_CASE("a conditions summary from JSON with the old key 'necessary' asks for a rerun", "[table]") {
  const std::string old = R"({"rows": [], "qca": {}, "necessary": ["N"]})";
  REQUIRE_THROWS_WITH(ConditionsJsonTable(old, ConditionsPart::kSummary, "c.json"),
                      "c.json: written by an older ncpmi, whose key 'necessary' is now 'pivotal'; rerun "
                      "`ncpmi conditions --format json`");
}

TEST_CASE("plots label the axes by column and need a full grid for a phase diagram", "[table][plot]") {
  const Table grid = ParseCsv("e,rho,p_settlement,verdict\n0,0,0,no\n1,0,1/2,some\n0,1,0,no\n1,1,9/10,all\n", "g.csv");
  PlotOptions o;
  o.x = "e";
  o.y = "rho";
  const std::string gp = GnuplotScript(grid, o, "pdfcairo", "fig.pdf");
  CHECK_THAT(gp, Contains("set xlabel 'e'\nset ylabel 'rho'\nset cblabel 'p_settlement'"));
  CHECK_THAT(gp, Contains("1 1 0.9\n"));
  CHECK_THAT(gp, Contains("with boxxyerror"));
  o.z = "verdict";
  CHECK_THAT(GnuplotScript(grid, o, "pngcairo", "fig.png"), Contains("1 0 0.5\n"));
  const Table partial = ParseCsv("e,rho,p_settlement\n0,0,0\n1,0,1\n0,1,0\n", "p.csv");
  o.z = "p_settlement";
  REQUIRE_THROWS_AS(GnuplotScript(partial, o, "pdfcairo", "f.pdf"), InputError);
  o.y.clear();
  o.group = "rho";
  const std::string curves = GnuplotScript(grid, o, "pdfcairo", "f.pdf");
  CHECK_THAT(curves, Contains("title 'rho = 0'"));
  std::ostringstream tex;
  WritePgfplots(grid, o, tex);
  CHECK_THAT(tex.str(), Contains("\\addlegendentry{rho = 0}"));
  CHECK_THAT(tex.str(), Contains("xlabel={e}"));
}

}  // namespace
}  // namespace ncpmi::models
