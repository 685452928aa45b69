// Dispatch between the .efg and .nfg readers by the first word of the text.
#include "ncpmi/io/game_file.h"

#include "gambit_text.h"
#include "ncpmi/game/error.h"
#include "ncpmi/io/bounded_read.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

GameFileFormat DetectGameFileFormat(std::string_view text, const std::string& source_name) {
  std::size_t begin = 0;
  while (begin < text.size() && IsSpace(text[begin])) ++begin;
  if (begin == text.size()) return EndsWith(source_name, ".nfg") ? GameFileFormat::kNfg : GameFileFormat::kEfg;
  std::size_t end = begin;
  while (end < text.size() && !IsSpace(text[end]) && text[end] != '{' && text[end] != '"') ++end;
  const std::string_view word = text.substr(begin, end - begin);
  if (word == "EFG") return GameFileFormat::kEfg;
  if (word == "NFG") return GameFileFormat::kNfg;
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < begin; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  throw InputError(source_name, line, static_cast<int>(begin - line_start) + 1,
                   "not a game file: expected 'EFG' (extensive form) or 'NFG' (strategic form) at "
                   "the start, found '" +
                       Excerpt(word.empty() ? text.substr(begin, 1) : word) + "'");
}

Game ReadGame(std::string_view text, const std::string& source_name, const ResourceLimits& limits) {
  return DetectGameFileFormat(text, source_name) == GameFileFormat::kNfg
             ? ReadNfg(text, source_name, limits)
             : ReadEfg(text, source_name, limits);
}

Game ReadGameFile(const std::string& path, const ResourceLimits& limits) {
  const std::string text = ReadWholeFile(path, limits, GameFileInput());
  return ReadGame(text, path == "-" ? "<stdin>" : path, limits);
}

}  // namespace ncpmi
