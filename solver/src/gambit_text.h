// Number syntax and message excerpts shared by the readers of Gambit files (.efg in
// efg_reader.cc, .nfg in nfg_reader.cc), so that both accept the same numbers and quote user text
// in messages the same way. Internal to the library: not under include/.
#pragma once

#include <string>
#include <string_view>

#include "ncpmi/game/rational.h"

namespace ncpmi {

// Parses an integer, fraction or decimal without exponent whose numerator and denominator fit
// in 62 bits into *out (lowest terms, den > 0), without GMP. Returns false for anything else;
// the caller then tries ParseRational, which reads exponents and big values, and reports
// BadNumberMessage when that fails too. O(length), no allocation.
bool ParseCompact(std::string_view s, StoredRational* out);

// Why a number token is not a number, as "invalid number 'x'[: reason]". Error path only.
std::string BadNumberMessage(std::string_view t);

// User text for a one-line message: at most 40 bytes (then "..."), newlines, tabs and other
// control characters escaped.
std::string Excerpt(std::string_view s);

}  // namespace ncpmi
