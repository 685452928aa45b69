// Gambit extensive-form (.efg) files: reader and writer for "EFG 2 R" and "EFG 2 D".
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "ncpmi/game/game.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/io/bounded_read.h"  // ReadWholeFile

namespace ncpmi {

// Parses an .efg text. source_name is used in error messages.
// Throws InputError "source:line:col: message" for every malformed or inconsistent input, and
// for a game beyond `limits`: the node that would make the game larger than limits.max_nodes, or
// than the memory limit at the bytes per node the reader needs beyond the text (40 + 24 per
// player: 88 for two players), is reported at its position as CheckNodeBudget words it
// (--max-nodes / --max-memory), before the memory is allocated.
// Strings: \" is a quote, \\ a backslash; any other backslash is kept as written.
// Numbers: integers, fractions ("3/4") and decimals with exponents, all read exactly.
// O(size of text); no heap allocation per token (labels are interned once each).
Game ReadEfg(std::string_view text, const std::string& source_name,
             const ResourceLimits& limits = {});

// Reads a whole file ("-" is standard input) and parses it. Throws InputError if unreadable or
// larger than the memory limit (checked before it is read), and as ReadEfg.
Game ReadEfgFile(const std::string& path, const ResourceLimits& limits = {});


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
