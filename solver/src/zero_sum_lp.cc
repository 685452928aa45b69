// The sequence-form LP for two-player constant-sum games, in double or exact arithmetic.
#include <string>
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

// Side `me`'s LP (it maximises its own payoff against the worst reply):
//   max v_0  s.t.  E_me r = e,  r ≥ 0,  (E_other^T v)[t] − Σ_q A_me[q, t] r[q] ≤ 0 for every
//   sequence t of the other side, v free.
// By LP duality v_0 is the value of the worst reply to r, so an optimal r is a maximin plan.
// Columns: me's sequences, then the other side's constraint rows (v). Rows: me's constraint rows,
// then the other side's sequences. O(sequences + cells).
template <class T>
LinearModel<T> SideModel(const SequenceForm<T>& form, int me) {
  const SideSequences& own = form.side[static_cast<std::size_t>(me)];
  const SideSequences& other = form.side[static_cast<std::size_t>(1 - me)];
  LinearModel<T> model;
  model.maximize = true;
  for (int q = 0; q < own.NumSequences(); ++q) model.AddColumn();
  const int v_begin = model.NumColumns();
  for (int k = 0; k < other.NumConstraintRows(); ++k) {
    model.AddColumn(Bound<T>{}, Bound<T>{}, k == 0 ? T(1) : T(0));
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
    const T& payoff = form.CellPayoff(c, own.player);
    if (NumberTraits<T>::IsZero(payoff)) continue;
    const int q = me == 0 ? form.cell_row[c] : form.cell_column[c];
    const int t = me == 0 ? form.cell_column[c] : form.cell_row[c];
    model.Add(t_begin + t, q, -payoff);
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

// Attempts, cheapest first: (1) player 1's LP alone, player 2's plan read from its row duals (by
// LP duality the duals of the rows of player 2's sequences form player 2's minimax plan);
// (2) both LPs; (3) both LPs polished by the exact simplex. Each attempt's profile is checked.
LpEquilibrium<double> SolveDouble(const Game& game, const LpOptions& options) {
  const SequenceForm<double> form = BuildSequenceForm<double>(game);
  RequireConstantSum(game, form.side[0].player, form.side[1].player);
  int rows = 0, columns = 0;
  for (int attempt = 0; attempt < 3; ++attempt) {
    RealizationPlans<double> plans{std::vector<double>{1.0}, std::vector<double>{1.0}};
    for (int me = 0; me < 2; ++me) {
      const SideSequences& side = form.side[static_cast<std::size_t>(me)];
      if (side.player == 0 || (attempt == 0 && me == 1)) continue;
      const lp::SolvedModel solved =
          lp::SolveLp(SideModel(form, me), options, /*polish=*/attempt == 2);
      if (rows == 0) {
        rows = solved.rows;
        columns = solved.columns;
      }
      if (solved.status != lp::LpStatus::kOptimal) {
        auto result = lp::FailedEquilibrium<double>(
            lp::ToEquilibriumStatus(solved.status),
            "sequence-form LP of player " + std::to_string(side.player) + ": " +
                lp::Describe(solved.status));
        result.rows = rows;
        result.columns = columns;
        return result;
      }
      plans[static_cast<std::size_t>(me)] = DoublePlan(solved.values, side);
      if (attempt == 0 && me == 0 && form.side[1].player != 0) {
        const int t_begin = side.NumConstraintRows();
        plans[1].assign(solved.row_duals.begin() + t_begin,
                        solved.row_duals.begin() + t_begin + form.side[1].NumSequences());
      }
    }
    LpEquilibrium<double> result = lp::SolvedEquilibrium(game, form, plans, "");
    const RealizationPlans<double> returned = RealizationFromBehavior(game, form, result.profile);
    if (lp::IsEquilibrium(form, returned)) {
      static const char* const kHow[] = {
          "sequence-form LP (simplex; player 2 from the duals)",
          "sequence-form LPs of both players (simplex)",
          "sequence-form LPs of both players (simplex, polished by the exact simplex)"};
      result.message = kHow[attempt];
      result.rows = rows;
      result.columns = columns;
      return result;
    }
  }
  auto result = lp::FailedEquilibrium<double>(
      EquilibriumSolveStatus::kNumericalFailure,
      "the sequence-form LP's double solution fails the equilibrium check by more than 1e-9");
  result.rows = rows;
  result.columns = columns;
  return result;
}

LpEquilibrium<Rational> SolveExact(const Game& game, const LpOptions& options) {
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  RequireConstantSum(game, form.side[0].player, form.side[1].player);
  RealizationPlans<Rational> exact{std::vector<Rational>{1}, std::vector<Rational>{1}};
  RealizationPlans<double> rough{std::vector<double>{1.0}, std::vector<double>{1.0}};
  bool have_exact = true;
  int rows = 0, columns = 0;
  for (int me = 0; me < 2; ++me) {
    const SideSequences& side = form.side[static_cast<std::size_t>(me)];
    if (side.player == 0) continue;
    const lp::SolvedModel solved = lp::SolveLpExact(SideModel(form, me), options);
    if (rows == 0) {
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
  auto verified = [&](const RealizationPlans<Rational>& plans) {
    // Check what is returned: the plans of the behaviour profile (off-path sets normalised).
    const BehaviorProfile<Rational> profile = BehaviorFromRealization(game, form, plans);
    return lp::IsEquilibrium(form, RealizationFromBehavior(game, form, profile));
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
  if constexpr (NumberTraits<T>::kExact) {
    return SolveExact(game, options);
  } else {
    return SolveDouble(game, options);
  }
}

template LpEquilibrium<double> SolveConstantSumLp<double>(const Game&, const LpOptions&);
template LpEquilibrium<Rational> SolveConstantSumLp<Rational>(const Game&, const LpOptions&);

}  // namespace ncpmi
