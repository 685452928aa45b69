// Output pieces shared by the writers of Gambit files (.efg in efg_writer.cc, .nfg in
// nfg_writer.cc), so both quote labels and print numbers the same way. Internal to the library.
#pragma once

#include <fmt/format.h>

#include <iterator>
#include <string>

#include "ncpmi/game/game.h"
#include "ncpmi/io/efg.h"

namespace ncpmi::gambit {

// A label in double quotes; a quote or backslash inside gets a backslash before it.
inline void AppendQuoted(fmt::memory_buffer& out, const std::string& s) {
  out.push_back('"');
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
}

// A payoff or probability as "3/4" (rational files) or a decimal (decimal files); the compact
// form is printed without building a GMP number.
inline void AppendNumber(fmt::memory_buffer& out, const Game& game, const StoredRational& r,
                         EfgNumbers numbers) {
  if (numbers == EfgNumbers::kRational && !r.IsBig()) {
    if (r.den == 1) {
      fmt::format_to(std::back_inserter(out), "{}", r.num);
    } else {
      fmt::format_to(std::back_inserter(out), "{}/{}", r.num, r.den);
    }
    return;
  }
  const Rational value = r.IsBig() ? game.BigNumber(r.num) : MakeRational(r.num, r.den);
  const std::string text =
      numbers == EfgNumbers::kRational ? FormatRational(value) : FormatDecimal(value);
  out.append(text.data(), text.data() + text.size());
}

}  // namespace ncpmi::gambit
