// `ncpmi bench`: speed and memory figures for generation, writing, parsing and solving.
#include <omp.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "commands.h"
#include "limits.h"
#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/eq/sequence_form_lcp.h"
#include "ncpmi/eq/spe_solver.h"
#include "ncpmi/game/structure.h"
#include "ncpmi/gen/random_game.h"
#include "ncpmi/io/efg.h"
#include "ncpmi/models/presets.h"
#include "ncpmi/models/timing.h"

namespace ncpmi::cli {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Peak resident set size since the last ResetPeakRss(), in MiB (Linux /proc).
double PeakRssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

double RssMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

void ResetPeakRss() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

std::string CpuModel() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  }
  return "unknown CPU";
}

struct BenchOptions {
  std::int64_t nodes = 10'000'000;
  std::int64_t chain = 1'000'000;
  std::int64_t exact_nodes = 1'000'000;
  int max_threads = 0;
  std::uint64_t seed = 1;
  int repeat = 3;
  std::vector<std::int64_t> lp_sequences{100, 1000, 10000, 100000};
  std::int64_t lp_exact_max = 10000;
  int lp_infoset_size = 4;
  int crisis_repeats = 100;
  std::vector<std::int64_t> lcp_nodes{300, 1000, 2000};
  std::int64_t lcp_slow_max = 300;  // largest game also solved by the dense tableau and integer path
  LimitFlags limit_flags;
  ResourceLimits limits;  // from limit_flags: each generated game is checked before it is built
};

// The composite NCPMI crisis model: build and solve time of one condition combination (what
// `ncpmi conditions` does 32 times and a sweep does per point), for every bundled preset.
void RunCrisisBench(const BenchOptions& o) {
  if (o.crisis_repeats <= 0) return;
  for (const models::Preset& preset : models::Presets()) {
    if (preset.model != "ncpmi-crisis") continue;
    const models::CrisisTiming t = models::MeasureCrisis(preset.values, o.crisis_repeats);
    std::cout << fmt::format(
        "crisis    {:<18} {} games of up to {} nodes: build {:.1f} us, exact solve {:.1f} us, "
        "double solve {:.1f} us per game\n",
        preset.name, t.games, t.max_nodes, t.build_us, t.solve_exact_us, t.solve_double_us);
  }
}

// Sequences of the two players' sequence forms: the empty one plus one per action.
std::int64_t CountSequences(const Game& game) {
  std::int64_t sequences = 2;
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    if (game.InfosetPlayer(h) != kChancePlayer) sequences += game.NumActions(h);
  }
  return sequences;
}

// The seeded two-player binary games with information sets that the LP and LCP benches solve.
RandomGameOptions TwoPlayerOptions(const BenchOptions& o, bool zero_sum) {
  RandomGameOptions g;
  g.limits = o.limits;
  g.players = 2;
  g.branching = 2;
  g.zero_sum = zero_sum;
  g.infoset_size = o.lp_infoset_size;
  g.seed = o.seed;
  return g;
}

// The sequence-form LP on seeded zero-sum games with information sets (issue: 10^2..10^5
// sequences), double and exact, and the whole `solve` pipeline (decomposition + certificates).
// The size is the number of sequences of the game generated (both players, empty ones included):
// decision nodes are first estimated, then scaled once by the ratio observed.
void RunLpBench(const BenchOptions& o) {
  // Exact solves beyond this are reported as "time limit reached", never left hanging.
  constexpr double kExactLimitSeconds = 600.0;
  for (const std::int64_t target : o.lp_sequences) {
    if (target <= 0) continue;
    RandomGameOptions g = TwoPlayerOptions(o, /*zero_sum=*/true);
    g.nodes = std::max<std::int64_t>(4, target * o.lp_infoset_size / 2);
    Game game = GenerateRandomGame(g);
    std::int64_t sequences = CountSequences(game);
    if (std::abs(sequences - target) * 20 > target) {
      g.nodes = std::max<std::int64_t>(
          4, static_cast<std::int64_t>(static_cast<double>(g.nodes) * static_cast<double>(target) /
                                       static_cast<double>(sequences)));
      game = GenerateRandomGame(g);
      sequences = CountSequences(game);
    }
    LpOptions lp_options;
    lp_options.limits = o.limits;
    auto t0 = Clock::now();
    const LpEquilibrium<double> lp = SolveConstantSumLp<double>(game, lp_options);
    const double lp_seconds = Seconds(t0);
    const NashCertificate<double> certificate = CertifyNash(game, lp.profile);
    std::cout << fmt::format(
        "lp        {} sequences ({} decision nodes, sets of up to {}, seed {}): LP {}x{} double "
        "{:.3f} s, value {:.6g}, {} [{}]\n",
        sequences, game.NumDecisionNodes(), o.lp_infoset_size, o.seed, lp.rows, lp.columns,
        lp_seconds, lp.payoff.empty() ? 0.0 : lp.payoff[0],
        lp.status == EquilibriumSolveStatus::kSolved && certificate.verified ? "verified"
                                                                             : "NOT VERIFIED",
        lp.message);
    std::cout.flush();
    if (target <= o.lp_exact_max) {  // the size asked for: the game may have a few more
      LpOptions exact_options;
      exact_options.time_limit_seconds = kExactLimitSeconds;
      exact_options.limits = o.limits;
      t0 = Clock::now();
      const LpEquilibrium<Rational> exact = SolveConstantSumLp<Rational>(game, exact_options);
      const double exact_seconds = Seconds(t0);
      const bool verified = exact.status == EquilibriumSolveStatus::kSolved &&
                            CertifyNash(game, exact.profile).verified;
      std::cout << fmt::format("          exact {:.3f} s, value {}, {} [{}]\n", exact_seconds,
                               exact.payoff.empty() ? std::string("-")
                                                    : FormatRational(exact.payoff[0]),
                               verified ? "verified exactly" : "NOT VERIFIED", exact.message);
      std::cout.flush();
    }
    SpeOptions spe_options;
    spe_options.limits = o.limits;
    t0 = Clock::now();
    const SpeSolution<double> spe = SolveSubgamePerfect<double>(game, spe_options);
    std::cout << fmt::format(
        "          solve (subgame decomposition, certificates): {:.3f} s, {} subgames by LP, {} "
        "steps, {}\n",
        Seconds(t0), spe.subgames.size(), spe.backward_induction_steps,
        spe.verified ? "verified" : "NOT VERIFIED");
    std::cout.flush();
  }
}

// Lemke's algorithm on the sequence-form LCP of seeded general-sum games (issue 13: 300 and 1,000
// decision nodes, information sets of up to --lp-infoset-size nodes), in double and exactly, each
// answer certified on the tree.
void RunLcpBench(const BenchOptions& o) {
  constexpr double kExactLimitSeconds = 600.0;  // reported as "time limit reached", never hanging
  for (const std::int64_t nodes : o.lcp_nodes) {
    if (nodes <= 0) continue;
    RandomGameOptions g = TwoPlayerOptions(o, /*zero_sum=*/false);
    g.nodes = nodes;
    const Game game = GenerateRandomGame(g);
    auto line = [&](const char* mode, auto solve, double limit) {
      LpOptions options;
      options.limits = o.limits;
      options.time_limit_seconds = limit;
      const auto t0 = Clock::now();
      const auto eq = solve(options);
      const double seconds = Seconds(t0);
      const bool verified = eq.status == EquilibriumSolveStatus::kSolved && CertifyNash(game, eq.profile).verified;
      std::cout << fmt::format("          {} {:.3f} s, {} [{}]\n", mode, seconds, verified ? "verified" : "NOT VERIFIED",
                               eq.message);
      std::cout.flush();
    };
    std::cout << fmt::format("lcp       {} decision nodes ({} sequences, sets of up to {}, seed {}), general-sum:\n",
                             game.NumDecisionNodes(), CountSequences(game), o.lp_infoset_size, o.seed);
    const bool slow_too = nodes <= o.lcp_slow_max;
    line("double path only (revised: sparse LU of the basis, eta vectors)",
         [&](const LpOptions& options) { return SolveSequenceFormLcpDoublePath(game, options); }, 0.0);
    if (slow_too) {
      line("double path only, dense tableau",
           [&](const LpOptions& options) { return SolveSequenceFormLcpDoublePath(game, options, true); }, 0.0);
    }
    line("exact (double path, then its final basis solved exactly; what solve runs in both modes)",
         [&](const LpOptions& options) { return SolveSequenceFormLcp<Rational>(game, options); }, kExactLimitSeconds);
    if (slow_too) {
      line("exact (the whole path by integer pivoting)",
           [&](const LpOptions& options) { return SolveSequenceFormLcpIntegerPath(game, options); },
           kExactLimitSeconds);
    }
  }
}

void RunBench(const BenchOptions& o) {
  const int max_threads = o.max_threads > 0 ? o.max_threads : omp_get_max_threads();
  std::cout << fmt::format("machine: {}, {} hardware threads; ncpmi {}\n\n", CpuModel(),
                           std::thread::hardware_concurrency(), NCPMI_VERSION);

  RandomGameOptions g;
  g.limits = o.limits;
  g.nodes = o.nodes;
  g.players = 2;
  g.branching = 2;
  g.seed = o.seed;
  auto t0 = Clock::now();
  if (o.nodes > 0) {
    std::string text;
    {
      const Game generated = GenerateRandomGame(g);
      std::cout << fmt::format("generate  {:>12} decision nodes, {} nodes in all: {:.2f} s\n",
                               generated.NumDecisionNodes(), generated.NumNodes(), Seconds(t0));
      t0 = Clock::now();
      text = WriteEfgString(generated);
      std::cout << fmt::format("write     {:.1f} MB in {:.2f} s ({:.0f} MB/s)\n", text.size() / 1e6,
                               Seconds(t0), text.size() / 1e6 / Seconds(t0));
    }

    double best_parse = 1e300;
    for (int r = 0; r < o.repeat; ++r) {
      ResetPeakRss();
      const double base = RssMiB();
      t0 = Clock::now();
      const Game parsed = ReadEfg(text, "bench");
      const double seconds = Seconds(t0);
      best_parse = std::min(best_parse, seconds);
      if (r + 1 < o.repeat) continue;
      const MemoryReport m = parsed.Memory();
      std::cout << fmt::format(
          "parse     {:.2f} s best of {} ({:.0f} MB/s); peak RSS +{:.0f} MiB over the text\n",
          best_parse, o.repeat, text.size() / 1e6 / best_parse, PeakRssMiB() - base);
      std::cout << fmt::format(
          "memory    {:.1f} bytes/node structure ({:.0f} MiB), labels {:.0f} MiB more\n",
          m.StructureBytesPerNode(), m.structure_bytes / 1048576.0, m.label_bytes / 1048576.0);
      std::string().swap(text);

      NodeVector<double> reference;
      for (int threads = 1; threads <= max_threads; threads *= 2) {
        BiOptions bi;
        bi.threads = threads;
        double best = 1e300;
        ResetPeakRss();
        const double before = RssMiB();
        BiSolution<double> solution;
        for (int k = 0; k < o.repeat; ++k) {
          solution = BiSolution<double>();  // free the previous run first: peak is one solution
          t0 = Clock::now();
          solution = SolveBackwardInduction<double>(parsed, bi);
          best = std::min(best, Seconds(t0));
        }
        // Sweeps solve many games into one solution: the arrays are then already faulted in.
        double best_reused = 1e300;
        for (int k = 0; k < o.repeat; ++k) {
          t0 = Clock::now();
          SolveBackwardInductionInto<double>(parsed, bi, &solution);
          best_reused = std::min(best_reused, Seconds(t0));
        }
        const bool identical = reference.empty() || reference == solution.value;
        if (reference.empty()) reference = solution.value;
        std::cout << fmt::format(
            "solve     double, {} thread(s): {:.3f} s best of {} = {:.0f} M nodes/s ({:.0f} M "
            "decision nodes/s); into reused arrays {:.3f} s = {:.0f} M nodes/s; peak RSS +{:.0f} "
            "MiB; {}\n",
            threads, best, o.repeat, parsed.NumNodes() / best / 1e6,
            parsed.NumDecisionNodes() / best / 1e6, best_reused, parsed.NumNodes() / best_reused / 1e6,
            PeakRssMiB() - before,
            identical ? "values bit-identical to 1 thread" : "VALUES DIFFER FROM 1 THREAD");
        if (threads == max_threads) break;
        if (threads * 2 > max_threads) threads = max_threads / 2;
      }
    }
  }

  if (o.exact_nodes > 0) {
    g.nodes = o.exact_nodes;
    g.denominator = 12;
    const Game game = GenerateRandomGame(g);
    BiOptions bi;
    bi.threads = max_threads;
    t0 = Clock::now();
    const BiSolution<Rational> exact = SolveBackwardInduction<Rational>(game, bi);
    const double seconds = Seconds(t0);
    std::cout << fmt::format(
        "solve     exact, {} thread(s), {} decision nodes with rational payoffs: {:.3f} s ({:.1f} "
        "M nodes/s)\n",
        max_threads, game.NumDecisionNodes(), seconds, game.NumNodes() / seconds / 1e6);
  }

  if (o.chain > 0) {
    RandomGameOptions c;
    c.limits = o.limits;
    c.nodes = o.chain;
    c.shape = TreeShape::kChain;
    c.seed = o.seed;
    t0 = Clock::now();
    const Game chain = GenerateRandomGame(c);
    const std::string chain_text = WriteEfgString(chain);
    const double write = Seconds(t0);
    t0 = Clock::now();
    const Game parsed = ReadEfg(chain_text, "chain");
    const double parse = Seconds(t0);
    t0 = Clock::now();
    const GameStructure s = AnalyzeStructure(parsed);
    const double structure = Seconds(t0);
    BiOptions bi;
    bi.threads = max_threads;
    t0 = Clock::now();
    const BiSolution<double> solution = SolveBackwardInduction<double>(parsed, bi);
    const double solve = Seconds(t0);
    std::cout << fmt::format(
        "chain     {} decision nodes, depth {}: generate+write {:.2f} s, parse {:.2f} s, "
        "structure {:.2f} s ({} subgames), solve {:.3f} s\n",
        parsed.NumDecisionNodes(), parsed.NumLevels() - 1, write, parse, structure,
        s.subgame_roots.size(), solve);
    (void)solution;
  }

  RunCrisisBench(o);
  RunLpBench(o);
  RunLcpBench(o);
}

}  // namespace

void AddBenchCommand(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench", "Print speed and memory figures (generate, write, parse, solve, deep chain, LP, LCP)");
  cmd->add_option("--nodes", o->nodes,
                  "Decision nodes of the random 2-player binary tree (0 skips parse and solve)")
      ->capture_default_str();
  cmd->add_option("--chain", o->chain, "Length of the chain game (0 skips it)")
      ->capture_default_str();
  cmd->add_option("--exact-nodes", o->exact_nodes, "Decision nodes for the exact solve (0 skips)")
      ->capture_default_str();
  cmd->add_option("--threads", o->max_threads, "Largest thread count (0: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--crisis-repeats", o->crisis_repeats,
                  "Repeats of the 32 condition combinations per crisis preset (0 skips)")
      ->capture_default_str();
  cmd->add_option("--lp-sequences", o->lp_sequences,
                  "Sizes (sequences) of the zero-sum games for the sequence-form LP (0 skips)")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--lp-exact-max", o->lp_exact_max,
                  "Largest LP (sequences) also solved in exact arithmetic")
      ->capture_default_str();
  cmd->add_option("--lp-infoset-size", o->lp_infoset_size,
                  "Nodes per information set in the LP games")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--lcp-nodes", o->lcp_nodes,
                  "Decision nodes of the general-sum games for Lemke's algorithm, double and exact "
                  "(0 skips)")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--lcp-slow-max", o->lcp_slow_max,
                  "Largest --lcp-nodes game also solved by the slower methods kept for comparison (the dense "
                  "double tableau and the whole path by integer pivoting)")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the generated games")->capture_default_str();
  cmd->add_option("--repeat", o->repeat, "Runs per measurement (best is reported)")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  AddLimitFlags(cmd, &o->limit_flags);
  cmd->callback([o] {
    o->limits = o->limit_flags.Limits();
    RunBench(*o);
  });
}

}  // namespace ncpmi::cli
