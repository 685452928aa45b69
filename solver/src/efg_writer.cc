// Writer for normalised Gambit .efg files, streaming through a memory buffer.
#include <fmt/format.h>

#include <sstream>

#include "gambit_writer.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/io/efg.h"

namespace ncpmi {
namespace {

using gambit::AppendQuoted;

class EfgWriter {
 public:
  EfgWriter(const Game& game, EfgNumbers numbers, std::ostream& out)
      : game_(game), numbers_(numbers), out_(out) {}

  void Write() {
    fmt::format_to(std::back_inserter(buf_), "EFG 2 {} ", numbers_ == EfgNumbers::kRational ? 'R' : 'D');
    AppendQuoted(buf_, game_.Title());
    buf_.append(std::string_view(" {"));
    for (int p = 1; p <= game_.NumPlayers(); ++p) {
      buf_.push_back(' ');
      AppendQuoted(buf_, game_.PlayerName(p));
    }
    buf_.append(std::string_view(" }\n"));
    AppendQuoted(buf_, game_.Comment());
    buf_.append(std::string_view("\n\n"));

    infoset_number_.assign(static_cast<std::size_t>(game_.NumInfosets()), 0);
    next_infoset_number_.assign(static_cast<std::size_t>(game_.NumPlayers()) + 1, 1);
    outcome_number_.assign(static_cast<std::size_t>(game_.NumOutcomes()), 0);

    std::vector<NodeId> stack{0};
    while (!stack.empty()) {
      const NodeId n = stack.back();
      stack.pop_back();
      WriteNode(n);
      for (NodeId c = game_.ChildEnd(n); c-- > game_.ChildBegin(n);) stack.push_back(c);
      if (buf_.size() > (1 << 20)) Flush();
    }
    Flush();
  }

 private:
  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  void AppendNumber(const StoredRational& r) { gambit::AppendNumber(buf_, game_, r, numbers_); }

  void WriteNode(NodeId n) {
    const InfosetId h = game_.Infoset(n);
    const int player = game_.Player(n);
    buf_.push_back(h < 0 ? 't' : player == kChancePlayer ? 'c' : 'p');
    buf_.push_back(' ');
    AppendQuoted(buf_, game_.NodeName(n));
    if (h >= 0) {
      if (player != kChancePlayer) fmt::format_to(std::back_inserter(buf_), " {}", player);
      const bool first = infoset_number_[h] == 0;
      if (first) infoset_number_[h] = next_infoset_number_[player]++;
      fmt::format_to(std::back_inserter(buf_), " {}", infoset_number_[h]);
      if (first) {
        buf_.push_back(' ');
        AppendQuoted(buf_, game_.InfosetName(h));
        buf_.append(std::string_view(" {"));
        for (int a = 0; a < game_.NumActions(h); ++a) {
          buf_.push_back(' ');
          AppendQuoted(buf_, game_.ActionName(h, a));
          if (player == kChancePlayer) {
            buf_.push_back(' ');
            AppendNumber(game_.ActionProbabilityStored(h, a));
          }
        }
        buf_.append(std::string_view(" }"));
      }
    }
    const OutcomeId o = game_.Outcome(n);
    if (o < 0) {
      buf_.append(std::string_view(" 0\n"));
      return;
    }
    const bool first = outcome_number_[o] == 0;
    if (first) outcome_number_[o] = next_outcome_number_++;
    fmt::format_to(std::back_inserter(buf_), " {}", outcome_number_[o]);
    if (first) {
      buf_.push_back(' ');
      AppendQuoted(buf_, game_.OutcomeName(o));
      buf_.append(std::string_view(" {"));
      for (int p = 1; p <= game_.NumPlayers(); ++p) {
        buf_.push_back(' ');
        AppendNumber(game_.PayoffStored(o, p));
      }
      buf_.append(std::string_view(" }"));
    }
    buf_.push_back('\n');
  }

  const Game& game_;
  EfgNumbers numbers_;
  std::ostream& out_;
  fmt::memory_buffer buf_;
  std::vector<int> infoset_number_;
  std::vector<int> next_infoset_number_;
  std::vector<int> outcome_number_;
  int next_outcome_number_ = 1;
};

}  // namespace

void WriteEfg(const Game& game, std::ostream& out, EfgNumbers numbers) {
  EfgWriter(game, numbers, out).Write();
}

std::string WriteEfgString(const Game& game, EfgNumbers numbers) {
  std::ostringstream out;
  WriteEfg(game, out, numbers);
  return out.str();
}

void WriteEfgFile(const Game& game, const std::string& path, EfgNumbers numbers) {
  WriteOutput(path, [&](std::ostream& out) { WriteEfg(game, out, numbers); });
}

}  // namespace ncpmi
