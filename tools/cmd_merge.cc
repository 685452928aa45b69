// `ncpmi merge`: combines the shard outputs of `ncpmi sweep --shard K/N` into exactly the
// single-run output, reporting missing and duplicated points (exit 1, nothing written).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"
#include "ncpmi/sweep/store.h"

namespace ncpmi::cli {

void AddMergeCommand(CLI::App& app) {
  struct MergeOptions {
    std::string out;
    std::vector<std::string> parts;
  };
  auto o = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand("merge", "Merge shard outputs of `ncpmi sweep --shard` into the single-run output");
  cmd->add_option("-o,--output", o->out, "Merged output (.csv or .jsonl, as the parts)")->required();
  cmd->add_option("PART", o->parts, "Shard outputs (their PART.meta files are read when present)")->required();
  cmd->callback([o] {
    const sweep::MergeReport r = sweep::MergeParts(o->out, o->parts);
    auto ranges = [](const std::vector<std::pair<std::int64_t, std::int64_t>>& v) {
      std::string s;
      for (std::size_t k = 0; k < v.size() && k < 20; ++k) {
        s += (k ? ", " : "") + (v[k].first == v[k].second ? std::to_string(v[k].first) : fmt::format("{}-{}", v[k].first, v[k].second));
      }
      if (v.size() > 20) s += fmt::format(", ... ({} ranges)", v.size());
      return s;
    };
    for (const std::string& p : r.problems) std::cerr << "ncpmi merge: " << p << '\n';
    if (!r.missing.empty()) std::cerr << "ncpmi merge: missing points: " << ranges(r.missing) << '\n';
    if (!r.duplicated.empty()) std::cerr << "ncpmi merge: duplicated points: " << ranges(r.duplicated) << '\n';
    if (!r.Ok()) throw std::runtime_error(fmt::format("merge: {} not written ({} missing range(s), {} duplicated range(s), {} other problem(s))",
                                                      o->out, r.missing.size(), r.duplicated.size(), r.problems.size()));
    std::cerr << fmt::format("ncpmi merge: {} rows -> {}{}\n", r.rows, o->out,
                             r.total_known ? "" : " (no PART.meta: points after the last row cannot be checked)");
  });
}

}  // namespace ncpmi::cli
