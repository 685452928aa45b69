// Reader for Gambit .efg files: a single-pass lexer over the whole text and an explicit-stack
// tree builder (no recursion, no per-token allocation).
#include <algorithm>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <numeric>
#include <unordered_map>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/game/game_builder.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/io/bounded_read.h"
#include "ncpmi/io/efg.h"
#include "gambit_lexer.h"
#include "gambit_text.h"

namespace ncpmi {
namespace {

using gambit::IsDigit;
using gambit::IsNumberChar;
using gambit::IsSpace;
using gambit::IsWordChar;
using gambit::Lexer;
using gambit::Quote;
using gambit::Token;
using gambit::TokenName;

}  // namespace

// Shared with the .nfg reader (gambit_text.h).
// Messages are one line: user text is shortened and control characters are escaped.
constexpr std::size_t kExcerptBytes = 40;

namespace {

// Length of the well-formed UTF-8 sequence starting at s[i] (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 if there is none.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xbf;  // range of the second byte
  if (c >= 0xc2 && c <= 0xdf) {
    length = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    length = 3;
    if (c == 0xe0) low = 0xa0;
    if (c == 0xed) high = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    length = 4;
    if (c == 0xf0) low = 0x90;
    if (c == 0xf4) high = 0x8f;
  } else {
    return 0;
  }
  if (i + length > s.size() || byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xbf) return 0;
  }
  return length;
}

}  // namespace

std::string Excerpt(std::string_view s) {
  // The message must stay one line of valid UTF-8 whatever the file holds (grep treats anything
  // else as binary), so control bytes and bytes outside a well-formed sequence are escaped,
  // while labels written in UTF-8 are shown as they are.
  std::string out;
  std::size_t i = 0;
  for (; i < s.size() && i < kExcerptBytes; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t utf8 = c >= 0x80 ? Utf8SequenceLength(s, i) : 0;
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (utf8 != 0) {
      out.append(s.substr(i, utf8));
      i += utf8 - 1;
    } else if (c < 0x20 || c >= 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (i < s.size()) out += "...";
  return out;
}

// Shared with the .nfg reader (gambit_text.h).
// Parses numbers that fit in 63-bit numerator and denominator without touching GMP.
bool ParseCompact(std::string_view s, StoredRational* out) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  constexpr std::uint64_t kLimit = (std::uint64_t{1} << 62);
  std::uint64_t num = 0, den = 1;
  std::size_t digits = 0;
  // Each test comes before its multiplication, so nothing wraps around 2^64: longer numbers
  // take the exact slow path instead of being read modulo 2^64.
  for (; i < s.size() && IsDigit(s[i]); ++i, ++digits) {
    if (num >= kLimit / 10) return false;
    num = num * 10 + static_cast<std::uint64_t>(s[i] - '0');
  }
  if (i < s.size() && s[i] == '/') {
    if (digits == 0) return false;
    ++i;
    den = 0;
    std::size_t den_digits = 0;
    for (; i < s.size() && IsDigit(s[i]); ++i, ++den_digits) {
      if (den >= kLimit / 10) return false;
      den = den * 10 + static_cast<std::uint64_t>(s[i] - '0');
    }
    if (den_digits == 0 || den == 0) return false;
  } else if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && IsDigit(s[i]); ++i, ++digits) {
      if (num >= kLimit / 10 || den >= kLimit / 10) return false;
      num = num * 10 + static_cast<std::uint64_t>(s[i] - '0');
      den *= 10;
    }
    if (digits == 0) return false;
  } else if (digits == 0) {
    return false;
  }
  if (i != s.size()) return false;  // exponents and anything odd: exact slow path
  const std::uint64_t g = std::gcd(num, den);
  out->num = static_cast<std::int64_t>(num / g) * (negative ? -1 : 1);
  out->den = static_cast<std::int64_t>(den / g);
  if (out->num == 0) out->den = 1;
  return true;
}

namespace {

// Maps the numbers a file uses for outcomes or information sets to ids; dense numbers use a
// vector, sparse ones a hash map.
class NumberMap {
 public:
  static constexpr std::int32_t kAbsent = -1;
  std::int32_t Find(std::int64_t number) const {
    if (number < static_cast<std::int64_t>(dense_.size())) return dense_[static_cast<std::size_t>(number)];
    const auto it = sparse_.find(number);
    return it == sparse_.end() ? kAbsent : it->second;
  }
  void Insert(std::int64_t number, std::int32_t id) {
    if (number < static_cast<std::int64_t>(dense_.size())) {
      dense_[static_cast<std::size_t>(number)] = id;
    } else if (number <= 2 * static_cast<std::int64_t>(dense_.size()) + 1024) {
      dense_.resize(static_cast<std::size_t>(std::max<std::int64_t>(number + 1, 2 * static_cast<std::int64_t>(dense_.size()))), kAbsent);
      dense_[static_cast<std::size_t>(number)] = id;
    } else {
      sparse_[number] = id;
    }
  }

 private:
  std::vector<std::int32_t> dense_;
  std::unordered_map<std::int64_t, std::int32_t> sparse_;
};

}  // namespace

// Shared with the .nfg reader (gambit_text.h).
// Says why a number token is not a number; only called on the error path.
std::string BadNumberMessage(std::string_view t) {
  const std::string base = "invalid number '" + Excerpt(t) + "'";
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
  const std::size_t int_begin = i;
  while (i < t.size() && IsDigit(t[i])) ++i;
  const bool has_int = i > int_begin;
  if (i < t.size() && t[i] == '/') {
    const std::size_t den_begin = ++i;
    bool zero = true;
    for (; i < t.size() && IsDigit(t[i]); ++i) zero = zero && t[i] == '0';
    if (has_int && i > den_begin && i == t.size() && zero) return base + ": the denominator is zero";
    return base;
  }
  bool has_frac = false;
  if (i < t.size() && t[i] == '.') {
    for (++i; i < t.size() && IsDigit(t[i]); ++i) has_frac = true;
  }
  if ((has_int || has_frac) && i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) ++i;
    const std::size_t exp_begin = i;
    while (i < t.size() && IsDigit(t[i])) ++i;
    if (i == exp_begin) return base + ": the exponent has no digits";
    // Well formed, so ParseRational refused the size of the exponent (it bounds GMP's work).
    if (i == t.size()) return base + ": the exponent is out of range";
  }
  return base;
}

namespace {

class EfgParser {
 public:
  EfgParser(std::string_view text, const std::string& source, const ResourceLimits& limits)
      : lex_(text, source), text_size_(text.size()), limits_(limits) {}

  Game Parse() {
    ParseHeader();
    ParseBody();
    // The numbers of the file are not needed any more: their memory goes before the peak.
    std::vector<NumberMap>().swap(infosets_);
    outcomes_ = NumberMap();
    try {
      return builder_->Finalize();
    } catch (const InputError& e) {
      lex_.Fail(0, e.what());
    }
  }

 private:
  void ParseHeader() {
    if (lex_.Next() == Token::kEnd) lex_.Fail("the file is empty: expected 'EFG 2 R' at the start");
    if (lex_.token() != Token::kSymbol || lex_.text() != "EFG") {
      lex_.Fail("not an .efg file: expected 'EFG' at the start, found " + lex_.Found());
    }
    if (lex_.Next() != Token::kNumber || lex_.text() != "2") {
      lex_.Fail("unsupported .efg version: expected '2' after 'EFG', found " + lex_.Found());
    }
    if (lex_.Next() != Token::kSymbol || (lex_.text() != "R" && lex_.text() != "D")) {
      lex_.Fail("expected number type 'R' or 'D' after 'EFG 2', found " + lex_.Found());
    }
    lex_.Expect(Token::kString, "the game title (a quoted string)");
    std::string title(lex_.text());
    lex_.Expect(Token::kLBrace, "'{' opening the list of players");
    std::vector<std::string> players;
    while (lex_.Next() == Token::kString) players.emplace_back(lex_.text());
    if (lex_.token() != Token::kRBrace) lex_.Unexpected("a player name or '}'");
    if (players.empty()) lex_.Fail("the game has no players");
    builder_ = std::make_unique<GameBuilder>(players);
    // A node usually takes a line, and a node can declare at most one information set (whose
    // actions lead to as many distinct nodes) and one outcome: reserving the tables for the
    // (estimated) line count spares the copies and page faults of doubling growth. Untouched
    // capacity costs no memory. A node also takes at least 7 bytes ('t "" 0' and a separator),
    // so blank lines cannot inflate the reservation beyond that.
    const std::size_t nodes =
        std::min(lex_.EstimateLines(std::size_t{1} << 20), text_size_ / 7 + 1);
    builder_->Reserve(0, nodes, nodes, nodes);
    builder_->SetTitle(std::move(title));
    infosets_.resize(players.size() + 1);
    payoffs_.resize(players.size());
    if (lex_.Next() == Token::kString) {
      builder_->SetComment(std::string(lex_.text()));
      lex_.Next();
    }
    lex_.Unread();  // the body starts with the root's first token
  }

  std::int64_t IntegerToken(const char* what, std::int64_t min) {
    if (lex_.token() != Token::kNumber) lex_.Unexpected(what);
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
    // Integers are written plainly in the format; "1.0" or "2/2" is a mistake worth naming.
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

  // Current token is a number; stores its value in *compact, or in *big when it does not fit.
  bool NumberToken(StoredRational* compact, Rational* big) {
    if (lex_.token() != Token::kNumber) lex_.Unexpected("a number");
    if (ParseCompact(lex_.text(), compact)) return true;
    const auto value = ParseRational(lex_.text());
    if (!value) lex_.Fail(BadNumberMessage(lex_.text()));
    if (TryCompact(*value, compact)) return true;
    *big = *value;
    return false;
  }

  void ParseBody() {
    bool have_root = false;
    for (;;) {
      if (!open_.empty() && FastNode()) continue;
      if (lex_.Next() == Token::kEnd) break;
      const bool is_node = lex_.token() == Token::kSymbol &&
                           (lex_.text() == "p" || lex_.text() == "c" || lex_.text() == "t");
      if (have_root && open_.empty()) {
        if (is_node) lex_.Fail("extra node after the end of the tree (every node already has all its children)");
        lex_.Unexpected("the end of the file after the complete tree");
      }
      if (!is_node) lex_.Unexpected("a node type 'p', 'c' or 't'");
      const char kind = lex_.text()[0];
      const std::size_t node_start = lex_.start();
      lex_.Expect(Token::kString, "the node name (a quoted string)");
      // Interned now: the node's label string would not survive the tokens that follow.
      const LabelId label = builder_->InternLabel(lex_.text());
      InfosetId infoset = kNoInfoset;
      if (kind == 'p') {
        lex_.Next();
        const std::int64_t player = IntegerToken("a player number", 1);
        if (player > builder_->NumPlayers()) {
          lex_.Fail("player " + std::to_string(player) + " does not exist (the game has " +
                    std::to_string(builder_->NumPlayers()) + " players)");
        }
        lex_.Next();
        infoset = ParseInfoset(static_cast<int>(player));
      } else if (kind == 'c') {
        lex_.Next();
        infoset = ParseInfoset(kChancePlayer);
      } else {
        lex_.Next();
      }
      const OutcomeId outcome = ParseOutcome();
      lex_.Unread();  // the token after the node starts the next one
      AddNode(node_start, infoset, outcome, label,
              infoset == kNoInfoset ? 0 : builder_->NumActions(infoset));
      have_root = true;
    }
    if (!have_root) lex_.Fail("the file has no nodes");
    if (!open_.empty()) {
      const Open& o = open_.back();
      const auto [line, column] = lex_.Position(o.start);
      lex_.Fail("unexpected end of file: the tree is incomplete (the node at line " +
                std::to_string(line) + ", column " + std::to_string(column) + " has " +
                std::to_string(o.children - o.remaining) + " of its " + std::to_string(o.children) +
                " child nodes)");
    }
  }

  // Adds a node read whole at node_start as the next child of the innermost open node (or as the
  // root), with `children` children to come.
  void AddNode(std::size_t node_start, InfosetId infoset, OutcomeId outcome, LabelId label,
               int children) {
    if (nodes_ == next_check_) CheckBudget(node_start);
    ++nodes_;
    const int depth = open_.empty() ? 0 : open_.back().depth + 1;
    builder_->AddPreorderNode(depth, infoset, outcome, label);
    if (!open_.empty() && --open_.back().remaining == 0) open_.pop_back();
    if (children > 0) open_.push_back({children, children, depth, node_start});
  }

  // Called before node number nodes_ + 1 (at node_start) is added, when nodes_ reaches
  // next_check_ (first at the root): throws if that node crosses --max-nodes, the memory limit
  // (at BytesPerNode()) or 2^31 - 1, else sets the next check. The default memory limit is looked
  // up (it reads /proc/meminfo) only once a game is large enough to matter, so that small files
  // do not pay for it; a limit given explicitly applies from the root on.
  void CheckBudget(std::size_t node_start) {
    const std::uint64_t count = nodes_ + 1;
    std::uint64_t allowed = std::numeric_limits<NodeId>::max();
    if (limits_.max_nodes != 0) allowed = std::min<std::uint64_t>(allowed, limits_.max_nodes);
    if (limits_.max_memory_bytes != 0 || count >= kFirstMemoryCheck) {
      allowed = std::min(allowed, MemoryLimitBytes(limits_) / BytesPerNode());
    } else {
      allowed = std::min<std::uint64_t>(allowed, kFirstMemoryCheck);
    }
    if (count > allowed) {
      if (count > static_cast<std::uint64_t>(std::numeric_limits<NodeId>::max())) {
        lex_.Fail(node_start, "too many nodes (2^31)");
      }
      CheckNodeBudget(count, BytesPerNode(), limits_, "the game", lex_.Location(node_start));
      allowed = count;  // not reached (count * BytesPerNode() > the limit), but never stall
    }
    next_check_ = allowed;
  }

  // The reader's peak memory per node beyond the text: the builder's tables and the finished
  // game side by side, payoffs (16 bytes per player) twice for the outcomes at terminal nodes.
  // Measured with peak RSS (2-player binary tree: 78; 4 players, 4 actions: 134).
  std::uint64_t BytesPerNode() const {
    return kBytesPerNode + kBytesPerNodePlayer * static_cast<std::uint64_t>(builder_->NumPlayers());
  }

  // --- Fast path.
  // One node of the common form, scanned straight from the text: names without escapes; an
  // information set, chance event or outcome either described for the first time or referred to
  // by number; integers written as plain digits; payoffs and probabilities that ParseCompact
  // reads, probabilities that sum to 1 in 128-bit arithmetic. On anything else -- a repeated
  // description, an escape, an exponent, a malformed token -- it returns false having changed
  // nothing, and the general path reads the node token by token and reports what is wrong. So
  // both paths accept the same texts, and the fast one builds exactly what the general one
  // would, interning labels in the same order.
  bool FastNode() {
    const std::string_view input = lex_.input();
    const char* const begin = input.data();
    const char* const end = begin + input.size();
    const char* p = SkipSpace(begin + lex_.pos(), end);
    const char* const node_begin = p;
    if (end - p < 2) return false;
    const char kind = *p++;
    if ((kind != 'p' && kind != 'c' && kind != 't') || IsWordChar(*p)) return false;
    std::string_view label;
    if ((p = ScanString(SkipSpace(p, end), end, &label)) == nullptr) return false;
    p = SkipSpace(p, end);

    InfosetId infoset = kNoInfoset;
    int player = kChancePlayer;
    std::int64_t set_number = 0;
    std::string_view set_name;
    int actions = 0;  // > 0: a new information set or chance event is described here
    if (kind != 't') {
      if (kind == 'p') {
        std::int64_t number;
        if ((p = ScanInteger(p, end, &number)) == nullptr) return false;
        if (number < 1 || number > builder_->NumPlayers()) return false;
        player = static_cast<int>(number);
        p = SkipSpace(p, end);
      }
      if ((p = ScanInteger(p, end, &set_number)) == nullptr || set_number < 1) return false;
      p = SkipSpace(p, end);
      infoset = infosets_[static_cast<std::size_t>(player)].Find(set_number);
      if (p != end && *p == '"') {
        if (infoset != NumberMap::kAbsent) return false;
        if ((p = ScanString(p, end, &set_name)) == nullptr) return false;
        p = SkipSpace(p, end);
        if (p == end || *p != '{') return false;
        for (p = SkipSpace(p + 1, end); p != end && *p != '}'; p = SkipSpace(p, end)) {
          const auto a = static_cast<std::size_t>(actions);
          if (actions == kMaxFastActions) return false;
          if ((p = ScanString(p, end, &actions_[a])) == nullptr) return false;
          ++actions;
          if (player != kChancePlayer) continue;
          // As the general path: a probability, then at most one comma.
          if ((p = ScanNumber(SkipSpace(p, end), end, &probabilities_[a])) == nullptr) return false;
          p = SkipSpace(p, end);
          if (p != end && *p == ',') ++p;
        }
        if (p == end || actions == 0) return false;
        if (player == kChancePlayer && !IsCompactDistribution(probabilities_.data(), actions)) {
          return false;
        }
        p = SkipSpace(p + 1, end);
      } else if (infoset == NumberMap::kAbsent || (p != end && *p == '{')) {
        return false;
      }
    }

    std::int64_t outcome_number;
    if ((p = ScanInteger(p, end, &outcome_number)) == nullptr) return false;
    p = SkipSpace(p, end);
    OutcomeId outcome = kNoOutcome;
    std::string_view outcome_name;
    bool new_outcome = false;
    if (p != end && (*p == '"' || *p == '{')) {
      if (outcome_number == 0 || *p == '{' ||
          outcomes_.Find(outcome_number) != NumberMap::kAbsent) {
        return false;
      }
      if ((p = ScanString(p, end, &outcome_name)) == nullptr) return false;
      p = SkipSpace(p, end);
      if (p == end || *p != '{') return false;
      const std::size_t players = payoffs_.size();
      std::size_t count = 0;
      for (p = SkipSpace(p + 1, end); p != end && *p != '}'; p = SkipSpace(p, end)) {
        if (count == players) return false;
        if ((p = ScanNumber(p, end, &payoffs_[count])) == nullptr) return false;
        ++count;
        p = SkipSpace(p, end);
        if (p != end && *p == ',') ++p;  // as the general path: one comma may follow a payoff
      }
      if (p == end || count != players) return false;
      ++p;
      new_outcome = true;
    } else if (outcome_number != 0) {
      outcome = outcomes_.Find(outcome_number);
      if (outcome == NumberMap::kAbsent) return false;
    }

    // Commit, interning in the general path's order: node label, set name, actions, outcome name.
    const LabelId label_id = builder_->InternLabel(label);
    if (actions > 0 && player == kChancePlayer) {
      infoset = builder_->BeginInfoset(kChancePlayer, set_name);
      for (int a = 0; a < actions; ++a) {
        const auto k = static_cast<std::size_t>(a);
        builder_->AddChanceAction(actions_[k], probabilities_[k]);
      }
      infosets_[0].Insert(set_number, infoset);
      builder_->SetInfosetFileNumber(infoset, set_number);
    } else if (actions > 0) {
      const LabelId name_id = builder_->InternLabel(set_name);
      // Sets mostly repeat the previous set's action names ("a" "b"): then their ids are known.
      bool same = actions == last_actions_;
      for (std::size_t a = 0; same && a < static_cast<std::size_t>(actions); ++a) {
        same = actions_[a] == last_action_names_[a];
      }
      if (!same) {
        for (int a = 0; a < actions; ++a) {
          const auto k = static_cast<std::size_t>(a);
          last_action_names_[k] = actions_[k];
          action_ids_[k] = builder_->InternLabel(actions_[k]);
        }
        last_actions_ = actions;
      }
      infoset = builder_->AddInfosetInterned(player, name_id, action_ids_.data(), actions);
      infosets_[static_cast<std::size_t>(player)].Insert(set_number, infoset);
      builder_->SetInfosetFileNumber(infoset, set_number);
    } else if (infoset != kNoInfoset) {
      actions = builder_->NumActions(infoset);
    }
    if (new_outcome) {
      outcome = builder_->AddOutcomeInterned(builder_->InternLabel(outcome_name), payoffs_.data());
      outcomes_.Insert(outcome_number, outcome);
    }
    AddNode(static_cast<std::size_t>(node_begin - begin), infoset, outcome, label_id, actions);
    lex_.Seek(static_cast<std::size_t>(p - begin));
    return true;
  }

  static const char* SkipSpace(const char* p, const char* end) {
    while (p != end && IsSpace(*p)) ++p;
    return p;
  }

  // A quoted string without escapes at p: its contents in *out, and the position after it.
  static const char* ScanString(const char* p, const char* end, std::string_view* out) {
    if (p == end || *p != '"') return nullptr;
    const char* q = ++p;
    while (q != end && *q != '"' && *q != '\\') ++q;
    if (q == end || *q == '\\') return nullptr;
    *out = std::string_view(p, static_cast<std::size_t>(q - p));
    return q + 1;
  }

  // At most 8 digits (so below 2^31, as IntegerToken requires) ending the token at p. Set and
  // outcome numbers run to 7 digits in large files: 8 bytes are classified and converted at once
  // (SWAR) instead of a digit at a time.
  static const char* ScanInteger(const char* p, const char* end, std::int64_t* out) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (end - p > 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);  // little-endian: the first character is the lowest byte
      const std::uint64_t digits = word ^ 0x3030303030303030ULL;  // '0'..'9' -> 0..9
      // High bit of a byte set unless it is 0..9: directly (>= 0x80) or once 0x76 is added to
      // its low seven bits (>= 10); no carry crosses a byte.
      const std::uint64_t non_digit =
          (digits | ((digits & 0x7f7f7f7f7f7f7f7fULL) + 0x7676767676767676ULL)) &
          0x8080808080808080ULL;
      if (non_digit == 0) return nullptr;  // 8 digits or more: the general path
      const int count = __builtin_ctzll(non_digit) >> 3;
      if (count == 0 || IsWordChar(p[count])) return nullptr;
      // The digits moved to the top bytes, zeros before them, then pairs, quads, octets combined.
      std::uint64_t v = digits << (8 * (8 - count));
      v = (v * 10 + (v >> 8)) & 0x00ff00ff00ff00ffULL;
      v = (v * 100 + (v >> 16)) & 0x0000ffff0000ffffULL;
      v = (v * 10000 + (v >> 32)) & 0x00000000ffffffffULL;
      *out = static_cast<std::int64_t>(v);
      return p + count;
    }
#endif
    std::int64_t value = 0;
    const char* const first = p;
    for (; p != end && p - first < 8 && IsDigit(*p); ++p) value = value * 10 + (*p - '0');
    if (p == first || p == end || IsWordChar(*p)) return nullptr;
    *out = value;
    return p;
  }

  // A number token at p that ParseCompact reads (what NumberToken would store compactly without
  // GMP); plain integers of up to 18 digits without the general parser.
  static const char* ScanNumber(const char* p, const char* end, StoredRational* out) {
    const char* const first = p;
    if (p == end || !(IsDigit(*p) || *p == '-' || *p == '+' || *p == '.')) return nullptr;
    const bool negative = *p == '-';
    if (*p == '-' || *p == '+') ++p;
    const char* const digits = p;
    std::int64_t value = 0;
    for (; p != end && p - digits < 18 && IsDigit(*p); ++p) value = value * 10 + (*p - '0');
    if (p != digits && p != end && !IsWordChar(*p)) {
      out->num = negative ? -value : value;
      out->den = 1;
      return p;
    }
    while (p != end && IsNumberChar(*p)) ++p;
    if (p == end || IsWordChar(*p)) return nullptr;
    const std::string_view token(first, static_cast<std::size_t>(p - first));
    return ParseCompact(token, out) ? p : nullptr;
  }

  // Current token: the information-set number. Leaves the token after the description.
  InfosetId ParseInfoset(int player) {
    const std::size_t number_start = lex_.start();
    const std::int64_t number =
        IntegerToken(player == kChancePlayer ? "a chance event number" : "an information set number", 1);
    NumberMap& map = infosets_[static_cast<std::size_t>(player)];
    InfosetId h = map.Find(number);
    const auto what = [&] {  // built only for messages: no allocation on the hot path
      return player == kChancePlayer ? "chance event " + std::to_string(number)
                                     : "information set " + std::to_string(number) +
                                           " of player " + std::to_string(player);
    };
    if (lex_.Next() != Token::kString) {
      if (lex_.token() == Token::kLBrace) {  // else "used before declared" would mislead
        lex_.Unexpected("a quoted name for " + what() + " before its list of actions");
      }
      if (h == NumberMap::kAbsent) {
        lex_.Fail(number_start, what() + " is used before its name and actions are given");
      }
      return h;
    }
    const std::size_t name_start = lex_.start();
    // A view, not a copy: only a string token with escapes rewrites the lexer's scratch buffer,
    // and none is read before the name is used.
    const std::string_view name = lex_.text();
    lex_.Expect(Token::kLBrace, "'{' opening the list of actions");
    const std::size_t brace = lex_.start();
    if (h == NumberMap::kAbsent) {
      h = builder_->BeginInfoset(player, name);
      map.Insert(number, h);
      builder_->SetInfosetFileNumber(h, number);
      if (player == kChancePlayer) sum_ = 0;
      lex_.Next();
      while (lex_.token() == Token::kString) {
        if (player != kChancePlayer) {
          builder_->AddAction(lex_.text());
          lex_.Next();
          continue;
        }
        const std::string_view action = lex_.text();  // valid until the next string token
        lex_.Next();
        const std::size_t prob_start = lex_.start();
        if (lex_.token() != Token::kNumber) lex_.Unexpected("the probability of action " + Quote(action));
        StoredRational p;
        const bool compact = NumberToken(&p, &big_);
        const Rational value = compact ? MakeRational(p.num, p.den) : big_;
        if (value < 0 || value > 1) {
          lex_.Fail(prob_start, what() + ": probability " + Excerpt(lex_.text()) + " of action " +
                                    Quote(action) + " is outside [0,1]");
        }
        sum_ += value;
        if (compact) {
          builder_->AddChanceAction(action, p);
        } else {
          builder_->AddChanceAction(action, big_);
        }
        if (lex_.Next() == Token::kComma) lex_.Next();
      }
      if (lex_.token() != Token::kRBrace) {
        lex_.Unexpected(player == kChancePlayer ? "an action name or '}'" : "an action name or '}'");
      }
      if (builder_->NumActions(h) == 0) lex_.Fail(brace, what() + " has no actions");
      if (player == kChancePlayer && sum_ != 1) {
        lex_.Fail(brace, what() + ": probabilities sum to " + FormatRational(sum_) + ", not 1");
      }
    } else {
      // A repeated description must match the first one exactly.
      if (name != builder_->InfosetName(h)) {
        lex_.Fail(name_start, what() + " is redeclared with name " + Quote(name) +
                                  ", first declared as " + Quote(builder_->InfosetName(h)));
      }
      const int actions = builder_->NumActions(h);
      int a = 0;
      lex_.Next();
      while (lex_.token() == Token::kString) {
        if (a >= actions) {
          lex_.Fail(what() + " is redeclared with more actions than the " + std::to_string(actions) +
                    " it was first declared with");
        }
        if (lex_.text() != builder_->ActionName(h, a)) {
          lex_.Fail(what() + " is redeclared with action " + std::to_string(a + 1) + " named " +
                    Quote(lex_.text()) + ", first declared as " + Quote(builder_->ActionName(h, a)));
        }
        lex_.Next();
        if (player == kChancePlayer) {
          if (lex_.token() != Token::kNumber) {
            lex_.Unexpected("the probability of action " + Quote(builder_->ActionName(h, a)));
          }
          StoredRational p;
          const Rational value = NumberToken(&p, &big_) ? MakeRational(p.num, p.den) : big_;
          if (value != builder_->ActionProbability(h, a)) {
            lex_.Fail(what() + " is redeclared with probability " + Excerpt(lex_.text()) +
                      " for action " + Quote(builder_->ActionName(h, a)) + ", first declared as " +
                      FormatRational(builder_->ActionProbability(h, a)));
          }
          if (lex_.Next() == Token::kComma) lex_.Next();
        }
        ++a;
      }
      if (lex_.token() != Token::kRBrace) lex_.Unexpected("an action name or '}'");
      if (a != actions) {
        lex_.Fail(what() + " is redeclared with " + std::to_string(a) + " action(s), first declared with " +
                  std::to_string(actions));
      }
    }
    lex_.Next();
    return h;
  }

  // Current token: the outcome number. Leaves the token after the node.
  OutcomeId ParseOutcome() {
    const std::size_t number_start = lex_.start();
    const std::int64_t number = IntegerToken("an outcome number", 0);
    const bool described = lex_.Next() == Token::kString;
    if (number == 0) {
      if (described || lex_.token() == Token::kLBrace) {
        lex_.Fail("outcome 0 (no outcome) cannot have a name or payoffs");
      }
      return kNoOutcome;
    }
    if (lex_.token() == Token::kLBrace) {  // else "used before its payoffs are given" would mislead
      lex_.Unexpected("a quoted name for outcome " + std::to_string(number) +
                      " before its list of payoffs");
    }
    OutcomeId o = outcomes_.Find(number);
    if (!described) {
      if (o == NumberMap::kAbsent) {
        lex_.Fail(number_start, "outcome " + std::to_string(number) +
                                    " is used before its payoffs are given");
      }
      return o;
    }
    const std::size_t name_start = lex_.start();
    const std::string_view name = lex_.text();  // valid until the next string token
    lex_.Expect(Token::kLBrace, "'{' opening the list of payoffs");
    const std::size_t brace = lex_.start();
    const int players = builder_->NumPlayers();
    const bool is_new = o == NumberMap::kAbsent;
    if (is_new) {
      o = builder_->BeginOutcome(name);
      outcomes_.Insert(number, o);
    } else if (name != builder_->OutcomeName(o)) {
      lex_.Fail(name_start, "outcome " + std::to_string(number) + " is redeclared with name " +
                                Quote(name) + ", first declared as " + Quote(builder_->OutcomeName(o)));
    }
    int count = 0;
    lex_.Next();
    while (lex_.token() == Token::kNumber) {
      if (count == players) {
        lex_.Fail("outcome " + std::to_string(number) + " has more than " +
                  std::to_string(players) + " payoffs (one per player)");
      }
      StoredRational p;
      const bool compact = NumberToken(&p, &big_);
      ++count;
      if (is_new) {
        if (compact) {
          builder_->AddPayoff(p);
        } else {
          builder_->AddPayoff(big_);
        }
      } else {
        const Rational value = compact ? MakeRational(p.num, p.den) : big_;
        if (value != builder_->PayoffValue(o, count)) {
          lex_.Fail("outcome " + std::to_string(number) + " is redeclared with payoff " +
                    Excerpt(lex_.text()) + " for player " + std::to_string(count) +
                    ", first declared as " + FormatRational(builder_->PayoffValue(o, count)));
        }
      }
      if (lex_.Next() == Token::kComma) lex_.Next();
    }
    if (lex_.token() != Token::kRBrace) lex_.Unexpected("a payoff or '}'");
    if (count != players) {
      lex_.Fail(brace, "outcome " + std::to_string(number) + " has " + std::to_string(count) +
                           " payoff(s), expected " + std::to_string(players) + " (one per player)");
    }
    lex_.Next();
    return o;
  }

  // See BytesPerNode().
  static constexpr std::uint64_t kBytesPerNode = 40;
  static constexpr std::uint64_t kBytesPerNodePlayer = 24;
  // Node count from which the memory limit is checked; below it a game is too small to matter.
  static constexpr std::uint64_t kFirstMemoryCheck = std::uint64_t{1} << 16;
  static constexpr int kMaxFastActions = 64;

  Lexer lex_;
  std::size_t text_size_;
  const ResourceLimits& limits_;
  std::uint64_t nodes_ = 0;
  std::uint64_t next_check_ = 0;  // nodes_ at which CheckBudget runs next
  // Nodes whose children are still to come, innermost last; start locates the node for the
  // message when the file ends too early.
  struct Open {
    int remaining;
    int children;
    int depth;
    std::size_t start;
  };
  std::vector<Open> open_;
  // Fast path scratch, sized once.
  std::array<std::string_view, kMaxFastActions> actions_;
  std::array<LabelId, kMaxFastActions> action_ids_;  // of last_action_names_
  std::array<std::string_view, kMaxFastActions> last_action_names_;  // views into the text
  int last_actions_ = 0;
  std::array<StoredRational, kMaxFastActions> probabilities_;
  std::vector<StoredRational> payoffs_;
  std::unique_ptr<GameBuilder> builder_;
  std::vector<NumberMap> infosets_;  // per player, chance at 0
  NumberMap outcomes_;
  // Scratch numbers reused across tokens: GMP allocates on construction, so a local per
  // token would put malloc/free on the hot path.
  Rational big_;
  Rational sum_;
};

}  // namespace

Game ReadEfg(std::string_view text, const std::string& source_name, const ResourceLimits& limits) {
  return EfgParser(text, source_name, limits).Parse();
}

Game ReadEfgFile(const std::string& path, const ResourceLimits& limits) {
  const std::string text = ReadWholeFile(path, limits, GameFileInput());
  return ReadEfg(text, path == "-" ? "<stdin>" : path, limits);
}

}  // namespace ncpmi
