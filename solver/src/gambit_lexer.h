// The tokenizer shared by the readers of Gambit files (.efg in efg_reader.cc, .nfg in
// nfg_reader.cc): same tokens, same string escapes, same messages. Internal to the library.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "gambit_text.h"
#include "ncpmi/game/error.h"

namespace ncpmi::gambit {

enum class Token { kNumber, kString, kSymbol, kLBrace, kRBrace, kComma, kEnd };

inline const char* TokenName(Token t) {
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

// Character classes as one table lookup each: the lexer touches every byte of files that run
// to hundreds of megabytes.
enum : std::uint8_t { kSpace = 1, kDigit = 2, kNumber = 4, kWord = 8 };

inline constexpr std::array<std::uint8_t, 256> MakeClasses() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    const bool digit = c >= '0' && c <= '9';
    const bool number = digit || c == '.' || c == '/' || c == '+' || c == '-' || c == 'e' || c == 'E';
    const bool word = !space && c != '{' && c != '}' && c != '"' && c != ',';
    t[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>((space ? kSpace : 0) | (digit ? kDigit : 0) |
                                                                (number ? kNumber : 0) | (word ? kWord : 0));
  }
  return t;
}
inline constexpr std::array<std::uint8_t, 256> kClasses = MakeClasses();

inline bool Is(char c, std::uint8_t cls) { return (kClasses[static_cast<unsigned char>(c)] & cls) != 0; }
inline bool IsSpace(char c) { return Is(c, kSpace); }
inline bool IsDigit(char c) { return Is(c, kDigit); }
inline bool IsNumberChar(char c) { return Is(c, kNumber); }
inline bool IsWordChar(char c) { return Is(c, kWord); }

inline std::string Quote(std::string_view s) { return "\"" + Excerpt(s) + "\""; }

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
        Fail(start_, "invalid number '" + Excerpt(text_.substr(start_, pos_ - start_)) + "'");
      }
      text_view_ = text_.substr(start_, pos_ - start_);
      return token_ = Token::kNumber;
    }
    while (pos_ < text_.size() && IsWordChar(text_[pos_])) ++pos_;
    text_view_ = text_.substr(start_, pos_ - start_);
    return token_ = Token::kSymbol;
  }

  // About the number of lines from the current position to the end, for reservations: counted
  // in the first sample_bytes and extrapolated with a quarter to spare (counting them all would
  // cost a pass over the whole text). A sample unlike the rest only costs the reader some growth.
  std::size_t EstimateLines(std::size_t sample_bytes) const {
    const char* p = text_.data() + pos_;
    const std::size_t rest = text_.size() - pos_;
    const std::size_t sample = rest < sample_bytes ? rest : sample_bytes;
    const char* const end = p + sample;
    std::size_t lines = 1;
    while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
      ++lines;
      ++p;
    }
    if (sample == rest) return lines;
    return static_cast<std::size_t>(static_cast<double>(lines) * 1.25 * static_cast<double>(rest) /
                                    static_cast<double>(sample)) + 1024;
  }

  Token token() const { return token_; }
  std::string_view text() const { return text_view_; }
  std::size_t start() const { return start_; }

  // For readers that scan common constructs themselves (see the .efg reader's fast path): the
  // whole input, the offset where the next token's search starts, and moving it. Unread() makes
  // the current token the next one again.
  std::string_view input() const { return text_; }
  std::size_t pos() const { return pos_; }
  void Seek(std::size_t offset) { pos_ = offset; }
  void Unread() { pos_ = start_; }

  // 1-based line and byte column of a byte offset; only called on the error path.
  std::pair<int, int> Position(std::size_t offset) const {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return {line, static_cast<int>(offset - line_start) + 1};
  }

  // "source:line:col" of a byte offset, for messages built elsewhere; error path only.
  std::string Location(std::size_t offset) const {
    const auto [line, column] = Position(offset);
    return source_ + ":" + std::to_string(line) + ":" + std::to_string(column);
  }

  [[noreturn]] void Fail(std::size_t offset, const std::string& message) const {
    const auto [line, column] = Position(offset);
    throw InputError(source_, line, column, message);
  }
  [[noreturn]] void Fail(const std::string& message) const { Fail(start_, message); }

  // The current token as messages name it, e.g. a word 'x' or a quoted string "x".
  std::string Found() const {
    std::string found = TokenName(token_);
    if (token_ == Token::kNumber || token_ == Token::kSymbol) {
      found += " '" + Excerpt(text_view_) + "'";
    } else if (token_ == Token::kString) {
      found += " " + Quote(text_view_);
    }
    return found;
  }

  [[noreturn]] void Unexpected(std::string_view expected) const {
    Fail("expected " + std::string(expected) + ", found " + Found());
  }

  // what is a literal: building a std::string here would allocate on every token.
  void Expect(Token t, const char* what) {
    if (Next() != t) Unexpected(what);
  }

 private:
  Token LexString() {
    // memchr finds the closing quote; only a backslash before it needs the slow scan.
    // The quote found stays the candidate until an escape skips past it: searching again after
    // every backslash would make a long string of escapes quadratic.
    const char* const base = text_.data();
    std::size_t i = pos_ + 1;
    std::size_t q = 0;  // a quote at or after i once q >= i
    bool escaped = false;
    for (;;) {
      if (q < i) {
        const void* quote = i < text_.size() ? std::memchr(base + i, '"', text_.size() - i) : nullptr;
        if (quote == nullptr) Fail(start_, "unterminated string (no closing '\"')");
        q = static_cast<std::size_t>(static_cast<const char*>(quote) - base);
      }
      const void* slash = std::memchr(base + i, '\\', q - i);
      if (slash == nullptr) {
        i = q;
        break;
      }
      escaped = true;
      i = static_cast<std::size_t>(static_cast<const char*>(slash) - base) + 2;  // skip the escaped char
      if (i > text_.size()) Fail(start_, "unterminated string (no closing '\"')");
    }
    const std::string_view raw = text_.substr(pos_ + 1, i - pos_ - 1);
    pos_ = i + 1;
    if (!escaped) {
      text_view_ = raw;
      return Token::kString;
    }
    std::string& scratch = scratch_[next_scratch_];
    next_scratch_ ^= 1;
    scratch.clear();
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '\\' && k + 1 < raw.size() && (raw[k + 1] == '"' || raw[k + 1] == '\\')) {
        scratch.push_back(raw[++k]);
      } else {
        scratch.push_back(raw[k]);
      }
    }
    text_view_ = scratch;
    return Token::kString;
  }

  std::string_view text_;
  const std::string& source_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  Token token_ = Token::kEnd;
  std::string_view text_view_;
  // Two buffers used in turn for strings with escapes, so the view of a string token stays
  // valid until the second string token after it (the parser keeps names that long).
  std::string scratch_[2];
  int next_scratch_ = 0;
};

}  // namespace ncpmi::gambit
