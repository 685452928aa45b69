// Verdict flips per grid parameter and the two-parameter phase table of a finished sweep.
#include "ncpmi/sweep/summary.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/sweep/rows.h"
#include "ncpmi/sweep/store.h"

namespace ncpmi::sweep {
namespace {

constexpr unsigned char kAbsent = 255, kError = 3;

// Splits one CSV line (RFC 4180 quoting, no embedded newlines).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t k = 0; k < line.size(); ++k) {
    const char c = line[k];
    if (quoted) {
      if (c == '"' && k + 1 < line.size() && line[k + 1] == '"') {
        fields.back() += '"';
        ++k;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::string JsonField(const std::string& line, const std::string& key) {
  const std::string pattern = "\"" + key + "\":\"";
  const std::size_t at = line.find(pattern);
  if (at == std::string::npos) return std::string();
  const std::size_t begin = at + pattern.size();
  const std::size_t end = line.find('"', begin);
  return end == std::string::npos ? std::string() : line.substr(begin, end - begin);
}

unsigned char Code(const std::string& status, const std::string& verdict) {
  if (status != "ok") return kError;
  return verdict == "all" ? 2 : verdict == "some" ? 1 : 0;
}

const char* CodeName(unsigned char c) {
  switch (c) {
    case 2: return "all";
    case 1: return "some";
    case 0: return "no";
    case kError: return "error";
    default: return "absent";
  }
}

}  // namespace

std::string SummarizeSweep(const SweepSpec& spec, const SummaryOptions& o) {
  if (!spec.Has(Output::kVerdict)) throw InputError(spec.path + ": the summary needs the 'verdict' output");
  const Format format = FormatOfPath(o.output);
  std::ifstream in(o.output, std::ios::binary);
  if (!in) throw InputError(o.output + ": cannot open (run the sweep first)");
  const std::int64_t n = spec.NumPoints();
  std::vector<unsigned char> code(static_cast<std::size_t>(n), kAbsent);
  const bool phase = !o.phase.empty() && spec.grid.size() >= 2;
  std::vector<std::string> p_settlement;
  std::size_t px = 0, py = 0;
  if (phase) {
    px = static_cast<std::size_t>(o.x_axis);
    py = static_cast<std::size_t>(o.y_axis);
    if (px >= spec.grid.size() || py >= spec.grid.size() || px == py) throw InputError("--phase: two different grid parameters");
    p_settlement.resize(static_cast<std::size_t>(spec.grid[px].Size() * spec.grid[py].Size()));
  }
  std::string line;
  std::size_t status_col = 0, verdict_col = 0, p_col = 0;
  if (format == Format::kCsv) {
    if (!ReadRow(in, &line, o.output) || line + "\n" != HeaderLine(spec, format)) {
      throw InputError(o.output + ": its header is not this sweep's (" + HeaderLine(spec, format).substr(0, 60) + "...)");
    }
    const std::vector<std::string> header = SplitCsv(line);
    for (std::size_t k = 0; k < header.size(); ++k) {
      if (header[k] == "status") status_col = k;
      if (header[k] == "verdict") verdict_col = k;
      if (header[k] == "p_settlement") p_col = k;
    }
  }
  std::int64_t counts[4] = {0, 0, 0, 0};
  // Strides of the grid axes in the point index.
  std::vector<std::int64_t> stride(spec.grid.size());
  std::int64_t s = spec.samples;
  for (std::size_t d = spec.grid.size(); d-- > 0;) {
    stride[d] = s;
    s *= spec.grid[d].Size();
  }
  while (ReadRow(in, &line, o.output)) {
    if (line.empty()) continue;
    const std::int64_t i = RowPoint(line, format);
    if (i < 0 || i >= n) throw InputError(o.output + ": a row that is not a point of this sweep: " + line.substr(0, 60));
    std::string status, verdict, p;
    if (format == Format::kCsv) {
      const std::vector<std::string> f = SplitCsv(line);
      if (f.size() <= std::max({status_col, verdict_col, p_col})) throw InputError(o.output + ": a short row: " + line.substr(0, 60));
      status = f[status_col];
      verdict = f[verdict_col];
      p = p_col > 0 ? f[p_col] : std::string();
    } else {
      status = JsonField(line, "status");
      verdict = JsonField(line, "verdict");
      p = JsonField(line, "p_settlement");
    }
    const unsigned char c = Code(status, verdict);
    code[static_cast<std::size_t>(i)] = c;
    ++counts[c];
    if (phase && i % spec.samples == 0) {
      bool at_first = true;
      for (std::size_t d = 0; d < spec.grid.size(); ++d) {
        if (d != px && d != py && (i / stride[d]) % spec.grid[d].Size() != 0) at_first = false;
      }
      if (at_first) {
        const std::int64_t kx = (i / stride[px]) % spec.grid[px].Size();
        const std::int64_t ky = (i / stride[py]) % spec.grid[py].Size();
        p_settlement[static_cast<std::size_t>(ky * spec.grid[px].Size() + kx)] = p;
      }
    }
  }
  std::string out = "summary of " + o.output + ": " + std::to_string(n) + " points; verdict all " + std::to_string(counts[2]) +
                    ", some " + std::to_string(counts[1]) + ", no " + std::to_string(counts[0]) + ", error " +
                    std::to_string(counts[kError]);
  std::int64_t absent = n - counts[0] - counts[1] - counts[2] - counts[kError];
  if (absent > 0) out += ", absent " + std::to_string(absent);
  out += "\n";
  if (spec.samples > 1) out += "sampled parameters are not summarised; grid flips below use sample 0 of each grid point\n";
  for (std::size_t d = 0; d < spec.grid.size(); ++d) {
    const Axis& axis = spec.grid[d];
    const std::int64_t size = axis.Size();
    std::int64_t lines = 0, flipping = 0, flips = 0;
    // Lines with the same flips are grouped: the flips, how many lines, the first line's place.
    std::vector<std::string> order;
    std::map<std::string, std::pair<std::int64_t, std::string>> groups;
    for (std::int64_t g = 0; g < n; g += spec.samples) {
      if ((g / stride[d]) % size != 0) continue;  // the start of one line along axis d
      ++lines;
      std::string here;
      for (std::int64_t k = 0; k + 1 < size; ++k) {
        const unsigned char a = code[static_cast<std::size_t>(g + k * stride[d])];
        const unsigned char b = code[static_cast<std::size_t>(g + (k + 1) * stride[d])];
        if (a == b) continue;
        ++flips;
        here += std::string(here.empty() ? "" : "; ") + "between " + FormatRational(axis.Value(k)) + " and " +
                FormatRational(axis.Value(k + 1)) + ": " + CodeName(a) + " -> " + CodeName(b);
      }
      if (here.empty()) continue;
      ++flipping;
      auto it = groups.find(here);
      if (it != groups.end()) {
        ++it->second.first;
        continue;
      }
      std::string at;
      std::vector<Rational> values;
      spec.PointValues(g, &values);
      for (std::size_t e = 0; e < spec.grid.size(); ++e) {
        if (e != d) at += std::string(at.empty() ? "" : ", ") + spec.grid[e].parameter + " = " + FormatRational(values[e]);
      }
      groups.emplace(here, std::make_pair(std::int64_t{1}, at));
      order.push_back(here);
    }
    out += "parameter " + axis.parameter + " (" + std::to_string(size) + " values, " + FormatRational(axis.Value(0)) + " .. " +
           FormatRational(axis.Value(size - 1)) + "): " + std::to_string(flips) + " flip(s) on " + std::to_string(flipping) +
           " of " + std::to_string(lines) + " line(s)\n";
    for (std::size_t k = 0; k < order.size() && k < o.max_lines; ++k) {
      const auto& [count, at] = groups.at(order[k]);
      out += "  " + order[k] +
             (spec.grid.size() == 1 ? std::string()
                                    : count == 1 ? " at " + at : " on " + std::to_string(count) + " lines, first at " + at) +
             "\n";
    }
    if (order.size() > o.max_lines) out += "  ... " + std::to_string(order.size() - o.max_lines) + " more pattern(s)\n";
  }
  if (phase) {
    std::string table = spec.grid[px].parameter + "," + spec.grid[py].parameter + ",verdict,code,p_settlement\n";
    for (std::int64_t ky = 0; ky < spec.grid[py].Size(); ++ky) {
      for (std::int64_t kx = 0; kx < spec.grid[px].Size(); ++kx) {
        const std::int64_t i = kx * stride[px] + ky * stride[py];
        const unsigned char c = code[static_cast<std::size_t>(i)];
        table += FormatRational(spec.grid[px].Value(kx)) + "," + FormatRational(spec.grid[py].Value(ky)) + "," + CodeName(c) + "," +
                 (c == kError || c == kAbsent ? std::string("-1") : std::to_string(c)) + "," +
                 p_settlement[static_cast<std::size_t>(ky * spec.grid[px].Size() + kx)] + "\n";
      }
    }
    WriteFileAtomically(o.phase, table);
    out += "phase table (" + spec.grid[px].parameter + " x " + spec.grid[py].parameter + ", other grid parameters at their first value): " +
           o.phase + "\n";
  }
  return out;
}

}  // namespace ncpmi::sweep
