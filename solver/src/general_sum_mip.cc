// The sequence-form MIP of Sandholm, Gilpin and Conitzer (2005) for two-player general-sum games,
// with an exact second stage that fixes the support found and solves the rest as an exact LP.
#include <algorithm>
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
using Kind = EquilibriumObjective::Kind;

// Realizations below this in a double MIP solution count as "not played" for the exact stage.
constexpr double kPlayedThreshold = 1e-9;

// Big-M per own information set of a side: an upper bound on the regret slack of each of its
// sequences. Why it is safe: take v as the best-response values against the other side's plan.
// Then the slack of (h, a) is max_a' C(a') − C(a), where C(a) sums, over the members x of h, the
// chance-and-opponent reach P(x) of x times the expected payoff collected strictly below x when a
// is played and the side continues optimally. Since Σ_x P(x) ≤ 1, every C lies between
// min(0, min_x lowest(x)) and max(0, max_x highest(x)), where lowest/highest(x) are the smallest
// and largest sums of the player's payoffs on a path from a child of x to a terminal. So every
// equilibrium, with those v and b = [realization is 0], satisfies reg ≤ U·b. O(nodes).
template <class T>
std::vector<T> RegretBounds(const Game& game, const SequenceForm<T>& form, int s) {
  const SideSequences& side = form.side[static_cast<std::size_t>(s)];
  const auto n = static_cast<std::size_t>(game.NumNodes());
  std::vector<T> highest(n, T(0)), lowest(n, T(0));
  for (NodeId v = game.NumNodes() - 1; v >= 0; --v) {
    if (game.IsTerminal(v)) continue;
    bool first = true;
    for (NodeId c = game.ChildBegin(v); c < game.ChildEnd(v); ++c) {
      const OutcomeId o = game.Outcome(c);
      const T paid = o == kNoOutcome ? T(0) : NumberTraits<T>::Payoff(game, o, side.player);
      const T hi = paid + highest[static_cast<std::size_t>(c)];
      const T lo = paid + lowest[static_cast<std::size_t>(c)];
      if (first || hi > highest[static_cast<std::size_t>(v)]) highest[static_cast<std::size_t>(v)] = hi;
      if (first || lo < lowest[static_cast<std::size_t>(v)]) lowest[static_cast<std::size_t>(v)] = lo;
      first = false;
    }
  }
  std::vector<int> index_of(static_cast<std::size_t>(game.NumInfosets()), -1);
  for (int k = 0; k < side.NumInfosets(); ++k) index_of[side.infosets[static_cast<std::size_t>(k)]] = k;
  std::vector<T> hi(static_cast<std::size_t>(side.NumInfosets()), T(0));
  std::vector<T> lo(static_cast<std::size_t>(side.NumInfosets()), T(0));
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const InfosetId h = game.Infoset(v);
    if (h < 0 || index_of[h] < 0) continue;
    const auto k = static_cast<std::size_t>(index_of[h]);
    hi[k] = std::max(hi[k], highest[static_cast<std::size_t>(v)]);
    lo[k] = std::min(lo[k], lowest[static_cast<std::size_t>(v)]);
  }
  std::vector<T> bound(static_cast<std::size_t>(side.NumSequences()), T(0));
  for (int q = 1; q < side.NumSequences(); ++q) {
    const auto k = static_cast<std::size_t>(side.sequence_infoset[static_cast<std::size_t>(q)]);
    T u = hi[k] - lo[k];
    // In double, a margin so that rounding in GLPK's data cannot cut off a true equilibrium.
    if constexpr (!NumberTraits<T>::kExact) u = u * (1 + 1e-7) + 1e-7;
    bound[static_cast<std::size_t>(q)] = u;
  }
  return bound;
}

// The smallest and largest payoff of `player` over all terminal paths (outcomes summed along the
// path): bounds on any expected payoff, hence on the root value v[0] of an equilibrium. O(nodes).
template <class T>
std::pair<T, T> PayoffRange(const Game& game, int player) {
  std::vector<T> sum(static_cast<std::size_t>(game.NumNodes()), T(0));
  bool first = true;
  T lo(0), hi(0);
  for (NodeId v = 0; v < game.NumNodes(); ++v) {
    const auto vi = static_cast<std::size_t>(v);
    if (v > 0) sum[vi] = sum[static_cast<std::size_t>(game.Parent(v))];
    const OutcomeId o = game.Outcome(v);
    if (o != kNoOutcome) sum[vi] += NumberTraits<T>::Payoff(game, o, player);
    if (!game.IsTerminal(v)) continue;
    if (first || sum[vi] < lo) lo = sum[vi];
    if (first || sum[vi] > hi) hi = sum[vi];
    first = false;
  }
  return {lo, hi};
}

// Where each side's variables sit in the model.
struct Layout {
  std::array<int, 2> r{{0, 0}}, v{{-1, -1}}, reg{{-1, -1}}, b{{-1, -1}};
};

// The MIP (support free) or, with `played` given, the LP that fixes the support: sequences not in
// `played` get realization 0, those in it regret 0, and there are no binaries.
template <class T>
LinearModel<T> EquilibriumModel(const Game& game, const SequenceForm<T>& form,
                                const EquilibriumObjective& objective,
                                const std::array<std::vector<char>, 2>* played, Layout* layout) {
  LinearModel<T> model;
  model.maximize = objective.kind != Kind::kMinProbability;
  std::array<std::vector<T>, 2> bounds;
  for (int s = 0; s < 2; ++s) {
    const SideSequences& side = form.side[static_cast<std::size_t>(s)];
    const auto ss = static_cast<std::size_t>(s);
    layout->r[ss] = model.NumColumns();
    for (int q = 0; q < side.NumSequences(); ++q) {
      const bool zero = played != nullptr && q > 0 && !(*played)[ss][static_cast<std::size_t>(q)];
      model.AddColumn(At(T(0)), zero ? At(T(0)) : At(T(1)));
    }
    if (side.player == 0) continue;
    bounds[ss] = RegretBounds(game, form, s);
    layout->v[ss] = model.NumColumns();
    const auto [lowest, highest] = PayoffRange<T>(game, side.player);
    for (int k = 0; k < side.NumConstraintRows(); ++k) {
      const T weight = objective.kind == Kind::kMaxTotalPayoff && k == 0 ? T(1) : T(0);
      // v[0] is the side's expected payoff; bounding it tightens the relaxation. In double, a
      // margin keeps rounding from cutting off an equilibrium at the extremes.
      T margin(0);
      if constexpr (!NumberTraits<T>::kExact) margin = 1e-7 * (1 + highest - lowest);
      if (k == 0) {
        model.AddColumn(At(T(lowest - margin)), At(T(highest + margin)), weight);
      } else {
        model.AddColumn(Bound<T>{}, Bound<T>{}, weight);
      }
    }
    layout->reg[ss] = model.NumColumns();
    for (int q = 0; q < side.NumSequences(); ++q) {
      // The empty sequence is always played (realization 1), so its slack is 0.
      const bool must_be_tight =
          q == 0 || (played != nullptr && (*played)[ss][static_cast<std::size_t>(q)]);
      model.AddColumn(At(T(0)), must_be_tight ? At(T(0)) : At(bounds[ss][static_cast<std::size_t>(q)]));
    }
    if (played == nullptr) {
      layout->b[ss] = model.NumColumns();
      for (int q = 0; q < side.NumSequences(); ++q) {
        const int j = model.AddColumn(At(T(0)), At(T(q == 0 ? 0 : 1)));
        if (q > 0) model.binary[static_cast<std::size_t>(j)] = 1;
      }
    }
  }
  for (int s = 0; s < 2; ++s) {
    const SideSequences& side = form.side[static_cast<std::size_t>(s)];
    const auto ss = static_cast<std::size_t>(s);
    // E r = e.
    const int e_begin = model.NumRows();
    for (int k = 0; k < side.NumConstraintRows(); ++k) {
      model.AddRow(At(T(k == 0 ? 1 : 0)), At(T(k == 0 ? 1 : 0)));
    }
    const std::vector<ConstraintEntry> constraint = ConstraintMatrix(side);
    for (const ConstraintEntry& e : constraint) {
      model.Add(e_begin + e.row, layout->r[ss] + e.sequence, T(e.value));
    }
    if (side.player == 0) continue;
    // (E^T v)[q] − (A r_other)[q] − reg[q] = 0.
    const int slack_begin = model.NumRows();
    for (int q = 0; q < side.NumSequences(); ++q) {
      model.AddRow(At(T(0)), At(T(0)));
      model.Add(slack_begin + q, layout->reg[ss] + q, T(-1));
    }
    for (const ConstraintEntry& e : constraint) {
      model.Add(slack_begin + e.sequence, layout->v[ss] + e.row, T(e.value));
    }
    for (std::size_t c = 0; c < form.NumCells(); ++c) {
      const T& payoff = form.CellPayoff(c, side.player);
      if (NumberTraits<T>::IsZero(payoff)) continue;
      const int own = s == 0 ? form.cell_row[c] : form.cell_column[c];
      const int theirs = s == 0 ? form.cell_column[c] : form.cell_row[c];
      model.Add(slack_begin + own, layout->r[1 - ss] + theirs, -payoff);
    }
    if (played != nullptr) continue;
    // r[q] + b[q] ≤ 1 and reg[q] − U[q] b[q] ≤ 0.
    for (int q = 1; q < side.NumSequences(); ++q) {
      const int row = model.AddRow(Bound<T>{}, At(T(1)));
      model.Add(row, layout->r[ss] + q, T(1));
      model.Add(row, layout->b[ss] + q, T(1));
      const T& u = bounds[ss][static_cast<std::size_t>(q)];
      if (NumberTraits<T>::IsZero(u)) continue;  // reg is fixed at 0 by its column bound
      const int slack_row = model.AddRow(Bound<T>{}, At(T(0)));
      model.Add(slack_row, layout->reg[ss] + q, T(1));
      model.Add(slack_row, layout->b[ss] + q, -u);
    }
  }
  // Probability objectives, one auxiliary column per weighted terminal with positive chance reach.
  const bool max_probability = objective.kind == Kind::kMaxProbability;
  const bool min_probability = objective.kind == Kind::kMinProbability && played == nullptr;
  if (!max_probability && !min_probability) return model;
  for (NodeId z = 0; z < game.NumNodes(); ++z) {
    const auto zz = static_cast<std::size_t>(z);
    if (!game.IsTerminal(z) || zz >= objective.leaf_weight.size()) continue;
    const double weight = objective.leaf_weight[zz];
    const T& chance = form.node_chance[zz];
    if (!(weight > 0) || NumberTraits<T>::IsZero(chance)) continue;
    const T w = T(weight);
    if (max_probability) {
      // w_z ≤ chance·r_s[s_s(z)] for both sides.
      const int column = model.AddColumn(At(T(0)), Bound<T>{}, w);
      for (std::size_t s = 0; s < 2; ++s) {
        const int row = model.AddRow(Bound<T>{}, At(T(0)));
        model.Add(row, column, T(1));
        model.Add(row, layout->r[s] + form.node_sequence[s][zz], -chance);
      }
    } else {
      // q_z ≥ 1 − b_1 − b_2, weighted by chance reach.
      const int column = model.AddColumn(At(T(0)), At(T(1)), w * chance);
      const int row = model.AddRow(At(T(1)), Bound<T>{});
      model.Add(row, column, T(1));
      for (std::size_t s = 0; s < 2; ++s) {
        const int q = form.node_sequence[s][zz];
        if (q > 0 && layout->b[s] >= 0) model.Add(row, layout->b[s] + q, T(1));
      }
    }
  }
  return model;
}

template <class T>
RealizationPlans<T> PlansFromColumns(const SequenceForm<T>& form, const Layout& layout,
                                     const std::vector<T>& values) {
  RealizationPlans<T> plans;
  for (std::size_t s = 0; s < 2; ++s) {
    const auto begin = values.begin() + layout.r[s];
    plans[s].assign(begin, begin + form.side[s].NumSequences());
  }
  return plans;
}

std::array<std::vector<char>, 2> PlayedSequences(const SequenceForm<double>& form, const Layout& layout,
                                                 const std::vector<double>& values) {
  std::array<std::vector<char>, 2> played;
  for (std::size_t s = 0; s < 2; ++s) {
    played[s].assign(static_cast<std::size_t>(form.side[s].NumSequences()), 0);
    for (int q = 0; q < form.side[s].NumSequences(); ++q) {
      const auto j = static_cast<std::size_t>(layout.r[s] + q);
      bool on = values[j] > kPlayedThreshold;
      if (layout.b[s] >= 0 && q > 0 && values[static_cast<std::size_t>(layout.b[s] + q)] > 0.5) {
        on = false;
      }
      played[s][static_cast<std::size_t>(q)] = on || q == 0;
    }
  }
  return played;
}

std::string MipFailure(lp::LpStatus status, const LpOptions& options) {
  if (status == lp::LpStatus::kInfeasible) {
    return "the equilibrium MIP is infeasible, which a finite game cannot be: numerical trouble";
  }
  if (status == lp::LpStatus::kMemoryLimit) {
    return "equilibrium MIP: its branch-and-bound tree reached the memory limit of " +
           FormatBytes(MemoryLimitBytes(options.limits)) + " before an equilibrium was found (--max-memory)";
  }
  return "equilibrium MIP: " + lp::Describe(status);
}

template <class T>
void SetSize(LpEquilibrium<T>* result, const lp::SolvedModel& solved) {
  result->rows = solved.rows;
  result->columns = solved.columns;
  result->integer_columns = solved.integer_columns;
}

// A MIP answer is usable when optimal, or (objective kAny) feasible at a limit: any feasible
// point is an equilibrium.
bool Usable(const lp::SolvedModel& solved, const EquilibriumObjective& objective) {
  if (solved.status == lp::LpStatus::kOptimal) return true;
  return (solved.status == lp::LpStatus::kLimitReached || solved.status == lp::LpStatus::kMemoryLimit) &&
         objective.kind == Kind::kAny && !solved.values.empty();
}

LpEquilibrium<double> SolveDouble(const Game& game, const LpOptions& options) {
  const SequenceForm<double> form = BuildSequenceForm<double>(game);
  Layout layout;
  const lp::SolvedModel solved =
      lp::SolveMip(EquilibriumModel(game, form, options.objective, nullptr, &layout), options);
  if (!Usable(solved, options.objective)) {
    auto result = lp::FailedEquilibrium<double>(
        solved.status == lp::LpStatus::kInfeasible ? EquilibriumSolveStatus::kNumericalFailure
                                                   : lp::ToEquilibriumStatus(solved.status),
        MipFailure(solved.status, options));
    SetSize(&result, solved);
    return result;
  }
  auto check = [&](const RealizationPlans<double>& plans) {
    const BehaviorProfile<double> profile = BehaviorFromRealization(game, form, plans);
    return lp::IsEquilibrium(form, RealizationFromBehavior(game, form, profile));
  };
  RealizationPlans<double> plans = PlansFromColumns(form, layout, solved.values);
  std::string how = "sequence-form MIP (branch and cut)";
  if (!check(plans)) {
    // Polish: fix the support found and solve the rest with the exact simplex.
    Layout fixed_layout;
    const auto played = PlayedSequences(form, layout, solved.values);
    const lp::SolvedModel polished = lp::SolveLp(
        EquilibriumModel(game, form, options.objective, &played, &fixed_layout), options,
        /*polish=*/true);
    if (polished.status == lp::LpStatus::kOptimal) {
      plans = PlansFromColumns(form, fixed_layout, polished.values);
      how += ", support polished by the exact simplex";
    }
    if (polished.status != lp::LpStatus::kOptimal || !check(plans)) {
      auto result = lp::FailedEquilibrium<double>(
          EquilibriumSolveStatus::kNumericalFailure,
          "the equilibrium MIP's double solution fails the equilibrium check by more than 1e-9");
      SetSize(&result, solved);
      return result;
    }
  }
  LpEquilibrium<double> result = lp::SolvedEquilibrium(game, form, plans, how);
  if (solved.status == lp::LpStatus::kLimitReached) result.message += " (time limit: first found)";
  if (solved.status == lp::LpStatus::kMemoryLimit) result.message += " (memory limit: first found)";
  SetSize(&result, solved);
  return result;
}

LpEquilibrium<Rational> SolveExact(const Game& game, const LpOptions& options) {
  const SequenceForm<Rational> form = BuildSequenceForm<Rational>(game);
  const SequenceForm<double> rough_form = BuildSequenceForm<double>(game);
  Layout layout;
  const LinearModel<Rational> mip = EquilibriumModel(game, form, options.objective, nullptr, &layout);
  const lp::SolvedModel solved = lp::SolveMip(lp::ToDoubleModel(mip), options);
  if (!Usable(solved, options.objective)) {
    auto result = lp::FailedEquilibrium<Rational>(
        solved.status == lp::LpStatus::kInfeasible ? EquilibriumSolveStatus::kNumericalFailure
                                                   : lp::ToEquilibriumStatus(solved.status),
        MipFailure(solved.status, options));
    SetSize(&result, solved);
    return result;
  }
  auto verified = [&](const RealizationPlans<Rational>& plans) {
    const BehaviorProfile<Rational> profile = BehaviorFromRealization(game, form, plans);
    return lp::IsEquilibrium(form, RealizationFromBehavior(game, form, profile));
  };
  auto finish = [&](const RealizationPlans<Rational>& plans, const std::string& how) {
    LpEquilibrium<Rational> result = lp::SolvedEquilibrium(game, form, plans, how);
    if (solved.status == lp::LpStatus::kLimitReached) result.message += " (time limit: first found)";
    if (solved.status == lp::LpStatus::kMemoryLimit) result.message += " (memory limit: first found)";
    SetSize(&result, solved);
    return result;
  };
  // Stage 2: the support of the MIP's answer fixed, the rest is an LP, solved exactly.
  const auto played = PlayedSequences(rough_form, layout, solved.values);
  Layout fixed_layout;
  const lp::SolvedModel exact =
      lp::SolveLpExact(EquilibriumModel(game, form, options.objective, &played, &fixed_layout), options);
  if (exact.status == lp::LpStatus::kOptimal && exact.exact) {
    const RealizationPlans<Rational> plans = PlansFromColumns(form, fixed_layout, *exact.exact);
    if (verified(plans)) {
      return finish(plans, "sequence-form MIP, support fixed and solved by the exact simplex with "
                           "GMP (verified)");
    }
  }
  // Fallback: round the MIP's double plans.
  const RealizationPlans<double> rough = PlansFromColumns(rough_form, layout, solved.values);
  for (double tolerance : {1e-9, 1e-7, 1e-5}) {
    const RealizationPlans<Rational> rounded = lp::RoundPlans(game, form, rough, tolerance);
    if (verified(rounded)) {
      return finish(rounded, "sequence-form MIP, double solution rounded to fractions (verified)");
    }
  }
  auto result = lp::FailedEquilibrium<Rational>(
      EquilibriumSolveStatus::kNumericalFailure,
      "no exact equilibrium could be rebuilt from the MIP's answer (exact LP on its support: " +
          lp::Describe(exact.status) + "; rounding failed the exact check)");
  SetSize(&result, solved);
  return result;
}

}  // namespace

template <class T>
LpEquilibrium<T> SolveGeneralSumMip(const Game& game, const LpOptions& options) {
  CheckLpBudget(game, /*mip=*/true, /*exact=*/NumberTraits<T>::kExact, options);
  if constexpr (NumberTraits<T>::kExact) {
    return SolveExact(game, options);
  } else {
    return SolveDouble(game, options);
  }
}

template LpEquilibrium<double> SolveGeneralSumMip<double>(const Game&, const LpOptions&);
template LpEquilibrium<Rational> SolveGeneralSumMip<Rational>(const Game&, const LpOptions&);

}  // namespace ncpmi
