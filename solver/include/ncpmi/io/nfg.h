// Gambit strategic-form (.nfg) files: reader and writer for "NFG 1 R" and "NFG 1 D", payoff and
// outcome versions, with the strategic form stored as an extensive form.
//
// The tree of an n-player strategic form: player 1 moves at the root (one information set),
// player 2 at every child of the root (all in one information set), ..., player n at every node
// of depth n-1 (one information set), and the leaves at depth n carry the payoffs of their
// strategy profile. Strategy names are the action labels ("1", "2", ... when the file gives only
// numbers of strategies, as in Gambit). Node and information-set names are empty.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "ncpmi/game/game.h"
#include "ncpmi/io/efg.h"

namespace ncpmi {

// Largest number of strategy profiles (cells of the table) ReadNfg accepts; checked from the
// numbers of strategies before anything of that size is allocated.
constexpr std::int64_t kMaxNfgProfiles = 100'000'000;

// Parses an .nfg text; file_name is used in error messages. Accepts both versions of the format:
//  * payoff version: after the header, one payoff per player for every strategy profile, player
//    1's strategy varying fastest. Every profile gets its own unnamed outcome, even where two
//    profiles have equal payoffs (outcomes are never merged, so the cell structure is kept);
//  * outcome version: a list of outcomes { "name" payoff ... } numbered 1, 2, ... in order, then
//    one outcome number per profile in the same order; 0 is "no outcome" (zero payoffs), and the
//    leaf then has no outcome. Outcomes that no profile uses are kept in the game.
// Strategies may be given as numbers ({ 3 2 }) or as names ({ { "a" "b" } { "c" "d" } }) in
// either version, as Gambit allows. "R" and "D" are both read exactly; numbers, strings and
// escapes follow ReadEfg. Throws InputError "file:line:col: message" for every malformed input,
// including more than kMaxNfgProfiles profiles, and for a tree beyond `limits` (its node count
// against --max-nodes, and the memory the reader would need for it against --max-memory, worded
// by CheckNodeBudget): both are checked at each number of strategies, at the one that crosses
// the limit, before the product can overflow and before anything of that size is allocated.
// O(size of text + size of tree); no heap allocation per token.
Game ReadNfg(std::string_view text, const std::string& file_name,
             const ResourceLimits& limits = {});

// Reads a whole file ("-" is standard input, named "<stdin>" in messages) and parses it.
// Throws InputError if the file is unreadable, a directory, larger than the memory limit
// (checked before it is read), or malformed.
Game ReadNfgFile(const std::string& path, const ResourceLimits& limits = {});

// True if the game has the strategic-form shape above (depth d: decision nodes of player d+1 in
// a single information set; leaves at depth NumPlayers(); no chance nodes; outcomes at leaves
// only), so that WriteNfg can write it. Otherwise false, with the first violation in *reason
// (if not null). O(nodes).
bool HasStrategicFormShape(const Game& game, std::string* reason = nullptr);

// Writes a game of strategic-form shape as a normalised .nfg: the outcome version if some leaf
// outcome has a non-empty name (outcomes numbered by first use in profile order; unused outcomes
// are not written), else the payoff version (a leaf without outcome has zero payoffs);
// strategies as numbers when every player's labels are "1", "2", ..., else as names. Player 1
// varies fastest. kRational writes "NFG 1 R" with exact fractions, kDecimal "NFG 1 D" as
// WriteEfg does. Write -> read -> write is byte-identical.
// Throws UnsupportedError naming the violation if the game does not have that shape (converting a
// general tree to its reduced normal form is not supported). O(nodes).
void WriteNfg(const Game& game, std::ostream& out, EfgNumbers numbers = EfgNumbers::kRational);
std::string WriteNfgString(const Game& game, EfgNumbers numbers = EfgNumbers::kRational);
// "-" is standard output. Checks the shape before creating the file. Throws UnsupportedError as
// WriteNfg, InputError if the file cannot be written.
void WriteNfgFile(const Game& game, const std::string& path,
                  EfgNumbers numbers = EfgNumbers::kRational);

}  // namespace ncpmi
