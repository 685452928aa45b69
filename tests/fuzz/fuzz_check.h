// Shared by the libFuzzer targets: the exception policy, game comparison and small solves.
//
// A target reports a finding by aborting (libFuzzer saves the input as crash-*): any exception
// other than InputError or UnsupportedError, a failed round trip, a broken solver precondition.
#pragma once

#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/game.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/io/nfg.h"

namespace ncpmi::fuzz {

// What the readers may build: far below libFuzzer's -rss_limit_mb=2048, so that a too-large game
// is refused with an InputError (the behaviour under test) instead of ending the run as an OOM.
inline ResourceLimits Limits() {
  ResourceLimits limits;
  limits.max_memory_bytes = std::uint64_t{256} << 20;
  return limits;
}

// Prints the finding and aborts, so that libFuzzer keeps the input. Never returns.
[[noreturn]] inline void Fail(const std::string& what, const std::string& detail = "") {
  // fwrite, not %s: the detail may be a written text with NUL bytes in it.
  std::fprintf(stderr, "\n*** fuzz finding: %s\n", what.c_str());
  std::fwrite(detail.data(), 1, detail.size(), stderr);
  std::fputc('\n', stderr);
  std::abort();
}

#define NCPMI_FUZZ_CHECK(cond, detail)                                        \
  do {                                                                        \
    if (!(cond)) ::ncpmi::fuzz::Fail("check failed: " #cond, (detail));       \
  } while (0)

// Runs f(); true if it returned, false if it threw InputError or UnsupportedError (the errors a
// user may cause). Any other exception is a finding, reported with `what` and its message.
template <class F>
bool Accepts(const char* what, F&& f) {
  try {
    f();
    return true;
  } catch (const InputError&) {
    return false;
  } catch (const UnsupportedError&) {
    return false;
  } catch (const std::exception& e) {
    Fail(std::string(what) + " threw an exception other than InputError/UnsupportedError", e.what());
  } catch (...) {
    Fail(std::string(what) + " threw a non-std exception");
  }
}

struct CompareOptions {
  // Outcomes correspond one to one (ids may differ). Off: only each node's outcome name and
  // payoffs count, a missing outcome being an unnamed one with zero payoffs (.nfg payoff version).
  bool outcome_identity = true;
  // Node and information-set names are compared (the .nfg format has none).
  bool node_and_infoset_names = true;
  bool title_and_comment = true;
};

// The first difference between two games, or "" when they are the same game up to the ids of
// information sets and outcomes. Node ids are compared directly (both games are in the builder's
// canonical breadth-first order). O(nodes × players).
inline std::string Difference(const Game& a, const Game& b, const CompareOptions& options = {}) {
  auto at = [](NodeId n, const std::string& what) { return "node " + std::to_string(n) + ": " + what; };
  if (a.NumPlayers() != b.NumPlayers()) return "number of players";
  for (int p = 1; p <= a.NumPlayers(); ++p) {
    if (a.PlayerName(p) != b.PlayerName(p)) return "name of player " + std::to_string(p);
  }
  if (options.title_and_comment && a.Title() != b.Title()) return "title";
  if (options.title_and_comment && a.Comment() != b.Comment()) return "comment";
  if (a.NumNodes() != b.NumNodes()) {
    return "number of nodes " + std::to_string(a.NumNodes()) + " vs " + std::to_string(b.NumNodes());
  }
  std::map<InfosetId, InfosetId> infosets;
  std::set<InfosetId> infoset_images;
  std::map<OutcomeId, OutcomeId> outcomes;
  std::set<OutcomeId> outcome_images;
  for (NodeId n = 0; n < a.NumNodes(); ++n) {
    if (a.Parent(n) != b.Parent(n)) return at(n, "parent");
    if (a.NumChildren(n) != b.NumChildren(n)) return at(n, "number of children");
    if (a.Kind(n) != b.Kind(n)) return at(n, "kind");
    if (a.Player(n) != b.Player(n)) return at(n, "player");
    if (options.node_and_infoset_names && a.NodeName(n) != b.NodeName(n)) return at(n, "name");
    const InfosetId ha = a.Infoset(n), hb = b.Infoset(n);
    if ((ha == kNoInfoset) != (hb == kNoInfoset)) return at(n, "information set presence");
    if (ha != kNoInfoset) {
      const auto [it, fresh] = infosets.emplace(ha, hb);
      if (it->second != hb) return at(n, "information set partition");
      if (fresh) {
        if (!infoset_images.insert(hb).second) return at(n, "two information sets merged");
        if (options.node_and_infoset_names && a.InfosetName(ha) != b.InfosetName(hb)) {
          return at(n, "information set name");
        }
        if (a.InfosetPlayer(ha) != b.InfosetPlayer(hb)) return at(n, "information set player");
        if (a.NumActions(ha) != b.NumActions(hb)) return at(n, "number of actions");
        for (int act = 0; act < a.NumActions(ha); ++act) {
          if (a.ActionName(ha, act) != b.ActionName(hb, act)) return at(n, "action name");
          if (a.InfosetPlayer(ha) == kChancePlayer &&
              a.ActionProbability(ha, act) != b.ActionProbability(hb, act)) {
            return at(n, "chance probability of action " + std::to_string(act));
          }
        }
      }
    }
    const OutcomeId oa = a.Outcome(n), ob = b.Outcome(n);
    if (options.outcome_identity) {
      if ((oa == kNoOutcome) != (ob == kNoOutcome)) return at(n, "outcome presence");
      if (oa == kNoOutcome) continue;
      const auto [it, fresh] = outcomes.emplace(oa, ob);
      if (it->second != ob) return at(n, "outcome partition");
      if (!fresh) continue;
      if (!outcome_images.insert(ob).second) return at(n, "two outcomes merged");
    }
    const std::string name_a = oa == kNoOutcome ? std::string() : a.OutcomeName(oa);
    const std::string name_b = ob == kNoOutcome ? std::string() : b.OutcomeName(ob);
    if (name_a != name_b) return at(n, "outcome name");
    for (int p = 1; p <= a.NumPlayers(); ++p) {
      const Rational pa = oa == kNoOutcome ? Rational(0) : a.Payoff(oa, p);
      const Rational pb = ob == kNoOutcome ? Rational(0) : b.Payoff(ob, p);
      if (pa != pb) return at(n, "payoff of player " + std::to_string(p));
    }
  }
  return "";
}

// True when every payoff and probability has a terminating decimal expansion (denominator
// 2^a 5^b), so that "EFG 2 D" / "NFG 1 D" text holds it exactly.
inline bool AllDecimalsTerminate(const Game& game) {
  auto terminates = [](const Rational& q) {
    mpz_class d = q.get_den();
    while (mpz_divisible_ui_p(d.get_mpz_t(), 2)) d /= 2;
    while (mpz_divisible_ui_p(d.get_mpz_t(), 5)) d /= 5;
    return d == 1;
  };
  for (OutcomeId o = 0; o < game.NumOutcomes(); ++o) {
    for (int p = 1; p <= game.NumPlayers(); ++p) {
      if (!terminates(game.Payoff(o, p))) return false;
    }
  }
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) != kChancePlayer) continue;
    for (int a = 0; a < game.NumActions(h); ++a) {
      if (!terminates(game.ActionProbability(h, a))) return false;
    }
  }
  return true;
}

// Write -> read -> write with `write` and `read`: the game read back must equal `game` (under
// `options`), and writing it again must give the same bytes. `what` names the format.
template <class Write, class Read>
void CheckRoundTrip(const char* what, const Game& game, Write&& write, Read&& read,
                    const CompareOptions& options = {}) {
  std::string first;
  if (!Accepts(what, [&] { first = write(game); })) return;  // e.g. no strategic-form shape
  Game again;
  try {
    again = read(first);
  } catch (const std::exception& e) {
    Fail(std::string(what) + ": the reader rejects the writer's text", std::string(e.what()) + "\n" + first);
  }
  const std::string diff = Difference(game, again, options);
  if (!diff.empty()) Fail(std::string(what) + ": the game read back differs: " + diff, first);
  const std::string second = write(again);
  if (first != second) Fail(std::string(what) + ": writing the game read back gives other bytes", first + "\n---\n" + second);
}

// Solves small accepted games, so that the solvers' preconditions meet odd inputs: backward
// induction (exact and double, one thread) for perfect information, else the subgame-perfect
// solver in exact arithmetic with small limits. Only InputError/UnsupportedError may escape.
inline void SolveSmall(const Game& game) {
  if (game.NumNodes() > 5000) return;
  BiOptions bi;
  bi.threads = 1;
  if (game.IsPerfectInformation()) {
    Accepts("SolveBackwardInduction<Rational>", [&] { SolveBackwardInduction<Rational>(game, bi); });
    Accepts("SolveBackwardInduction<double>", [&] { SolveBackwardInduction<double>(game, bi); });
    return;
  }
  if (game.NumNodes() > 60) return;
  SpeOptions spe;
  spe.max_profiles = 4096;
  spe.time_limit_seconds = 1;
  Accepts("SolveSubgamePerfect<Rational>", [&] {
    const SpeSolution<Rational> s = SolveSubgamePerfect<Rational>(game, spe);
    NCPMI_FUZZ_CHECK(s.verified, "an exact subgame-perfect solution failed its own certificate");
  });
}

}  // namespace ncpmi::fuzz
