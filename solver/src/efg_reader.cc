// Reader for Gambit .efg files: a single-pass lexer over the whole text and an explicit-stack
// tree builder (no recursion, no per-token allocation).
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

namespace ncpmi {
namespace {

enum class Token { kNumber, kString, kSymbol, kLBrace, kRBrace, kComma, kEnd };

const char* TokenName(Token t) {
  switch (t) {
    case Token::kNumber: return "a number";
    case Token::kString: return "a quoted string";
    case Token::kSymbol: return "a word";
    case Token::kLBrace: return "'{'";
    case Token::kRBrace: return "'}'";
    case Token::kComma: return "','";
    case Token::kEnd: return "end of file";
  }
  return "?";
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsNumberChar(char c) {
  return IsDigit(c) || c == '.' || c == '/' || c == '+' || c == '-' || c == 'e' || c == 'E';
}
bool IsWordChar(char c) { return !IsSpace(c) && c != '{' && c != '}' && c != '"' && c != ','; }

class Lexer {
 public:
  Lexer(std::string_view text, const std::string& source) : text_(text), source_(source) {}

  // Advances to the next token; text() is valid until the next call.
  Token Next() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
    start_ = pos_;
    if (pos_ >= text_.size()) return token_ = Token::kEnd;
    const char c = text_[pos_];
    if (c == '{') { ++pos_; return token_ = Token::kLBrace; }
    if (c == '}') { ++pos_; return token_ = Token::kRBrace; }
    if (c == ',') { ++pos_; return token_ = Token::kComma; }
    if (c == '"') return token_ = LexString();
    if (IsDigit(c) || c == '-' || c == '+' || c == '.') {
      while (pos_ < text_.size() && IsNumberChar(text_[pos_])) ++pos_;
      if (pos_ < text_.size() && IsWordChar(text_[pos_])) {
        while (pos_ < text_.size() && IsWordChar(text_[pos_])) ++pos_;
        Fail(start_, "invalid number '" + std::string(text_.substr(start_, pos_ - start_)) + "'");
      }
      text_view_ = text_.substr(start_, pos_ - start_);
      return token_ = Token::kNumber;
    }
    while (pos_ < text_.size() && IsWordChar(text_[pos_])) ++pos_;
    text_view_ = text_.substr(start_, pos_ - start_);
    return token_ = Token::kSymbol;
  }

  Token token() const { return token_; }
  std::string_view text() const { return text_view_; }
  std::size_t start() const { return start_; }

  [[noreturn]] void Fail(std::size_t offset, const std::string& message) const {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    throw InputError(source_, line, static_cast<int>(offset - line_start) + 1, message);
  }
  [[noreturn]] void Fail(const std::string& message) const { Fail(start_, message); }

  [[noreturn]] void Unexpected(const char* expected) const {
    std::string found = TokenName(token_);
    if (token_ == Token::kNumber || token_ == Token::kSymbol) {
      found += " '" + std::string(text_view_.substr(0, 40)) + "'";
    }
    Fail(std::string("expected ") + expected + ", found " + found);
  }

  void Expect(Token t, const char* what) {
    if (Next() != t) Unexpected(what);
  }

 private:
  Token LexString() {
    std::size_t i = pos_ + 1;
    bool escaped = false;
    while (i < text_.size() && text_[i] != '"') {
      if (text_[i] == '\\' && i + 1 < text_.size()) {
        escaped = true;
        ++i;
      }
      ++i;
    }
    if (i >= text_.size()) Fail(start_, "unterminated string (no closing '\"')");
    const std::string_view raw = text_.substr(pos_ + 1, i - pos_ - 1);
    pos_ = i + 1;
    if (!escaped) {
      text_view_ = raw;
      return Token::kString;
    }
    scratch_.clear();
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '\\' && k + 1 < raw.size() && (raw[k + 1] == '"' || raw[k + 1] == '\\')) {
        scratch_.push_back(raw[++k]);
      } else {
        scratch_.push_back(raw[k]);
      }
    }
    text_view_ = scratch_;
    return Token::kString;
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  Token token_ = Token::kEnd;
  std::string_view text_view_;
  std::string scratch_;
};

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

class EfgParser {
 public:
  EfgParser(std::string_view text, const std::string& source) : lex_(text, source) {}

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
    if (lex_.Next() != Token::kSymbol || lex_.text() != "EFG") {
      lex_.Fail("not an .efg file: expected 'EFG' at the start");
    }
    if (lex_.Next() != Token::kNumber || lex_.text() != "2") {
      lex_.Fail("unsupported .efg version: expected '2'");
    }
    if (lex_.Next() != Token::kSymbol || (lex_.text() != "R" && lex_.text() != "D")) {
      lex_.Fail("expected number type 'R' or 'D' after 'EFG 2'");
    }
    lex_.Expect(Token::kString, "the game title (a quoted string)");
    std::string title(lex_.text());
    lex_.Expect(Token::kLBrace, "'{' opening the list of players");
    std::vector<std::string> players;
    while (lex_.Next() == Token::kString) players.emplace_back(lex_.text());
    if (lex_.token() != Token::kRBrace) lex_.Unexpected("a player name or '}'");
    if (players.empty()) lex_.Fail("the game has no players");
    builder_ = std::make_unique<GameBuilder>(players);
    builder_->SetTitle(std::move(title));
    infosets_.resize(players.size() + 1);
    if (lex_.Next() == Token::kString) {
      builder_->SetComment(std::string(lex_.text()));
      lex_.Next();
    }
  }

  std::int64_t IntegerToken(const char* what, std::int64_t min) {
    if (lex_.token() != Token::kNumber) lex_.Unexpected(what);
    std::int64_t value = 0;
    const std::string_view t = lex_.text();
    bool ok = !t.empty();
    for (char c : t) {
      if (!IsDigit(c)) { ok = false; break; }
      value = value * 10 + (c - '0');
      if (value > std::numeric_limits<std::int32_t>::max()) { ok = false; break; }
    }
    if (!ok) lex_.Fail(std::string("expected ") + what + ", found '" + std::string(t) + "'");
    if (value < min) {
      lex_.Fail(std::string(what) + " must be at least " + std::to_string(min) + ", found " +
                std::string(t));
    }
    return value;
  }

  // Current token is a number; stores its value in *compact, or in *big when it does not fit.
  bool NumberToken(StoredRational* compact, Rational* big) {
    if (lex_.token() != Token::kNumber) lex_.Unexpected("a number");
    if (ParseCompact(lex_.text(), compact)) return true;
    const auto value = ParseRational(lex_.text());
    if (!value) lex_.Fail("invalid number '" + std::string(lex_.text()) + "'");
    if (TryCompact(*value, compact)) return true;
    *big = *value;
    return false;
  }

  void ParseBody() {
    // open_[k] = (node, children still to read)
    struct Open { NodeId node; int remaining; };
    std::vector<Open> open;
    bool have_root = false;
    while (lex_.token() != Token::kEnd) {
      if (lex_.token() != Token::kSymbol ||
          (lex_.text() != "p" && lex_.text() != "c" && lex_.text() != "t")) {
        lex_.Unexpected("a node type 'p', 'c' or 't'");
      }
      if (have_root && open.empty()) {
        lex_.Fail("node after the end of the tree (every node already has all its children)");
      }
      const char kind = lex_.text()[0];
      const std::size_t node_start = lex_.start();
      lex_.Expect(Token::kString, "the node name (a quoted string)");
      std::string label(lex_.text());
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
      if (infoset != kNoInfoset) open.push_back({node, builder_->NumActions(infoset)});
    }
    if (!have_root) lex_.Fail("the file has no nodes");
    if (!open.empty()) {
      lex_.Fail("unexpected end of file: the tree is incomplete (" +
                std::to_string(open.back().remaining) + " more child node(s) of node " +
                std::to_string(open.back().node + 1) + " in file order are missing)");
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
      if (h == NumberMap::kAbsent) {
        lex_.Fail(number_start, what() + " is used before its name and actions are given");
      }
      return h;
    }
    const std::size_t name_start = lex_.start();
    std::string name(lex_.text());
    lex_.Expect(Token::kLBrace, "'{' opening the list of actions");
    const std::size_t brace = lex_.start();
    if (h == NumberMap::kAbsent) {
      h = builder_->BeginInfoset(player, name);
      map.Insert(number, h);
      Rational sum = 0;
      lex_.Next();
      while (lex_.token() == Token::kString) {
        if (player != kChancePlayer) {
          builder_->AddAction(lex_.text());
          lex_.Next();
          continue;
        }
        std::string action(lex_.text());
        lex_.Next();
        const std::size_t prob_start = lex_.start();
        StoredRational p;
        Rational big;
        const bool compact = NumberToken(&p, &big);
        const Rational value = compact ? MakeRational(p.num, p.den) : big;
        if (value < 0 || value > 1) {
          lex_.Fail(prob_start, "probability " + std::string(lex_.text()) + " of action \"" +
                                    action + "\" is outside [0,1]");
        }
        sum += value;
        if (compact) {
          builder_->AddChanceAction(action, p);
        } else {
          builder_->AddChanceAction(action, big);
        }
        if (lex_.Next() == Token::kComma) lex_.Next();
      }
      if (lex_.token() != Token::kRBrace) {
        lex_.Unexpected(player == kChancePlayer ? "an action name or '}'" : "an action name or '}'");
      }
      if (builder_->NumActions(h) == 0) lex_.Fail(brace, what() + " has no actions");
      if (player == kChancePlayer && sum != 1) {
        lex_.Fail(brace, what() + ": probabilities sum to " + FormatRational(sum) + ", not 1");
      }
    } else {
      // A repeated description must match the first one exactly.
      if (name != builder_->InfosetName(h)) {
        lex_.Fail(name_start, what() + " is redeclared with name \"" + name + "\", first declared as \"" +
                                  builder_->InfosetName(h) + "\"");
      }
      int a = 0;
      lex_.Next();
      while (lex_.token() == Token::kString) {
        if (a >= builder_->NumActions(h) || lex_.text() != builder_->ActionName(h, a)) {
          lex_.Fail(what() + " is redeclared with different actions");
        }
        lex_.Next();
        if (player == kChancePlayer) {
          StoredRational p;
          Rational big;
          const Rational value = NumberToken(&p, &big) ? MakeRational(p.num, p.den) : big;
          if (value != builder_->ActionProbability(h, a)) {
            lex_.Fail(what() + " is redeclared with a different probability for action \"" +
                      builder_->ActionName(h, a) + "\"");
          }
          if (lex_.Next() == Token::kComma) lex_.Next();
        }
        ++a;
      }
      if (lex_.token() != Token::kRBrace) lex_.Unexpected("an action name or '}'");
      if (a != builder_->NumActions(h)) lex_.Fail(what() + " is redeclared with different actions");
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
      if (described) lex_.Fail("outcome 0 (no outcome) cannot have a name or payoffs");
      return kNoOutcome;
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
    std::string name(lex_.text());
    lex_.Expect(Token::kLBrace, "'{' opening the list of payoffs");
    const std::size_t brace = lex_.start();
    const int players = builder_->NumPlayers();
    const bool is_new = o == NumberMap::kAbsent;
    if (is_new) {
      o = builder_->BeginOutcome(name);
      outcomes_.Insert(number, o);
    } else if (name != builder_->OutcomeName(o)) {
      lex_.Fail(name_start, "outcome " + std::to_string(number) + " is redeclared with name \"" +
                                name + "\", first declared as \"" + builder_->OutcomeName(o) + "\"");
    }
    int count = 0;
    lex_.Next();
    while (lex_.token() == Token::kNumber) {
      if (count == players) {
        lex_.Fail("outcome " + std::to_string(number) + " has more than " +
                  std::to_string(players) + " payoffs (one per player)");
      }
      StoredRational p;
      Rational big;
      const bool compact = NumberToken(&p, &big);
      ++count;
      if (is_new) {
        if (compact) {
          builder_->AddPayoff(p);
        } else {
          builder_->AddPayoff(big);
        }
      } else {
        const Rational value = compact ? MakeRational(p.num, p.den) : big;
        if (value != builder_->PayoffValue(o, count)) {
          lex_.Fail("outcome " + std::to_string(number) + " is redeclared with a different payoff for player " +
                    std::to_string(count));
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
  std::unique_ptr<GameBuilder> builder_;
  std::vector<NumberMap> infosets_;  // per player, chance at 0
  NumberMap outcomes_;
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
