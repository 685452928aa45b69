// TOML tables in file order, with positions.
#include "ncpmi/models/toml_entries.h"

#include <algorithm>

#include "ncpmi/game/error.h"

namespace ncpmi::models {
namespace {

// The pre-scan of ParseToml: strings and comments skipped, then every '.' of a key (outside
// strings, between two of = , [ ] { } or a line end) and every open '[' / '{' counted.
void CheckTomlNesting(std::string_view text, const std::string& source_name) {
  enum class In { kCode, kComment, kBasic, kLiteral, kMultiBasic, kMultiLiteral };
  In in = In::kCode;
  int line = 1, column = 0;  // column of text[i], in code points
  int brackets = 0, dots = 0;
  const std::string limit = std::to_string(kMaxTomlNesting);
  const auto fail = [&](const std::string& message) { throw InputError(source_name, line, column, message); };
  const auto at = [&](std::size_t i, std::string_view s) { return text.compare(i, s.size(), s) == 0; };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
      column = 0;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column;
    }
    switch (in) {
      case In::kComment:
        if (c == '\n') in = In::kCode;
        continue;
      case In::kBasic:
      case In::kMultiBasic:
        if (c == '\\' && i + 1 < text.size() && text[i + 1] != '\n') {
          ++i;
          ++column;
        } else if (in == In::kMultiBasic ? at(i, "\"\"\"") : (c == '"' || c == '\n')) {
          if (in == In::kMultiBasic) i += 2, column += 2;
          in = In::kCode;
        }
        continue;
      case In::kLiteral:
      case In::kMultiLiteral:
        if (in == In::kMultiLiteral ? at(i, "'''") : (c == '\'' || c == '\n')) {
          if (in == In::kMultiLiteral) i += 2, column += 2;
          in = In::kCode;
        }
        continue;
      case In::kCode:
        break;
    }
    switch (c) {
      case '#':
        in = In::kComment;
        break;
      case '"':
      case '\'': {
        const bool multi = at(i, c == '"' ? "\"\"\"" : "'''");
        in = c == '"' ? (multi ? In::kMultiBasic : In::kBasic) : (multi ? In::kMultiLiteral : In::kLiteral);
        if (multi) i += 2, column += 2;
        break;
      }
      case '.':
        if (++dots > kMaxTomlNesting) fail("a dotted key of more than " + limit + " parts (the deepest nesting allowed)");
        break;
      case '[':
      case '{':
        dots = 0;
        if (++brackets > kMaxTomlNesting) fail("arrays and inline tables nested more than " + limit + " deep");
        break;
      case ']':
      case '}':
        dots = 0;
        brackets = std::max(0, brackets - 1);
        break;
      case '=':
      case ',':
      case '\n':
        dots = 0;
        break;
      default:
        break;
    }
  }
}

}  // namespace

toml::table ParseToml(std::string_view text, const std::string& source_name) {
  CheckTomlNesting(text, source_name);
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    throw InputError(source_name, static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column),
                     std::string(e.description()));
  }
}

SourceLocation TomlLocation(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::vector<TomlEntry> EntriesInFileOrder(const toml::table& table) {
  std::vector<TomlEntry> entries;
  for (const auto& [key, node] : table) {
    entries.push_back({std::string(key.str()), &node, TomlLocation(key.source())});
  }
  std::stable_sort(entries.begin(), entries.end(), [](const TomlEntry& a, const TomlEntry& b) {
    const auto& x = a.node->source().begin;
    const auto& y = b.node->source().begin;
    return x.line != y.line ? x.line < y.line : x.column < y.column;
  });
  return entries;
}

}  // namespace ncpmi::models
