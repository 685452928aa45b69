// Seeded random game generation (structure first, then a breadth-first feed to the builder).
#include "ncpmi/gen/random_game.h"

#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "ncpmi/game/error.h"
#include "ncpmi/game/game_builder.h"

namespace ncpmi {
namespace {

// xoshiro256** seeded by splitmix64: fixed output on every platform, unlike <random>'s
// distributions.
__extension__ typedef unsigned __int128 Uint128;

class Rng {
 public:
  explicit Rng(std::uint64_t seed) {
    for (auto& s : state_) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      s = z ^ (z >> 31);
    }
  }
  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }
  // Uniform in [0, n).
  std::uint64_t Below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<Uint128>(Next()) * n) >> 64);
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t state_[4];
};

void Check(bool ok, const std::string& message) {
  if (!ok) throw InputError(message);
}

}  // namespace

Game GenerateRandomGame(const RandomGameOptions& o) {
  Check(o.nodes >= 0 && o.nodes <= 500'000'000, "--nodes must be between 0 and 5e8");
  Check(o.players >= 1 && o.players <= 1000, "--players must be between 1 and 1000");
  Check(o.branching >= 2 && o.branching <= 1000, "--branching must be between 2 and 1000");
  Check(o.chance_fraction >= 0 && o.chance_fraction <= 1, "--chance must be in [0,1]");
  Check(o.infoset_size >= 1, "--infoset-size must be at least 1");
  Check(o.payoff_range >= 0 && o.payoff_range <= 1'000'000'000, "--payoff-range must be in [0, 1e9]");
  Check(o.denominator >= 1 && o.denominator <= 1'000'000, "--denominator must be in [1, 1e6]");
  Check(!o.zero_sum || o.players >= 2, "--zero-sum needs at least 2 players");
  Check(o.nonterminal_outcome_fraction >= 0 && o.nonterminal_outcome_fraction <= 1,
        "--nonterminal-outcomes must be in [0,1]");
  const std::int64_t total = o.nodes * o.branching + 1;
  Check(total < std::numeric_limits<NodeId>::max(), "the game would have more than 2^31 nodes");
  CheckNodeBudget(static_cast<std::uint64_t>(total),
                  kGenerateBytesPerNode + kGenerateBytesPerNodePlayer * static_cast<std::uint64_t>(o.players),
                  o.limits, "the game to generate");

  Rng rng(o.seed);
  // Structure: kind per node (0 terminal, -1 chance, p>0 player), children contiguous in
  // creation order.
  const auto n = static_cast<std::size_t>(total);
  std::vector<std::int32_t> kind(n, 0);
  std::vector<NodeId> parent(n, kNoNode), first_child(n, kNoNode);
  std::vector<NodeId> open{0};
  NodeId created = 1;
  NodeId chain_end = 0;
  for (std::int64_t step = 0; step < o.nodes; ++step) {
    NodeId v = chain_end;
    if (o.shape == TreeShape::kRandom) {
      const std::size_t pick = rng.Below(open.size());
      v = open[pick];
      open[pick] = open.back();
      open.pop_back();
    }
    chain_end = created;
    kind[v] = rng.Unit() < o.chance_fraction ? -1 : 1 + static_cast<int>(rng.Below(static_cast<std::uint64_t>(o.players)));
    first_child[v] = created;
    for (int a = 0; a < o.branching; ++a) {
      parent[created] = v;
      if (o.shape == TreeShape::kRandom) open.push_back(created);
      ++created;
    }
  }
  open.clear();
  open.shrink_to_fit();

  // Breadth-first feed; builder ids equal positions in `order`.
  std::vector<NodeId> order{0};
  order.reserve(n);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const NodeId v = order[k];
    if (first_child[v] == kNoNode) continue;
    for (int a = 0; a < o.branching; ++a) order.push_back(first_child[v] + a);
  }
  std::vector<NodeId> builder_id(n);
  for (std::size_t k = 0; k < n; ++k) builder_id[order[k]] = static_cast<NodeId>(k);

  std::vector<std::string> names;
  for (int p = 1; p <= o.players; ++p) names.push_back("Player " + std::to_string(p));
  GameBuilder b(names);
  b.SetTitle("random game (seed " + std::to_string(o.seed) + ")");
  b.Reserve(n, static_cast<std::size_t>(o.nodes), static_cast<std::size_t>(o.nodes * o.branching),
            n);

  std::vector<std::string> labels;
  for (int a = 0; a < o.branching; ++a) labels.push_back(std::string(1, static_cast<char>('a' + a % 26)) + (a >= 26 ? std::to_string(a / 26) : ""));

  auto random_outcome = [&]() {
    const OutcomeId id = b.BeginOutcome("");
    if (o.denominator == 1) {  // integers: no GMP on the path that builds benchmark games
      std::int64_t int_sum = 0;
      for (int p = 1; p <= o.players; ++p) {
        std::int64_t num = static_cast<std::int64_t>(rng.Below(2 * static_cast<std::uint64_t>(o.payoff_range) + 1)) - o.payoff_range;
        if (o.zero_sum && p == o.players) num = -int_sum;
        int_sum += num;
        b.AddPayoff(StoredRational{num, 1});
      }
      return id;
    }
    Rational sum = 0;
    for (int p = 1; p <= o.players; ++p) {
      if (o.zero_sum && p == o.players) {
        b.AddPayoff(Rational(-sum));
        break;
      }
      const auto num = static_cast<std::int64_t>(rng.Below(2 * static_cast<std::uint64_t>(o.payoff_range) + 1)) - o.payoff_range;
      const auto den = 1 + static_cast<std::int64_t>(rng.Below(static_cast<std::uint64_t>(o.denominator)));
      const Rational value = MakeRational(num, den);
      sum += value;
      b.AddPayoff(value);
    }
    return id;
  };

  // Information sets: per (player, last own action) the currently filling set.
  struct Filling { InfosetId infoset; int members; };
  std::unordered_map<std::int64_t, Filling> filling;
  std::vector<InfosetId> infoset_of(n, kNoInfoset);  // by builder id

  for (std::size_t k = 0; k < n; ++k) {
    const NodeId v = order[k];
    InfosetId h = kNoInfoset;
    if (kind[v] == -1) {
      std::uint64_t weights[1000];
      std::uint64_t total_weight = 0;
      for (int a = 0; a < o.branching; ++a) total_weight += weights[a] = 1 + rng.Below(9);
      h = b.BeginInfoset(kChancePlayer, "");
      for (int a = 0; a < o.branching; ++a) {
        b.AddChanceAction(labels[static_cast<std::size_t>(a)],
                          MakeRational(static_cast<std::int64_t>(weights[a]), static_cast<std::int64_t>(total_weight)));
      }
    } else if (kind[v] > 0) {
      const int player = kind[v];
      bool new_set = o.infoset_size == 1;
      std::int64_t key = 0;
      if (!new_set) {
        // The player's last own action on the path: (infoset, action) of the nearest own ancestor.
        std::int64_t last = -1;
        for (NodeId c = v, p = parent[v]; p != kNoNode; c = p, p = parent[p]) {
          if (kind[p] == player) {
            last = static_cast<std::int64_t>(infoset_of[builder_id[p]]) * o.branching + (c - first_child[p]);
            break;
          }
        }
        key = (last + 1) * (o.players + 1) + player;
        auto it = filling.find(key);
        if (it == filling.end() || it->second.members == o.infoset_size) {
          new_set = true;
        } else {
          h = it->second.infoset;
          ++it->second.members;
        }
      }
      if (new_set) {
        h = b.BeginInfoset(player, "");
        for (int a = 0; a < o.branching; ++a) b.AddAction(labels[static_cast<std::size_t>(a)]);
        if (o.infoset_size > 1) filling[key] = {h, 1};
      }
    }
    infoset_of[k] = h;
    OutcomeId outcome = kNoOutcome;
    if (kind[v] == 0 || (o.nonterminal_outcome_fraction > 0 && rng.Unit() < o.nonterminal_outcome_fraction)) {
      outcome = random_outcome();
    }
    b.AddNode(parent[v] == kNoNode ? kNoNode : builder_id[parent[v]], h, outcome);
  }
  return b.Finalize();
}

}  // namespace ncpmi
