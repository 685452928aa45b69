// "unsc-vote": a Security Council vote with costly P5 vetoes and the coercer's outside option
// (docs/models.md, unsc-vote; Voeten 2001, O'Neill 1996).
#include <array>
#include <string>
#include <vector>

#include "model_util.h"
#include "ncpmi/models/builders.h"

namespace ncpmi::models {
namespace {

using detail::Q;

struct Member {
  const char* key;   // parameter prefix
  const char* name;  // player name
};
constexpr std::array<Member, 5> kMembers = {{{"us", "US"},
                                             {"uk", "UK"},
                                             {"france", "France"},
                                             {"russia", "Russia"},
                                             {"china", "China"}}};

Game BuildUnscVote(const ParameterValues& v) {
  std::vector<int> present;  // indices into kMembers, in voting order
  std::vector<std::string> players{"Coercer"};
  for (int j = 0; j < 5; ++j) {
    if (detail::Flag(v, std::string("member_") + kMembers[j].key)) {
      present.push_back(j);
      players.push_back(kMembers[j].name);
    }
  }
  auto member_param = [&v](int j, const char* what) -> const Rational& {
    return detail::Param(v, std::string(kMembers[j].key) + "_" + what);
  };
  // Payoffs of an outcome: C's value, then each present member's value of `what`.
  auto payoffs = [&](const char* c_param, const char* what) {
    std::vector<Rational> out{detail::Param(v, c_param)};
    for (int j : present) out.push_back(member_param(j, what));
    return out;
  };

  detail::TreeWriter w(players);
  const NodeId root = w.Decision(kNoNode, 1, "Coercer tables a draft", {"Strong", "Weak"});
  const char* drafts[2] = {"Strong", "Weak"};
  const char* c_value[2] = {"c_strong", "c_weak"};
  const char* member_value[2] = {"strong", "weak"};
  for (int d = 0; d < 2; ++d) {
    const std::string draft = drafts[d];
    // Pass 1: the chain of Yes votes ending in adoption (each vote node's first child).
    std::vector<NodeId> votes;
    NodeId parent = root;
    for (std::size_t k = 0; k < present.size(); ++k) {
      parent = w.Decision(parent, static_cast<int>(k) + 2,
                          std::string(kMembers[present[k]].name) + " votes on the " + draft + " draft",
                          {"Yes", "Veto"});
      votes.push_back(parent);
    }
    w.Terminal(parent, "STATUS_QUO " + draft + " resolution adopted (continuation value)",
               payoffs(c_value[d], member_value[d]));
    // Pass 2: each vote node's second child, the coercer's choice after that veto.
    for (std::size_t k = 0; k < present.size(); ++k) {
      const std::string who = kMembers[present[k]].name;
      std::vector<Rational> toll(players.size(), Q(0));
      toll[k + 1] = -member_param(present[k], "veto_cost");
      const NodeId c = w.Decision(votes[k], 1, "Coercer after " + who + "'s veto of the " + draft + " draft",
                                  {"Unilateral", "Desist"}, toll);
      w.Terminal(c, "UNILATERAL after " + who + "'s veto of the " + draft + " draft",
                 payoffs("c_unilateral", "unilateral"));
      w.Terminal(c, "BACKDOWN coercer desists after " + who + "'s veto of the " + draft + " draft",
                 payoffs("c_desist", "desist"));
    }
  }
  return w.Finalize("UNSC vote with " + std::to_string(present.size()) + " P5 member(s)",
                    "Members vote in the fixed order US, UK, France, Russia, China; a "
                    "veto costs the vetoer nu_j and ends the vote; C then acts alone or desists. An "
                    "adopted resolution ends this sub-game with continuation values (STATUS_QUO: the "
                    "crisis itself is not resolved yet).");
}

}  // namespace

ModelSpec UnscVoteModel() {
  using detail::Boolean;
  using detail::Number;
  ModelSpec m;
  m.name = "unsc-vote";
  m.summary = "C tables a Strong (force) or Weak (sanctions) draft; the chosen P5 members vote in "
              "order (Yes or costly Veto); after a veto C acts unilaterally or desists";
  m.anchor = "Voeten, 'Outside Options and the Logic of Security Council Action', APSR 95(4) 2001; "
             "O'Neill, JCR 1996: a credible outside option (unilateral action) gets resolutions "
             "passed that vetoers would otherwise block";
  m.parameters = {
      Number("c_strong", Q(3), Q(-100), Q(100), "C's value of an adopted Strong (force-authorizing) resolution"),
      Number("c_weak", Q(1), Q(-100), Q(100), "C's value of an adopted Weak (sanctions-only) resolution"),
      Number("c_unilateral", Q(0), Q(-100), Q(100), "U_C^out: C's payoff from acting alone after a veto"),
      Number("c_desist", Q(-1), Q(-100), Q(100), "U_C^desist: C's payoff from desisting after a veto"),
  };
  struct Defaults {
    bool member;
    Rational strong, weak, unilateral, desist, veto_cost;
  };
  const Defaults western{false, Q(2), Q(1), Q(1), Q(-1), Q(1)};
  const std::array<Defaults, 5> defaults = {{western,
                                             western,
                                             western,
                                             {true, Q(-2), Q(1), Q(-3), Q(1), Q(1, 2)},
                                             {true, Q(-1), Q(1), Q(-2), Q(1), Q(1)}}};
  for (int j = 0; j < 5; ++j) {
    const std::string key = kMembers[j].key, name = kMembers[j].name;
    const Defaults& d = defaults[j];
    m.parameters.push_back(Boolean("member_" + key, d.member, name + " is a voting player (members vote in the order US, UK, France, Russia, China)"));
    m.parameters.push_back(Number(key + "_strong", d.strong, Q(-100), Q(100), name + "'s value of an adopted Strong resolution, u_j(Strong)"));
    m.parameters.push_back(Number(key + "_weak", d.weak, Q(-100), Q(100), name + "'s value of an adopted Weak resolution, u_j(Weak)"));
    m.parameters.push_back(Number(key + "_unilateral", d.unilateral, Q(-100), Q(100), name + "'s payoff when C acts alone after a veto"));
    m.parameters.push_back(Number(key + "_desist", d.desist, Q(-100), Q(100), name + "'s payoff when C desists after a veto"));
    m.parameters.push_back(Number(key + "_veto_cost", d.veto_cost, Q(0), Q(100), "nu_j: " + name + "'s cost of casting a veto"));
  }
  m.build = BuildUnscVote;
  return m;
}

}  // namespace ncpmi::models
