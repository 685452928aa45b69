// Reader for Gambit .nfg files (strategic form): a single-pass lexer and a parser that stores the
// table as a tree, player 1 at the root and player n last (see ncpmi/io/nfg.h).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "gambit_lexer.h"
#include "gambit_text.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/bounded_read.h"
#include "ncpmi/game/game_builder.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi {
namespace {

// Node limit of the tree: with players of one strategy the tree has more nodes than profiles.
constexpr std::int64_t kMaxNfgNodes = 4 * kMaxNfgProfiles;

using gambit::IsDigit;
using gambit::IsSpace;
using gambit::IsWordChar;
using gambit::Lexer;
using gambit::Quote;
using gambit::Token;
using gambit::TokenName;

// Bytes of memory the reader needs at its peak beyond the text, per node of the tree and per leaf
// (its outcome, and per player its payoff, read into the builder and then moved to their
// breadth-first place). Measured with peak RSS; see ReadNfg.
constexpr std::uint64_t kNfgBytesPerNode = 48;
constexpr std::uint64_t kNfgBytesPerLeaf = 16;
constexpr std::uint64_t kNfgBytesPerLeafPlayer = 32;

class NfgParser {
 public:
  NfgParser(std::string_view text, const std::string& source, const ResourceLimits& limits)
      : lex_(text, source), text_size_(text.size()), limits_(limits) {}

  Game Parse() {
    ParseHeader();
    ParseStrategies();
    if (lex_.token() == Token::kString) {
      builder_->SetComment(std::string(lex_.text()));
      lex_.Next();
    }
    if (lex_.token() == Token::kNumber) {
      ParsePayoffs();
    } else if (lex_.token() == Token::kLBrace) {
      ParseOutcomes();
    } else {
      lex_.Unexpected("the payoffs (numbers) or '{' opening the list of outcomes");
    }
    BuildTree();
    try {
      return builder_->Finalize();
    } catch (const InputError& e) {  // not expected: the tree is built complete
      lex_.Fail(0, e.what());
    }
  }

 private:
  void ParseHeader() {
    if (lex_.Next() == Token::kEnd) lex_.Fail("the file is empty: expected 'NFG 1 R' at the start");
    if (lex_.token() != Token::kSymbol || lex_.text() != "NFG") {
      lex_.Fail("not an .nfg file: expected 'NFG' at the start, found " + lex_.Found());
    }
    if (lex_.Next() != Token::kNumber || lex_.text() != "1") {
      lex_.Fail("unsupported .nfg version: expected '1' after 'NFG', found " + lex_.Found());
    }
    if (lex_.Next() != Token::kSymbol || (lex_.text() != "R" && lex_.text() != "D")) {
      lex_.Fail("expected number type 'R' or 'D' after 'NFG 1', found " + lex_.Found());
    }
    lex_.Expect(Token::kString, "the game title (a quoted string)");
    std::string title(lex_.text());
    lex_.Expect(Token::kLBrace, "'{' opening the list of players");
    while (lex_.Next() == Token::kString) players_.emplace_back(lex_.text());
    if (lex_.token() != Token::kRBrace) lex_.Unexpected("a player name or '}'");
    if (players_.empty()) lex_.Fail("the game has no players");
    builder_ = std::make_unique<GameBuilder>(players_);
    builder_->SetTitle(std::move(title));
  }

  std::string PlayerText(std::size_t k) const {
    return "player " + std::to_string(k + 1) + " " + Quote(players_[k]);
  }

  // Current token is a number that must be an integer in [min, 2^31-1].
  std::int64_t IntegerToken(const char* what, std::int64_t min) {
    const std::string_view t = lex_.text();
    std::size_t i = 0;
    const bool negative = t[0] == '-';  // number tokens are never empty
    if (t[0] == '-' || t[0] == '+') ++i;
    bool ok = i < t.size();
    bool too_large = false;
    std::int64_t value = 0;
    for (; i < t.size(); ++i) {
      if (!IsDigit(t[i])) {
        ok = false;
        break;
      }
      if (!too_large) value = value * 10 + (t[i] - '0');
      if (value > std::numeric_limits<std::int32_t>::max()) too_large = true;
    }
    if (!ok) lex_.Fail(std::string("expected ") + what + " (an integer), found '" + Excerpt(t) + "'");
    if (negative) value = -value;
    if (value < min) {
      lex_.Fail(std::string(what) + " must be at least " + std::to_string(min) + ", found " +
                Excerpt(t));
    }
    if (too_large) {
      lex_.Fail(std::string(what) + " must be at most " +
                std::to_string(std::numeric_limits<std::int32_t>::max()) + ", found " + Excerpt(t));
    }
    return value;
  }

  // Records player k's number of strategies; offset locates the message if the table gets too big.
  void AddStrategyCount(std::size_t k, std::int64_t count, std::size_t offset) {
    if (count < 1) {
      lex_.Fail(offset, PlayerText(k) + " must have at least one strategy, found " +
                            std::to_string(count));
    }
    strategies_.push_back(static_cast<int>(count));
    profiles_ *= count;  // at most 10^8 * (2^31 - 1): no overflow
    if (profiles_ > kMaxNfgProfiles) {
      lex_.Fail(offset, "the game has more than " + std::to_string(kMaxNfgProfiles) +
                            " strategy profiles (the product of the numbers of strategies), "
                            "the limit of this reader");
    }
    nodes_ += profiles_;  // the nodes at depth k + 1
    if (nodes_ > kMaxNfgNodes) {
      lex_.Fail(offset, "the tree of this game would have more than " +
                            std::to_string(kMaxNfgNodes) + " nodes, the limit of this reader");
    }
    count_offsets_.push_back(offset);
  }

  // The tree of the strategy list just read against `limits_`, before the table is read or the
  // tree built: its node count against --max-nodes, and the reader's peak memory for it against
  // --max-memory. The message names the strategy count at which the tree's nodes crossed the
  // limit (every later count can only add nodes). The products cannot overflow: AddStrategyCount
  // bounds the profiles and the nodes, and the number of players by the text.
  void CheckTreeBudget() {
    const auto nodes = static_cast<std::uint64_t>(nodes_);
    const auto leaves = static_cast<std::uint64_t>(profiles_);
    const auto players = static_cast<std::uint64_t>(players_.size());
    const std::uint64_t bytes =
        nodes * kNfgBytesPerNode + leaves * (kNfgBytesPerLeaf + players * kNfgBytesPerLeafPlayer);
    const std::uint64_t bytes_per_node = (bytes + nodes - 1) / nodes;
    const std::uint64_t memory_nodes = MemoryLimitBytes(limits_) / bytes_per_node;
    const auto over = [&](std::uint64_t n) {
      return (limits_.max_nodes != 0 && n > limits_.max_nodes) || n > memory_nodes;
    };
    if (!over(nodes)) return;
    std::size_t k = 0;
    for (std::uint64_t tree = 1, profiles = 1; k + 1 < strategies_.size(); ++k) {
      profiles *= static_cast<std::uint64_t>(strategies_[k]);
      tree += profiles;
      if (over(tree)) break;
    }
    CheckNodeBudget(nodes, bytes_per_node, limits_, "the game", lex_.Location(count_offsets_[k]));
  }

  // The list of strategies: { n1 n2 ... } or { { "a" "b" } { "c" } ... }.
  void ParseStrategies() {
    const std::size_t num_players = players_.size();
    lex_.Expect(Token::kLBrace,
                "'{' opening the list of strategies (a number or a list of names per player)");
    infosets_.assign(num_players, kNoInfoset);
    if (lex_.Next() == Token::kNumber) {
      for (std::size_t k = 0; k < num_players; ++k) {
        if (lex_.token() != Token::kNumber) {
          if (lex_.token() == Token::kRBrace) {
            lex_.Fail("the list of strategies has " + std::to_string(k) + " number(s) for " +
                      std::to_string(num_players) + " players (one per player)");
          }
          lex_.Unexpected("the number of strategies of " + PlayerText(k));
        }
        AddStrategyCount(k, IntegerToken("a number of strategies", std::numeric_limits<std::int64_t>::min()),
                         lex_.start());
        lex_.Next();
      }
      if (lex_.token() == Token::kNumber) {
        lex_.Fail("the list of strategies has more numbers than the " + std::to_string(num_players) +
                  " player(s)");
      }
    } else if (lex_.token() == Token::kLBrace) {
      for (std::size_t k = 0; k < num_players; ++k) {
        if (lex_.token() != Token::kLBrace) {
          if (lex_.token() == Token::kRBrace) {
            lex_.Fail("the list of strategies has " + std::to_string(k) + " list(s) of names for " +
                      std::to_string(num_players) + " players (one per player)");
          }
          lex_.Unexpected("'{' opening the strategy names of " + PlayerText(k));
        }
        const std::size_t brace = lex_.start();
        infosets_[k] = builder_->BeginInfoset(static_cast<int>(k) + 1, "");
        std::int64_t count = 0;
        while (lex_.Next() == Token::kString) {
          builder_->AddAction(lex_.text());
          ++count;
        }
        if (lex_.token() != Token::kRBrace) lex_.Unexpected("a strategy name or '}'");
        if (count == 0) lex_.Fail(brace, PlayerText(k) + " has no strategies (an empty list of names)");
        AddStrategyCount(k, count, brace);
        lex_.Next();
      }
      if (lex_.token() == Token::kLBrace) {
        lex_.Fail("the list of strategies has more lists of names than the " +
                  std::to_string(num_players) + " player(s)");
      }
    } else if (lex_.token() == Token::kRBrace) {
      lex_.Fail("the list of strategies is empty: expected a number or a list of names per player");
    } else {
      lex_.Unexpected("a number of strategies or '{' opening a list of strategy names");
    }
    if (lex_.token() != Token::kRBrace) lex_.Unexpected("'}' closing the list of strategies");
    CheckTreeBudget();
    lex_.Next();
  }

  // "(2, 1, 3)": the strategies of a profile, 1-based; only for messages.
  std::string ProfileText(std::int64_t cell) const {
    std::string s = "(";
    for (std::size_t k = 0; k < strategies_.size(); ++k) {
      if (k > 0) s += ", ";
      s += std::to_string(cell % strategies_[k] + 1);
      cell /= strategies_[k];
    }
    return s + ")";
  }

  // Current token is a number; stores its value in *compact, or in big_ when it does not fit.
  bool NumberToken(StoredRational* compact) {
    if (ParseCompact(lex_.text(), compact)) return true;
    const auto value = ParseRational(lex_.text());
    if (!value) lex_.Fail(BadNumberMessage(lex_.text()));
    if (TryCompact(*value, compact)) return true;
    big_ = *value;
    return false;
  }

  void AddPayoffToken() {
    StoredRational p;
    if (NumberToken(&p)) {
      builder_->AddPayoff(p);
    } else {
      builder_->AddPayoff(big_);
    }
  }

  // Payoff version: one unnamed outcome per profile, outcome id = profile index.
  void ParsePayoffs() {
    const auto players = static_cast<std::int64_t>(players_.size());
    const std::int64_t total = profiles_ * players;
    // Built once per file, for the messages below.
    const std::string totals = std::to_string(total) + " payoffs (" + std::to_string(profiles_) +
                               " strategy profile(s) x " + std::to_string(players) + " player(s))";
    // A payoff takes at least two bytes of text: the reservation cannot outgrow the file.
    builder_->Reserve(0, 0, 0,
                      static_cast<std::size_t>(std::min<std::int64_t>(
                          profiles_, static_cast<std::int64_t>(text_size_ / (2 * players_.size()) + 1))));
    for (std::int64_t cell = 0; cell < profiles_; ++cell) {
      builder_->BeginOutcome("");
      for (std::int64_t p = 0; p < players; ++p) {
        if (lex_.token() != Token::kNumber) {
          if (lex_.token() == Token::kEnd) {
            lex_.Fail("too few payoffs: the file ends after " + std::to_string(cell * players + p) +
                      " of the " + totals);
          }
          lex_.Unexpected("the payoff of " + PlayerText(static_cast<std::size_t>(p)) +
                          " in strategy profile " + ProfileText(cell) + " (a number)");
        }
        AddPayoffToken();
        lex_.Next();
      }
    }
    if (lex_.token() == Token::kNumber) {
      lex_.Fail("too many payoffs: expected " + totals + ", found more");
    }
    if (lex_.token() != Token::kEnd) lex_.Unexpected("the end of the file after the " + totals);
  }

  // Outcome version: the list of outcomes, then one outcome number per profile.
  void ParseOutcomes() {
    outcome_version_ = true;
    const int players = static_cast<int>(players_.size());
    std::int64_t count = 0;
    while (lex_.Next() == Token::kLBrace) {
      const std::size_t brace = lex_.start();
      ++count;
      if (count > std::numeric_limits<std::int32_t>::max()) lex_.Fail("too many outcomes");
      lex_.Expect(Token::kString, "the outcome name (a quoted string)");
      builder_->BeginOutcome(lex_.text());
      int payoffs = 0;
      lex_.Next();
      while (lex_.token() == Token::kNumber) {
        if (payoffs == players) {
          lex_.Fail("outcome " + std::to_string(count) + " has more than " + std::to_string(players) +
                    " payoffs (one per player)");
        }
        AddPayoffToken();
        ++payoffs;
        if (lex_.Next() == Token::kComma) lex_.Next();
      }
      if (lex_.token() != Token::kRBrace) lex_.Unexpected("a payoff or '}'");
      if (payoffs != players) {
        lex_.Fail(brace, "outcome " + std::to_string(count) + " has " + std::to_string(payoffs) +
                             " payoff(s), expected " + std::to_string(players) + " (one per player)");
      }
    }
    if (lex_.token() != Token::kRBrace) {
      lex_.Unexpected("'{' opening an outcome or '}' closing the list of outcomes");
    }
    // An outcome number takes at least two bytes of text.
    cell_outcome_.reserve(static_cast<std::size_t>(
        std::min<std::int64_t>(profiles_, static_cast<std::int64_t>(text_size_ / 2 + 1))));
    lex_.Next();
    for (std::int64_t cell = 0; cell < profiles_; ++cell) {
      if (lex_.token() != Token::kNumber) {
        if (lex_.token() == Token::kEnd) {
          lex_.Fail("too few outcome numbers: the file ends after " + std::to_string(cell) + " of " +
                    std::to_string(profiles_) + " (one per strategy profile)");
        }
        lex_.Unexpected("the outcome number of strategy profile " + ProfileText(cell));
      }
      const std::int64_t number = IntegerToken("an outcome number", 0);
      if (number > count) {
        lex_.Fail("outcome " + std::to_string(number) + " does not exist (the file lists " +
                  std::to_string(count) + " outcome(s); 0 is no outcome)");
      }
      cell_outcome_.push_back(static_cast<OutcomeId>(number - 1));  // 0 -> kNoOutcome
      lex_.Next();
    }
    if (lex_.token() == Token::kNumber) {
      lex_.Fail("too many outcome numbers: expected " + std::to_string(profiles_) +
                " (one per strategy profile), found more");
    }
    if (lex_.token() != Token::kEnd) {
      lex_.Unexpected("the end of the file after the " + std::to_string(profiles_) + " outcome numbers");
    }
  }

  // Adds the nodes in preorder: the last player's strategy varies fastest along the leaves, while
  // the file lists profiles with player 1 fastest, so the leaf's profile index is kept as a sum of
  // strategy times stride.
  void BuildTree() {
    const std::size_t n = players_.size();
    std::size_t actions = 0;
    for (std::size_t k = 0; k < n; ++k) {
      actions += static_cast<std::size_t>(strategies_[k]);
      if (infosets_[k] != kNoInfoset) continue;
      infosets_[k] = builder_->BeginInfoset(static_cast<int>(k) + 1, "");
      for (int s = 1; s <= strategies_[k]; ++s) builder_->AddAction(std::to_string(s));
    }
    builder_->Reserve(0, n, actions, 0);
    std::vector<std::int64_t> stride(n, 1);
    for (std::size_t k = 1; k < n; ++k) stride[k] = stride[k - 1] * strategies_[k - 1];
    std::vector<int> digit(n, 0);
    const LabelId empty = builder_->InternLabel("");
    // Player d + 1 moves at depth d, the leaves are at depth n: the builder's streaming form.
    for (std::size_t d = 0; d < n; ++d) {
      builder_->AddPreorderNode(static_cast<int>(d), infosets_[d], kNoOutcome, empty);
    }
    const bool payoff_version = !outcome_version_;
    std::int64_t cell = 0;
    for (;;) {
      const OutcomeId outcome = payoff_version ? static_cast<OutcomeId>(cell)
                                               : cell_outcome_[static_cast<std::size_t>(cell)];
      builder_->AddPreorderNode(static_cast<int>(n), kNoInfoset, outcome, empty);
      std::size_t k = n;
      while (k > 0 && digit[k - 1] == strategies_[k - 1] - 1) {
        --k;
        cell -= digit[k] * stride[k];
        digit[k] = 0;
      }
      if (k == 0) break;
      --k;
      ++digit[k];
      cell += stride[k];
      for (std::size_t d = k + 1; d < n; ++d) {
        builder_->AddPreorderNode(static_cast<int>(d), infosets_[d], kNoOutcome, empty);
      }
    }
  }

  Lexer lex_;
  std::size_t text_size_;
  const ResourceLimits& limits_;
  std::vector<std::string> players_;
  std::unique_ptr<GameBuilder> builder_;
  std::vector<int> strategies_;        // per player
  std::vector<std::size_t> count_offsets_;  // per player: where its number of strategies is
  std::vector<InfosetId> infosets_;    // per player
  std::int64_t profiles_ = 1;          // product of strategies_ so far
  std::int64_t nodes_ = 1;             // nodes of the tree so far (the root)
  bool outcome_version_ = false;
  std::vector<OutcomeId> cell_outcome_;  // outcome version: per profile, player 1 fastest
  Rational big_;                       // reused: GMP allocates on construction
};

}  // namespace

Game ReadNfg(std::string_view text, const std::string& file_name, const ResourceLimits& limits) {
  return NfgParser(text, file_name, limits).Parse();
}

Game ReadNfgFile(const std::string& path, const ResourceLimits& limits) {
  const std::string text = ReadWholeFile(path, limits, GameFileInput());
  return ReadNfg(text, path == "-" ? "<stdin>" : path, limits);
}

}  // namespace ncpmi
