// Subgame-perfect equilibria of games with imperfect information, by subgame decomposition.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ncpmi/bi/backward_induction.h"
#include "ncpmi/eq/behavior_profile.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/game/game.h"
#include "ncpmi/game/resource_limits.h"

namespace ncpmi {

enum class SolveMethod { kAuto, kBackwardInduction, kLp, kMip, kPure, kLcp, kPerturbedLcp };

// "auto", "backward-induction", "sequence-form-lp", "sequence-form-mip", "pure-enumeration",
// "sequence-form-lcp", "perturbed-sequence-form-lcp".
const char* MethodName(SolveMethod method);

// What is computed. kSubgamePerfect: today's decomposition. kNash: a Nash equilibrium of the
// whole game (imperfect information: the whole game is solved as one subgame; perfect information:
// backward induction, whose answer is also Nash). kSequential: the decomposition, with every
// subgame with imperfect information solved for a quasi-perfect equilibrium (two players moving in
// it) and beliefs at every information set, certified as an assessment.
enum class SolutionConcept { kSubgamePerfect, kNash, kSequential };

// "spe", "nash", "sequential".
const char* ConceptName(SolutionConcept concept_kind);

struct SpeOptions {
  SolutionConcept solution_concept = SolutionConcept::kSubgamePerfect;
  SolveMethod method = SolveMethod::kAuto;  // kAuto chooses per subgame (see SolveSubgamePerfect)
  TieRule tie_rule = TieRule::kFirst;       // at ties of single-node (perfect-information) steps
  EquilibriumObjective::Kind selection = EquilibriumObjective::Kind::kAny;
  // For the probability selections: terminal nodes (by node id) whose probability counts.
  std::vector<char> selected_terminals;
  std::uint64_t max_profiles = 1000000;  // guard of pure-strategy enumeration, per subgame
  bool verbose = false;                  // GLPK's log on standard error
  // Per LP, LCP or MIP call; 0: none, except for the MIP, which then gets 600 s per GLPK call (the
  // failure message says so).
  double time_limit_seconds = 0;
  // Memory guard (--max-memory): the decomposition's arrays and each subgame's LP or MIP are
  // estimated before they are allocated and refused with InputError over the limit.
  ResourceLimits limits;
};

// One subgame with imperfect information, solved by a method other than a backward-induction step.
template <class T>
struct SubgameSolution {
  NodeId root = kNoNode;
  SolveMethod method = SolveMethod::kAuto;
  int nodes = 0;     // nodes of the subgame once the subgames below it are replaced by leaves
  int infosets = 0;  // decision information sets among them
  std::vector<int> players;    // players who move in it
  std::vector<T> payoffs;      // expected payoffs from the root (outcomes above it excluded)
  std::vector<T> gain;         // per player: best deviation gain in this subgame (certificate)
  bool verified = false;
  int lp_rows = 0, lp_columns = 0, lp_integer_columns = 0;  // size of the programme, if any
  std::uint64_t pure_equilibria = 0;                         // pure enumeration: how many met
};

template <class T>
struct SpeSolution {
  BehaviorProfile<T> profile;              // an action distribution at every information set
  std::vector<T> root_payoffs;             // expected payoffs of the whole game
  std::vector<SubgameSolution<T>> subgames;  // by root id, descending (the order solved)
  std::int64_t backward_induction_steps = 0;  // single-node subgames solved by one step
  std::vector<T> max_gain;                 // per player, over every subgame and step
  bool verified = false;                   // every subgame's certificate holds
  std::vector<Tie> ties;                   // ties met at backward-induction steps, by node id
  // kSequential only: the belief at every node (1 at singleton information sets, 0 at terminal
  // nodes) and the assessment certificate of the whole game (its gains are in max_gain too).
  std::vector<T> beliefs;
  bool assessment_verified = false;
  T bayes_error = T(0), belief_sum_error = T(0);
};

// A subgame-perfect equilibrium in behaviour strategies. Subgames are solved bottom-up (deepest
// root first): a subgame whose root's children are all leaves or solved subgames is one step of
// backward induction (decision node: best action, ties by the selection, then the tie rule;
// chance node: expectation); any other subgame holds a non-singleton information set and is cut
// out as a small game whose solved subgames are leaves carrying their payoff vectors, then solved
// by the sequence-form LP (two players, constant-sum), the sequence-form MIP (two players) or
// pure-strategy enumeration (any number), as options.method forces or kAuto chooses in that
// order. Each such subgame is certified (every player's best deviation gain in it), and so is
// each step, so `verified` means subgame-perfect by the one-subgame-at-a-time argument.
// options.solution_concept changes this as SolutionConcept says; kSequential with more than two
// players moving in one subgame with imperfect information enumerates pure profiles and keeps the
// first whose assessment, with the beliefs of trembles of equal order, passes the certificate
// (sound, not complete), and throws UnsupportedError when none does.
// Throws InputError for imperfect recall, a method that cannot apply to a subgame (naming it) or
// work over options.limits (naming the subgame and the figure), UnsupportedError when a method fails (no pure equilibrium, solver failure, limits).
template <class T>
SpeSolution<T> SolveSubgamePerfect(const Game& game, const SpeOptions& options);

}  // namespace ncpmi
