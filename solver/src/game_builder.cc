// Construction, structural checks and breadth-first freezing of games.
#include "ncpmi/game/game_builder.h"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>

#include "ncpmi/game/error.h"

namespace ncpmi {
namespace {

// Moves the file numbers of information sets (if any) to the sets' new ids; new_of_old has one
// entry per set. Sets without a recorded number keep 0.
void PermuteFileNumbers(std::vector<std::int64_t>* numbers, const InfosetId* new_of_old, std::size_t count) {
  if (numbers->empty()) return;
  numbers->resize(count, 0);
  std::vector<std::int64_t> moved(count, 0);
  for (std::size_t h = 0; h < count; ++h) moved[static_cast<std::size_t>(new_of_old[h])] = (*numbers)[h];
  *numbers = std::move(moved);
}

std::string Quoted(const std::string& s) { return "\"" + s + "\""; }

std::string DescribeNode(NodeId id, const std::string& label) {
  return "node " + std::to_string(id) + (label.empty() ? "" : " " + Quoted(label));
}

template <class V>
void Shrink(V& v) { v.shrink_to_fit(); }

template <class V>
V Permute(const V& values, const Array<NodeId>& order) {
  V out(values.size());
  for (std::size_t k = 0; k < order.size(); ++k) out[k] = values[static_cast<std::size_t>(order[k])];
  return out;
}

// Rewrites the ids in *uses (negative: none) to their order of first appearance and returns the
// old ids in their new order; ids never used follow, in their old relative order.
template <class Id>
Array<Id> NumberByFirstUse(Array<Id>* uses, Id count) {
  Array<Id> new_id(static_cast<std::size_t>(count), Id{-1});
  Array<Id> order;
  order.reserve(static_cast<std::size_t>(count));
  for (Id& id : *uses) {
    if (id < 0) continue;
    if (new_id[id] < 0) {
      new_id[id] = static_cast<Id>(order.size());
      order.push_back(id);
    }
    id = new_id[id];
  }
  for (Id id = 0; id < count; ++id) {
    if (new_id[id] < 0) order.push_back(id);
  }
  return order;
}

}  // namespace

bool TryCompact(const Rational& value, StoredRational* out) {
  if (!mpz_fits_slong_p(value.get_num_mpz_t()) || !mpz_fits_slong_p(value.get_den_mpz_t())) {
    return false;
  }
  const long num = mpz_get_si(value.get_num_mpz_t());
  const long den = mpz_get_si(value.get_den_mpz_t());
  if (num == std::numeric_limits<long>::min()) return false;  // keep negation safe
  out->num = num;
  out->den = den;
  return true;
}

bool IsCompactDistribution(const StoredRational* values, int count) {
  using U = unsigned __int128;
  constexpr U kMax = U{1} << 62;
  U num = 0, den = 1;  // the sum so far, in lowest terms, num <= den <= 2^62
  for (int a = 0; a < count; ++a) {
    const StoredRational& p = values[a];
    if (p.den <= 0 || p.num < 0 || p.num > p.den || static_cast<U>(p.den) > kMax) return false;
    const auto n = static_cast<U>(p.num);
    const auto d = static_cast<U>(p.den);
    num = num * d + n * den;  // below 2^125
    den *= d;
    U x = num, y = den;  // Euclid
    while (y != 0) {
      const U r = x % y;
      x = y;
      y = r;
    }
    num /= x;
    den /= x;
    if (num > den || den > kMax) return false;
  }
  return num == den;
}

GameBuilder::GameBuilder(const std::vector<std::string>& player_names)
    : player_names_(player_names) {
  if (player_names.empty()) throw InputError("a game needs at least one player");
  for (const std::string& name : player_names) {
    game_.player_labels_.push_back(game_.labels_.Intern(name));
  }
}

void GameBuilder::Reserve(std::size_t nodes, std::size_t infosets, std::size_t actions,
                          std::size_t outcomes) {
  game_.node_parent_.reserve(nodes);
  game_.node_infoset_.reserve(nodes);
  game_.node_outcome_.reserve(nodes);
  game_.node_label_.reserve(nodes);
  game_.infoset_player_.reserve(infosets);
  game_.infoset_label_.reserve(infosets);
  game_.action_begin_.reserve(infosets + 1);
  game_.prob_begin_.reserve(infosets);
  game_.action_label_.reserve(actions);
  game_.outcome_label_.reserve(outcomes);
  game_.payoff_.reserve(outcomes * player_names_.size());
}

StoredRational GameBuilder::Store(const Rational& value) {
  StoredRational stored;
  if (TryCompact(value, &stored)) return stored;
  game_.big_numbers_.push_back(value);
  stored.num = static_cast<std::int64_t>(game_.big_numbers_.size() - 1);
  stored.den = 0;
  return stored;
}

void GameBuilder::CheckOpenOutcomeComplete() const {
  if (game_.payoff_.size() != game_.outcome_label_.size() * player_names_.size()) {
    throw InputError("outcome " + Quoted(game_.OutcomeName(game_.NumOutcomes() - 1)) + " has " +
                     std::to_string(game_.payoff_.size() % player_names_.size()) +
                     " payoffs, expected " + std::to_string(player_names_.size()));
  }
}

OutcomeId GameBuilder::BeginOutcome(std::string_view name) {
  CheckOpenOutcomeComplete();
  game_.outcome_label_.push_back(game_.labels_.Intern(name));
  return game_.NumOutcomes() - 1;
}

void GameBuilder::AddPayoff(const Rational& value) { AddPayoff(Store(value)); }

void GameBuilder::AddPayoff(StoredRational value) {
  if (game_.payoff_.size() >= game_.outcome_label_.size() * player_names_.size()) {
    throw InputError("outcome " + Quoted(game_.OutcomeName(game_.NumOutcomes() - 1)) +
                     " has more than " + std::to_string(player_names_.size()) + " payoffs");
  }
  game_.payoff_.push_back(value);
}

OutcomeId GameBuilder::AddOutcome(std::string_view name, const std::vector<Rational>& payoffs) {
  const OutcomeId id = BeginOutcome(name);
  for (const Rational& p : payoffs) AddPayoff(p);
  CheckOpenOutcomeComplete();
  return id;
}

InfosetId GameBuilder::BeginInfoset(int player, std::string_view name) {
  if (player < 0 || player > NumPlayers()) {
    throw InputError("player " + std::to_string(player) + " does not exist (the game has " +
                     std::to_string(NumPlayers()) + " players)");
  }
  game_.infoset_player_.push_back(player);
  game_.infoset_label_.push_back(game_.labels_.Intern(name));
  game_.action_begin_.push_back(static_cast<ActionId>(game_.action_label_.size()));
  game_.prob_begin_.push_back(player == kChancePlayer
                                  ? static_cast<std::int32_t>(game_.chance_prob_.size())
                                  : -1);
  return game_.NumInfosets() - 1;
}

int GameBuilder::NumActions(InfosetId h) const {
  const ActionId end = h + 1 < game_.NumInfosets() ? game_.action_begin_[h + 1]
                                                   : static_cast<ActionId>(game_.action_label_.size());
  return end - game_.action_begin_[h];
}

Rational GameBuilder::ActionProbability(InfosetId h, int a) const {
  return game_.Expand(game_.chance_prob_[game_.prob_begin_[h] + a]);
}

void GameBuilder::AddAction(std::string_view label) {
  if (game_.infoset_player_.empty() || game_.infoset_player_.back() == kChancePlayer) {
    throw InputError("an action without probability needs a player's information set");
  }
  game_.action_label_.push_back(game_.labels_.Intern(label));
}

void GameBuilder::AddChanceAction(std::string_view label, const Rational& probability) {
  AddChanceAction(label, Store(probability));
}

void GameBuilder::AddChanceAction(std::string_view label, StoredRational probability) {
  if (game_.infoset_player_.empty() || game_.infoset_player_.back() != kChancePlayer) {
    throw InputError("a chance action needs a chance information set");
  }
  game_.action_label_.push_back(game_.labels_.Intern(label));
  game_.chance_prob_.push_back(probability);
}

InfosetId GameBuilder::AddInfoset(int player, std::string_view name,
                                  const std::vector<std::string>& actions) {
  if (player == kChancePlayer) throw InputError("chance information sets need probabilities");
  const InfosetId h = BeginInfoset(player, name);
  for (const std::string& a : actions) AddAction(a);
  return h;
}

InfosetId GameBuilder::AddChanceInfoset(std::string_view name,
                                        const std::vector<std::string>& actions,
                                        const std::vector<Rational>& probabilities) {
  if (actions.size() != probabilities.size()) {
    throw InputError("chance information set " + Quoted(std::string(name)) + " has " +
                     std::to_string(actions.size()) + " actions but " +
                     std::to_string(probabilities.size()) + " probabilities");
  }
  const InfosetId h = BeginInfoset(kChancePlayer, name);
  for (std::size_t a = 0; a < actions.size(); ++a) AddChanceAction(actions[a], probabilities[a]);
  return h;
}

NodeId GameBuilder::AddNode(NodeId parent, InfosetId infoset, OutcomeId outcome,
                            std::string_view label) {
  return AddNode(parent, infoset, outcome, game_.labels_.Intern(label));
}

NodeId GameBuilder::AddNode(NodeId parent, InfosetId infoset, OutcomeId outcome, LabelId label) {
  if (stream_nodes_ > 0) throw std::logic_error("GameBuilder: AddNode after AddPreorderNode");
  const NodeId id = NumNodes();
  if (id == std::numeric_limits<NodeId>::max()) throw InputError("too many nodes (2^31)");
  if (parent == kNoNode ? id != 0 : (parent < 0 || parent >= id)) {
    throw InputError(parent == kNoNode ? "a game has exactly one root"
                                       : "node " + std::to_string(id) + ": parent " +
                                             std::to_string(parent) + " does not exist yet");
  }
  if (infoset < kNoInfoset || infoset >= game_.NumInfosets()) {
    throw InputError("node " + std::to_string(id) + ": information set " +
                     std::to_string(infoset) + " does not exist");
  }
  if (outcome < kNoOutcome || outcome >= game_.NumOutcomes()) {
    throw InputError("node " + std::to_string(id) + ": outcome " + std::to_string(outcome) +
                     " does not exist");
  }
  game_.node_parent_.push_back(parent);
  game_.node_infoset_.push_back(infoset);
  game_.node_outcome_.push_back(outcome);
  game_.node_label_.push_back(label);
  return id;
}

void GameBuilder::NoSuchPlayer(int player) const {
  throw InputError("player " + std::to_string(player) + " does not exist (the game has " +
                   std::to_string(NumPlayers()) + " players)");
}

void GameBuilder::TooManyNodes() { throw InputError("too many nodes (2^31)"); }

// A depth's first chunk holds a few nodes; each further chunk as many as the depth has so far
// (doubling), up to kMaxChunk. Blocks are allocated without being written, so a chunk's unused
// tail costs address space, not memory.
void GameBuilder::NewStreamChunk(int depth) {
  constexpr std::int32_t kMinChunk = 2;  // a deep chain has a node or two per depth
  constexpr std::int32_t kMaxChunk = 1 << 16;
  constexpr std::size_t kBlock = std::size_t{1} << 20;  // nodes per block (12 MiB)
  if (!game_.node_parent_.empty()) {
    throw std::logic_error("GameBuilder: AddPreorderNode after AddNode");
  }
  const auto d = static_cast<std::size_t>(depth);
  if (depth < 0 || d > stream_levels_.size() || (d == 0) != (stream_nodes_ == 0)) {
    throw std::logic_error("GameBuilder: AddPreorderNode out of preorder (depth " +
                           std::to_string(depth) + ")");
  }
  if (d == stream_levels_.size()) stream_levels_.emplace_back();
  StreamLevel& level = stream_levels_[d];
  const std::int32_t capacity = std::min(kMaxChunk, std::max(kMinChunk, level.count));
  if (stream_block_free_ < static_cast<std::size_t>(capacity)) {
    stream_blocks_.emplace_back(new StreamNode[kBlock]);  // default-initialised: not written
    stream_block_free_ = kBlock;
  }
  StreamNode* begin = stream_blocks_.back().get() + (kBlock - stream_block_free_);
  stream_block_free_ -= static_cast<std::size_t>(capacity);
  const auto chunk = static_cast<std::int32_t>(stream_chunks_.size());
  stream_chunks_.push_back({begin, capacity, -1});
  if (level.last_chunk >= 0) {
    stream_chunks_[static_cast<std::size_t>(level.last_chunk)].next = chunk;
  } else {
    level.first_chunk = chunk;
  }
  level.last_chunk = chunk;
  level.write = begin;
  level.chunk_end = begin + capacity;
}

// The streaming form's Finalize: with each depth's nodes in preorder, which is their breadth-first
// order, a node's id is its position in the concatenation of the depths, and the children of a
// depth's nodes are the next depth's nodes in the same order. Pass 1 walks the depths once and
// writes the node arrays front to back, numbering information sets and outcomes by first use;
// passes 2 and 3 move the information sets' and outcomes' data to their new ids. Each input is
// freed as soon as it has been read, which keeps the peak near the larger of the two forms.
Game GameBuilder::FinalizeStream() {
  Game& g = game_;
  const NodeId n = stream_nodes_;
  const InfosetId num_infosets = g.NumInfosets();
  const OutcomeId num_outcomes = g.NumOutcomes();
  const std::size_t players = g.player_labels_.size();
  const auto size = [](auto count) { return static_cast<std::size_t>(count); };

  Array<NodeId> level_begin;
  level_begin.reserve(stream_levels_.size() + 1);
  NodeId sum = 0;
  for (const StreamLevel& level : stream_levels_) {
    level_begin.push_back(sum);
    sum += level.count;
  }
  level_begin.push_back(n);

  // Pass 1: the node arrays, and the new ids with their action and probability offsets.
  Array<NodeId> parent(size(n)), child_begin(size(n) + 1);
  Array<InfosetId> node_infoset(size(n));
  Array<OutcomeId> node_outcome(size(n));
  Array<LabelId> node_label(size(n));
  Array<InfosetId> infoset_new(size(num_infosets), kNoInfoset);
  Array<OutcomeId> outcome_new(size(num_outcomes), kNoOutcome);
  Array<ActionId> action_begin(size(num_infosets) + 1);
  Array<std::int32_t> prob_begin(size(num_infosets));
  InfosetId next_infoset = 0;
  ActionId next_action = 0;
  std::int32_t next_prob = 0;
  OutcomeId next_outcome = 0;
  int decision_nodes = 0, chance_nodes = 0;
  bool perfect_information = true;
  NodeId id = 0, next_child = 1;
  parent[0] = kNoNode;
  for (std::size_t d = 0; d < stream_levels_.size(); ++d) {
    NodeId remaining = stream_levels_[d].count;
    for (std::int32_t c = stream_levels_[d].first_chunk; remaining > 0;) {
      const StreamChunk& chunk = stream_chunks_[size(c)];
      c = chunk.next;
      const NodeId take = std::min<NodeId>(remaining, chunk.capacity);
      remaining -= take;
      for (const StreamNode* v = chunk.begin; v != chunk.begin + take; ++v, ++id) {
        node_label[id] = v->label;
        child_begin[id] = next_child;
        const InfosetId h = v->infoset;
        if (h >= 0) {
          const int player = g.infoset_player_[h];
          const ActionId children = g.action_begin_[h + 1] - g.action_begin_[h];
          InfosetId hn = infoset_new[h];
          if (hn < 0) {
            hn = infoset_new[h] = next_infoset++;
            action_begin[hn] = next_action;
            next_action += children;
            prob_begin[hn] = -1;
            if (player == kChancePlayer) {
              prob_begin[hn] = next_prob;
              next_prob += children;
            }
          } else if (player != kChancePlayer) {
            perfect_information = false;
          }
          if (player == kChancePlayer) {
            ++chance_nodes;
          } else {
            ++decision_nodes;
          }
          if (children > n - next_child) {
            throw std::logic_error("GameBuilder: preorder nodes with more children than nodes");
          }
          std::fill_n(parent.begin() + next_child, children, id);
          next_child += children;
          node_infoset[id] = hn;
        } else {
          node_infoset[id] = kNoInfoset;
        }
        const OutcomeId o = v->outcome;
        if (o >= 0) {
          OutcomeId on = outcome_new[o];
          if (on < 0) on = outcome_new[o] = next_outcome++;
          node_outcome[id] = on;
        } else {
          node_outcome[id] = kNoOutcome;
        }
      }
    }
    // The children of this depth are exactly the next depth.
    if (next_child != level_begin[d + 2 < level_begin.size() ? d + 2 : d + 1]) {
      throw std::logic_error("GameBuilder: preorder nodes whose children miss their depths");
    }
  }
  child_begin[n] = n;
  action_begin[num_infosets] = next_action;
  decltype(stream_levels_)().swap(stream_levels_);
  decltype(stream_chunks_)().swap(stream_chunks_);
  decltype(stream_blocks_)().swap(stream_blocks_);
  stream_block_free_ = 0;
  for (InfosetId h = 0; h < num_infosets; ++h) {
    if (infoset_new[h] < 0) {
      throw InputError("information set " + Quoted(g.InfosetName(h)) + " of player " +
                       std::to_string(g.infoset_player_[h]) + " has no nodes");
    }
  }
  // Outcomes no node uses follow, in their order of creation (as in the general form).
  for (OutcomeId o = 0; o < num_outcomes; ++o) {
    if (outcome_new[o] < 0) outcome_new[o] = next_outcome++;
  }

  // Pass 2: information sets and their actions to their new ids.
  PermuteFileNumbers(&g.infoset_file_number_, infoset_new.data(), size(num_infosets));
  {
    Array<std::int32_t> infoset_player(size(num_infosets));
    Array<LabelId> infoset_label(size(num_infosets)), action_label(size(next_action));
    Array<StoredRational> chance_prob(size(next_prob));
    for (InfosetId h = 0; h < num_infosets; ++h) {
      const InfosetId hn = infoset_new[h];
      infoset_player[hn] = g.infoset_player_[h];
      infoset_label[hn] = g.infoset_label_[h];
      const ActionId first = g.action_begin_[h];
      const ActionId actions = g.action_begin_[h + 1] - first;
      std::copy_n(g.action_label_.begin() + first, actions,
                  action_label.begin() + action_begin[hn]);
      if (prob_begin[hn] >= 0) {
        std::copy_n(g.chance_prob_.begin() + g.prob_begin_[h], actions,
                    chance_prob.begin() + prob_begin[hn]);
      }
    }
    g.infoset_player_ = std::move(infoset_player);
    g.infoset_label_ = std::move(infoset_label);
    g.action_label_ = std::move(action_label);
    g.chance_prob_ = std::move(chance_prob);
    g.action_begin_ = std::move(action_begin);
    g.prob_begin_ = std::move(prob_begin);
    Array<InfosetId>().swap(infoset_new);
  }

  // Pass 3: outcomes and their payoffs to their new ids.
  {
    Array<LabelId> outcome_label(size(num_outcomes));
    for (OutcomeId o = 0; o < num_outcomes; ++o) {
      outcome_label[outcome_new[o]] = g.outcome_label_[o];
    }
    g.outcome_label_ = std::move(outcome_label);
    Array<StoredRational> payoff(g.payoff_.size());
    for (OutcomeId o = 0; o < num_outcomes; ++o) {
      std::copy_n(g.payoff_.begin() + static_cast<std::ptrdiff_t>(size(o) * players), players,
                  payoff.begin() + static_cast<std::ptrdiff_t>(size(outcome_new[o]) * players));
    }
    g.payoff_ = std::move(payoff);
  }

  g.node_parent_ = std::move(parent);
  g.child_begin_ = std::move(child_begin);
  g.node_infoset_ = std::move(node_infoset);
  g.node_outcome_ = std::move(node_outcome);
  g.node_label_ = std::move(node_label);
  g.level_begin_ = std::move(level_begin);
  g.num_decision_nodes_ = decision_nodes;
  g.num_chance_nodes_ = chance_nodes;
  g.perfect_information_ = perfect_information;
  stream_nodes_ = 0;
  Game result = std::move(game_);
  game_ = Game();
  return result;
}

// Information sets and outcomes get ids in order of first use by breadth-first node id, so the
// solvers, which sweep nodes by id, read these arrays almost sequentially instead of jumping
// around memory (file order is preorder).
void GameBuilder::RenumberInfosetsBreadthFirst(Game* game) {
  Game& g = *game;
  const Array<InfosetId> order = NumberByFirstUse(&g.node_infoset_, g.NumInfosets());
  Array<std::int32_t> player(order.size()), prob_begin(order.size());
  Array<LabelId> label(order.size()), action_label;
  Array<ActionId> action_begin;
  Array<StoredRational> chance_prob;
  action_begin.reserve(order.size() + 1);
  action_label.reserve(g.action_label_.size());
  chance_prob.reserve(g.chance_prob_.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const InfosetId h = order[k];
    player[k] = g.infoset_player_[h];
    label[k] = g.infoset_label_[h];
    action_begin.push_back(static_cast<ActionId>(action_label.size()));
    prob_begin[k] = g.prob_begin_[h] < 0 ? -1 : static_cast<std::int32_t>(chance_prob.size());
    for (ActionId a = g.action_begin_[h]; a < g.action_begin_[h + 1]; ++a) {
      action_label.push_back(g.action_label_[a]);
      if (g.prob_begin_[h] >= 0) {
        chance_prob.push_back(g.chance_prob_[g.prob_begin_[h] + (a - g.action_begin_[h])]);
      }
    }
  }
  action_begin.push_back(static_cast<ActionId>(action_label.size()));
  {
    std::vector<InfosetId> new_of_old(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) new_of_old[static_cast<std::size_t>(order[k])] = static_cast<InfosetId>(k);
    PermuteFileNumbers(&g.infoset_file_number_, new_of_old.data(), new_of_old.size());
  }
  g.infoset_player_ = std::move(player);
  g.infoset_label_ = std::move(label);
  g.prob_begin_ = std::move(prob_begin);
  g.action_begin_ = std::move(action_begin);
  g.action_label_ = std::move(action_label);
  g.chance_prob_ = std::move(chance_prob);
}

void GameBuilder::RenumberOutcomesBreadthFirst(Game* game) {
  Game& g = *game;
  const std::size_t players = g.player_labels_.size();
  const Array<OutcomeId> order = NumberByFirstUse(&g.node_outcome_, g.NumOutcomes());
  Array<LabelId> label(order.size());
  Array<StoredRational> payoff(order.size() * players);
  for (std::size_t k = 0; k < order.size(); ++k) {
    label[k] = g.outcome_label_[order[k]];
    std::copy_n(g.payoff_.begin() + static_cast<std::ptrdiff_t>(order[k] * players), players,
                payoff.begin() + static_cast<std::ptrdiff_t>(k * players));
  }
  g.outcome_label_ = std::move(label);
  g.payoff_ = std::move(payoff);
}

void GameBuilder::ShrinkToFit(Game* game) {
  Game& g = *game;
  Shrink(g.node_parent_); Shrink(g.child_begin_); Shrink(g.node_infoset_); Shrink(g.node_outcome_);
  Shrink(g.node_label_); Shrink(g.level_begin_); Shrink(g.infoset_player_);
Shrink(g.infoset_label_); Shrink(g.action_begin_);
  Shrink(g.prob_begin_); Shrink(g.action_label_); Shrink(g.chance_prob_);
  Shrink(g.outcome_label_); Shrink(g.payoff_); Shrink(g.big_numbers_);
}

// Any insertion order: children by counting sort, breadth-first order by a queue, then every
// array permuted (random access: the slow path, used by builders that add nodes out of order).
void GameBuilder::FinalizeGeneral(Game* game, Array<NodeId> child_start) {
  Game& g = *game;
  const NodeId n = g.NumNodes();
  for (NodeId v = 0; v < n; ++v) child_start[v + 1] += child_start[v];
  Array<NodeId> children(static_cast<std::size_t>(n > 0 ? n - 1 : 0));
  {
    Array<NodeId> fill(child_start.begin(), child_start.end() - 1);
    for (NodeId v = 1; v < n; ++v) children[fill[g.node_parent_[v]]++] = v;
  }

  // Breadth-first order: order[new] = old.
  Array<NodeId> order;
  order.reserve(static_cast<std::size_t>(n));
  order.push_back(0);
  Array<NodeId> new_id(static_cast<std::size_t>(n));
  Array<NodeId> child_begin(static_cast<std::size_t>(n) + 1);
  Array<NodeId> level_begin{0};
  std::size_t level_end = 1;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k == level_end) {
      level_begin.push_back(static_cast<NodeId>(k));
      level_end = order.size();
    }
    const NodeId old = order[k];
    new_id[old] = static_cast<NodeId>(k);
    child_begin[k] = static_cast<NodeId>(order.size());
    for (NodeId c = child_start[old]; c < child_start[old + 1]; ++c) order.push_back(children[c]);
  }
  child_begin[n] = n;
  level_begin.push_back(n);

  Array<NodeId> parent(static_cast<std::size_t>(n));
  parent[0] = kNoNode;
  for (NodeId k = 1; k < n; ++k) parent[k] = new_id[g.node_parent_[order[k]]];
  g.node_parent_ = std::move(parent);
  g.node_infoset_ = Permute(g.node_infoset_, order);
  g.node_outcome_ = Permute(g.node_outcome_, order);
  g.node_label_ = Permute(g.node_label_, order);
  g.child_begin_ = std::move(child_begin);
  g.level_begin_ = std::move(level_begin);

  RenumberInfosetsBreadthFirst(&g);
  RenumberOutcomesBreadthFirst(&g);
}

// Nodes added in preorder (a file's order): the breadth-first order within each depth equals the
// preorder restricted to that depth, so a node's new id is the start of its depth plus the
// number of nodes of that depth met so far. One sequential pass counts each depth's nodes (and
// first uses of information sets and outcomes); a second pass writes every array at its new
// place, which streams into one write front per depth instead of jumping around memory.
// Information sets and outcomes are numbered by their first use in breadth-first order, i.e. at
// their shallowest depth, in preorder within it. Gives exactly FinalizeGeneral's result. Returns
// false, changing nothing, unless the nodes form a valid preorder and every information set and
// outcome is used.
bool GameBuilder::FinalizePreorder(Game* game) {
  Game& g = *game;
  const NodeId n = g.NumNodes();
  const InfosetId num_infosets = g.NumInfosets();
  const OutcomeId num_outcomes = g.NumOutcomes();
  const std::size_t players = g.player_labels_.size();
  struct Frame {
    NodeId node;
    int remaining;
    NodeId new_id;
  };
  std::vector<Frame> stack;
  // Per depth: nodes, first-used information sets, their actions and chance probabilities, and
  // first-used outcomes.
  struct LevelCounts {
    NodeId nodes = 0;
    InfosetId infosets = 0;
    ActionId actions = 0;
    std::int32_t probs = 0;
    OutcomeId outcomes = 0;
  };
  std::vector<LevelCounts> levels;
  // Finds the parent frame of v (popping finished nodes); false if v's parent is not on top.
  auto enter = [&](NodeId v) {
    if (v == 0) return stack.empty();
    while (!stack.empty() && stack.back().remaining == 0) stack.pop_back();
    if (stack.empty() || stack.back().node != g.node_parent_[v]) return false;
    --stack.back().remaining;
    return true;
  };
  constexpr std::int32_t kUnused = std::numeric_limits<std::int32_t>::max();
  Array<std::int32_t> infoset_depth(static_cast<std::size_t>(num_infosets), kUnused);
  Array<std::int32_t> outcome_depth(static_cast<std::size_t>(num_outcomes), kUnused);
  for (NodeId v = 0; v < n; ++v) {
    if (!enter(v)) return false;
    const auto d = static_cast<std::int32_t>(stack.size());
    if (levels.size() < stack.size() + 2) levels.resize(stack.size() + 2);
    ++levels[stack.size()].nodes;
    const InfosetId h = g.node_infoset_[v];
    if (h >= 0) {
      infoset_depth[h] = std::min(infoset_depth[h], d);
      stack.push_back({v, g.NumActions(h), 0});
    }
    const OutcomeId o = g.node_outcome_[v];
    if (o >= 0) outcome_depth[o] = std::min(outcome_depth[o], d);
  }
  while (!stack.empty() && stack.back().remaining == 0) stack.pop_back();
  if (!stack.empty()) return false;
  for (InfosetId h = 0; h < num_infosets; ++h) {
    if (infoset_depth[h] == kUnused) return false;
    LevelCounts& level = levels[static_cast<std::size_t>(infoset_depth[h])];
    ++level.infosets;
    level.actions += g.NumActions(h);
    if (g.prob_begin_[h] >= 0) level.probs += g.NumActions(h);
  }
  for (OutcomeId o = 0; o < num_outcomes; ++o) {
    if (outcome_depth[o] == kUnused) return false;
    ++levels[static_cast<std::size_t>(outcome_depth[o])].outcomes;
  }

  // Exclusive prefix sums turn counts into each depth's first new index (the write fronts).
  LevelCounts sum;
  Array<NodeId> level_begin;
  for (LevelCounts& level : levels) {  // depths with nodes are 0..L-1; the rest are empty
    const LevelCounts count = level;
    level = sum;
    if (count.nodes > 0) level_begin.push_back(sum.nodes);
    sum.nodes += count.nodes;
    sum.infosets += count.infosets;
    sum.actions += count.actions;
    sum.probs += count.probs;
    sum.outcomes += count.outcomes;
  }
  level_begin.push_back(n);

  // Pass B: new ids only, written by old id (sequentially).
  const auto size = [](auto count) { return static_cast<std::size_t>(count); };
  Array<NodeId> new_of(size(n)), parent_of(size(n)), child_begin_of(size(n));
  Array<InfosetId> infoset_new(size(num_infosets), kNoInfoset);
  Array<ActionId> action_first(size(num_infosets));
  Array<std::int32_t> prob_first(size(num_infosets));
  Array<OutcomeId> outcome_new(size(num_outcomes), kNoOutcome);
  for (NodeId v = 0; v < n; ++v) {
    enter(v);
    const std::size_t d = stack.size();
    const NodeId k = levels[d].nodes++;
    new_of[v] = k;
    parent_of[v] = stack.empty() ? kNoNode : stack.back().new_id;
    child_begin_of[v] = levels[d + 1].nodes;  // children of earlier nodes of this depth came first
    const InfosetId h = g.node_infoset_[v];
    if (h >= 0) {
      const int actions = g.NumActions(h);
      if (infoset_new[h] == kNoInfoset && infoset_depth[h] == static_cast<std::int32_t>(d)) {
        infoset_new[h] = levels[d].infosets++;
        action_first[h] = levels[d].actions;
        levels[d].actions += actions;
        prob_first[h] = -1;
        if (g.prob_begin_[h] >= 0) {
          prob_first[h] = levels[d].probs;
          levels[d].probs += actions;
        }
      }
      stack.push_back({v, actions, k});
    }
    const OutcomeId o = g.node_outcome_[v];
    if (o >= 0 && outcome_new[o] == kNoOutcome && outcome_depth[o] == static_cast<std::int32_t>(d)) {
      outcome_new[o] = levels[d].outcomes++;
    }
  }

  // Scatter passes, one destination array at a time, so each pass has one write front per
  // depth rather than one per depth and array.
  Array<NodeId> parent(size(n)), child_begin(size(n) + 1);
  for (NodeId v = 0; v < n; ++v) parent[new_of[v]] = parent_of[v];
  Array<NodeId>().swap(parent_of);
  for (NodeId v = 0; v < n; ++v) child_begin[new_of[v]] = child_begin_of[v];
  child_begin[n] = n;
  Array<NodeId>().swap(child_begin_of);
  Array<LabelId> node_label(size(n));
  for (NodeId v = 0; v < n; ++v) node_label[new_of[v]] = g.node_label_[v];
  Array<InfosetId> node_infoset(size(n));
  for (NodeId v = 0; v < n; ++v) {
    const InfosetId h = g.node_infoset_[v];
    node_infoset[new_of[v]] = h < 0 ? kNoInfoset : infoset_new[h];
  }
  Array<OutcomeId> node_outcome(size(n));
  for (NodeId v = 0; v < n; ++v) {
    const OutcomeId o = g.node_outcome_[v];
    node_outcome[new_of[v]] = o < 0 ? kNoOutcome : outcome_new[o];
  }
  Array<NodeId>().swap(new_of);

  Array<std::int32_t> infoset_player(size(num_infosets)), prob_begin(size(num_infosets));
  Array<LabelId> infoset_label(size(num_infosets)), action_label(g.action_label_.size());
  Array<ActionId> action_begin(size(num_infosets) + 1);
  Array<StoredRational> chance_prob(g.chance_prob_.size());
  PermuteFileNumbers(&g.infoset_file_number_, infoset_new.data(), size(num_infosets));
  for (InfosetId h = 0; h < num_infosets; ++h) {
    const InfosetId hn = infoset_new[h];
    infoset_player[hn] = g.infoset_player_[h];
    infoset_label[hn] = g.infoset_label_[h];
    action_begin[hn] = action_first[h];
    prob_begin[hn] = prob_first[h];
    const int actions = g.NumActions(h);
    std::copy_n(g.action_label_.begin() + g.action_begin_[h], actions,
                action_label.begin() + action_first[h]);
    if (prob_first[h] >= 0) {
      std::copy_n(g.chance_prob_.begin() + g.prob_begin_[h], actions,
                  chance_prob.begin() + prob_first[h]);
    }
  }
  action_begin[num_infosets] = static_cast<ActionId>(action_label.size());
  Array<LabelId> outcome_label(size(num_outcomes));
  Array<StoredRational> payoff(g.payoff_.size());
  for (OutcomeId o = 0; o < num_outcomes; ++o) {
    const OutcomeId on = outcome_new[o];
    outcome_label[on] = g.outcome_label_[o];
    std::copy_n(g.payoff_.begin() + static_cast<std::ptrdiff_t>(size(o) * players), players,
                payoff.begin() + static_cast<std::ptrdiff_t>(size(on) * players));
  }

  g.node_parent_ = std::move(parent);
  g.child_begin_ = std::move(child_begin);
  g.node_infoset_ = std::move(node_infoset);
  g.node_outcome_ = std::move(node_outcome);
  g.node_label_ = std::move(node_label);
  g.level_begin_ = std::move(level_begin);
  g.infoset_player_ = std::move(infoset_player);
  g.infoset_label_ = std::move(infoset_label);
  g.prob_begin_ = std::move(prob_begin);
  g.action_begin_ = std::move(action_begin);
  g.action_label_ = std::move(action_label);
  g.chance_prob_ = std::move(chance_prob);
  g.outcome_label_ = std::move(outcome_label);
  g.payoff_ = std::move(payoff);
  return true;
}

Game GameBuilder::Finalize() {
  CheckOpenOutcomeComplete();
  Game& g = game_;
  const NodeId n = NumNodes();
  if (n == 0) throw InputError("the game has no nodes");
  const InfosetId num_infosets = g.NumInfosets();
  g.action_begin_.push_back(static_cast<ActionId>(g.action_label_.size()));

  // Chance probabilities: each in [0,1], exact sum 1.
  for (InfosetId h = 0; h < num_infosets; ++h) {
    if (g.infoset_player_[h] != kChancePlayer) continue;
    if (g.NumActions(h) > 0 &&
        IsCompactDistribution(g.chance_prob_.data() + g.prob_begin_[h], g.NumActions(h))) {
      continue;  // the usual case, without GMP; otherwise exactly, with the message
    }
    Rational sum = 0;
    for (int a = 0; a < g.NumActions(h); ++a) {
      const Rational p = g.ActionProbability(h, a);
      if (p < 0 || p > 1) {
        throw InputError("chance information set " + Quoted(g.InfosetName(h)) + ": probability " +
                         FormatRational(p) + " of action " + Quoted(g.ActionName(h, a)) +
                         " is outside [0,1]");
      }
      sum += p;
    }
    if (sum != 1) {
      throw InputError("chance information set " + Quoted(g.InfosetName(h)) +
                       ": probabilities sum to " + FormatRational(sum) + ", not 1");
    }
  }

  for (InfosetId h = 0; h < num_infosets; ++h) {
    if (g.NumActions(h) == 0) {
      throw InputError("information set " + Quoted(g.InfosetName(h)) + " has no actions");
    }
  }
  if (stream_nodes_ > 0) return FinalizeStream();
  if (!FinalizePreorder(&g)) {
    // Children in insertion order (counting sort by parent), and their number per node.
    Array<NodeId> child_start(static_cast<std::size_t>(n) + 1, 0);
    for (NodeId v = 1; v < n; ++v) ++child_start[g.node_parent_[v] + 1];
    std::vector<bool> used(static_cast<std::size_t>(num_infosets), false);
    for (NodeId v = 0; v < n; ++v) {
      const int children = child_start[v + 1];
      const InfosetId h = g.node_infoset_[v];
      const int expected = h < 0 ? 0 : g.NumActions(h);
      if (h >= 0) used[h] = true;
      if (children != expected) {
        throw InputError(DescribeNode(v, g.NodeName(v)) + ": " +
                         (h < 0 ? std::string("a terminal node cannot have children")
                                : "its information set " + Quoted(g.InfosetName(h)) + " has " +
                                      std::to_string(expected) + " actions but the node has " +
                                      std::to_string(children) + " children"));
      }
    }
    for (InfosetId h = 0; h < num_infosets; ++h) {
      if (!used[h]) {
        throw InputError("information set " + Quoted(g.InfosetName(h)) + " of player " +
                         std::to_string(g.infoset_player_[h]) + " has no nodes");
      }
    }
    FinalizeGeneral(&g, std::move(child_start));
  }
  ShrinkToFit(&g);

  // Summary facts, on the final (breadth-first) ids.
  std::vector<std::int32_t> members(static_cast<std::size_t>(num_infosets), 0);
  g.num_decision_nodes_ = 0;
  g.num_chance_nodes_ = 0;
  g.perfect_information_ = true;
  for (NodeId v = 0; v < n; ++v) {
    const InfosetId h = g.node_infoset_[v];
    if (h < 0) continue;
    if (g.infoset_player_[h] == kChancePlayer) {
      ++g.num_chance_nodes_;
    } else {
      ++g.num_decision_nodes_;
      if (++members[h] > 1) g.perfect_information_ = false;
    }
  }
  Game result = std::move(game_);
  game_ = Game();
  return result;
}

}  // namespace ncpmi
