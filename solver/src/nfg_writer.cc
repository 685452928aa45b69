// Writer for normalised Gambit .nfg files from games of strategic-form shape, streaming through a
// memory buffer.
#include <fmt/format.h>

#include <sstream>
#include <vector>

#include "gambit_writer.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/atomic_file.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi {
namespace {

using gambit::AppendQuoted;

std::string DescribeNode(const Game& game, NodeId n) {
  std::string s = "node " + std::to_string(n);
  if (!game.NodeName(n).empty()) s += " \"" + game.NodeName(n) + "\"";
  return s;
}

class NfgWriter {
 public:
  NfgWriter(const Game& game, EfgNumbers numbers, std::ostream& out)
      : game_(game), numbers_(numbers), out_(out) {}

  void Write() {
    const int n = game_.NumPlayers();
    for (int k = 0; k < n; ++k) {
      const InfosetId h = game_.Infoset(game_.LevelBegin(k));
      infosets_.push_back(h);
      strategies_.push_back(game_.NumActions(h));
    }
    // Leaf of a profile: leaves are in breadth-first (lexicographic, last player fastest) order.
    leaf_stride_.assign(static_cast<std::size_t>(n), 1);
    for (int k = n - 2; k >= 0; --k) {
      leaf_stride_[static_cast<std::size_t>(k)] =
          leaf_stride_[static_cast<std::size_t>(k) + 1] * strategies_[static_cast<std::size_t>(k) + 1];
    }
    digit_.assign(static_cast<std::size_t>(n), 0);

    fmt::format_to(std::back_inserter(buf_), "NFG 1 {} ", numbers_ == EfgNumbers::kRational ? 'R' : 'D');
    AppendQuoted(buf_, game_.Title());
    buf_.append(std::string_view(" {"));
    for (int p = 1; p <= n; ++p) {
      buf_.push_back(' ');
      AppendQuoted(buf_, game_.PlayerName(p));
    }
    buf_.append(std::string_view(" }"));
    if (HasNamedStrategies()) {
      buf_.append(std::string_view("\n{\n"));
      for (int k = 0; k < n; ++k) {
        buf_.push_back('{');
        for (int a = 0; a < strategies_[static_cast<std::size_t>(k)]; ++a) {
          buf_.push_back(' ');
          AppendQuoted(buf_, game_.ActionName(infosets_[static_cast<std::size_t>(k)], a));
        }
        buf_.append(std::string_view(" }\n"));
      }
      buf_.append(std::string_view("}\n"));
    } else {
      buf_.append(std::string_view(" {"));
      for (int s : strategies_) fmt::format_to(std::back_inserter(buf_), " {}", s);
      buf_.append(std::string_view(" }\n"));
    }
    AppendQuoted(buf_, game_.Comment());
    buf_.append(std::string_view("\n\n"));
    if (HasNamedOutcomes()) {
      WriteOutcomeVersion();
    } else {
      WritePayoffVersion();
    }
    Flush();
  }

 private:
  bool HasNamedStrategies() const {
    for (std::size_t k = 0; k < infosets_.size(); ++k) {
      for (int a = 0; a < strategies_[k]; ++a) {
        if (game_.ActionName(infosets_[k], a) != std::to_string(a + 1)) return true;
      }
    }
    return false;
  }

  bool HasNamedOutcomes() const {
    for (NodeId v = game_.LevelBegin(game_.NumPlayers()); v < game_.NumNodes(); ++v) {
      const OutcomeId o = game_.Outcome(v);
      if (o != kNoOutcome && !game_.OutcomeName(o).empty()) return true;
    }
    return false;
  }

  NodeId NumProfiles() const { return game_.NumNodes() - game_.LevelBegin(game_.NumPlayers()); }

  // The leaf of the current profile; then advances to the next profile, player 1 fastest.
  NodeId NextLeaf() {
    const NodeId leaf = game_.LevelBegin(game_.NumPlayers()) + leaf_;
    for (std::size_t k = 0; k < digit_.size(); ++k) {
      if (++digit_[k] < strategies_[k]) {
        leaf_ += leaf_stride_[k];
        break;
      }
      leaf_ -= (strategies_[k] - 1) * leaf_stride_[k];
      digit_[k] = 0;
    }
    return leaf;
  }

  void Flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  void AppendNumber(const StoredRational& r) { gambit::AppendNumber(buf_, game_, r, numbers_); }

  // One line per profile: the payoffs of players 1..n.
  void WritePayoffVersion() {
    const NodeId profiles = NumProfiles();
    for (NodeId c = 0; c < profiles; ++c) {
      const OutcomeId o = game_.Outcome(NextLeaf());
      for (int p = 1; p <= game_.NumPlayers(); ++p) {
        if (p > 1) buf_.push_back(' ');
        if (o == kNoOutcome) {
          buf_.push_back('0');
        } else {
          AppendNumber(game_.PayoffStored(o, p));
        }
      }
      buf_.push_back('\n');
      if (buf_.size() > (1 << 20)) Flush();
    }
  }

  // The outcomes in order of first use by profile, then their numbers, one line per strategy
  // of players 2..n (player 1's strategies across).
  void WriteOutcomeVersion() {
    const NodeId profiles = NumProfiles();
    std::vector<int> number(static_cast<std::size_t>(game_.NumOutcomes()), 0);
    std::vector<int> cell_number(static_cast<std::size_t>(profiles));
    std::vector<OutcomeId> order;
    for (NodeId c = 0; c < profiles; ++c) {
      const OutcomeId o = game_.Outcome(NextLeaf());
      if (o != kNoOutcome && number[static_cast<std::size_t>(o)] == 0) {
        order.push_back(o);
        number[static_cast<std::size_t>(o)] = static_cast<int>(order.size());
      }
      cell_number[static_cast<std::size_t>(c)] = o == kNoOutcome ? 0 : number[static_cast<std::size_t>(o)];
    }
    buf_.append(std::string_view("{\n"));
    for (const OutcomeId o : order) {
      buf_.append(std::string_view("{ "));
      AppendQuoted(buf_, game_.OutcomeName(o));
      for (int p = 1; p <= game_.NumPlayers(); ++p) {
        buf_.push_back(' ');
        AppendNumber(game_.PayoffStored(o, p));
      }
      buf_.append(std::string_view(" }\n"));
      if (buf_.size() > (1 << 20)) Flush();
    }
    buf_.append(std::string_view("}\n"));
    const int row = strategies_[0];
    for (NodeId c = 0; c < profiles; ++c) {
      fmt::format_to(std::back_inserter(buf_), "{}", cell_number[static_cast<std::size_t>(c)]);
      buf_.push_back((c + 1) % row == 0 ? '\n' : ' ');
      if (buf_.size() > (1 << 20)) Flush();
    }
  }

  const Game& game_;
  EfgNumbers numbers_;
  std::ostream& out_;
  fmt::memory_buffer buf_;
  std::vector<InfosetId> infosets_;  // per player
  std::vector<int> strategies_;      // per player
  std::vector<NodeId> leaf_stride_;  // per player: leaf-index step of one more strategy
  std::vector<int> digit_;           // the current profile, player 1 fastest
  NodeId leaf_ = 0;                  // its leaf index within the last level
};

void CheckShape(const Game& game) {
  std::string reason;
  if (!HasStrategicFormShape(game, &reason)) {
    throw UnsupportedError(
        "cannot write an .nfg file: " + reason +
        ". Only a tree that is a strategic form (player 1 moves at the root, then each next player "
        "at every node of the next depth in one information set, no chance, payoffs at the leaves) "
        "can be written as .nfg; converting a general extensive form to its reduced normal form "
        "is not supported");
  }
}

}  // namespace

bool HasStrategicFormShape(const Game& game, std::string* reason) {
  const int n = game.NumPlayers();
  const auto fail = [&](std::string message) {
    if (reason != nullptr) *reason = std::move(message);
    return false;
  };
  if (game.NumNodes() == 0) return fail("the game has no nodes");
  for (int d = 0; d < n; ++d) {
    if (d >= game.NumLevels()) {
      return fail("the tree has depth " + std::to_string(game.NumLevels() - 1) + ", but a strategic form of " +
                  std::to_string(n) + " player(s) has one depth per player");
    }
    const InfosetId h = game.Infoset(game.LevelBegin(d));
    for (NodeId v = game.LevelBegin(d); v < game.LevelBegin(d + 1); ++v) {
      const auto where = [&] { return DescribeNode(game, v) + " at depth " + std::to_string(d); };
      switch (game.Kind(v)) {
        case NodeKind::kTerminal:
          return fail(where() + " is terminal, but every leaf must be at depth " + std::to_string(n) +
                      " (one move per player)");
        case NodeKind::kChance:
          return fail(where() + " is a chance node");
        case NodeKind::kDecision:
          break;
      }
      if (game.Player(v) != d + 1) {
        return fail(where() + " belongs to player " + std::to_string(game.Player(v)) + ", but player " +
                    std::to_string(d + 1) + " must move at depth " + std::to_string(d));
      }
      if (game.Infoset(v) != h) {
        return fail(where() + " is not in the information set of " + DescribeNode(game, game.LevelBegin(d)) +
                    " (player " + std::to_string(d + 1) + " must have a single information set)");
      }
      if (game.Outcome(v) != kNoOutcome) {
        return fail(where() + " has an outcome, but only leaves may carry payoffs");
      }
    }
  }
  if (game.NumLevels() > n + 1) {
    return fail(DescribeNode(game, game.LevelBegin(n)) + " at depth " + std::to_string(n) +
                " is not terminal, but a strategic form of " + std::to_string(n) +
                " player(s) has one depth per player");
  }
  return true;
}

void WriteNfg(const Game& game, std::ostream& out, EfgNumbers numbers) {
  CheckShape(game);
  NfgWriter(game, numbers, out).Write();
}

std::string WriteNfgString(const Game& game, EfgNumbers numbers) {
  std::ostringstream out;
  WriteNfg(game, out, numbers);
  return out.str();
}

void WriteNfgFile(const Game& game, const std::string& path, EfgNumbers numbers) {
  CheckShape(game);
  WriteOutput(path, [&](std::ostream& out) { NfgWriter(game, numbers, out).Write(); });
}

}  // namespace ncpmi
