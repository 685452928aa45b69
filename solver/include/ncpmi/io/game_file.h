// Reading a game file of either Gambit format (.efg or .nfg), chosen by its first word.
#pragma once

#include <string>
#include <string_view>

#include "ncpmi/game/game.h"
#include "ncpmi/game/resource_limits.h"

namespace ncpmi {

enum class GameFileFormat { kEfg, kNfg };

// The format a text is in, by its first word after leading whitespace: "EFG" or "NFG". A text
// with no first word (empty or blank) is taken by the name's extension: kNfg for a name ending
// in ".nfg", else kEfg, so that the reader of that format reports the empty file. Throws
// InputError "source_name:line:col: message" for any other first word. O(leading whitespace).
GameFileFormat DetectGameFileFormat(std::string_view text, const std::string& source_name);

// Parses text with ReadEfg or ReadNfg as DetectGameFileFormat says, within `limits` (see
// there). Throws InputError.
Game ReadGame(std::string_view text, const std::string& source_name,
              const ResourceLimits& limits = {});

// Reads a whole file once ("-" is standard input, named "<stdin>" in messages) and parses it as
// ReadGame does. Throws InputError if the file is unreadable, a directory, larger than the
// memory limit (checked before it is read), malformed, or beyond `limits`.
Game ReadGameFile(const std::string& path, const ResourceLimits& limits = {});

}  // namespace ncpmi
