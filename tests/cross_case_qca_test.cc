// Case-based QCA: a hand-computed crisp and fuzzy example, the published Lipset crisp-set
// results, Ragin's direct calibration, and `ncpmi qca` over the bundled cases.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/models/cross_case_qca.h"
#include "ncpmi/models/qca.h"

namespace ncpmi::models {
namespace {

using Catch::Matchers::WithinAbs;
using qca::Expectation;
namespace fs = std::filesystem;

std::string Formula(const qca::Solution& s, const std::vector<std::string>& names) {
  std::vector<qca::Term> terms;
  for (const qca::SolutionTerm& t : s.terms) terms.push_back(t.term);
  return qca::FormatSum(terms, names);
}

const std::vector<Expectation> kAllPresent3(3, Expectation::kPresent);

// The hand example: three conditions A B C (bit 0 = A) and six cases.
//
//   case  A B C  Y  (crisp)        A   B   C   Y  (fuzzy)   configuration
//   c1    1 1 0  1                .8  .7  .2  .9            A*B*~C  (3)
//   c2    1 1 1  1                .9  .6  .8  .7            A*B*C   (7)
//   c3    1 0 1  1                .7  .3  .9  .8            A*~B*C  (5)
//   c4    0 1 1  0                .2  .8  .6  .2            ~A*B*C  (6)
//   c5    0 0 0  0                .1  .2  .3  .1            ~A*~B*~C (0)
//   c6    1 1 1  1                .6  .9  .7  .6            A*B*C   (7)
//
// Crisp. Rows 3, 5, 7 are positive (consistency 1), 6 and 0 negative (0); remainders 1, 2, 4.
// Complex: 3+7 merge to A*B, 5+7 to A*C, both essential: A*B + A*C; A*B covers c1 c2 c6 (raw
// coverage 3/4), A*C c2 c3 c6 (3/4); the solution covers all four positive cases (coverage 1), so
// each term's unique coverage is 1 - 3/4 = 1/4. Parsimonious: with 1, 2, 4 as don't-cares the
// prime A (1 3 5 7) covers every positive row alone: A, coverage 1, remainder 1 (A*~B*~C) used.
// Intermediate, every condition expected present: the parsimonious prime containing A*B and A*C
// is A; B and C are present literals, in line with the expectation, and stay: A*B + A*C.
// With B expected absent and no expectation on C: B is dropped from A*B (A), C stays (A*C),
// and A contains A*C: the intermediate solution is A.
// Necessity (crisp): A: consistency 4/4, coverage 4/4, RoN Σ(1-A)/Σ(1-min) = 2/2; ~A: 0, 0 and
// 4/6; B: 3/4, 3/4, RoN 2/3; ~B: 1/4, 1/2, RoN 4/5.
//
// Fuzzy (incl. cut 0.8). Row memberships min over the literals:
//   row 7 (A*B*C):  .2 .6 .3 .2 .1 .6  Σ 2.0, Σmin(.,Y) 2.0 → 1
//   row 3 (A*B*~C): .7 .2 .1 .2 .1 .3  Σ 1.6, Σmin 1.6 → 1
//   row 5 (A*~B*C): .2 .4 .7 .2 .1 .1  Σ 1.7, Σmin 1.7 → 1
//   row 6 (~A*B*C): .2 .1 .3 .6 .2 .4  Σ 1.8, Σmin .2+.1+.3+.2+.1+.4 = 1.3 → 13/18 = .722 < .8
//   row 0:          .2 .1 .1 .2 .7 .1  Σ 1.4, Σmin .8 → 4/7 = .571
// so the same three solutions. ΣY = 3.3. A*B: .7 .6 .3 .2 .1 .6 (Σ 2.5, Σmin 2.5): consistency 1,
// raw coverage 2.5/3.3 = .758. A*C: .2 .8 .7 .2 .1 .6 (Σ 2.6, Σmin 2.5): consistency .962, raw
// coverage .758. Their max .7 .8 .7 .2 .1 .6 (Σ 3.1, Σmin 3.0): consistency 3.0/3.1 = .968,
// coverage 3.0/3.3 = .909; unique coverage of each .909 - .758 = .152. Parsimonious A: Σ 3.3,
// Σmin .8+.7+.7+.2+.1+.6 = 3.1: consistency and coverage 3.1/3.3 = .939. Necessity of A:
// consistency 3.1/3.3, coverage 3.1/3.3, RoN Σ(1-A) 2.7 / Σ(1-min) 2.9 = .931.
qca::CaseTable HandTable(bool fuzzy) {
  qca::CaseTable t;
  t.cases = {"c1", "c2", "c3", "c4", "c5", "c6"};
  t.conditions = {"A", "B", "C"};
  if (fuzzy) {
    t.x = {{.8, .7, .2}, {.9, .6, .8}, {.7, .3, .9}, {.2, .8, .6}, {.1, .2, .3}, {.6, .9, .7}};
    t.y = {.9, .7, .8, .2, .1, .6};
  } else {
    t.x = {{1, 1, 0}, {1, 1, 1}, {1, 0, 1}, {0, 1, 1}, {0, 0, 0}, {1, 1, 1}};
    t.y = {1, 1, 1, 0, 0, 1};
  }
  return t;
}

TEST_CASE("the crisp hand example gives the hand-computed truth table, fits and three solutions", "[qca]") {
  const qca::CaseTable t = HandTable(false);
  const qca::CaseAnalysis a = qca::AnalyseCases(t, 1.0, kAllPresent3);
  REQUIRE(a.rows.size() == 5);
  CHECK(a.rows[0].configuration == 7);
  CHECK(a.rows[0].cases == std::vector<int>{1, 5});
  std::vector<std::uint32_t> positive;
  for (const qca::TruthRow& r : a.rows) {
    if (r.outcome) positive.push_back(r.configuration);
  }
  CHECK(positive == std::vector<std::uint32_t>{7, 5, 3});
  CHECK(Formula(a.complex, t.conditions) == "A*B + A*C");
  CHECK(Formula(a.parsimonious, t.conditions) == "A");
  CHECK(Formula(a.intermediate, t.conditions) == "A*B + A*C");
  CHECK(a.parsimonious.remainders == std::vector<std::uint32_t>{1});
  CHECK(a.complex.remainders.empty());
  REQUIRE(a.complex.terms.size() == 2);
  CHECK_THAT(*a.complex.terms[0].consistency, WithinAbs(1, 1e-12));
  CHECK_THAT(a.complex.terms[0].raw_coverage, WithinAbs(0.75, 1e-12));
  CHECK_THAT(a.complex.terms[0].unique_coverage, WithinAbs(0.25, 1e-12));
  CHECK_THAT(a.complex.terms[1].unique_coverage, WithinAbs(0.25, 1e-12));
  CHECK_THAT(a.complex.coverage, WithinAbs(1, 1e-12));
  CHECK_THAT(a.parsimonious.terms[0].unique_coverage, WithinAbs(1, 1e-12));
  // Necessity: A, ~A, B, ~B.
  CHECK(a.necessity[0].term == "A");
  CHECK_THAT(*a.necessity[0].consistency, WithinAbs(1, 1e-12));
  CHECK_THAT(*a.necessity[0].relevance, WithinAbs(1, 1e-12));
  CHECK_THAT(*a.necessity[1].consistency, WithinAbs(0, 1e-12));
  CHECK_THAT(*a.necessity[1].relevance, WithinAbs(4.0 / 6, 1e-12));
  CHECK_THAT(*a.necessity[2].consistency, WithinAbs(0.75, 1e-12));
  CHECK_THAT(*a.necessity[2].coverage, WithinAbs(0.75, 1e-12));
  CHECK_THAT(*a.necessity[2].relevance, WithinAbs(2.0 / 3, 1e-12));
  CHECK_THAT(*a.necessity[3].consistency, WithinAbs(0.25, 1e-12));
  CHECK_THAT(*a.necessity[3].coverage, WithinAbs(0.5, 1e-12));
  CHECK_THAT(*a.necessity[3].relevance, WithinAbs(0.8, 1e-12));
}

TEST_CASE("a case with a membership of exactly 0.5 is in no truth-table row but counts in every fit", "[qca]") {
  qca::CaseTable t = HandTable(true);
  t.x[4][1] = 0.5;  // c5's B
  const qca::CaseAnalysis a = qca::AnalyseCases(t, 0.8, kAllPresent3);
  CHECK(a.unassigned == std::vector<int>{4});
  for (const qca::TruthRow& r : a.rows) CHECK(r.configuration != 0);
  // Its memberships still enter the sums: row 6's consistency now has c5 at min(.9, .5, .3) = .3
  // (Σ 1.9), its Σmin(., Y) stays 1.3 (c5's Y is .1).
  for (const qca::TruthRow& r : a.rows) {
    if (r.configuration == 6) CHECK_THAT(r.consistency, WithinAbs(1.3 / 1.9, 1e-12));
  }
}

TEST_CASE("the intermediate solution drops only literals that contradict the expectations", "[qca]") {
  const qca::CaseTable t = HandTable(false);
  const qca::CaseAnalysis a =
      qca::AnalyseCases(t, 1.0, {Expectation::kPresent, Expectation::kAbsent, Expectation::kNone});
  CHECK(Formula(a.intermediate, t.conditions) == "A");
  CHECK(a.intermediate.remainders == std::vector<std::uint32_t>{1});
}

TEST_CASE("the fuzzy hand example gives the hand-computed consistencies and coverages", "[qca]") {
  const qca::CaseTable t = HandTable(true);
  const qca::CaseAnalysis a = qca::AnalyseCases(t, 0.8, kAllPresent3);
  REQUIRE(a.rows.size() == 5);
  for (const qca::TruthRow& r : a.rows) {
    if (r.configuration == 6) CHECK_THAT(r.consistency, WithinAbs(13.0 / 18, 1e-12));
    if (r.configuration == 0) CHECK_THAT(r.consistency, WithinAbs(4.0 / 7, 1e-12));
    if (r.configuration == 3 || r.configuration == 5 || r.configuration == 7) CHECK_THAT(r.consistency, WithinAbs(1, 1e-12));
  }
  CHECK(Formula(a.complex, t.conditions) == "A*B + A*C");
  CHECK(Formula(a.parsimonious, t.conditions) == "A");
  CHECK(Formula(a.intermediate, t.conditions) == "A*B + A*C");
  CHECK_THAT(*a.complex.terms[0].consistency, WithinAbs(1, 1e-12));
  CHECK_THAT(a.complex.terms[0].raw_coverage, WithinAbs(2.5 / 3.3, 1e-12));
  CHECK_THAT(*a.complex.terms[1].consistency, WithinAbs(2.5 / 2.6, 1e-12));
  CHECK_THAT(*a.complex.consistency, WithinAbs(3.0 / 3.1, 1e-12));
  CHECK_THAT(a.complex.coverage, WithinAbs(3.0 / 3.3, 1e-12));
  CHECK_THAT(a.complex.terms[0].unique_coverage, WithinAbs(0.5 / 3.3, 1e-12));
  CHECK_THAT(*a.parsimonious.consistency, WithinAbs(3.1 / 3.3, 1e-12));
  CHECK_THAT(*a.necessity[0].consistency, WithinAbs(3.1 / 3.3, 1e-12));
  CHECK_THAT(*a.necessity[0].relevance, WithinAbs(2.7 / 2.9, 1e-12));
}

// Lipset's survival of democracy, crisp version (LC): the published truth table of Rihoux and De
// Meur (2009), as printed by the R package QCA (truthTable(LC, "SURV")): configuration DEV URB LIT
// IND STB, number of cases, outcome. Published (QCA's minimize() on it, and Rihoux and De Meur 2009):
//   complex      DEV*~URB*LIT*STB + DEV*LIT*IND*STB; raw coverage .500 / .750, unique .250 / .500
//   parsimonious DEV*STB, with the remainders 10001 10011 11001 11011 11101 (DEV URB LIT IND STB)
//   ~SURV: complex ~DEV*~URB*~IND + DEV*LIT*IND*~STB; parsimonious ~DEV + ~STB (coverage .8, .7;
//   unique .3, .2).
// The intermediate solution with every condition expected present is derived by hand: ~URB
// contradicts the expectation and DEV*STB contains DEV*~URB*LIT*STB, so it becomes DEV*LIT*STB,
// which contains DEV*LIT*IND*STB (the same structure QCA publishes for the fuzzy LF data).
qca::CaseTable Lipset(bool negate) {
  struct Row {
    const char* bits;  // DEV URB LIT IND STB
    int n;
    int out;
  };
  const Row rows[] = {{"11111", 4, 1}, {"10101", 2, 1}, {"10111", 2, 1}, {"00000", 3, 0}, {"00001", 2, 0},
                      {"00100", 2, 0}, {"00101", 1, 0}, {"10110", 1, 0}, {"11110", 1, 0}};
  qca::CaseTable t;
  t.conditions = {"DEV", "URB", "LIT", "IND", "STB"};
  for (const Row& r : rows) {
    for (int i = 0; i < r.n; ++i) {
      t.cases.push_back(std::string(r.bits) + "#" + std::to_string(i));
      std::vector<double> x;
      for (int k = 0; k < 5; ++k) x.push_back(r.bits[k] == '1' ? 1.0 : 0.0);
      t.x.push_back(std::move(x));
      t.y.push_back((r.out == 1) != negate ? 1.0 : 0.0);
    }
  }
  return t;
}

std::uint32_t Code(const char* bits) {
  std::uint32_t c = 0;
  for (int k = 0; k < 5; ++k) c |= (bits[k] == '1' ? 1u : 0u) << k;
  return c;
}

// The raw and unique coverage of each term of `s`, in order.
void CheckCoverages(const qca::Solution& s, const std::vector<double>& raw, const std::vector<double>& unique) {
  REQUIRE(s.terms.size() == raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    CHECK_THAT(s.terms[i].raw_coverage, WithinAbs(raw[i], 1e-12));
    CHECK_THAT(s.terms[i].unique_coverage, WithinAbs(unique[i], 1e-12));
  }
}

TEST_CASE("the Lipset crisp data give the solutions the R package QCA publishes", "[qca]") {
  const std::vector<Expectation> present(5, Expectation::kPresent);
  const qca::CaseTable t = Lipset(false);
  const qca::CaseAnalysis a = qca::AnalyseCases(t, 1.0, present);
  CHECK(Formula(a.complex, t.conditions) == "DEV*~URB*LIT*STB + DEV*LIT*IND*STB");
  CheckCoverages(a.complex, {0.5, 0.75}, {0.25, 0.5});
  CHECK_THAT(*a.complex.consistency, WithinAbs(1, 1e-12));
  CHECK_THAT(a.complex.coverage, WithinAbs(1, 1e-12));
  CHECK(Formula(a.parsimonious, t.conditions) == "DEV*STB");
  std::vector<std::uint32_t> published{Code("10001"), Code("10011"), Code("11001"), Code("11011"), Code("11101")};
  std::sort(published.begin(), published.end());
  CHECK(a.parsimonious.remainders == published);
  CHECK(Formula(a.intermediate, t.conditions) == "DEV*LIT*STB");

  const qca::CaseTable n = Lipset(true);
  const qca::CaseAnalysis b = qca::AnalyseCases(n, 1.0, present);
  CHECK(Formula(b.complex, n.conditions) == "~DEV*~URB*~IND + DEV*LIT*IND*~STB");
  CHECK(Formula(b.parsimonious, n.conditions) == "~DEV + ~STB");
  CheckCoverages(b.parsimonious, {0.8, 0.7}, {0.3, 0.2});
}

TEST_CASE("direct calibration maps the anchors to 0.05, 0.5 and 0.95 and is logistic between", "[qca]") {
  CHECK_THAT(qca::DirectCalibration(0, 0, 0.5, 1), WithinAbs(0.05, 1e-12));
  CHECK(qca::DirectCalibration(0.5, 0, 0.5, 1) == 0.5);
  CHECK_THAT(qca::DirectCalibration(1, 0, 0.5, 1), WithinAbs(0.95, 1e-12));
  // 3/4: log-odds ln(19) * (1/4) / (1/2), membership 1 / (1 + 19^(-1/2)).
  CHECK_THAT(qca::DirectCalibration(0.75, 0, 0.5, 1), WithinAbs(1 / (1 + 1 / std::sqrt(19.0)), 1e-12));
  // Asymmetric anchors: below the crossover the scale comes from `non`.
  CHECK_THAT(qca::DirectCalibration(-1, -2, 0, 10), WithinAbs(1 / (1 + std::sqrt(19.0)), 1e-12));
  // Decreasing anchors mirror the increasing ones.
  CHECK_THAT(qca::DirectCalibration(0.25, 1, 0.5, 0), WithinAbs(1 / (1 + 1 / std::sqrt(19.0)), 1e-12));
  CHECK_THROWS(qca::DirectCalibration(0, 1, 1, 2));
}

TEST_CASE("measure expressions are evaluated exactly with + - * / min max and parentheses", "[qca]") {
  const ParameterValues v{{"a", MakeRational(1, 2)}, {"b_c", MakeRational(3, 10)}, {"w", 2}};
  CHECK(EvaluateMeasure("a + b_c * 2", v) == MakeRational(11, 10));
  CHECK(EvaluateMeasure("(a + b_c) / w", v) == MakeRational(2, 5));
  CHECK(EvaluateMeasure("-a - -1", v) == MakeRational(1, 2));
  CHECK(EvaluateMeasure("min(a, b_c) + max(0.25, a)", v) == MakeRational(4, 5));
  CHECK_THROWS_WITH(EvaluateMeasure("a / (w - 2)", v), Catch::Contains("division by zero"));
  CHECK_THROWS_WITH(EvaluateMeasure("a + q", v), Catch::Contains("unknown parameter 'q'"));
  CHECK_THROWS_WITH(EvaluateMeasure("a +", v), Catch::Contains("expected a number"));
  CHECK_THROWS_AS(EvaluateMeasure(std::string(100, '(') + "a" + std::string(100, ')'), v), InputError);
}

TEST_CASE("expectations parse as LETTER=1|0|- and reject anything else", "[qca]") {
  const std::vector<Expectation> base(5, Expectation::kPresent);
  const std::vector<Expectation> e = ParseExpectations("N=0, C=-", base);
  CHECK(e[0] == Expectation::kAbsent);
  CHECK(e[1] == Expectation::kNone);
  CHECK(e[2] == Expectation::kPresent);
  CHECK_THROWS_AS(ParseExpectations("X=1", base), InputError);
  CHECK_THROWS_AS(ParseExpectations("N=2", base), InputError);
}

std::vector<Scenario> Bundled() {
  std::vector<Scenario> out;
  for (const char* name : {"haiti-1994", "haiti-1993", "north-korea-2017", "iran-2015", "bosnia-1995", "libya-2011",
                           "kosovo-1999"}) {
    out.push_back(ReadScenarioFile((fs::path(NCPMI_SOURCE_DIR) / "instances" / (std::string(name) + ".toml")).string()));
  }
  return out;
}

std::string Solution(const CrossCaseQca& r, const qca::Solution& s) { return Formula(s, r.table.conditions); }

TEST_CASE("the bundled cases give the pinned crisp truth table and solutions", "[qca]") {
  const CrossCaseQca r = AnalyseCrossCase(Bundled(), CrossCaseOptions{});
  REQUIRE(r.cases.size() == 7);
  std::vector<std::string> settling;
  for (const QcaCase& c : r.cases) {
    if (c.settles) settling.push_back(c.name);
  }
  CHECK(settling == std::vector<std::string>{"Haiti 1994", "Iran 2015", "Bosnia 1995", "Kosovo 1999"});
  // Rows, N the lowest bit: 11111 (31), N absent 01111 (30), M absent 11101 (23), C and M absent 10101 (21).
  REQUIRE(r.analysis.rows.size() == 4);
  const Table tt = CrossCaseTable(r, CrossCasePart::kTruthTable);
  CHECK(tt.columns == std::vector<std::string>{"N", "C", "P", "M", "I", "OUT", "n", "incl", "PRI", "cases"});
  CHECK(tt.rows[0] == std::vector<std::string>{"1", "1", "1", "1", "1", "0", "4", "0.750", "0.750",
                                               "Haiti 1994; North Korea 2017-19; Iran 2015; Bosnia 1995"});
  CHECK(tt.rows[1] == std::vector<std::string>{"0", "1", "1", "1", "1", "1", "1", "1.000", "1.000", "Kosovo 1999"});
  CHECK(tt.rows[2] == std::vector<std::string>{"1", "1", "1", "0", "1", "0", "1", "0.000", "0.000", "Libya 2011"});
  CHECK(tt.rows[3] == std::vector<std::string>{"1", "0", "1", "0", "1", "0", "1", "0.000", "0.000", "Haiti 1993"});
  CHECK(Solution(r, r.analysis.complex) == "~N*C*P*M*I");
  CHECK(Solution(r, r.analysis.parsimonious) == "~N");
  CHECK(Solution(r, r.analysis.intermediate) == "~N*C*P*M*I");
  // Sensitivity: at tau = 2/3 only Haiti 1994 (9/10) and Iran 2015 (3/4) settle, both in the
  // contradictory row 11111, so nothing is sufficient.
  REQUIRE(r.sensitivity.size() == 6);
  CHECK(r.sensitivity[4].threshold == MakeRational(2, 3));
  CHECK(r.sensitivity[4].settling == 2);
  CHECK(r.sensitivity[4].complex == "0");
  CHECK(r.sensitivity[2].complex == "~N*C*P*M*I");
}

TEST_CASE("the bundled cases calibrate to fuzzy memberships in [0, 1], none at the crossover, with P(S) as outcome", "[qca]") {
  CrossCaseOptions options;
  options.fuzzy = true;
  const CrossCaseQca r = AnalyseCrossCase(Bundled(), options);
  CHECK(r.incl_cut == 0.8);
  for (std::size_t i = 0; i < r.cases.size(); ++i) {
    for (double x : r.table.x[i]) CHECK((x >= 0 && x <= 1 && x != 0.5));  // NK's P (41/4) rounds to 1
    CHECK(r.table.y[i] == r.cases[i].result.summary.p_settlement.get_d());
  }
  // Haiti 1994's C: (3/10 + 0 + 2 * 3/20) / 1 = 3/5 against anchors 1/10, 1/2, 1.
  CHECK(r.cases[0].calibration[1].value == MakeRational(3, 5));
  CHECK_THAT(r.cases[0].calibration[1].membership, WithinAbs(qca::DirectCalibration(0.6, 0.1, 0.5, 1), 1e-15));
  CHECK(Solution(r, r.analysis.complex) == "N*C*P*M*I");
  CHECK(Solution(r, r.analysis.parsimonious) == "N*C*M");
}

Scenario Text(const std::string& text, const std::string& name = "case.toml") { return ParseScenario(text, name); }

TEST_CASE("a [calibration.X] table replaces the default measure and anchors of its letter", "[qca]") {
  const Scenario s = Text(
      "title = \"T\"\nmodel = \"ncpmi-crisis\"\n[calibration.C]\nmeasure = \"b_c / w_c\"\nanchors = [0, \"1/4\", 1]\n");
  const CrossCaseQca r = AnalyseCrossCase({s}, CrossCaseOptions{});
  const CalibratedCondition& c = r.cases[0].calibration[1];
  CHECK(c.from_file);
  CHECK(c.measure == "b_c / w_c");
  CHECK(c.anchors[1] == MakeRational(1, 4));
  CHECK(c.value == MakeRational(3, 10) / MakeRational(7, 5));
  CHECK_FALSE(r.cases[0].calibration[0].from_file);
}

TEST_CASE("bad cases and calibrations are one-line errors at their place in the file", "[qca]") {
  const std::string model = "model = \"ncpmi-crisis\"\n";
  CHECK_THROWS_WITH(AnalyseCrossCase({Text(model + "[calibration.C]\nmeasure = \"b_c / nothing\"\n")}, {}),
                    "case.toml:3:11: calibration of C: measure 'b_c / nothing': unknown parameter 'nothing' (see ncpmi models MODEL) at character 7");
  CHECK_THROWS_WITH(Text(model + "[calibration.C]\nanchors = [0, 1, \"1/2\"]\n"),
                    Catch::Contains("case.toml:3:11: calibration.C: anchors [non, cross, full] must be strictly"));
  CHECK_THROWS_WITH(Text(model + "[calibration.X]\nmeasure = \"rho\"\n"),
                    Catch::Contains("calibration: unknown condition 'X'"));
  CHECK_THROWS_WITH(AnalyseCrossCase({Text("model = \"ultimatum\"\n", "u.toml")}, {}),
                    Catch::StartsWith("u.toml:1:9: model ultimatum lacks some of the five condition switches"));
  const Scenario a = Text("title = \"Same\"\n" + model, "a.toml");
  const Scenario b = Text("title = \"Same\"\n" + model, "b.toml");
  CHECK_THROWS_WITH(AnalyseCrossCase({a, b}, {}), "b.toml: duplicate case 'Same' (also a.toml)");
}

}  // namespace
}  // namespace ncpmi::models
