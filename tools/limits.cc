// --max-nodes / --max-memory / --time-limit flags and loading games under the limits.
#include "limits.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "ncpmi/game/error.h"
#include "ncpmi/io/game_file.h"

namespace ncpmi::cli {

ResourceLimits LimitFlags::Limits() const {
  ResourceLimits limits;
  limits.max_nodes = max_nodes;
  // The default resolved once here, so that the many checks of a run do not each read
  // /proc/meminfo.
  limits.max_memory_bytes =
      max_memory.empty() ? DefaultMemoryLimitBytes() : ParseByteSize(max_memory, "--max-memory");
  return limits;
}

void AddLimitFlags(CLI::App* cmd, LimitFlags* flags) {
  cmd->add_option("--max-nodes", flags->max_nodes,
                  "Refuse a game with more nodes than this (0: no limit; exit 2)")
      ->check(WholeNumberAtLeast(0))
      ->group("Limits");
  cmd->add_option("--max-memory", flags->max_memory,
                  "Refuse work estimated to need more memory than this, e.g. 4G, 500M (default: 80% "
                  "of physical memory; exit 2)")
      ->group("Limits");
}

CLI::Validator FiniteNonNegative() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        char* end = nullptr;
        errno = 0;
        const double x = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0' || !std::isfinite(x) || x < 0 || errno == ERANGE) {
          return "'" + text + "' is not a number of seconds: expected a finite number, 0 or more";
        }
        return {};
      },
      "NUMBER >= 0");
}

CLI::Validator WholeNumberAtLeast(std::uint64_t min) {
  return CLI::Validator(
      [min](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 19 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoull(text) < min) {
          return "'" + text + "' is not a whole number " + std::to_string(min) + " or more" +
                 (digits ? "" : " (up to 19 digits)");
        }
        return {};
      },
      "INTEGER >= " + std::to_string(min));
}

void NamingInput(const std::string& name, const std::function<void()>& work) {
  // Messages about a flag ("--method lp cannot solve ...") are left as they are.
  const auto named = [&](const std::exception& e) {
    const std::string what = e.what();
    return what.rfind(name + ":", 0) == 0 || what.rfind("--", 0) == 0;
  };
  try {
    work();
  } catch (const InputError& e) {
    if (named(e)) throw;
    throw InputError(name + ": " + e.what());
  } catch (const UnsupportedError& e) {
    if (named(e)) throw;
    throw UnsupportedError(name + ": " + e.what());
  }
}

void AddTimeLimitFlag(CLI::App* cmd, double* seconds, const std::string& help) {
  cmd->add_option("--time-limit", *seconds, help)->check(FiniteNonNegative())->group("Limits");
}

Game ReadGameWithin(const std::string& path, const ResourceLimits& limits) {
  return ReadGameFile(path, limits);  // the readers check the file's size and the nodes as they go
}

Game BuildScenarioWithin(const models::Scenario& scenario, const ResourceLimits& limits) {
  Game game = models::BuildScenario(scenario);
  CheckNodeBudget(static_cast<std::uint64_t>(game.NumNodes()), 0, limits, "the scenario's game",
                  scenario.path);
  return game;
}

Game LoadGameOrScenarioWithin(const std::string& path, const ResourceLimits& limits) {
  if (models::IsScenarioPath(path)) return BuildScenarioWithin(models::ReadScenarioFile(path, limits), limits);
  return ReadGameWithin(path, limits);
}

void CheckSolveBudget(const Game& game, bool exact, const ResourceLimits& limits, const std::string& what) {
  const auto nodes = static_cast<std::uint64_t>(game.NumNodes());
  const auto players = static_cast<std::uint64_t>(game.NumPlayers());
  const std::uint64_t per_node =
      kSolveBytesPerNode + players * (exact ? kSolveBytesPerNodePlayerExact : kSolveBytesPerNodePlayerDouble);
  const MemoryReport memory = game.Memory();
  const std::uint64_t game_bytes = memory.structure_bytes + memory.label_bytes;
  // nodes * per_node saturates inside CheckNodeBudget; the game's own bytes are added on top.
  const std::uint64_t solve = nodes != 0 && per_node > (UINT64_MAX - game_bytes) / nodes
                                  ? UINT64_MAX
                                  : nodes * per_node + game_bytes;
  CheckMemoryBudget(solve, limits,
                    "solving " + what + " (" + std::to_string(nodes) + " nodes, " + std::to_string(players) +
                        " players, " + (exact ? "exact" : "double") + " arithmetic)");
}

}  // namespace ncpmi::cli
