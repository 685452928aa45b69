// `ncpmi robustness`: how much of a box of plausible parameter values keeps a scenario's verdict
// and pivotal claims (shares with Wilson intervals), which parameters they depend on (Spearman
// rank correlations) and where each flips when one parameter moves alone; text, JSON, CSV or
// LaTeX. The computation is sweep::AnalyseRobustness; this file parses flags and writes.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
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
#include "ncpmi/models/scenario.h"
#include "ncpmi/models/table_render.h"
#include "ncpmi/sweep/robustness.h"
#include "ncpmi/sweep/store.h"

namespace ncpmi::cli {
namespace {

enum class RobustnessFormat { kText, kJson, kCsv, kLatex };

struct RobustnessCliOptions {
  std::string scenario;
  std::int64_t samples = 200;
  std::string params;  // comma-separated
  bool unsourced = false;
  std::string box = "1/4";
  std::uint64_t seed = 1;
  int threads = 0;
  RobustnessFormat format = RobustnessFormat::kText;
  std::string out;
  bool resume = false;
  LimitFlags limits;
};

using sweep::RobustnessReport;

std::string Decimal(double v) { return fmt::format("{:.3f}", v); }

std::string Rho(const std::optional<double>& v) { return v ? fmt::format("{:+.2f}", *v) : std::string("n/a"); }

// The parameters of a claim by |rho|, largest first, those above 0.1 only, at most three.
std::vector<std::size_t> MostSensitive(const sweep::ClaimShare& share) {
  std::vector<std::size_t> order;
  for (std::size_t d = 0; d < share.spearman.size(); ++d) {
    if (share.spearman[d] && std::fabs(*share.spearman[d]) >= 0.1) order.push_back(d);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return std::fabs(*share.spearman[a]) > std::fabs(*share.spearman[b]); });
  if (order.size() > 3) order.resize(3);
  return order;
}

std::string SensitiveText(const RobustnessReport& r, const sweep::ClaimShare& share) {
  std::string out;
  for (std::size_t d : MostSensitive(share)) {
    out += (out.empty() ? "" : ", ") + r.sides[d].parameter + " " + Rho(share.spearman[d]);
  }
  return out.empty() ? std::string("none above 0.1") : out;
}

// Flips of one parameter and direction at one point, as one line: "w_c up: at 17/20 verdict all
// fails (there); N pivotal fails (beyond)". The brackets are in the JSON and CSV forms.
std::vector<std::string> FlipLines(const std::vector<sweep::Flip>& flips) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < flips.size();) {
    const sweep::Flip& f = flips[i];
    std::string line = fmt::format("{} {}: at {}", f.parameter, f.upward ? "up" : "down", FormatRational(f.at));
    std::size_t j = i;
    for (; j < flips.size() && flips[j].parameter == f.parameter && flips[j].upward == f.upward && flips[j].at == f.at; ++j) {
      line += fmt::format("{} {} fails {}", j == i ? "" : ";", flips[j].claim,
                          flips[j].holds_at ? "beyond it" : "from it on");
    }
    lines.push_back(line + (f.exact ? " (integers)" : ""));
    i = j;
  }
  return lines;
}

std::string BoxNote(const RobustnessReport& r) {
  return "[ranges] of the file, else value x (1 -/+ " + FormatRational(r.box) +
         ") within the valid range; integers sampled on the integers; booleans never varied";
}

std::string ToleranceNote(const RobustnessReport& r) {
  return fmt::format("a scan of {} equally spaced points from the value to each edge (every integer for integer "
                     "parameters), then {} bisection steps on the first interval where the claim fails: bracket width "
                     "|edge - value| / {} / 2^{}; the threshold is the simplest fraction in the bracket (exact "
                     "whenever the true threshold's denominator is below 1/sqrt(width))",
                     r.scan_points, r.bisection_steps, r.scan_points, r.bisection_steps);
}

void WriteText(const RobustnessReport& r, std::ostream& out) {
  out << "robustness of " << (r.title.empty() ? "(untitled)" : r.title) << " [" << r.scenario_path << "], model "
      << r.model << '\n';
  std::string present;
  for (const std::string& l : r.conditions_present) present += (present.empty() ? "" : " ") + l;
  out << "at the scenario's values: verdict " << models::VerdictName(r.verdict) << " (P(S) " << FormatRational(r.p_settlement)
      << ", threshold " << FormatRational(r.threshold) << "); conditions present: " << (present.empty() ? "none" : present)
      << '\n';
  out << "box: " << r.sides.size() << " parameter(s); " << BoxNote(r) << '\n';
  std::vector<std::vector<std::string>> table{{"parameter", "value", "low", "high", "from"}};
  for (const sweep::BoxSide& s : r.sides) {
    table.push_back({s.parameter + (s.integer ? " (integer)" : ""), FormatRational(s.value), FormatRational(s.lo),
                     FormatRational(s.hi), s.origin});
  }
  auto print = [&out](const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> width(rows.front().size(), 0);
    for (const auto& row : rows) {
      for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
    }
    for (const auto& row : rows) {
      std::string line = " ";
      for (std::size_t c = 0; c < row.size(); ++c) {
        line += " " + (c + 1 == row.size() ? row[c] : fmt::format("{:<{}}", row[c], width[c]));
      }
      out << line << '\n';
    }
  };
  print(table);
  for (const std::string& f : r.fixed) out << "  not varied: " << f << '\n';
  out << "samples: " << r.samples << " (Latin hypercube, exact rationals, seed " << r.seed << "); errors " << r.errors
      << (r.errors > 0 ? " (first: " + r.first_error + ")" : std::string()) << "; verdicts over the valid samples: all "
      << r.verdict_counts[0] << ", some " << r.verdict_counts[1] << ", no " << r.verdict_counts[2] << "\n\n";

  out << "claims as stated at the scenario's values (pivotal: switching the condition off alone leaves no settling SPE):\n";
  std::vector<std::vector<std::string>> claims{{"claim", "holds", "share", "95% Wilson", "most sensitive to (Spearman)"}};
  for (std::size_t c = 0; c < r.claims.size(); ++c) {
    const sweep::ClaimShare& s = r.shares[c];
    claims.push_back({r.claims[c].name, fmt::format("{}/{}", s.holds, s.valid), Decimal(s.share.get_d()),
                      "[" + Decimal(s.wilson_low) + ", " + Decimal(s.wilson_high) + "]", SensitiveText(r, s)});
  }
  print(claims);

  out << "\nSpearman rank correlation of each parameter with each claim's 0/1 indicator over the samples:\n";
  std::vector<std::vector<std::string>> rho{{"parameter"}};
  for (const sweep::Claim& c : r.claims) rho.front().push_back(c.name);
  for (std::size_t d = 0; d < r.sides.size(); ++d) {
    std::vector<std::string> row{r.sides[d].parameter};
    for (const sweep::ClaimShare& s : r.shares) row.push_back(Rho(s.spearman[d]));
    rho.push_back(std::move(row));
  }
  print(rho);

  out << "\none-at-a-time flips (" << ToleranceNote(r) << "):\n";
  if (r.flips.empty()) out << "  none: every claim holds from each value to both edges of its box (at the scan points)\n";
  for (const std::string& line : FlipLines(r.flips)) out << "  " << line << '\n';
}

nlohmann::ordered_json Optional(const std::optional<double>& v) {
  if (!v) return nullptr;
  return *v;
}

void WriteJson(const RobustnessReport& r, std::ostream& out) {
  nlohmann::ordered_json j;
  j["scenario"] = {{"file", r.scenario_path}, {"title", r.title}, {"model", r.model}};
  j["threshold"] = FormatRational(r.threshold);
  j["verdict"] = models::VerdictName(r.verdict);
  j["p_settlement"] = FormatRational(r.p_settlement);
  j["conditions_present"] = r.conditions_present;
  j["samples"] = r.samples;
  j["seed"] = r.seed;
  j["box"] = FormatRational(r.box);
  j["parameters"] = nlohmann::ordered_json::array();
  for (const sweep::BoxSide& s : r.sides) {
    j["parameters"].push_back({{"parameter", s.parameter}, {"integer", s.integer}, {"value", FormatRational(s.value)},
                               {"low", FormatRational(s.lo)}, {"high", FormatRational(s.hi)}, {"from", s.origin}});
  }
  j["not_varied"] = r.fixed;
  j["errors"] = r.errors;
  j["first_error"] = r.first_error;
  j["verdicts"] = {{"all", r.verdict_counts[0]}, {"some", r.verdict_counts[1]}, {"no", r.verdict_counts[2]}};
  j["claims"] = nlohmann::ordered_json::array();
  for (std::size_t c = 0; c < r.claims.size(); ++c) {
    const sweep::ClaimShare& s = r.shares[c];
    nlohmann::ordered_json e;
    e["claim"] = r.claims[c].name;
    e["holds"] = s.holds;
    e["valid"] = s.valid;
    e["share"] = FormatRational(s.share);
    e["wilson_low"] = s.wilson_low;
    e["wilson_high"] = s.wilson_high;
    e["spearman"] = nlohmann::ordered_json::object();
    for (std::size_t d = 0; d < r.sides.size(); ++d) e["spearman"][r.sides[d].parameter] = Optional(s.spearman[d]);
    j["claims"].push_back(std::move(e));
  }
  j["flip_search"] = {{"scan_points", r.scan_points}, {"bisection_steps", r.bisection_steps}};
  j["flips"] = nlohmann::ordered_json::array();
  for (const sweep::Flip& f : r.flips) {
    j["flips"].push_back({{"parameter", f.parameter}, {"direction", f.upward ? "up" : "down"}, {"claim", f.claim},
                          {"at", FormatRational(f.at)}, {"bracket_low", FormatRational(f.bracket_low)},
                          {"bracket_high", FormatRational(f.bracket_high)}, {"holds_at", f.holds_at}, {"exact", f.exact}});
  }
  out << j.dump(2) << '\n';
}

// Long ("tidy") form, one number per row, so one file holds the shares, the correlations and
// the flips: claim,parameter,statistic,value.
models::Table CsvTable(const RobustnessReport& r) {
  models::Table t;
  t.columns = {"claim", "parameter", "statistic", "value"};
  for (std::size_t c = 0; c < r.claims.size(); ++c) {
    const sweep::ClaimShare& s = r.shares[c];
    const std::string& name = r.claims[c].name;
    t.rows.push_back({name, "", "holds", std::to_string(s.holds)});
    t.rows.push_back({name, "", "valid", std::to_string(s.valid)});
    t.rows.push_back({name, "", "share", FormatRational(s.share)});
    t.rows.push_back({name, "", "wilson_low", fmt::format("{:.6f}", s.wilson_low)});
    t.rows.push_back({name, "", "wilson_high", fmt::format("{:.6f}", s.wilson_high)});
    for (std::size_t d = 0; d < r.sides.size(); ++d) {
      t.rows.push_back({name, r.sides[d].parameter, "spearman", s.spearman[d] ? fmt::format("{:.6f}", *s.spearman[d]) : ""});
    }
  }
  for (const sweep::Flip& f : r.flips) {
    const std::string dir = f.upward ? "up" : "down";
    t.rows.push_back({f.claim, f.parameter, "flip_" + dir, FormatRational(f.at)});
    t.rows.push_back({f.claim, f.parameter, "flip_" + dir + "_bracket_low", FormatRational(f.bracket_low)});
    t.rows.push_back({f.claim, f.parameter, "flip_" + dir + "_bracket_high", FormatRational(f.bracket_high)});
  }
  return t;
}

// Two booktabs tabulars through the table writer: the claims (share, interval, the most
// sensitive parameters) and the flips.
void WriteLatex(const RobustnessReport& r, std::ostream& out) {
  out << "% Robustness of " << r.scenario_path << " (model " << r.model << "), generated by `ncpmi robustness --format "
      << "latex`; needs \\usepackage{booktabs}. " << r.samples << " Latin-hypercube samples (seed " << r.seed
      << ") of " << r.sides.size() << " parameter(s); " << BoxNote(r) << ".\n";
  models::Table claims;
  claims.columns = {"Claim", "Share", "95% low", "95% high", "Most sensitive to (Spearman)"};
  for (std::size_t c = 0; c < r.claims.size(); ++c) {
    const sweep::ClaimShare& s = r.shares[c];
    claims.rows.push_back({r.claims[c].name, Decimal(s.share.get_d()), Decimal(s.wilson_low), Decimal(s.wilson_high),
                           SensitiveText(r, s)});
  }
  models::WriteTable(claims, models::TableFormat::kLatex, {}, out);
  out << '\n';
  models::Table flips;
  flips.columns = {"Parameter", "Direction", "Claim", "Fails at"};
  for (const sweep::Flip& f : r.flips) flips.rows.push_back({f.parameter, f.upward ? "up" : "down", f.claim, FormatRational(f.at)});
  models::WriteTable(flips, models::TableFormat::kLatex, {}, out);
}

std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> out;
  std::stringstream in(list);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (item.empty()) throw InputError("--params '" + list + "': an empty name (write NAME,NAME,...)");
    out.push_back(item);
  }
  return out;
}

}  // namespace

void AddRobustnessCommand(CLI::App& app) {
  auto o = std::make_shared<RobustnessCliOptions>();
  CLI::App* cmd = app.add_subcommand(
      "robustness",
      "How robust a scenario's verdict and pivotal claims are over a box of plausible parameter values: "
      "Latin-hypercube shares with Wilson intervals, Spearman sensitivities, one-at-a-time flip thresholds");
  cmd->add_option("SCENARIO", o->scenario, "Scenario file (.toml; '-' for standard input)")->required();
  cmd->add_option("--samples", o->samples, "Latin-hypercube samples of the box (default 200)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100000000}));
  CLI::Option* params =
      cmd->add_option("--params", o->params,
                      "Parameters to vary, comma-separated (numbers or integers; default: every numeric "
                      "parameter the file sets or gives a range)");
  CLI::Option* unsourced =
      cmd->add_flag("--unsourced", o->unsourced, "Vary exactly the parameters the file lists in 'unsourced'");
  params->excludes(unsourced);
  cmd->add_option("--box", o->box,
                  "Relative half-width REL of the box where the file has no [ranges] entry: value x (1 -/+ REL) "
                  "(default 1/4)");
  cmd->add_option("--seed", o->seed, "Seed of the sampling (default 1)");
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: all cores); the output is identical for every N")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--format", o->format, "Output: text, json, csv or latex")
      ->transform(CLI::CheckedTransformer(std::map<std::string, RobustnessFormat>{{"text", RobustnessFormat::kText},
                                                                                 {"json", RobustnessFormat::kJson},
                                                                                 {"csv", RobustnessFormat::kCsv},
                                                                                 {"latex", RobustnessFormat::kLatex}}));
  cmd->add_option("-o,--output", o->out,
                  "Write the report to FILE (atomically); the samples go to FILE.parts/ meanwhile, so a killed "
                  "run continues with --resume");
  cmd->add_flag("--resume", o->resume, "Continue an interrupted run from the valid chunks in FILE.parts/ (needs -o)");
  AddLimitFlags(cmd, &o->limits);
  cmd->callback([o] {
    if (o->resume && o->out.empty()) throw InputError("--resume needs -o FILE (the samples are kept in FILE.parts/)");
    const ResourceLimits limits = o->limits.Limits();
    const models::Scenario scenario = models::ReadScenarioFile(o->scenario);
    (void)BuildScenarioWithin(scenario, limits);
    sweep::RobustnessOptions ro;
    ro.samples = o->samples;
    if (!o->params.empty()) ro.params = SplitList(o->params);
    ro.unsourced = o->unsourced;
    const std::optional<Rational> box = ParseRational(o->box);
    if (!box || *box < 0) throw InputError("--box '" + o->box + "' must be a number >= 0 (e.g. 1/4 or 0.1)");
    ro.box = *box;
    ro.seed = o->seed;
    ro.threads = ApplyThreads(o->threads);
    ro.analysis.threshold = scenario.threshold;
    ro.analysis.limits = limits;
    if (!o->out.empty()) ro.parts_dir = sweep::PartsDir(o->out);
    ro.resume = o->resume;
    const RobustnessReport r = sweep::AnalyseRobustness(scenario, ro);
    std::ostringstream text;
    switch (o->format) {
      case RobustnessFormat::kText: WriteText(r, text); break;
      case RobustnessFormat::kJson: WriteJson(r, text); break;
      case RobustnessFormat::kCsv: models::WriteTable(CsvTable(r), models::TableFormat::kCsv, {}, text); break;
      case RobustnessFormat::kLatex: WriteLatex(r, text); break;
    }
    if (o->out.empty()) {
      std::cout << text.str();
    } else {
      sweep::WriteFileAtomically(o->out, text.str());
    }
  });
}

}  // namespace ncpmi::cli
