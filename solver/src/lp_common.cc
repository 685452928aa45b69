// Shared steps of the sequence-form LP and MIP solvers.
#include "lp_common.h"

#include <algorithm>
#include <cmath>

#include "ncpmi/game/resource_limits.h"

namespace ncpmi::lp {
namespace {

GlpkSolveOptions GlpkOptions(const LpOptions& options, bool presolve = false) {
  GlpkSolveOptions glpk;
  glpk.verbose = options.verbose;
  glpk.time_limit_seconds = options.time_limit_seconds;
  glpk.presolve = presolve;
  return glpk;
}

GlpkSolveOptions GlpkOptions(const LpOptions& options, const Deadline& deadline,
                             bool presolve = false) {
  GlpkSolveOptions glpk = GlpkOptions(options, presolve);
  glpk.time_limit_seconds = deadline.RemainingSeconds();
  return glpk;
}

void ReadColumns(const GlpkProblem& problem, SolvedModel* solved, bool mip) {
  solved->values.resize(static_cast<std::size_t>(problem.NumColumns()));
  for (int j = 0; j < problem.NumColumns(); ++j) {
    solved->values[static_cast<std::size_t>(j)] =
        mip ? problem.MipColumnValue(j) : problem.ColumnValue(j);
  }
  if (mip) return;
  solved->row_duals.resize(static_cast<std::size_t>(problem.NumRows()));
  for (int i = 0; i < problem.NumRows(); ++i) {
    solved->row_duals[static_cast<std::size_t>(i)] = problem.RowDual(i);
  }
}

void RecordSize(const GlpkProblem& problem, SolvedModel* solved) {
  solved->rows = problem.NumRows();
  solved->columns = problem.NumColumns();
  solved->integer_columns = problem.NumIntegerColumns();
}

}  // namespace

SolvedModel SolveLp(const LinearModel<double>& model, const LpOptions& options, bool polish,
                    bool presolve) {
  const Deadline deadline(options.time_limit_seconds);
  GlpkProblem problem = ToGlpk(model);
  SolvedModel solved;
  RecordSize(problem, &solved);
  solved.status = problem.SolveSimplex(GlpkOptions(options, deadline, presolve));
  if (solved.status == LpStatus::kOptimal && polish) {
    solved.status = problem.SolveExact(GlpkOptions(options, deadline));
  }
  if (solved.status == LpStatus::kOptimal) ReadColumns(problem, &solved, /*mip=*/false);
  return solved;
}

SolvedModel SolveInterior(const LinearModel<double>& model, const LpOptions& options) {
  GlpkProblem problem = ToGlpk(model);
  SolvedModel solved;
  RecordSize(problem, &solved);
  solved.status = problem.SolveInterior(GlpkOptions(options));
  if (!problem.HasInteriorPoint()) return solved;
  solved.values.resize(static_cast<std::size_t>(problem.NumColumns()));
  for (int j = 0; j < problem.NumColumns(); ++j) {
    solved.values[static_cast<std::size_t>(j)] = problem.InteriorColumnValue(j);
  }
  solved.row_duals.resize(static_cast<std::size_t>(problem.NumRows()));
  for (int i = 0; i < problem.NumRows(); ++i) {
    solved.row_duals[static_cast<std::size_t>(i)] = problem.InteriorRowDual(i);
  }
  return solved;
}

SolvedModel SolveLpExact(const LinearModel<Rational>& model, const LpOptions& options,
                         bool presolve) {
  const Deadline deadline(options.time_limit_seconds);
  bool exact_input = false;
  GlpkProblem problem = ToGlpkScaled(model, &exact_input);
  SolvedModel solved;
  RecordSize(problem, &solved);
  solved.status = problem.SolveSimplex(GlpkOptions(options, deadline, presolve));
  if (solved.status != LpStatus::kOptimal && solved.status != LpStatus::kNumericalFailure) {
    return solved;
  }
  // From the double optimum (or from scratch after a double failure) to an exact optimum of the
  // programme GLPK was given, which is the true one when exact_input.
  solved.status = problem.SolveExact(GlpkOptions(options, deadline));
  if (solved.status != LpStatus::kOptimal) return solved;
  ReadColumns(problem, &solved, /*mip=*/false);
  bool timed_out = false;
  solved.exact = ExactBasicSolution(model, problem, deadline, &timed_out);
  if (timed_out) solved.status = LpStatus::kLimitReached;
  return solved;
}

SolvedModel SolveMip(const LinearModel<double>& model, const LpOptions& options) {
  GlpkProblem problem = ToGlpk(model);
  SolvedModel solved;
  RecordSize(problem, &solved);
  GlpkSolveOptions glpk = GlpkOptions(options);
  glpk.max_memory_bytes = static_cast<std::size_t>(MemoryLimitBytes(options.limits));  // the tree's bound
  solved.status = problem.SolveMip(glpk);
  if (problem.HasMipSolution()) ReadColumns(problem, &solved, /*mip=*/true);
  return solved;
}

LinearModel<double> ToDoubleModel(const LinearModel<Rational>& model) {
  LinearModel<double> out;
  out.maximize = model.maximize;
  auto bound = [](const Bound<Rational>& b) {
    return Bound<double>{b.present, b.present ? ToDouble(b.value) : 0.0};
  };
  for (const auto& b : model.row_lower) out.row_lower.push_back(bound(b));
  for (const auto& b : model.row_upper) out.row_upper.push_back(bound(b));
  for (const auto& b : model.column_lower) out.column_lower.push_back(bound(b));
  for (const auto& b : model.column_upper) out.column_upper.push_back(bound(b));
  for (const auto& c : model.objective) out.objective.push_back(ToDouble(c));
  out.binary = model.binary;
  out.entries.reserve(model.entries.size());
  for (const auto& e : model.entries) out.entries.push_back({e.row, e.column, ToDouble(e.value)});
  return out;
}

template <class T>
bool IsEquilibrium(const SequenceForm<T>& form, const RealizationPlans<T>& plans) {
  const std::vector<T> payoff = ExpectedPayoffs(form, plans);
  for (int s = 0; s < 2; ++s) {
    const int player = form.side[static_cast<std::size_t>(s)].player;
    if (player == 0) continue;
    const T best = BestResponsePayoff(form, s, plans);
    const T& actual = payoff[static_cast<std::size_t>(player - 1)];
    if constexpr (NumberTraits<T>::kExact) {
      if (best != actual) return false;
    } else {
      const double scale = std::max({1.0, std::fabs(best), std::fabs(actual)});
      if (!(best - actual <= 1e-9 * scale)) return false;
    }
  }
  return true;
}

RealizationPlans<Rational> RoundPlans(const Game& game, const SequenceForm<Rational>& form,
                                      const RealizationPlans<double>& plans, double tolerance) {
  // The double form only lends its layout (identical to the exact one's) to the conversion.
  SequenceForm<double> layout;
  layout.num_players = form.num_players;
  layout.side = form.side;
  const BehaviorProfile<double> rough = BehaviorFromRealization(game, layout, plans);
  BehaviorProfile<Rational> exact = ChanceOnlyProfile<Rational>(game);
  for (std::size_t s = 0; s < 2; ++s) {
    for (InfosetId h : form.side[s].infosets) {
      Rational total(0);
      for (int a = 0; a < game.NumActions(h); ++a) {
        Rational p = SimplestFractionNear(rough.Prob(game, h, a), tolerance, 1L << 40);
        if (sgn(p) < 0) p = 0;
        total += p;
        exact.Prob(game, h, a) = p;
      }
      if (sgn(total) == 0) {
        exact.Prob(game, h, 0) = 1;
        continue;
      }
      for (int a = 0; a < game.NumActions(h); ++a) exact.Prob(game, h, a) /= total;
    }
  }
  return RealizationFromBehavior(game, form, exact);
}

template <class T>
LpEquilibrium<T> SolvedEquilibrium(const Game& game, const SequenceForm<T>& form,
                                   const RealizationPlans<T>& plans, const std::string& message) {
  LpEquilibrium<T> result;
  result.status = EquilibriumSolveStatus::kSolved;
  result.message = message;
  result.profile = BehaviorFromRealization(game, form, plans);
  result.payoff = ExpectedPayoffs(form, RealizationFromBehavior(game, form, result.profile));
  return result;
}

template <class T>
LpEquilibrium<T> FailedEquilibrium(EquilibriumSolveStatus status, const std::string& message) {
  LpEquilibrium<T> result;
  result.status = status;
  result.message = message;
  return result;
}

EquilibriumSolveStatus ToEquilibriumStatus(LpStatus status) {
  switch (status) {
    case LpStatus::kOptimal: return EquilibriumSolveStatus::kSolved;
    case LpStatus::kInfeasible: return EquilibriumSolveStatus::kInfeasible;
    case LpStatus::kLimitReached:
    case LpStatus::kMemoryLimit: return EquilibriumSolveStatus::kLimitReached;
    case LpStatus::kUnbounded:
    case LpStatus::kNumericalFailure: break;
  }
  return EquilibriumSolveStatus::kNumericalFailure;
}

}  // namespace ncpmi::lp

namespace ncpmi {
namespace {

// Peak bytes GLPK takes per nonzero and per row or column of a loaded programme, through the
// solve (its own matrix, the simplex's row- and column-wise copies and the LU factors of the
// basis; the interior-point method's normal equations and their Cholesky factor). Measured as
// peak RSS of `ncpmi solve --method lp|mip` on generated games (docs/guarantees.md).
constexpr std::uint64_t kGlpkBytesPerNonzero = 400;
constexpr std::uint64_t kGlpkBytesPerRowOrColumn = 800;
// A number in the sequence form and the model: a double, or an mpq_class with its two limb arrays.
constexpr std::uint64_t kDoubleBytes = 8;
constexpr std::uint64_t kRationalBytes = 80;

std::uint64_t Saturate(long double x) {
  return x >= 1.8e19L ? UINT64_MAX : static_cast<std::uint64_t>(x);
}

}  // namespace

LpSizeEstimate EstimateLpSize(const Game& game, bool mip, bool exact, const EquilibriumObjective& objective) {
  const std::vector<int> active = ActivePlayers(game);
  long double infosets[2] = {0, 0}, actions[2] = {0, 0};
  for (InfosetId h = 0; h < game.NumInfosets(); ++h) {
    const int p = game.InfosetPlayer(h);
    if (p == kChancePlayer) continue;
    const int side = !active.empty() && p == active[0] ? 0 : active.size() > 1 && p == active[1] ? 1 : -1;
    if (side < 0) continue;
    infosets[side] += 1;
    actions[side] += game.NumActions(h);
  }
  long double cells = 0;
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    if (game.Outcome(v) != kNoOutcome) cells += 1;
  }
  const long double terminals = game.NumTerminalNodes();
  long double rows = 0, columns = 0, nonzeros = 0;
  for (int s = 0; s < 2; ++s) {
    const long double seq = 1 + actions[s], crow = 1 + infosets[s], e = 1 + infosets[s] + actions[s];
    if (!mip) {
      // One side's LP: its sequences and the other side's constraint rows as columns.
      columns += s == 0 ? seq : crow;
      rows += s == 0 ? crow : seq;
      nonzeros += e;
    } else {
      columns += 3 * seq + crow;
      rows += crow + seq + 2 * (seq - 1);
      nonzeros += 2 * e + seq + 4 * (seq - 1);
    }
  }
  nonzeros += mip ? 2 * cells : cells;
  if (mip && (objective.kind == EquilibriumObjective::Kind::kMaxProbability ||
              objective.kind == EquilibriumObjective::Kind::kMinProbability)) {
    rows += 2 * terminals;
    columns += terminals;
    nonzeros += 4 * terminals;
  }
  const long double value = exact ? kRationalBytes : kDoubleBytes;
  const long double nodes = game.NumNodes();
  const long double players = game.NumPlayers();
  // The sequence form (per node: two sequences and the chance reach; per cell: its pair and a
  // payoff per player), twice in exact mode (a double copy guesses the supports).
  long double form = nodes * (8 + value) + cells * (8 + players * value) + (actions[0] + actions[1]) * 5;
  if (exact) form += nodes * 16 + cells * (8 + players * 8);
  // The model in T (entries, bounds, objective) and, exactly, the rebuilt basis equations.
  long double model = nonzeros * (8 + value) + (rows + columns) * (3 * value + 24);
  if (exact) model += nonzeros * (8 + value) + nonzeros * (8 + kDoubleBytes);
  const long double glpk = nonzeros * kGlpkBytesPerNonzero + (rows + columns) * kGlpkBytesPerRowOrColumn;
  LpSizeEstimate estimate;
  estimate.rows = Saturate(rows);
  estimate.columns = Saturate(columns);
  estimate.nonzeros = Saturate(nonzeros);
  estimate.bytes = Saturate(form + model + glpk);
  return estimate;
}

void CheckLpBudget(const Game& game, bool mip, bool exact, const LpOptions& options) {
  const LpSizeEstimate e = EstimateLpSize(game, mip, exact, options.objective);
  CheckMemoryBudget(e.bytes, options.limits,
                    std::string(mip ? "the sequence-form MIP of " : "the sequence-form LP of ") + options.subject +
                        " (" + GroupThousands(e.rows) + " rows, " + GroupThousands(e.columns) + " columns, " +
                        GroupThousands(e.nonzeros) + " nonzeros)");
}

}  // namespace ncpmi

namespace ncpmi::lp {

template bool IsEquilibrium<double>(const SequenceForm<double>&, const RealizationPlans<double>&);
template bool IsEquilibrium<Rational>(const SequenceForm<Rational>&,
                                      const RealizationPlans<Rational>&);
template LpEquilibrium<double> SolvedEquilibrium<double>(const Game&, const SequenceForm<double>&,
                                                         const RealizationPlans<double>&,
                                                         const std::string&);
template LpEquilibrium<Rational> SolvedEquilibrium<Rational>(const Game&,
                                                             const SequenceForm<Rational>&,
                                                             const RealizationPlans<Rational>&,
                                                             const std::string&);
template LpEquilibrium<double> FailedEquilibrium<double>(EquilibriumSolveStatus, const std::string&);
template LpEquilibrium<Rational> FailedEquilibrium<Rational>(EquilibriumSolveStatus,
                                                             const std::string&);

}  // namespace ncpmi::lp
