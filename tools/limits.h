// The resource flags every command that reads or builds a game or an LP shares: --max-nodes and
// --max-memory (and --time-limit where a command has a time budget), and game loading under them.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>

#include "ncpmi/game/game.h"
#include "ncpmi/game/resource_limits.h"
#include "ncpmi/models/scenario.h"

namespace ncpmi::cli {

// What the flags hold until the command runs (kept in the command's options struct).
struct LimitFlags {
  std::uint64_t max_nodes = 0;  // 0: no limit
  std::string max_memory;       // empty: 80% of physical memory
  // The limits; throws InputError (exit 2) for a --max-memory that is not a size.
  ResourceLimits Limits() const;
};

// Adds --max-nodes N and --max-memory SIZE to `cmd`, stored in *flags (which must outlive the
// parse, e.g. a member of the command's shared options).
void AddLimitFlags(CLI::App* cmd, LimitFlags* flags);

// Runs `work` on the input called `name` (a path, or "<stdin>"), putting "name: " in front of an
// InputError or UnsupportedError that names neither it nor a flag (a refusal about the game as a
// whole, e.g. imperfect recall), so that every message about an input reads "ncpmi: FILE[:LINE:COL]: ...".
void NamingInput(const std::string& name, const std::function<void()>& work);

// Validators of numeric flags that print what they accept as a person writes it ("a whole number
// 1 or more", not CLI11's range up to DBL_MAX) and refuse NaN and infinities.
CLI::Validator FiniteNonNegative();  // seconds: "0", "2.5", "1e-9"
CLI::Validator WholeNumberAtLeast(std::uint64_t min);  // counts: digits only, >= min

// Adds --time-limit SECONDS (0: none) with the given help text.
void AddTimeLimitFlag(CLI::App* cmd, double* seconds, const std::string& help);

// Reads a .efg or .nfg file ("-": standard input) within the limits: the file's size, the node
// count and the memory the game will take are checked before the game is built (throws InputError
// with the figures, exit 2).
Game ReadGameWithin(const std::string& path, const ResourceLimits& limits);

// Builds a scenario's game and checks its node count against the limits (scenario games are small;
// this catches a --max-nodes below them). Throws InputError.
Game BuildScenarioWithin(const models::Scenario& scenario, const ResourceLimits& limits);

// A game file or a scenario (.toml), by the name, as `draw` and `solve` take either.
Game LoadGameOrScenarioWithin(const std::string& path, const ResourceLimits& limits);

// Bytes per node the exact (Rational, GMP) and double solves take beyond the game itself, per
// player: the values of backward induction or of the decomposition, and the certificate's.
// Measured with peak RSS (see docs/guarantees.md).
constexpr std::uint64_t kSolveBytesPerNodePlayerDouble = 16;
constexpr std::uint64_t kSolveBytesPerNodePlayerExact = 64;
constexpr std::uint64_t kSolveBytesPerNode = 24;  // choices, reached flags, the profile

// Checks that solving `game` (double or exact) fits the memory limit with the game itself.
void CheckSolveBudget(const Game& game, bool exact, const ResourceLimits& limits, const std::string& what);

}  // namespace ncpmi::cli
