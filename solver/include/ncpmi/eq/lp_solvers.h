// Nash equilibria of two-player games with perfect recall from the sequence form: an LP for
// constant-sum games and a MIP for general-sum games, on GLPK, in double or exact arithmetic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/game/game.h"
#include "ncpmi/game/resource_limits.h"

namespace ncpmi {

// How a solve ended. Only kSolved carries a profile; every other status is a reported result with
// a one-line message, never an exception.
enum class EquilibriumSolveStatus { kSolved, kInfeasible, kNumericalFailure, kLimitReached };

// Which equilibrium the general-sum MIP looks for (the constant-sum LP ignores this: all its
// equilibria give the same payoffs).
struct EquilibriumObjective {
  enum class Kind {
    kAny,             // the first equilibrium found
    kMaxTotalPayoff,  // maximise the sum of the two moving players' payoffs (exact: it is linear)
    // Maximise / minimise the probability of a weighted set of terminal nodes. The probability of a
    // terminal z is chance(z) · r1[s1(z)] · r2[s2(z)], bilinear in the realization plans, so:
    //  * kMaxProbability maximises Σ weight_z · w_z with w_z ≤ chance(z)·r1[s1(z)] and
    //    w_z ≤ chance(z)·r2[s2(z)]. w_z is an upper bound of the true probability, equal to it when
    //    on each weighted terminal one of the two realizations is 0 or 1 (a player moves purely
    //    there). So the answer is exact on "is there an equilibrium giving the set positive
    //    probability", and for pure-on-the-set equilibria; otherwise it is an equilibrium whose
    //    bound is maximal, not necessarily the most probable one.
    //  * kMinProbability minimises Σ weight_z · chance(z) · q_z with q_z ≥ 1 − b1[s1(z)] − b2[s2(z)],
    //    q_z ≥ 0, where b = 1 marks a sequence forced to realization 0. It counts terminals that are
    //    not ruled out, so it is exact on "is there an equilibrium giving the set probability 0";
    //    otherwise it prefers equilibria that exclude more (weighted) terminals.
    // The caller should recompute the true probability from the returned profile.
    kMaxProbability,
    kMinProbability,
  };
  Kind kind = Kind::kAny;
  // Per node id of the game: the weight in [0, 1] of each terminal node for the probability
  // objectives (non-terminal entries are ignored; empty means every weight is 0).
  std::vector<double> leaf_weight;
};

struct LpOptions {
  bool verbose = false;              // GLPK's log on stderr
  // 0: none. The constant-sum LP: for the whole solve (every GLPK call and the GMP rebuild draw
  // on it; GLPK's interior-point method cannot be interrupted, so an overrun there is reported
  // when it returns). The general-sum MIP: per GLPK call.
  double time_limit_seconds = 0.0;
  EquilibriumObjective objective;
  // Memory guard: the programme's size is estimated from the game before anything is built
  // (EstimateLpSize) and refused with InputError when it is over limits.max_memory_bytes
  // (--max-memory; by default 80% of physical memory).
  ResourceLimits limits;
  std::string subject = "the game";  // names the (sub)game in the guard's message
};

// The size of the programme a solver below builds for `game`, from the game alone, and the bytes
// it is expected to take at its peak: the sequence form, the model in T, GLPK's copy of it and
// GLPK's working storage (factorisation, interior-point normal equations). An upper bound on rows,
// columns and nonzeros (every node with an outcome counted as a payoff cell); the bytes are
// calibrated on measured peak RSS (docs/guarantees.md). O(nodes).
struct LpSizeEstimate {
  std::uint64_t rows = 0, columns = 0, nonzeros = 0;
  std::uint64_t bytes = 0;
};
LpSizeEstimate EstimateLpSize(const Game& game, bool mip, bool exact, const EquilibriumObjective& objective = {});

// Throws InputError "the sequence-form LP of <subject> (R rows, C columns, Z nonzeros) would need
// about X GiB, above the memory limit of Y GiB (--max-memory)" when the estimate is over the
// limit. Called by SolveConstantSumLp and SolveGeneralSumMip before they build anything.
void CheckLpBudget(const Game& game, bool mip, bool exact, const LpOptions& options);

template <class T>
struct LpEquilibrium {
  EquilibriumSolveStatus status = EquilibriumSolveStatus::kNumericalFailure;
  std::string message;          // one line: what was solved, or why there is no answer
  // Valid when status == kSolved. An information set that its owner's own plan never reaches
  // (realization 0, so its behaviour changes no payoff) plays its first action with probability 1.
  BehaviorProfile<T> profile;
  std::vector<T> payoff;        // per player (index player-1): expected payoff of the profile
  // Size of the programme solved: player 1's LP for the constant-sum solver (player 2's mirror LP
  // has the transposed shape), the MIP for the general-sum solver.
  int rows = 0, columns = 0, integer_columns = 0;
};

// Two-player constant-sum games (and games with fewer than two players who move, where it is an
// optimisation against chance): the sequence-form LP max_{x,q} q_0 s.t. F^T q ≤ A^T x, E x = e,
// x ≥ 0 for player 1's plan, and the mirror LP for player 2's — a pair of optimal plans is an
// equilibrium. Passive header players just have their payoffs reported. Payoffs are shifted by a
// constant per terminal so that q ≥ 0 can be imposed (see zero_sum_lp.cc).
// LPs of 2000 rows or more start with GLPK's interior-point method on player 1's LP, whose
// approximate answer gives a guess of both players' supports; each player's LP is then solved
// with the sequences off its guessed support fixed at 0 (in exact arithmetic for T = Rational),
// and the pair is checked. If the check fails, the full LPs are solved as follows.
// T = double: GLPK's simplex on player 1's LP, player 2's plan from its duals; if the profile
// misses the equilibrium check by more than 1e-9, both LPs, then both polished by the exact
// simplex; kNumericalFailure if even that fails. T = Rational: the answer is exactly an
// equilibrium — GLPK's exact simplex on rows scaled to integers, then the basic solution rebuilt
// with GMP (or the double answer rounded by continued fractions), and always verified exactly; if
// nothing verifies, kNumericalFailure with a message. kLimitReached when the time limit runs out.
// Throws UnsupportedError without perfect recall, with more than two players who move, or when
// the two players' payoffs do not sum to a constant over every terminal path; InputError when the
// LP would not fit options.limits (CheckLpBudget).
// Thread safety: separate calls may run on separate threads.
template <class T>
LpEquilibrium<T> SolveConstantSumLp(const Game& game, const LpOptions& options);

// Two-player general-sum games: the MIP of Sandholm, Gilpin and Conitzer (2005) on the sequence
// form — realization plans r1, r2, free information-set values v1, v2, regret slacks
// reg = E^T v − A r_other ≥ 0, and a binary b per sequence with r ≤ 1 − b and reg ≤ U·b.
// U is safe (it never cuts off an equilibrium): with v the best-response values, reg at sequence
// (h, a) is the reach-weighted loss of a at h, which lies between the largest and smallest sum of
// payoffs below a member of h (0 included), see general_sum_mip.cc. options.objective picks which
// equilibrium (see EquilibriumObjective for the exactness of the probability objectives).
// T = Rational: the support found by the MIP (b, and the sequences it played with realization 0)
// is fixed and the remaining linear programme is solved exactly as in SolveConstantSumLp, then
// verified exactly; kNumericalFailure with a message if that fails.
// Throws UnsupportedError without perfect recall or with more than two players who move;
// InputError when the MIP would not fit options.limits (CheckLpBudget).
template <class T>
LpEquilibrium<T> SolveGeneralSumMip(const Game& game, const LpOptions& options);

// Whether the payoffs of player_a and player_b (1-based) sum to the same number on every terminal
// node, payoffs summed along the path (exact arithmetic). A game without terminals counts as
// constant-sum. O(nodes).
bool IsConstantSum(const Game& game, int player_a, int player_b);

}  // namespace ncpmi
