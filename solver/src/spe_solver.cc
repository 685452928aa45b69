// Subgame decomposition: backward-induction steps, and cut-out subgames solved by LP, MIP or
// pure enumeration, each certified.
#include "ncpmi/eq/spe_solver.h"

#include <algorithm>
#include <functional>
#include <string>
#include <unordered_map>
#include <utility>

#include "ncpmi/bi/number_traits.h"
#include "ncpmi/eq/assessment.h"
#include "ncpmi/eq/certificate.h"
#include "ncpmi/eq/lp_solvers.h"
#include "ncpmi/eq/pure_equilibria.h"
#include "ncpmi/eq/quasi_perfect.h"
#include "ncpmi/eq/sequence_form_lcp.h"
#include "ncpmi/game/error.h"
#include "ncpmi/game/game_builder.h"
#include "ncpmi/game/structure.h"

namespace ncpmi {

const char* MethodName(SolveMethod method) {
  switch (method) {
    case SolveMethod::kAuto: return "auto";
    case SolveMethod::kBackwardInduction: return "backward-induction";
    case SolveMethod::kLp: return "sequence-form-lp";
    case SolveMethod::kMip: return "sequence-form-mip";
    case SolveMethod::kPure: return "pure-enumeration";
    case SolveMethod::kLcp: return "sequence-form-lcp";
    case SolveMethod::kPerturbedLcp: return "perturbed-sequence-form-lcp";
  }
  return "?";
}

const char* ConceptName(SolutionConcept concept_kind) {
  switch (concept_kind) {
    case SolutionConcept::kSubgamePerfect: return "spe";
    case SolutionConcept::kNash: return "nash";
    case SolutionConcept::kSequential: return "sequential";
  }
  return "?";
}

namespace {

// --time-limit's value for the MIP when none is given (seconds per GLPK call).
constexpr double kDefaultMipSeconds = 600;

Rational ToRational(double value) { return Rational(value); }  // exact: a double is dyadic
const Rational& ToRational(const Rational& value) { return value; }

// A subgame cut out of the game: its solved subgames below are leaves with their payoffs.
struct CutSubgame {
  Game game;
  std::vector<NodeId> original_node;    // by node id of the cut game
  std::vector<double> leaf_weight;      // by node id of the cut game (probability selections)
};

template <class T>
class Decomposition {
 public:
  Decomposition(const Game& game, const SpeOptions& options)
      : game_(game), options_(options), players_(game.NumPlayers()) {}

  SpeSolution<T> Run() {
    const GameStructure structure = AnalyzeStructure(game_);
    if (!structure.perfect_recall) {
      throw InputError("subgame-perfect equilibria need perfect recall: " + structure.recall_violation);
    }
    const std::size_t n = static_cast<std::size_t>(game_.NumNodes());
    // value_ and match_ per node (a Rational with its limbs is about 80 bytes), the profile per
    // action; checked before allocating them.
    const std::uint64_t value_bytes = NumberTraits<T>::kExact ? 80 : sizeof(T);
    CheckNodeBudget(n, static_cast<std::uint64_t>(players_) * value_bytes + 2 * value_bytes + 16,
                    options_.limits, "the subgame decomposition of the game");
    CheckConcept();
    // Nash of a game with imperfect information: the whole game is the one subgame to solve.
    const bool whole = options_.solution_concept == SolutionConcept::kNash && !game_.IsPerfectInformation();
    const std::vector<NodeId> subgame_roots = whole ? std::vector<NodeId>{0} : structure.subgame_roots;
    is_root_.assign(n, 0);
    for (const NodeId r : subgame_roots) is_root_[static_cast<std::size_t>(r)] = 1;
    if (Sequential()) beliefs_.assign(n, T(1));
    value_.assign(n * static_cast<std::size_t>(players_), T(0));
    match_.assign(n, 0.0);
    for (NodeId v = 0; v < game_.NumNodes(); ++v) {
      if (game_.IsTerminal(v)) {
        const OutcomeId o = game_.Outcome(v);
        for (int i = 1; i <= players_; ++i) {
          Value(v, i) = o == kNoOutcome ? T(0) : NumberTraits<T>::Payoff(game_, o, i);
        }
        match_[static_cast<std::size_t>(v)] = Selected(v) ? 1.0 : 0.0;
      }
    }
    solution_.profile = ChanceOnlyProfile<T>(game_);
    solution_.max_gain.assign(static_cast<std::size_t>(players_), T(0));
    solution_.verified = true;
    std::vector<NodeId> roots = subgame_roots;
    std::sort(roots.begin(), roots.end(), std::greater<NodeId>());
    for (const NodeId r : roots) {
      if (IsSingleStep(r)) {
        Step(r);
      } else {
        SolveCut(r);
      }
    }
    std::sort(solution_.ties.begin(), solution_.ties.end(),
              [](const Tie& a, const Tie& b) { return a.node < b.node; });
    for (int i = 1; i <= players_; ++i) solution_.root_payoffs.push_back(Value(0, i));
    if (Sequential()) CertifyWholeAssessment();
    return std::move(solution_);
  }

 private:
  T& Value(NodeId v, int player) {
    return value_[static_cast<std::size_t>(v) * static_cast<std::size_t>(players_) +
                  static_cast<std::size_t>(player - 1)];
  }
  void RaiseMaxGain(int player, const T& gain) {
    T& largest = solution_.max_gain[static_cast<std::size_t>(player - 1)];
    if (gain > largest) largest = gain;
  }

  bool Sequential() const { return options_.solution_concept == SolutionConcept::kSequential; }

  void CheckConcept() const {
    if (!Sequential()) return;
    if (options_.method != SolveMethod::kAuto && options_.method != SolveMethod::kLcp) {
      throw InputError(std::string("--concept sequential solves subgames with imperfect information by the "
                                   "perturbed sequence-form LCP; --method ") +
                       MethodName(options_.method) + " does not apply (use --method auto or lcp)");
    }
    if (options_.selection != EquilibriumObjective::Kind::kAny) {
      throw InputError("--concept sequential finds one sequential equilibrium and cannot select one "
                       "(drop --objective, --maximize-prob and --minimize-prob)");
    }
  }

  // The assessment of the whole game: behaviour and beliefs assembled from the subgames.
  void CertifyWholeAssessment() {
    for (NodeId v = 0; v < game_.NumNodes(); ++v) {
      if (game_.IsTerminal(v)) beliefs_[static_cast<std::size_t>(v)] = T(0);
    }
    Assessment<T> assessment{solution_.profile, beliefs_};
    const AssessmentCertificate<T> certificate = CertifyAssessment(game_, assessment);
    solution_.assessment_verified = certificate.verified;
    solution_.bayes_error = certificate.bayes_error;
    solution_.belief_sum_error = certificate.sum_error;
    if (!certificate.verified) solution_.verified = false;
    for (int i = 1; i <= players_; ++i) RaiseMaxGain(i, certificate.gain[static_cast<std::size_t>(i - 1)]);
    solution_.beliefs = std::move(assessment.belief);
  }

  bool Selected(NodeId v) const {
    return !options_.selected_terminals.empty() &&
           options_.selected_terminals[static_cast<std::size_t>(v)] != 0;
  }
  bool IsLeaf(NodeId v) const {
    return game_.IsTerminal(v) || is_root_[static_cast<std::size_t>(v)] != 0;
  }
  bool IsSingleStep(NodeId r) const {
    for (NodeId c = game_.ChildBegin(r); c < game_.ChildEnd(r); ++c) {
      if (!IsLeaf(c)) return false;
    }
    return true;
  }
  void AddOutcome(NodeId r) {
    const OutcomeId o = game_.Outcome(r);
    if (o == kNoOutcome) return;
    for (int i = 1; i <= players_; ++i) Value(r, i) += NumberTraits<T>::Payoff(game_, o, i);
  }

  // One step of backward induction at a node whose children are all solved.
  void Step(NodeId r) {
    ++solution_.backward_induction_steps;
    const InfosetId h = game_.Infoset(r);
    const NodeId first = game_.ChildBegin(r);
    const int actions = game_.NumChildren(r);
    if (game_.Kind(r) == NodeKind::kChance) {
      double match = 0;
      for (int a = 0; a < actions; ++a) {
        const T p = NumberTraits<T>::Probability(game_, h, a);
        for (int i = 1; i <= players_; ++i) Value(r, i) += p * Value(first + a, i);
        match += NumberTraits<T>::ToDouble(p) * match_[static_cast<std::size_t>(first + a)];
      }
      match_[static_cast<std::size_t>(r)] = match;
      AddOutcome(r);
      return;
    }
    const int mover = game_.Player(r);
    T best = Value(first, mover);
    for (int a = 1; a < actions; ++a) {
      if (NumberTraits<T>::Better(Value(first + a, mover), best)) best = Value(first + a, mover);
    }
    std::vector<int> tied;
    for (int a = 0; a < actions; ++a) {
      if (NumberTraits<T>::Tied(Value(first + a, mover), best)) tied.push_back(a);
    }
    if (tied.size() > 1) solution_.ties.push_back(Tie{r, tied});
    const int chosen = ChooseAmongTied(first, tied);
    for (int i = 1; i <= players_; ++i) Value(r, i) = Value(first + chosen, i);
    match_[static_cast<std::size_t>(r)] = match_[static_cast<std::size_t>(first + chosen)];
    AddOutcome(r);
    solution_.profile.Prob(game_, h, chosen) = T(1);
    T gain = best - Value(first + chosen, mover);
    if (gain < T(0)) gain = T(0);
    RaiseMaxGain(mover, gain);
  }

  // The selection decides among equally good actions first, then the tie rule.
  int ChooseAmongTied(NodeId first, std::vector<int> tied) {
    if (tied.size() > 1 && options_.selection != EquilibriumObjective::Kind::kAny) {
      auto score = [&](int a) -> double {
        const NodeId c = first + a;
        switch (options_.selection) {
          case EquilibriumObjective::Kind::kMaxTotalPayoff: {
            double total = 0;
            for (int i = 1; i <= players_; ++i) total += NumberTraits<T>::ToDouble(Value(c, i));
            return total;
          }
          case EquilibriumObjective::Kind::kMaxProbability: return match_[static_cast<std::size_t>(c)];
          case EquilibriumObjective::Kind::kMinProbability: return -match_[static_cast<std::size_t>(c)];
          case EquilibriumObjective::Kind::kAny: break;
        }
        return 0.0;
      };
      double best = score(tied[0]);
      for (int a : tied) best = std::max(best, score(a));
      std::vector<int> kept;
      for (int a : tied) {
        if (score(a) >= best - 1e-12 * std::max(1.0, std::abs(best))) kept.push_back(a);
      }
      tied = std::move(kept);
    }
    return options_.tie_rule == TieRule::kFirst ? tied.front() : tied.back();
  }

  // The subgame at r with every solved subgame below it replaced by a leaf, as a game of its own.
  // Nodes are added breadth-first, so the cut game's node ids are the insertion order.
  CutSubgame Cut(NodeId r) {
    std::vector<std::string> names;
    for (int i = 1; i <= players_; ++i) names.push_back(game_.PlayerName(i));
    GameBuilder builder(names);
    builder.SetTitle(game_.Title());
    std::unordered_map<InfosetId, InfosetId> infoset_of;
    std::unordered_map<OutcomeId, OutcomeId> outcome_of;
    auto copy_outcome = [&](OutcomeId o) -> OutcomeId {
      if (o == kNoOutcome) return kNoOutcome;
      auto it = outcome_of.find(o);
      if (it != outcome_of.end()) return it->second;
      std::vector<Rational> payoffs;
      for (int i = 1; i <= players_; ++i) payoffs.push_back(game_.Payoff(o, i));
      const OutcomeId copy = builder.AddOutcome(game_.OutcomeName(o), payoffs);
      outcome_of.emplace(o, copy);
      return copy;
    };
    CutSubgame cut;
    std::vector<NodeId> parent_in_cut;
    cut.original_node.push_back(r);
    parent_in_cut.push_back(kNoNode);
    for (std::size_t k = 0; k < cut.original_node.size(); ++k) {
      const NodeId v = cut.original_node[k];
      const bool leaf = k > 0 && IsLeaf(v);
      InfosetId infoset = kNoInfoset;
      OutcomeId outcome = kNoOutcome;
      if (leaf && !game_.IsTerminal(v)) {
        std::vector<Rational> payoffs;
        for (int i = 1; i <= players_; ++i) payoffs.push_back(ToRational(Value(v, i)));
        outcome = builder.AddOutcome("solved subgame", payoffs);
      } else {
        outcome = copy_outcome(game_.Outcome(v));
      }
      if (!leaf) {
        const InfosetId h = game_.Infoset(v);
        auto it = infoset_of.find(h);
        if (it != infoset_of.end()) {
          infoset = it->second;
        } else {
          infoset = builder.BeginInfoset(game_.InfosetPlayer(h), game_.InfosetName(h));
          for (int a = 0; a < game_.NumActions(h); ++a) {
            if (game_.InfosetPlayer(h) == kChancePlayer) {
              builder.AddChanceAction(game_.ActionName(h, a), game_.ActionProbability(h, a));
            } else {
              builder.AddAction(game_.ActionName(h, a));
            }
          }
          infoset_of.emplace(h, infoset);
        }
        for (NodeId c = game_.ChildBegin(v); c < game_.ChildEnd(v); ++c) {
          cut.original_node.push_back(c);
          parent_in_cut.push_back(static_cast<NodeId>(k));
        }
      }
      builder.AddNode(parent_in_cut[k], infoset, outcome, game_.NodeName(v));
      cut.leaf_weight.push_back(leaf ? match_[static_cast<std::size_t>(v)] : 0.0);
    }
    cut.game = builder.Finalize();
    for (NodeId k = 1; k < cut.game.NumNodes(); ++k) {
      if (cut.game.Parent(k) != parent_in_cut[static_cast<std::size_t>(k)]) {
        throw std::logic_error("cut subgame renumbered: breadth-first insertion expected");
      }
    }
    return cut;
  }

  void SolveCut(NodeId r) {
    CutSubgame cut = Cut(r);
    const Game& g = cut.game;
    SubgameSolution<T> sub;
    sub.root = r;
    sub.nodes = g.NumNodes();
    std::vector<char> moves(static_cast<std::size_t>(players_) + 1, 0);
    InfosetId widest = kNoInfoset;
    std::vector<int> members(static_cast<std::size_t>(g.NumInfosets()), 0);
    for (NodeId v = 0; v < g.NumNodes(); ++v) {
      const InfosetId h = g.Infoset(v);
      if (h < 0 || g.InfosetPlayer(h) == kChancePlayer) continue;
      moves[static_cast<std::size_t>(g.InfosetPlayer(h))] = 1;
      if (++members[static_cast<std::size_t>(h)] > 1 && widest == kNoInfoset) widest = h;
    }
    for (InfosetId h = 0; h < g.NumInfosets(); ++h) {
      if (g.InfosetPlayer(h) != kChancePlayer) ++sub.infosets;
    }
    for (int i = 1; i <= players_; ++i) {
      if (moves[static_cast<std::size_t>(i)]) sub.players.push_back(i);
    }
    sub.method = Sequential() ? SequentialMethod(sub.players) : ChooseMethod(g, r, sub.players, widest);
    EquilibriumObjective selection;
    selection.kind = options_.selection;
    if (options_.selection == EquilibriumObjective::Kind::kMaxProbability ||
        options_.selection == EquilibriumObjective::Kind::kMinProbability) {
      selection.leaf_weight = cut.leaf_weight;
    }
    BehaviorProfile<T> profile = SolveWithMethod(g, r, sub, selection, cut);
    // The whole game's perfect recall was checked in Run(), and a subgame inherits it.
    const NashCertificate<T> certificate = CertifyNashPerfectRecall(g, profile);
    sub.payoffs = certificate.payoff;
    sub.gain = certificate.gain;
    sub.verified = certificate.verified;
    if (!certificate.verified) solution_.verified = false;
    for (int i = 1; i <= players_; ++i) {
      Value(r, i) = certificate.payoff[static_cast<std::size_t>(i - 1)];
      RaiseMaxGain(i, certificate.gain[static_cast<std::size_t>(i - 1)]);
    }
    double match = 0;
    for (const auto& [leaf, p] : OutcomeOf(g, profile).terminals) {
      match += NumberTraits<T>::ToDouble(p) * cut.leaf_weight[static_cast<std::size_t>(leaf)];
    }
    match_[static_cast<std::size_t>(r)] = match;
    // Copy the cut game's behaviour back, information set by information set.
    for (NodeId v = 0; v < g.NumNodes(); ++v) {
      const InfosetId h = g.Infoset(v);
      if (h < 0 || g.InfosetPlayer(h) == kChancePlayer) continue;
      const InfosetId original = game_.Infoset(cut.original_node[static_cast<std::size_t>(v)]);
      for (int a = 0; a < g.NumActions(h); ++a) {
        solution_.profile.Prob(game_, original, a) = profile.Prob(g, h, a);
      }
    }
    solution_.subgames.push_back(std::move(sub));
  }

  std::string Where(NodeId r) const { return "the subgame at " + DescribeNode(game_, r); }

  // Two players: the perturbed LCP; more: pure profiles checked as assessments.
  static SolveMethod SequentialMethod(const std::vector<int>& players) {
    return players.size() > 2 ? SolveMethod::kPure : SolveMethod::kPerturbedLcp;
  }

  // A cut subgame's beliefs (by its node ids) to the game's nodes.
  void CopyBeliefs(const Game& g, const CutSubgame& cut, const std::vector<T>& belief) {
    for (NodeId k = 0; k < g.NumNodes(); ++k) {
      if (!g.IsTerminal(k)) {
        beliefs_[static_cast<std::size_t>(cut.original_node[static_cast<std::size_t>(k)])] =
            belief[static_cast<std::size_t>(k)];
      }
    }
  }

  InputError TooManyPlayers(const char* flag, const char* programme, NodeId r, std::size_t players) const {
    return InputError(std::string("--method ") + flag + " cannot solve " + Where(r) + ": " + std::to_string(players) +
                      " players move in it; the sequence-form " + programme + " needs at most 2 (use --method pure)");
  }

  SolveMethod ChooseMethod(const Game& g, NodeId r, const std::vector<int>& players,
                           InfosetId widest) const {
    const bool two = players.size() <= 2;
    const bool constant_sum =
        players.size() < 2 || IsConstantSum(g, players[0], players[1]);
    switch (options_.method) {
      case SolveMethod::kAuto:
        if (!two) return SolveMethod::kPure;
        if (constant_sum) return SolveMethod::kLp;
        // Lemke finds one equilibrium fast but cannot select one: selections stay with the MIP.
        return options_.selection == EquilibriumObjective::Kind::kAny ? SolveMethod::kLcp
                                                                       : SolveMethod::kMip;
      case SolveMethod::kBackwardInduction:
        throw InputError("--method bi cannot solve " + Where(r) + ": information set \"" +
                         g.InfosetName(widest) + "\" of player " +
                         std::to_string(g.InfosetPlayer(widest)) +
                         " has more than one node (use --method auto, lp, mip or pure)");
      case SolveMethod::kLp:
        if (!two) throw TooManyPlayers("lp", "LP", r, players.size());
        if (!constant_sum) {
          throw InputError("--method lp cannot solve " + Where(r) +
                           ": it is not constant-sum (use --method mip)");
        }
        return SolveMethod::kLp;
      case SolveMethod::kMip:
        if (!two) throw TooManyPlayers("mip", "MIP", r, players.size());
        return SolveMethod::kMip;
      case SolveMethod::kLcp:
        if (!two) throw TooManyPlayers("lcp", "LCP", r, players.size());
        if (options_.selection != EquilibriumObjective::Kind::kAny) {
          throw InputError("--method lcp finds one equilibrium and cannot select one; use --method mip "
                           "with --objective, --maximize-prob or --minimize-prob");
        }
        return SolveMethod::kLcp;
      case SolveMethod::kPerturbedLcp: return SequentialMethod(players);
      case SolveMethod::kPure: return SolveMethod::kPure;
    }
    return SolveMethod::kPure;
  }

  BehaviorProfile<T> SolveWithMethod(const Game& g, NodeId r, SubgameSolution<T>& sub,
                                     const EquilibriumObjective& selection, const CutSubgame& cut) {
    if (sub.method == SolveMethod::kPerturbedLcp) {
      QuasiPerfectResult<T> result = SolveQuasiPerfect<T>(g, SubgameLpOptions(r, selection));
      sub.lp_rows = result.lcp_rows;
      if (result.status != EquilibriumSolveStatus::kSolved) {
        throw UnsupportedError(std::string(MethodName(sub.method)) + " failed on " + Where(r) + ": " +
                               result.message);
      }
      CopyBeliefs(g, cut, result.assessment.belief);
      return std::move(result.assessment.profile);
    }
    if (sub.method == SolveMethod::kPure) {
      // Sequential: a pure equilibrium counts only with an assessment that passes, the beliefs
      // those of trembles of equal order (consistent by construction; sound, not complete).
      std::function<bool(const BehaviorProfile<T>&)> accept;
      if (Sequential()) {
        accept = [&g](const BehaviorProfile<T>& profile) {
          return CertifyAssessment(g, Assessment<T>{profile, EqualTrembleBeliefs(g, profile)}).verified;
        };
      }
      PureEquilibriumSearch<T> search = FindPureEquilibrium<T>(g, selection, options_.max_profiles, accept);
      if (!search.found) {
        throw UnsupportedError(
            Where(r) + (Sequential() ? " has no pure-strategy sequential equilibrium with the beliefs of "
                                       "trembles of equal order ("
                                     : " has no pure-strategy equilibrium (") +
            std::to_string(search.profiles_checked) +
            " profiles checked); mixed equilibria of games with more than two players are not computed");
      }
      if (Sequential()) CopyBeliefs(g, cut, EqualTrembleBeliefs(g, search.profile));
      sub.pure_equilibria = search.equilibria;
      return std::move(search.profile);
    }
    LpOptions lp = SubgameLpOptions(r, selection);
    // The MIP can run for hours on a few hundred nodes: without --time-limit it gets a default
    // one, so that no solve runs unbounded without saying so.
    const bool default_limit = sub.method == SolveMethod::kMip && lp.time_limit_seconds <= 0;
    if (default_limit) lp.time_limit_seconds = kDefaultMipSeconds;
    LpEquilibrium<T> result = sub.method == SolveMethod::kLp    ? SolveConstantSumLp<T>(g, lp)
                              : sub.method == SolveMethod::kLcp ? SolveSequenceFormLcp<T>(g, lp)
                                                                : SolveGeneralSumMip<T>(g, lp);
    sub.lp_rows = result.rows;
    sub.lp_columns = result.columns;
    sub.lp_integer_columns = result.integer_columns;
    if (result.status != EquilibriumSolveStatus::kSolved) {
      const bool timed_out = default_limit && result.status == EquilibriumSolveStatus::kLimitReached;
      throw UnsupportedError(std::string(MethodName(sub.method)) + " failed on " + Where(r) +
                             ": " + result.message +
                             (timed_out ? " (the MIP's default limit of " + std::to_string(static_cast<int>(kDefaultMipSeconds)) +
                                              " s per solver call; set --time-limit, or use --method lcp when no "
                                              "equilibrium selection is needed)"
                                        : std::string()));
    }
    return std::move(result.profile);
  }

  LpOptions SubgameLpOptions(NodeId r, const EquilibriumObjective& selection) const {
    LpOptions lp;
    lp.verbose = options_.verbose;
    lp.time_limit_seconds = options_.time_limit_seconds;
    lp.objective = selection;
    lp.limits = options_.limits;
    lp.subject = Where(r);
    return lp;
  }

  const Game& game_;
  const SpeOptions& options_;
  const int players_;
  std::vector<char> is_root_;
  std::vector<T> value_;     // node-major: leaves and solved subgame roots
  std::vector<double> match_;  // probability of reaching a selected terminal node from here
  std::vector<T> beliefs_;     // kSequential: per node id
  SpeSolution<T> solution_;
};

}  // namespace

template <class T>
SpeSolution<T> SolveSubgamePerfect(const Game& game, const SpeOptions& options) {
  return Decomposition<T>(game, options).Run();
}

template SpeSolution<double> SolveSubgamePerfect(const Game&, const SpeOptions&);
template SpeSolution<Rational> SolveSubgamePerfect(const Game&, const SpeOptions&);

}  // namespace ncpmi
