// Gambit extensive-form (.efg) files: reader and writer for "EFG 2 R" and "EFG 2 D".
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "ncpmi/game/game.h"

namespace ncpmi {

// Parses an .efg text. source_name is used in error messages.
// Throws InputError "source:line:col: message" for every malformed or inconsistent input.
// Strings: \" is a quote, \\ a backslash; any other backslash is kept as written.
// Numbers: integers, fractions ("3/4") and decimals with exponents, all read exactly.
// O(size of text); no heap allocation per token (labels are interned once each).
Game ReadEfg(std::string_view text, const std::string& source_name);

// Reads a whole file ("-" is standard input) and parses it. Throws InputError if unreadable.
Game ReadEfgFile(const std::string& path);

// Reads a whole file ("-" is standard input) into memory.
std::string ReadWholeFile(const std::string& path);

enum class EfgNumbers { kRational, kDecimal };  // "EFG 2 R" or "EFG 2 D"

// Writes a normalised .efg: nodes in preorder; information sets and outcomes numbered by first
// appearance and described only there. kRational round-trips exactly; kDecimal writes exact
// decimals where they terminate and 17 significant digits otherwise.
void WriteEfg(const Game& game, std::ostream& out, EfgNumbers numbers = EfgNumbers::kRational);
std::string WriteEfgString(const Game& game, EfgNumbers numbers = EfgNumbers::kRational);
// "-" is standard output. Throws InputError if the file cannot be written.
void WriteEfgFile(const Game& game, const std::string& path,
                  EfgNumbers numbers = EfgNumbers::kRational);

}  // namespace ncpmi
