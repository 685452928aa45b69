// The sequence-form LP for two-player constant-sum games, in double or exact arithmetic.
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lp_common.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/eq/sequence_form.h"
#include "ncpmi/game/error.h"

namespace ncpmi {
namespace {

using lp::At;
using lp::Bound;
using lp::LinearModel;

// Per payoff cell: the chance reach of the terminal nodes it pays (0 for a cell that pays only
// outcomes on non-terminal nodes). For any pair of realization plans the terminal reaches weighted
// by the plans sum to 1. O(nodes · log cells).
template <class T>
std::vector<T> TerminalReach(const Game& game, const SequenceForm<T>& form) {
  std::vector<T> reach(form.NumCells(), T(0));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const auto vi = static_cast<std::size_t>(v);
    if (!game.IsTerminal(v) || NumberTraits<T>::IsZero(form.node_chance[vi])) continue;
    const std::pair<int, int> key{form.node_sequence[0][vi], form.node_sequence[1][vi]};
    std::size_t lo = 0, hi = form.NumCells();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (std::pair<int, int>{form.cell_row[mid], form.cell_column[mid]} < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo < form.NumCells() && form.cell_row[lo] == key.first &&
        form.cell_column[lo] == key.second) {
      reach[lo] += form.node_chance[vi];
    }
  }
  return reach;
}

// Side `me`'s LP (it maximises its own payoff against the worst reply):
//   max v_0  s.t.  E_me r = e,  r ≥ 0,  (E_other^T v)[t] − Σ_q A_me[q, t] r[q] ≤ 0 for every
//   sequence t of the other side.
// By LP duality v_0 is the value of the worst reply to r, so an optimal r is a maximin plan.
// Columns: me's sequences, then the other side's constraint rows (v). Rows: me's constraint rows,
// then the other side's sequences. O(sequences + cells).
//
// Payoffs are shifted by a constant s per terminal (A gains s·terminal reach; every objective
// value moves by s, no plan's standing changes) so that each terminal pays at least 1 per unit
// of reach. When then every entry of A is ≥ 0, v is bounded below by 0: the bottom-up minimum
// v'_h = min_t [(A^T r)[t] + Σ_{k below t} v'_k] is feasible, ≥ 0 and ≥ any feasible v, so the
// optimum is kept. Without free columns GLPK's interior-point method converges (with them it
// stalls), and its primal simplex is 2 to 3 times faster on random games of 10^4 to 3·10^4
// sequences.
// support (optional): per own sequence, 0 to fix its realization at 0.
template <class T>
LinearModel<T> SideModel(const SequenceForm<T>& form, const std::vector<T>& terminal_reach, int me,
                         const std::vector<char>* support = nullptr) {
  const SideSequences& own = form.side[static_cast<std::size_t>(me)];
  const SideSequences& other = form.side[static_cast<std::size_t>(1 - me)];
  // The shift: 1 − (smallest payoff per unit of terminal reach), if that is positive.
  bool have_low = false;
  T low(0);
  for (std::size_t c = 0; c < form.NumCells(); ++c) {
    if (!(terminal_reach[c] > T(0))) continue;
    const T per_unit = form.CellPayoff(c, own.player) / terminal_reach[c];
    if (!have_low || per_unit < low) low = per_unit;
    have_low = true;
  }
  const T shift = have_low && low < T(1) ? T(1) - low : T(0);
  std::vector<T> payoff(form.NumCells(), T(0));
  bool nonnegative = true;
  for (std::size_t c = 0; c < form.NumCells(); ++c) {
    payoff[c] = form.CellPayoff(c, own.player) + shift * terminal_reach[c];
    if (payoff[c] < T(0)) nonnegative = false;
  }

  LinearModel<T> model;
  model.maximize = true;
  for (int q = 0; q < own.NumSequences(); ++q) {
    const bool fixed = support != nullptr && !(*support)[static_cast<std::size_t>(q)];
    model.AddColumn(At(T(0)), fixed ? At(T(0)) : Bound<T>{});
  }
  const int v_begin = model.NumColumns();
  for (int k = 0; k < other.NumConstraintRows(); ++k) {
    model.AddColumn(nonnegative ? At(T(0)) : Bound<T>{}, Bound<T>{}, k == 0 ? T(1) : T(0));
  }
  for (int k = 0; k < own.NumConstraintRows(); ++k) {
    const T rhs = k == 0 ? T(1) : T(0);
    model.AddRow(At(rhs), At(rhs));
  }
  const int t_begin = model.NumRows();
  for (int t = 0; t < other.NumSequences(); ++t) model.AddRow(Bound<T>{}, At(T(0)));
  for (const ConstraintEntry& e : ConstraintMatrix(own)) model.Add(e.row, e.sequence, T(e.value));
  for (const ConstraintEntry& e : ConstraintMatrix(other)) {
    model.Add(t_begin + e.sequence, v_begin + e.row, T(e.value));
  }
  for (std::size_t c = 0; c < form.NumCells(); ++c) {
    if (NumberTraits<T>::IsZero(payoff[c])) continue;
    const int q = me == 0 ? form.cell_row[c] : form.cell_column[c];
    const int t = me == 0 ? form.cell_column[c] : form.cell_row[c];
    model.Add(t_begin + t, q, -payoff[c]);
  }
  return model;
}

// The player's realization plan from a model's column values.
template <class T>
std::vector<T> PlanFromColumns(const std::vector<T>& values, const SideSequences& side) {
  return std::vector<T>(values.begin(), values.begin() + side.NumSequences());
}

std::vector<double> DoublePlan(const std::vector<double>& values, const SideSequences& side) {
  return PlanFromColumns(values, side);
}

// Throws UnsupportedError unless the two moving players' payoffs sum to a constant.
void RequireConstantSum(const Game& game, int a, int b) {
  if (a == 0 || b == 0) return;
  if (!IsConstantSum(game, a, b)) {
    throw UnsupportedError("the constant-sum LP needs the payoffs of players " + std::to_string(a) +
                           " and " + std::to_string(b) +
                           " to sum to the same number on every terminal path; use the "
                           "general-sum MIP");
  }
}

// A support guess: realizations below this fraction of the parent sequence's realization (or
// below kSupportFloor) count as "not played". A guess that is too large only costs time; one that
// misses a played sequence fails the equilibrium check and the full LPs are solved instead.
constexpr double kSupportRatio = 1e-7;
constexpr double kSupportFloor = 1e-10;
// Smaller LPs go straight to the simplex, which solves them in milliseconds (an interior-point
// solve and two restricted LPs cost more there).
constexpr int kInteriorMinRows = 2000;

LpOptions WithBudget(const LpOptions& options, const lp::Deadline& deadline) {
  LpOptions budget = options;
  budget.time_limit_seconds = deadline.RemainingSeconds();
  return budget;
}

// Per sequence of `side`: whether the approximate plan (indexed by sequence) plays it.
std::vector<char> SupportOf(const SideSequences& side, const double* plan) {
  std::vector<char> support(static_cast<std::size_t>(side.NumSequences()), 1);
  for (int q = 1; q < side.NumSequences(); ++q) {
    const int k = side.sequence_infoset[static_cast<std::size_t>(q)];
    const double parent = plan[side.infoset_parent[static_cast<std::size_t>(k)]];
    support[static_cast<std::size_t>(q)] =
        plan[q] > kSupportFloor && plan[q] > kSupportRatio * parent;
  }
  return support;
}

// Both players' supports guessed from GLPK's interior-point solution of player 1's LP: player 1's
// from the column values, player 2's from the duals of the rows of its sequences. nullopt when the
// game has a placeholder side, the LP is small, has free columns, or the method leaves no iterate;
// *timed_out when the deadline passed during it (GLPK's method cannot be interrupted).
std::optional<std::array<std::vector<char>, 2>> GuessSupports(const SequenceForm<double>& form,
                                                               const std::vector<double>& reach,
                                                               const LpOptions& options,
                                                               const lp::Deadline& deadline,
                                                               bool* timed_out) {
  *timed_out = false;
  if (form.side[0].player == 0 || form.side[1].player == 0) return std::nullopt;
  const LinearModel<double> model = SideModel(form, reach, 0);
  const int nq = form.side[0].NumSequences();
  if (model.NumRows() < kInteriorMinRows ||
      !model.column_lower[static_cast<std::size_t>(nq)].present) {
    return std::nullopt;
  }
  const lp::SolvedModel interior = lp::SolveInterior(model, options);
  if (deadline.Expired()) {
    *timed_out = true;
    return std::nullopt;
  }
  // An iterate that stopped short of GLPK's tolerances is still a fair guess (it is checked).
  if (interior.values.empty()) return std::nullopt;
  const int t_begin = form.side[0].NumConstraintRows();
  return std::array<std::vector<char>, 2>{
      SupportOf(form.side[0], interior.values.data()),
      SupportOf(form.side[1], interior.row_duals.data() + t_begin)};
}

constexpr const char* kTimeLimitInInterior =
    "time limit reached in GLPK's interior-point method (sequence-form LP)";

// Attempts, cheapest first: (0) for LPs of kInteriorMinRows rows or more, GLPK's interior-point
// method on player 1's LP to guess both supports, then each player's LP with the sequences off
// its support fixed at 0 (GLPK's presolver removes them); (1) player 1's LP alone, player 2's plan
// read from its row duals (by LP duality the duals of the rows of player 2's sequences form player
// 2's minimax plan); (2) both LPs; (3) both LPs polished by the exact simplex. Each attempt's
// profile is checked. options.time_limit_seconds bounds all attempts together.
LpEquilibrium<double> SolveDouble(const Game& game, const LpOptions& options) {
  const lp::Deadline deadline(options.time_limit_seconds);
  const SequenceForm<double> form = BuildSequenceForm<double>(game);
  RequireConstantSum(game, form.side[0].player, form.side[1].player);
  const std::vector<double> reach = TerminalReach(game, form);
  int rows = 0, columns = 0;
  auto failed = [&](EquilibriumSolveStatus status, const std::string& message) {
    auto result = lp::FailedEquilibrium<double>(status, message);
    result.rows = rows;
    result.columns = columns;
    return result;
  };
  // The profile returned (off-path sets normalised), if it passes the equilibrium check.
  auto checked = [&](const RealizationPlans<double>& plans,
                     const std::string& how) -> std::optional<LpEquilibrium<double>> {
    LpEquilibrium<double> result = lp::SolvedEquilibrium(game, form, plans, how);
    if (!lp::IsEquilibrium(form, RealizationFromBehavior(game, form, result.profile))) {
      return std::nullopt;
    }
    result.rows = rows;
    result.columns = columns;
    return result;
  };

  bool timed_out = false;
  const auto supports = GuessSupports(form, reach, options, deadline, &timed_out);
  if (timed_out) return failed(EquilibriumSolveStatus::kLimitReached, kTimeLimitInInterior);
  if (supports) {
    RealizationPlans<double> plans;
    bool solved_both = true;
    for (int me = 0; me < 2 && solved_both; ++me) {
      const auto side = static_cast<std::size_t>(me);
      const lp::SolvedModel solved =
          lp::SolveLp(SideModel(form, reach, me, &(*supports)[side]), WithBudget(options, deadline),
                      /*polish=*/false, /*presolve=*/true);
      if (me == 0) {
        rows = solved.rows;
        columns = solved.columns;
      }
      if (solved.status == lp::LpStatus::kLimitReached) {
        return failed(EquilibriumSolveStatus::kLimitReached,
                      "sequence-form LP on the support of player " +
                          std::to_string(form.side[side].player) + ": " +
                          lp::Describe(solved.status));
      }
      solved_both = solved.status == lp::LpStatus::kOptimal;
      if (solved_both) plans[side] = DoublePlan(solved.values, form.side[side]);
    }
    if (solved_both) {
      if (auto result = checked(plans, "sequence-form LP (interior point to guess the supports, "
                                       "then each player's LP on its support by the simplex)")) {
        return *result;
      }
    }
  }

  for (int attempt = 0; attempt < 3; ++attempt) {
    RealizationPlans<double> plans{std::vector<double>{1.0}, std::vector<double>{1.0}};
    for (int me = 0; me < 2; ++me) {
      const SideSequences& side = form.side[static_cast<std::size_t>(me)];
      if (side.player == 0 || (attempt == 0 && me == 1)) continue;
      const lp::SolvedModel solved = lp::SolveLp(
          SideModel(form, reach, me), WithBudget(options, deadline), /*polish=*/attempt == 2);
      if (rows == 0) {
        rows = solved.rows;
        columns = solved.columns;
      }
      if (solved.status != lp::LpStatus::kOptimal) {
        return failed(lp::ToEquilibriumStatus(solved.status),
                      "sequence-form LP of player " + std::to_string(side.player) + ": " +
                          lp::Describe(solved.status));
      }
      plans[static_cast<std::size_t>(me)] = DoublePlan(solved.values, side);
      if (attempt == 0 && me == 0 && form.side[1].player != 0) {
        const int t_begin = side.NumConstraintRows();
        plans[1].assign(solved.row_duals.begin() + t_begin,
                        solved.row_duals.begin() + t_begin + form.side[1].NumSequences());
      }
    }
    static const char* const kHow[] = {
        "sequence-form LP (simplex; player 2 from the duals)",
        "sequence-form LPs of both players (simplex)",
        "sequence-form LPs of both players (simplex, polished by the exact simplex)"};
    if (auto result = checked(plans, kHow[attempt])) return *result;
  }
  return failed(EquilibriumSolveStatus::kNumericalFailure,
                "the sequence-form LP's double solution fails the equilibrium check by more than "
                "1e-9");
}

// Attempts: (0) for large LPs, the supports guessed as in SolveDouble and each player's LP on its
// support solved exactly; (1) both full LPs solved exactly; (2) their double solutions rounded to
// fractions. Each is verified exactly. options.time_limit_seconds bounds all of them together,
// including the GMP rebuild of the basic solution (whose pivot search is O(n²): beyond about 10^4
// sequences expect the time limit rather than an answer).
LpEquilibrium<Rational> SolveExact(const Game& game, const LpOptions& options) {
  const lp::Deadline deadline(options.time_limit_seconds);
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  RequireConstantSum(game, form.side[0].player, form.side[1].player);
  const std::vector<Rational> reach = TerminalReach(game, form);
  auto verified = [&](const RealizationPlans<Rational>& plans) {
    // Check what is returned: the plans of the behaviour profile (off-path sets normalised).
    const BehaviorProfile<Rational> profile = BehaviorFromRealization(game, form, plans);
    return lp::IsEquilibrium(form, RealizationFromBehavior(game, form, profile));
  };
  int rows = 0, columns = 0;
  auto limit_reached = [&](const std::string& message) {
    auto result = lp::FailedEquilibrium<Rational>(EquilibriumSolveStatus::kLimitReached, message);
    result.rows = rows;
    result.columns = columns;
    return result;
  };
  {
    const SequenceForm<double> rough_form = BuildSequenceForm<double>(game);
    bool timed_out = false;
    const auto supports =
        GuessSupports(rough_form, TerminalReach(game, rough_form), options, deadline, &timed_out);
    if (timed_out) return limit_reached(kTimeLimitInInterior);
    if (supports) {
      RealizationPlans<Rational> plans;
      bool solved_both = true;
      for (int me = 0; me < 2 && solved_both; ++me) {
        const auto side = static_cast<std::size_t>(me);
        const lp::SolvedModel solved =
            lp::SolveLpExact(SideModel(form, reach, me, &(*supports)[side]),
                             WithBudget(options, deadline), /*presolve=*/true);
        if (me == 0) {
          rows = solved.rows;
          columns = solved.columns;
        }
        if (solved.status == lp::LpStatus::kLimitReached) {
          return limit_reached("exact sequence-form LP on the support of player " +
                               std::to_string(form.side[side].player) + ": " +
                               lp::Describe(solved.status));
        }
        solved_both = solved.status == lp::LpStatus::kOptimal && solved.exact.has_value();
        if (solved_both) plans[side] = PlanFromColumns(*solved.exact, form.side[side]);
      }
      if (solved_both && verified(plans)) {
        LpEquilibrium<Rational> result = lp::SolvedEquilibrium(
            game, form, plans,
            "sequence-form LP (interior point to guess the supports, then each player's LP on its "
            "support by the exact simplex, basis solved with GMP, verified)");
        result.rows = rows;
        result.columns = columns;
        return result;
      }
    }
  }
  RealizationPlans<Rational> exact{std::vector<Rational>{1}, std::vector<Rational>{1}};
  RealizationPlans<double> rough{std::vector<double>{1.0}, std::vector<double>{1.0}};
  bool have_exact = true;
  for (int me = 0; me < 2; ++me) {
    const SideSequences& side = form.side[static_cast<std::size_t>(me)];
    if (side.player == 0) continue;
    const lp::SolvedModel solved =
        lp::SolveLpExact(SideModel(form, reach, me), WithBudget(options, deadline));
    if (me == 0 || rows == 0) {
      rows = solved.rows;
      columns = solved.columns;
    }
    if (solved.status != lp::LpStatus::kOptimal) {
      auto result = lp::FailedEquilibrium<Rational>(
          lp::ToEquilibriumStatus(solved.status),
          "exact sequence-form LP of player " + std::to_string(side.player) + ": " +
              lp::Describe(solved.status));
      result.rows = rows;
      result.columns = columns;
      return result;
    }
    rough[static_cast<std::size_t>(me)] = DoublePlan(solved.values, side);
    if (solved.exact) {
      exact[static_cast<std::size_t>(me)] = PlanFromColumns(*solved.exact, side);
    } else {
      have_exact = false;
    }
  }
  auto finish = [&](const RealizationPlans<Rational>& plans, const std::string& how) {
    LpEquilibrium<Rational> result = lp::SolvedEquilibrium(game, form, plans, how);
    result.rows = rows;
    result.columns = columns;
    return result;
  };
  if (have_exact && verified(exact)) {
    return finish(exact, "sequence-form LP (exact simplex, basis solved with GMP, verified)");
  }
  for (double tolerance : {1e-9, 1e-7, 1e-5}) {
    const RealizationPlans<Rational> rounded = lp::RoundPlans(game, form, rough, tolerance);
    if (verified(rounded)) {
      return finish(rounded, "sequence-form LP (double solution rounded to fractions, verified)");
    }
  }
  auto result = lp::FailedEquilibrium<Rational>(
      EquilibriumSolveStatus::kNumericalFailure,
      "no exact equilibrium could be rebuilt from GLPK's answer (neither the exact basic solution "
      "nor the rounded double solution passed the exact check)");
  result.rows = rows;
  result.columns = columns;
  return result;
}

}  // namespace

bool IsConstantSum(const Game& game, int player_a, int player_b) {
  // Path sums of u_a + u_b, top-down (parents have smaller ids).
  std::vector<Rational> sum(static_cast<std::size_t>(game.NumNodes()));
  bool have_first = false;
  Rational first;
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const auto vi = static_cast<std::size_t>(v);
    if (v > 0) sum[vi] = sum[static_cast<std::size_t>(game.Parent(v))];
    const OutcomeId o = game.Outcome(v);
    if (o != kNoOutcome) sum[vi] += game.Payoff(o, player_a) + game.Payoff(o, player_b);
    if (!game.IsTerminal(v)) continue;
    if (!have_first) {
      first = sum[vi];
      have_first = true;
    } else if (sum[vi] != first) {
      return false;
    }
  }
  return true;
}

template <class T>
LpEquilibrium<T> SolveConstantSumLp(const Game& game, const LpOptions& options) {
  CheckLpBudget(game, /*mip=*/false, /*exact=*/NumberTraits<T>::kExact, options);
  if constexpr (NumberTraits<T>::kExact) {
    return SolveExact(game, options);
  } else {
    return SolveDouble(game, options);
  }
}

template LpEquilibrium<double> SolveConstantSumLp<double>(const Game&, const LpOptions&);
template LpEquilibrium<Rational> SolveConstantSumLp<Rational>(const Game&, const LpOptions&);

}  // namespace ncpmi
