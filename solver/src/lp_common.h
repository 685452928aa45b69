// What the constant-sum LP and the general-sum MIP share: solving a linear model in double or
// exactly, checking realization plans for an equilibrium, rounding double plans to fractions, and
// packaging the answer. Private to the solver library.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "linear_model.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/eq/sequence_form.h"

namespace ncpmi::lp {

struct SolvedModel {
  LpStatus status = LpStatus::kNumericalFailure;
  std::vector<double> values;                   // column values (double) when optimal
  std::vector<double> row_duals;                // row duals (double) when an LP is optimal
  std::optional<std::vector<Rational>> exact;   // exact basic solution (exact solves only)
  int rows = 0, columns = 0, integer_columns = 0;
};

// Simplex in double; with polish, GLPK's exact simplex afterwards from the final basis; with
// presolve, GLPK's presolver first (worth it when many columns are fixed).
SolvedModel SolveLp(const LinearModel<double>& model, const LpOptions& options, bool polish,
                    bool presolve = false);
// GLPK's interior-point method: approximate column values and row duals (no basis). The model
// should have no free columns (GLPK's method stalls on them). Values and duals are also filled
// when the method stopped without converging (status kNumericalFailure) but left an iterate.
SolvedModel SolveInterior(const LinearModel<double>& model, const LpOptions& options);
// Simplex on the integer-scaled rows, then the exact simplex, then the exact basic solution.
// options.time_limit_seconds bounds the three phases together (kLimitReached when it runs out).
SolvedModel SolveLpExact(const LinearModel<Rational>& model, const LpOptions& options,
                         bool presolve = false);
// Branch and cut (double). A time limit after a feasible point keeps that point (kLimitReached).
SolvedModel SolveMip(const LinearModel<double>& model, const LpOptions& options);

LinearModel<double> ToDoubleModel(const LinearModel<Rational>& model);

// Whether the plans are an equilibrium: gains exactly 0 (Rational), or at most 1e-9 relative to
// max(1, |payoff|, |best response|) per player, as CertifyNash judges doubles.
template <class T>
bool IsEquilibrium(const SequenceForm<T>& form, const RealizationPlans<T>& plans);

// Exact plans from double ones: each behaviour probability replaced by the simplest fraction
// within `tolerance`, renormalised exactly per information set.
RealizationPlans<Rational> RoundPlans(const Game& game, const SequenceForm<Rational>& form,
                                      const RealizationPlans<double>& plans, double tolerance);

// The answer for plans already checked: behaviour profile, and payoffs of the profile.
template <class T>
LpEquilibrium<T> SolvedEquilibrium(const Game& game, const SequenceForm<T>& form,
                                   const RealizationPlans<T>& plans, const std::string& message);

template <class T>
LpEquilibrium<T> FailedEquilibrium(EquilibriumSolveStatus status, const std::string& message);

EquilibriumSolveStatus ToEquilibriumStatus(LpStatus status);

}  // namespace ncpmi::lp
