// Reader for Gambit .efg files: a single-pass lexer over the whole text and an explicit-stack
// tree builder (no recursion, no per-token allocation).
#include <algorithm>
#include <sys/stat.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <numeric>
#include <unordered_map>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/game/game_builder.h"
#include "ncpmi/io/efg.h"
#include "gambit_lexer.h"
#include "gambit_text.h"

namespace ncpmi {
namespace {

using gambit::IsDigit;
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

std::string Excerpt(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < kExcerptBytes; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", c);
      out += hex;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  if (s.size() > kExcerptBytes) out += "...";
  return out;
}

namespace {


}  // namespace

// Shared with the .nfg reader (gambit_text.h).
// Parses numbers that fit in 63-bit numerator and denominator without touching GMP.
bool ParseCompact(std::string_view s, StoredRational* out) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  constexpr std::uint64_t kLimit = (std::uint64_t{1} << 62);
  std::uint64_t num = 0, den = 1;
  std::size_t digits = 0;
  for (; i < s.size() && IsDigit(s[i]); ++i, ++digits) {
    num = num * 10 + static_cast<std::uint64_t>(s[i] - '0');
    if (num >= kLimit) return false;
  }
  if (i < s.size() && s[i] == '/') {
    if (digits == 0) return false;
    ++i;
    den = 0;
    std::size_t den_digits = 0;
    for (; i < s.size() && IsDigit(s[i]); ++i, ++den_digits) {
      den = den * 10 + static_cast<std::uint64_t>(s[i] - '0');
      if (den >= kLimit) return false;
    }
    if (den_digits == 0 || den == 0) return false;
  } else if (i < s.size() && s[i] == '.') {
    ++i;
    for (; i < s.size() && IsDigit(s[i]); ++i, ++digits) {
      num = num * 10 + static_cast<std::uint64_t>(s[i] - '0');
      den *= 10;
      if (num >= kLimit || den >= kLimit) return false;
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
  EfgParser(std::string_view text, const std::string& source)
      : lex_(text, source), text_size_(text.size()) {}

  Game Parse() {
    ParseHeader();
    ParseBody();
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
    // A node takes at least one line, so the line count bounds the node count: reserving that
    // up front spares the copies (and page faults) of doubling growth; untouched capacity
    // costs no memory, and Finalize() builds the final arrays at their exact sizes.
    // A node also takes at least 7 bytes ('t "" 0' and a separator): blank lines cannot
    // inflate the reservation beyond that.
    const std::size_t nodes = std::min(lex_.CountLines(), text_size_ / 7 + 1);
    builder_->Reserve(nodes, nodes, 0, nodes);
    builder_->SetTitle(std::move(title));
    infosets_.resize(players.size() + 1);
    if (lex_.Next() == Token::kString) {
      builder_->SetComment(std::string(lex_.text()));
      lex_.Next();
    }
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
    // Nodes whose children are still to come, innermost last; start locates the node for the
    // message when the file ends too early.
    struct Open { NodeId node; int remaining; int children; std::size_t start; };
    std::vector<Open> open;
    bool have_root = false;
    while (lex_.token() != Token::kEnd) {
      const bool is_node = lex_.token() == Token::kSymbol &&
                           (lex_.text() == "p" || lex_.text() == "c" || lex_.text() == "t");
      if (have_root && open.empty()) {
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
      const NodeId parent = open.empty() ? kNoNode : open.back().node;
      NodeId node;
      try {
        node = builder_->AddNode(parent, infoset, outcome, label);
      } catch (const InputError& e) {
        lex_.Fail(node_start, e.what());
      }
      have_root = true;
      if (!open.empty() && --open.back().remaining == 0) open.pop_back();
      if (infoset != kNoInfoset) {
        const int children = builder_->NumActions(infoset);
        open.push_back({node, children, children, node_start});
      }
    }
    if (!have_root) lex_.Fail("the file has no nodes");
    if (!open.empty()) {
      const Open& o = open.back();
      const auto [line, column] = lex_.Position(o.start);
      lex_.Fail("unexpected end of file: the tree is incomplete (the node at line " +
                std::to_string(line) + ", column " + std::to_string(column) + " has " +
                std::to_string(o.children - o.remaining) + " of its " + std::to_string(o.children) +
                " child nodes)");
    }
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

  Lexer lex_;
  std::size_t text_size_;
  std::unique_ptr<GameBuilder> builder_;
  std::vector<NumberMap> infosets_;  // per player, chance at 0
  NumberMap outcomes_;
  // Scratch numbers reused across tokens: GMP allocates on construction, so a local per
  // token would put malloc/free on the hot path.
  Rational big_;
  Rational sum_;
};

}  // namespace

Game ReadEfg(std::string_view text, const std::string& source_name) {
  return EfgParser(text, source_name).Parse();
}

std::string ReadWholeFile(const std::string& path) {
  std::string data;
  if (path == "-") {
    data.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return data;
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
    throw InputError(path + ": is a directory, not a game file");
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) throw InputError(path + ": cannot open: " + std::strerror(errno));
  char buffer[1 << 16];
  std::size_t got;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    if (size > 0) data.reserve(static_cast<std::size_t>(size));
    std::rewind(f);
  }
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) data.append(buffer, got);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) throw InputError(path + ": read error");
  return data;
}

Game ReadEfgFile(const std::string& path) {
  const std::string text = ReadWholeFile(path);
  return ReadEfg(text, path == "-" ? "<stdin>" : path);
}

}  // namespace ncpmi
