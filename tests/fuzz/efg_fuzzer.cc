// libFuzzer target: the .efg reader (ReadEfg). On an accepted text, the "EFG 2 R" writer must
// round-trip (same game, same bytes on the second write), "EFG 2 D" too where every number has a
// terminating decimal, and the strategic-form writer where the tree has that shape.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/nfg.h"

using namespace ncpmi;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Game game;
  if (!fuzz::Accepts("ReadEfg", [&] { game = ReadEfg(text, "fuzz.efg", fuzz::Limits()); })) return 0;

  auto read_efg = [](const std::string& t) { return ReadEfg(t, "written.efg", fuzz::Limits()); };
  fuzz::CheckRoundTrip("EFG 2 R", game, [](const Game& g) { return WriteEfgString(g); }, read_efg);
  const auto write_decimal = [](const Game& g) { return WriteEfgString(g, EfgNumbers::kDecimal); };
  if (fuzz::AllDecimalsTerminate(game)) {
    fuzz::CheckRoundTrip("EFG 2 D", game, write_decimal, read_efg);
  } else {
    // 17 significant digits: the text may be refused (probabilities no longer sum to 1), but
    // only with an InputError.
    const std::string decimal = write_decimal(game);
    fuzz::Accepts("ReadEfg of EFG 2 D", [&] { ReadEfg(decimal, "written.efg", fuzz::Limits()); });
  }
  if (HasStrategicFormShape(game)) {
    fuzz::CompareOptions nfg;
    nfg.outcome_identity = false;
    nfg.node_and_infoset_names = false;
    nfg.title_and_comment = false;
    fuzz::CheckRoundTrip("NFG 1 R from .efg", game, [](const Game& g) { return WriteNfgString(g); },
                         [](const std::string& t) { return ReadNfg(t, "written.nfg", fuzz::Limits()); }, nfg);
  }
  return 0;
}
