// Nash equilibria of two-player games (general-sum, chance allowed) by Lemke's algorithm on the
// sequence-form linear complementarity problem (Koller, Megiddo and von Stengel 1996).
#pragma once

#include <array>

#include "ncpmi/eq/lemke.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/eq/sequence_form.h"

namespace ncpmi {

// The LCP of a sequence form. Variables z = (x, y, u+, u-, v+, v-): the realization plans x of
// side 0 and y of side 1, and the information-set values u = u+ - u-, v = v+ - v- split into
// non-negative parts (an LCP has no free variables). Rows:
//   x:  E'u - A y >= 0     (no sequence of side 0 earns more than its information set's value)
//   y:  F'v - B'x >= 0
//   u+: e - E x >= 0,  u-: E x - e >= 0   (together E x = e; likewise F y = f)
// M is skew-symmetric in the E and F blocks, so z'Mz = -x'(A + B)y. A and B are payoffs pushed to
// the terminal nodes (outcomes on the way summed into each terminal) minus, per player, one more
// than the largest such sum: every payoff cell is negative, which is what keeps Lemke's path from
// ending in a secondary ray (KMvS 1996), and shifts every expected payoff by the same constant,
// which changes no best response. O(nodes + cells log cells).
template <class T>
struct SequenceFormLcp {
  LinearComplementarityProblem<T> problem;
  int x_begin = 0, y_begin = 0;  // offsets of x and y in z
  int u_begin = 0, v_begin = 0;  // offsets of u+ and v+ (u- follows u+, v- follows v+)
};

template <class T>
SequenceFormLcp<T> BuildSequenceFormLcp(const Game& game, const SequenceForm<T>& form);

// A Nash equilibrium of a game with at most two players who move, by Lemke's algorithm with the
// lexicographic ratio test and covering vector d: 1 on the constraint rows, 16 (1 + largest
// |payoff cell|) on the x and y rows (shorter paths than d = 1, measured). First the path in
// double arithmetic; its final basis is then reached from the start by integer pivoting (at most n
// pivots) and accepted only if it is feasible, its plans are exactly an equilibrium (sequence-form
// best responses) and the tree certificate (CertifyNash) verifies it exactly; otherwise the whole
// path is followed by integer pivoting. The answer is exact either way (T = double gets it
// converted), and the message says which way it was found. Statuses: kSolved; kNumericalFailure
// with a message when even the exact path ends in a secondary ray (not expected: KMvS);
// kLimitReached when options.time_limit_seconds runs out (between pivots). options.objective is
// ignored (Lemke finds one equilibrium, not a selected one). rows/columns report the LCP's size.
// Throws UnsupportedError without perfect recall or with more than two players who move;
// InputError when the tableau would not fit options.limits.
// Thread safety: separate calls may run on separate threads.
template <class T>
LpEquilibrium<T> SolveSequenceFormLcp(const Game& game, const LpOptions& options);

// The two halves, for benchmarks and tests: the exact answer by the whole Lemke path in integer
// pivoting (no double path first), and the double path alone (its answer checked within 1e-9 on the
// sequence form, kNumericalFailure if it fails, cycles or ends in a ray; nothing exact), by the
// revised method or, with dense_tableau, on the dense tableau.
LpEquilibrium<Rational> SolveSequenceFormLcpIntegerPath(const Game& game, const LpOptions& options);
LpEquilibrium<double> SolveSequenceFormLcpDoublePath(const Game& game, const LpOptions& options,
                                                     bool dense_tableau = false);

}  // namespace ncpmi
