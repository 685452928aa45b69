// Per-point evaluation (build, exact solve, verdict) and row formatting for CSV and JSON Lines.
#include "ncpmi/sweep/rows.h"

#include <cctype>
#include <exception>

#include "ncpmi/game/error.h"

namespace ncpmi::sweep {
namespace {

bool EndsWith(std::string s, const std::string& tail) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void CsvField(const std::string& s, std::string* out) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) {
    *out += s;
    return;
  }
  *out += '"';
  for (char c : s) {
    if (c == '"') *out += '"';
    *out += c == '\n' || c == '\r' ? ' ' : c;  // one row per line, always
  }
  *out += '"';
}

void JsonString(const std::string& s, std::string* out) {
  *out += '"';
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += c;
    } else if (u < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      *out += "\\u00";
      *out += kHex[u >> 4];
      *out += kHex[u & 15];
    } else {
      *out += c;
    }
  }
  *out += '"';
}

const char* MethodOf(const models::GameAnalysis& r) {
  return r.decided_by == "enumeration" ? "backward-induction" : "subgame-decomposition";
}

}  // namespace

Format FormatOfPath(const std::string& path) {
  if (EndsWith(path, ".csv")) return Format::kCsv;
  if (EndsWith(path, ".jsonl")) return Format::kJsonl;
  throw InputError("-o " + path + ": the output must end in .csv or .jsonl");
}

std::string HeaderLine(const SweepSpec& spec, Format format) {
  if (format == Format::kJsonl) return std::string();
  std::string out = "point";
  for (const std::string& name : spec.SweptNames()) {
    out += ',';
    CsvField(name, &out);
  }
  out += ",status";
  for (Output o : spec.outputs) {
    if (o == Output::kPayoffs) {
      for (const std::string& p : spec.players) {
        out += ',';
        CsvField("payoff_" + p, &out);
      }
    } else {
      out += ',';
      out += OutputName(o);
    }
  }
  out += ",error\n";
  return out;
}

// Per axis and thread: 2^16 values of ~60 bytes each at most.
constexpr std::int64_t kMaxCachedAxis = std::int64_t{1} << 16;

PointEvaluator::PointEvaluator(const SweepSpec& spec, const ResourceLimits& limits)
    : spec_(spec),
      model_(models::FindModel(spec.base.model)),
      values_(spec.base.values),
      effects_(models::ScenarioSwitchEffects(spec.base)) {
  names_ = spec.SweptNames();
  for (const std::string& name : names_) slots_.push_back(values_.find(name));
  axes_.resize(spec.grid.size());
  for (std::size_t d = 0; d < spec.grid.size(); ++d) {
    const std::int64_t size = spec.grid[d].Size();
    if (size <= kMaxCachedAxis) {
      axes_[d].values.resize(static_cast<std::size_t>(size));
      axes_[d].texts.resize(static_cast<std::size_t>(size));
    }
  }
  point_.resize(names_.size());
  texts_.resize(names_.size());
  options_.threshold = spec.threshold;
  options_.solution_concept = spec.solution_concept;
  options_.limits = limits;
  // The default resolved here, once for every point of this evaluator.
  options_.limits.max_memory_bytes = MemoryLimitBytes(limits);
}

void PointEvaluator::Prepare(std::int64_t i) {
  for (std::string& text : texts_) text.clear();  // an error row never shows another point's values
  std::int64_t sample = 0;
  spec_.PointIndices(i, &indices_, &sample);
  for (std::size_t d = 0; d < axes_.size(); ++d) {
    const std::int64_t k = indices_[d];
    AxisCache& cache = axes_[d];
    if (cache.texts.empty()) {
      point_[d] = spec_.grid[d].Value(k);
      texts_[d] = FormatRational(point_[d]);
      continue;
    }
    const std::size_t u = static_cast<std::size_t>(k);
    if (cache.texts[u].empty()) {
      cache.values[u] = spec_.grid[d].Value(k);
      cache.texts[u] = FormatRational(cache.values[u]);
    }
    point_[d] = cache.values[u];
    texts_[d] = cache.texts[u];
  }
  if (!spec_.random.empty()) {
    spec_.SampleValues(sample, &point_);
    for (std::size_t d = axes_.size(); d < point_.size(); ++d) texts_[d] = FormatRational(point_[d]);
  }
  for (std::size_t k = 0; k < slots_.size(); ++k) slots_[k]->second = point_[k];
}

void PointEvaluator::SolveOnly(const std::vector<Rational>& point) {
  for (std::size_t k = 0; k < slots_.size(); ++k) slots_[k]->second = point[k];
  const Game game = models::BuildWithEffects(model_, values_, effects_);
  (void)models::AnalyseGame(game, options_, &scratch_);
}

bool PointEvaluator::AppendRow(std::int64_t i, Format format, std::string* out) {
  models::GameAnalysis& r = analysis_;
  std::string error;
  try {
    Prepare(i);
    const Game game = models::BuildWithEffects(model_, values_, effects_);
    if (options_.limits.max_nodes != 0) {
      CheckNodeBudget(static_cast<std::uint64_t>(game.NumNodes()), 0, options_.limits, "the point's game");
    }
    if (game.NumPlayers() != static_cast<int>(spec_.players.size())) {
      throw InputError("the game has " + std::to_string(game.NumPlayers()) + " players, the base scenario's " +
                       std::to_string(spec_.players.size()));
    }
    r = models::AnalyseGame(game, options_, &scratch_);
  } catch (const std::exception& e) {
    error = e.what();
    if (error.empty()) error = "unknown error";
  }
  const bool ok = error.empty();
  if (format == Format::kCsv) {
    *out += std::to_string(i);
    for (const std::string& text : texts_) {
      *out += ',';
      *out += text;
    }
    *out += ok ? ",ok" : ",error";
    for (Output o : spec_.outputs) {
      if (o == Output::kPayoffs) {
        for (std::size_t p = 0; p < spec_.players.size(); ++p) {
          *out += ',';
          if (ok) AppendRational(r.payoffs[p], out);
        }
        continue;
      }
      *out += ',';
      if (!ok) continue;
      switch (o) {
        case Output::kVerdict: *out += models::VerdictName(r.verdict); break;
        case Output::kPSettlement: AppendRational(r.summary.p_settlement, out); break;
        case Output::kPDurable: AppendRational(r.summary.p_durable, out); break;
        case Output::kOutcomeClass: *out += models::OutcomeClassName(r.main_class); break;
        case Output::kPath: CsvField(models::FormatPath(r.path), out); break;
        case Output::kMethod: *out += MethodOf(r); break;
        case Output::kPayoffs: break;
      }
    }
    *out += ',';
    CsvField(error, out);
    *out += '\n';
    return ok;
  }
  *out += "{\"point\":" + std::to_string(i) + ",\"parameters\":{";
  for (std::size_t k = 0; k < point_.size(); ++k) {
    if (k > 0) *out += ',';
    JsonString(names_[k], out);
    *out += ':';
    JsonString(texts_[k], out);
  }
  *out += ok ? "},\"status\":\"ok\"" : "},\"status\":\"error\"";
  if (!ok) {
    *out += ",\"error\":";
    JsonString(error, out);
    *out += "}\n";
    return false;
  }
  for (Output o : spec_.outputs) {
    *out += ",\"";
    *out += OutputName(o);
    *out += "\":";
    switch (o) {
      case Output::kVerdict: JsonString(models::VerdictName(r.verdict), out); break;
      case Output::kPSettlement: JsonString(FormatRational(r.summary.p_settlement), out); break;
      case Output::kPDurable: JsonString(FormatRational(r.summary.p_durable), out); break;
      case Output::kOutcomeClass: JsonString(models::OutcomeClassName(r.main_class), out); break;
      case Output::kPath: JsonString(models::FormatPath(r.path), out); break;
      case Output::kMethod: JsonString(MethodOf(r), out); break;
      case Output::kPayoffs:
        *out += '{';
        for (std::size_t p = 0; p < spec_.players.size(); ++p) {
          if (p > 0) *out += ',';
          JsonString(spec_.players[p], out);
          *out += ':';
          JsonString(FormatRational(r.payoffs[p]), out);
        }
        *out += '}';
        break;
    }
  }
  *out += "}\n";
  return true;
}

std::int64_t RowPoint(const std::string& line, Format format) {
  std::size_t pos = 0;
  if (format == Format::kJsonl) {
    static const std::string kPrefix = "{\"point\":";
    if (line.compare(0, kPrefix.size(), kPrefix) != 0) return -1;
    pos = kPrefix.size();
  }
  std::int64_t v = 0;
  const std::size_t start = pos;
  while (pos < line.size() && std::isdigit(static_cast<unsigned char>(line[pos])) && pos - start < 18) {
    v = v * 10 + (line[pos] - '0');
    ++pos;
  }
  if (pos == start || pos >= line.size() || (line[pos] != ',' && line[pos] != '}')) return -1;
  return v;
}

}  // namespace ncpmi::sweep
