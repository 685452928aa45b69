// libFuzzer target: the .nfg reader (ReadNfg). On an accepted text the "NFG 1 R" writer must
// round-trip: the game read back has the same players, strategies and payoffs per profile (the
// payoff version gives every profile its own outcome, so outcome identity is not kept), the next
// write -> read keeps the game exactly, and the second write gives the same bytes; "NFG 1 D" the
// same where every payoff has a terminating decimal. The .efg writer must round-trip too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/nfg.h"

using namespace ncpmi;

namespace {

void CheckNfg(const char* what, const Game& game, EfgNumbers numbers) {
  const auto write = [numbers](const Game& g) { return WriteNfgString(g, numbers); };
  const auto read = [](const std::string& t) { return ReadNfg(t, "written.nfg", fuzz::Limits()); };
  fuzz::CompareOptions loose;
  loose.outcome_identity = false;
  fuzz::CheckRoundTrip(what, game, write, read, loose);
  // Once normalised, the writer's text is a fixed point with outcomes kept one to one.
  Game normal;
  try {
    normal = read(write(game));
  } catch (const std::exception& e) {
    fuzz::Fail(std::string(what) + ": the reader rejects the writer's text", e.what());
  }
  fuzz::CheckRoundTrip(what, normal, write, read);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Game game;
  if (!fuzz::Accepts("ReadNfg", [&] { game = ReadNfg(text, "fuzz.nfg", fuzz::Limits()); })) return 0;

  std::string reason;
  if (!HasStrategicFormShape(game, &reason)) fuzz::Fail("ReadNfg built a tree of another shape", reason);
  CheckNfg("NFG 1 R", game, EfgNumbers::kRational);
  if (fuzz::AllDecimalsTerminate(game)) CheckNfg("NFG 1 D", game, EfgNumbers::kDecimal);
  fuzz::CheckRoundTrip("EFG 2 R from .nfg", game, [](const Game& g) { return WriteEfgString(g); },
                       [](const std::string& t) { return ReadEfg(t, "written.efg", fuzz::Limits()); });
  return 0;
}
