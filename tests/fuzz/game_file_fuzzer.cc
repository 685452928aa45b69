// libFuzzer target: ReadGame (format chosen by the first word), then the solvers on small
// accepted games: backward induction for perfect information, the subgame-perfect solver (LP,
// MIP, pure enumeration by subgame) otherwise. Only InputError and UnsupportedError may escape.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "ncpmi/game/structure.h"
#include "ncpmi/io/game_file.h"

using namespace ncpmi;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Game game;
  if (!fuzz::Accepts("ReadGame", [&] { game = ReadGame(text, "fuzz.game", fuzz::Limits()); })) return 0;
  fuzz::Accepts("AnalyzeStructure", [&] { AnalyzeStructure(game); });
  fuzz::SolveSmall(game);
  return 0;
}
