// Calibrated scenarios. Every number is an illustrative normalized value chosen to respect the
// orderings the cited sources describe; none is an estimate. The note beside each number (also
// kept in Preset::notes, so scenario files can copy it) says which ordering it encodes.
#include "ncpmi/models/presets.h"

#include <initializer_list>
#include <utility>

#include "model_util.h"
#include "ncpmi/game/error.h"

namespace ncpmi::models {
namespace {

using detail::Q;

struct Entry {
  const char* name;
  Rational value;
  const char* note;
};

Preset Make(std::string name, std::string model, std::string summary, std::string sources,
            std::initializer_list<Entry> entries) {
  Preset p;
  p.name = std::move(name);
  p.model = std::move(model);
  p.summary = std::move(summary);
  p.sources = std::move(sources);
  for (const Entry& e : entries) {
    p.values[e.name] = e.value;
    p.notes[e.name] = e.note;
  }
  return p;
}

// Haiti, September 1994 (Sagara 2024; domain.md §7 extended with the pressure stage so that the
// mutually hurting stalemate is identified). Stakes normalized to 1.
Preset Haiti1994() {
  return Make(
      "haiti-1994", "ncpmi-crisis",
      "Haiti 1994: Resolution 940, sanctions and refugees, Clinton's ultimatum, the Carter mission and "
      "the amnesty; all five conditions present; settles (P(S) = 9/10), not always durably (27/40)",
      "Sagara, KGRI WP 2 (2024); Malone, Decision-Making in the UN Security Council: Haiti 1990-1997 "
      "(1999); Gharekhan, The Horseshoe Table (2006); Powell's account of the Carter mission; "
      "domain.md section 7 orderings",
      {
          {"no_veto", 1, "Res. 940 adopted 31 July 1994; China abstained, no veto (Malone 1999)"},
          {"commitment", 1, "PDD-25, Clinton's ultimatum speech, the 82nd Airborne already in the air"},
          {"pain", 1, "Powell's 'overwhelming force' briefing to Cedras; UN oil and arms embargo (Res. 841, 917)"},
          {"mutually_hurting_stalemate", 1, "junta's sanctions pain rising from Res. 917 (May 1994); refugee surge after the 8 May 1994 policy change hurt the US"},
          {"initiative", 1, "Carter, Powell and Nunn mission of 17-18 September 1994"},
          {"veto_cost", Q(1, 5), "a veto isolating the holdout against the OAS and the Friends of Haiti is costly, but less than its stake"},
          {"holdout_shield", Q(1), "N off: a holdout treating Haiti as a domestic matter (Gharekhan 2006: most members wanted to stay out)"},
          {"holdout_settlement", Q(1, 2), "holdout prefers a peaceful settlement"},
          {"holdout_war", Q(-1, 2), "holdout dislikes an invasion even with a mandate"},
          {"holdout_backdown", Q(1, 2), "holdout is content when the US backs down"},
          {"holdout_unilateral", Q(-1), "unilateral US force is the holdout's worst outcome (sovereignty norm)"},
          {"holdout_desist", Q(0), "status quo after a veto: neutral for the holdout"},
          {"unilateral_c", Q(-1), "without a resolution Congress and the public blocked force (Sagara 2024)"},
          {"desist_c", Q(-1, 2), "desisting leaves the refugee crisis: bad, but better than force alone"},
          {"pressure_rounds", 2, "two rounds of tightened sanctions (Res. 917 in May 1994, the flight ban in June)"},
          {"rents_t", Q(1, 5), "junta's drug-trade income (Sagara 2024)"},
          {"sanction_pain", Q(1, 10), "first round hurts less than the drug rents: sanctions alone did not work"},
          {"pain_growth", Q(1, 10), "pain grows until it exceeds the rents from round 2 on (round 2: 1/5 = rents, round 3: 3/10)"},
          {"sanction_cost_c", Q(1, 20), "US cost of enforcing the embargo"},
          {"lift_cost_c", Q(1, 4), "lifting sanctions without Aristide's return would forfeit US leverage"},
          {"stalemate_cost_c", Q(3, 20), "refugee flows, Congressional Black Caucus and TransAfrica pressure (Robinson's hunger strike)"},
          {"stalemate_horizon", Q(2), "a backdown would leave the crisis unresolved for two more rounds"},
          {"demand_c", Q(1), "Cedras steps down without conditions: the whole stake to the US"},
          {"settlement_t", Q(-1, 5), "stepping down with only a US assurance: loss of power and role"},
          {"regime_change_t", Q(-3, 2), "prosecution after stepping down: worse than fighting (why the junta fights without an exit deal)"},
          {"regime_change_shift_c", Q(-1, 4), "a broken amnesty costs the US (later instability, the 2004 collapse)"},
          {"regime_change_risk", Q(1), "without a guarantee prosecution of the junta is certain"},
          {"enforcement", Q(3, 4), "the amnesty holds with 3/4: Aristide later violated it (Cedras convicted in absentia, 2000) - domain.md section 7"},
          {"assurance_offer", 1, "the US could have promised non-prosecution itself"},
          {"assurance_cost", Q(1, 10), "a US amnesty promise to the junta was politically costly at home"},
          {"p", Q(9, 10), "two carriers, 2.5 divisions, 20,000 troops: force all but certain to succeed"},
          {"w_c", Q(7, 5), "casualty aversion after Mogadishu and Harlan County: force alone is a net loss (p - w_c = -1/2)"},
          {"w_t", Q(1, 2), "the junta leadership's personal cost of an invasion (Powell's briefing)"},
          {"b_c", Q(3, 10), "audience cost of a second Harlan County after a public ultimatum"},
          {"rho", Q(9, 10), "the Carter team found the formula within 36 hours, though talks began badly"},
          {"mediator_cost", Q(1, 10), "Carter's personal and political cost"},
          {"mediator_value", Q(1), "Carter's value of a mediated peaceful entry"},
          {"roadmap_t", Q(3, 20), "Carter Agreement: a role for the military and a generous pardon - better than a bare assurance"},
          {"roadmap_broken_t", Q(-1, 5), "the pardon violated, Cedras safe in exile in Panama: far better than prosecution at home"},
          {"roadmap_c", Q(3, 4), "the accord concedes a role to the military: less than unconditional compliance"},
      });
}

// Haiti 1993: Governors Island and Harlan County, before Resolution 940.
Preset Haiti1993() {
  Preset p = Haiti1994();
  p.name = "haiti-1993";
  p.summary = "Haiti 1993: Res. 841 sanctions and the Governors Island Accord, but no credible "
              "force (Harlan County turned back) and no hurting stalemate yet; no settlement";
  p.sources = "Sagara, KGRI WP 2 (2024); Malone (1999); Kumar, Building Peace in Haiti (1998)";
  auto set = [&p](const char* name, Rational value, const char* note) {
    p.values[name] = std::move(value);
    p.notes[name] = note;
  };
  set("commitment", 0, "no force authorized; the US turned the Harlan County back on 11 October 1993 after Mogadishu");
  set("mutually_hurting_stalemate", 0, "US still repatriating boat people (low refugee cost); oil embargo not yet biting beyond the drug rents");
  set("initiative", 1, "UN/OAS envoy Caputo mediated the Governors Island Accord (3 July 1993)");
  set("pressure_rounds", 1, "one round: Res. 841 oil and arms embargo (16 June 1993)");
  return p;
}

// North Korea 2017-19 (domain.md §8; PON blog).
Preset NorthKorea2017() {
  return Make(
      "north-korea-2017", "ncpmi-crisis",
      "North Korea 2017-19: maximum pressure with Chinese enforcement, a weakly credible "
      "no-regime-change assurance; no settlement (enforcement above 1/7, q below q* = 3/7, would settle)",
      "domain.md section 8; PON (Harvard) 'Peace and Conflict Resolution with Difficult Partners' "
      "(Sanger, Fisher, Li, Harrell as cited there); UNSC Res. 2371, 2375, 2397 (2017); Escriba-Folch & "
      "Wright (2010) on single-party regimes",
      {
          {"no_veto", 1, "2017 sanctions resolutions 2371, 2375, 2397 adopted unanimously (China and Russia voted yes)"},
          {"commitment", 1, "'fire and fury'; US commitment to denuclearization"},
          {"pain", 1, "maximum pressure: coal, textile and oil caps"},
          {"mutually_hurting_stalemate", 1, "pressure tightened through 2017; US faced an ICBM threat"},
          {"initiative", 1, "Moon Jae-in's outstretched hand and the 2018 summits"},
          {"veto_cost", Q(1), "China's cost of breaking with a unanimous Council"},
          {"holdout_shield", Q(10), "N off: China's interest in a buffer state outweighs even a deal (China and Russia vetoed new sanctions on 26 May 2022; domain.md section 8: pain needs N)"},
          {"holdout_settlement", Q(6), "domain.md section 8: China deal 6"},
          {"holdout_war", Q(-5), "war on the peninsula: China's worst case"},
          {"holdout_backdown", Q(2), "domain.md section 8: China keep (enforced) 2"},
          {"holdout_unilateral", Q(-2), "domain.md section 8: regime change -2 (US-aligned unified Korea)"},
          {"holdout_desist", Q(1), "domain.md section 8: China keep (shielded) 1"},
          {"unilateral_c", Q(-5), "a US strike without a mandate: Seoul under artillery"},
          {"desist_c", Q(0), "domain.md section 8: US keep (shielded) 0"},
          {"pressure_rounds", 2, "two rounds of tightening in 2017"},
          {"rents_t", Q(1, 2), "security value of keeping the weapons per round"},
          {"sanction_pain", Q(3, 4), "maximum pressure exceeds the rents already (the hurting half is present)"},
          {"pain_growth", Q(1, 8), "pressure tightened further (Res. 2397 oil caps)"},
          {"sanction_cost_c", Q(1, 12), "US and allied cost of enforcement"},
          {"lift_cost_c", Q(3), "lifting sanctions without denuclearization would legitimize the arsenal"},
          {"stalemate_cost_c", Q(1, 4), "US cost of the nuclear threat per round"},
          {"stalemate_horizon", Q(6), "keeping the weapons under maximum pressure: 1 + 6 (1/2 - 1) = -2 = K_T of domain.md section 8"},
          {"demand_c", Q(8), "domain.md section 8: US deal 8"},
          {"settlement_t", Q(4), "domain.md section 8: DPRK secure 4"},
          {"regime_change_t", Q(-10), "domain.md section 8: regime change -10 (nuclear weapons as 'only protection', PON/Li)"},
          {"regime_change_shift_c", Q(1), "domain.md section 8: US disarm-then-regime-change 9 vs deal 8"},
          {"regime_change_risk", Q(1, 2), "domain.md section 8: q = 1/2 without an assurance"},
          {"enforcement", Q(1, 10), "a weakly credible assurance: q = (1/2)(1 - 1/10) = 9/20 > 3/7 (domain.md section 8)"},
          {"assurance_offer", 1, "Tillerson: 'we do not seek regime change' (PON)"},
          {"assurance_cost", Q(1), "domain.md section 8: the assurance costs the US 1"},
          {"p", Q(1, 2), "a strike would at best partly disarm"},
          {"w_c", Q(20), "war costs (Seoul, escalation) make force incredible"},
          {"w_t", Q(10), "war is catastrophic for the regime"},
          {"b_c", Q(1), "audience cost of backing down from maximum pressure"},
          {"rho", Q(1, 2), "summit diplomacy: a roadmap as likely as not"},
          {"mediator_cost", Q(1, 2), "Moon's political cost of the initiative"},
          {"mediator_value", Q(3), "Moon's value of an inter-Korean settlement"},
          {"roadmap_t", Q(4), "sunshine roadmap (economic integration): as good as a secure deal, no better - it does not lower q"},
          {"roadmap_broken_t", Q(-10), "the roadmap does not change the regime-change payoff"},
          {"roadmap_c", Q(6), "a phased roadmap is worth less to the US than immediate denuclearization"},
      });
}

// Iran 2013-15: the JCPOA.
Preset Iran2015() {
  return Make(
      "iran-2015", "ncpmi-crisis",
      "Iran 2015: UN and EU sanctions, the Oman back channel and the P5+1 talks; settles through the "
      "negotiated roadmap (limited enrichment), with a real risk the deal is broken (US exit 2018)",
      "UNSC Res. 1929 (2010) and 2231 (2015); Nephew, The Art of Sanctions (2017); PON blog (Harrell "
      "on coordinated sanctions moving Iran to negotiate)",
      {
          {"no_veto", 1, "Res. 1929 adopted with Russia and China voting yes; Res. 2231 unanimous"},
          {"commitment", 1, "US 'all options on the table'; snapback designed to enforce the deal (Nephew 2017)"},
          {"pain", 1, "2012 EU oil embargo and SWIFT disconnection"},
          {"mutually_hurting_stalemate", 1, "rial collapse for Iran; the US wanted to avoid another Middle East war"},
          {"initiative", 1, "Oman back channel (2013) and the EU High Representative's facilitation"},
          {"veto_cost", Q(3, 2), "Russia's cost of breaking the P5+1 front"},
          {"holdout_shield", Q(3), "N off: Russia's interest in Iran as a partner"},
          {"holdout_settlement", Q(2), "Russia prefers a deal (and a role in fuel supply)"},
          {"holdout_war", Q(-3), "a strike on Iran: Russia's worst case"},
          {"holdout_backdown", Q(0), "neutral"},
          {"holdout_unilateral", Q(-4), "unilateral US or Israeli force is worse than war with a mandate"},
          {"holdout_desist", Q(1), "status quo after a veto"},
          {"unilateral_c", Q(-4), "unilateral strike: costly, would delay but not end the programme"},
          {"desist_c", Q(-2), "desisting lets the programme advance"},
          {"pressure_rounds", 2, "2010 UN sanctions, then the 2012 oil embargo"},
          {"rents_t", Q(1, 4), "domestic legitimacy of the nuclear programme"},
          {"sanction_pain", Q(1, 2), "oil exports halved: pain beyond the rents from the start"},
          {"pain_growth", Q(1, 8), "pain grows with the 2012 measures"},
          {"sanction_cost_c", Q(1, 8), "cost of the sanctions coalition"},
          {"lift_cost_c", Q(1), "lifting sanctions without a deal would end the leverage"},
          {"stalemate_cost_c", Q(1, 4), "a programme creeping towards breakout"},
          {"stalemate_horizon", Q(8), "the crisis would drag on: keeping the programme under sanctions is worth 1 + 8 (1/4 - 3/4) = -3"},
          {"demand_c", Q(5), "zero enrichment: the maximal US demand"},
          {"settlement_t", Q(-3), "zero enrichment is unacceptable to the leadership even with an assurance"},
          {"regime_change_t", Q(-5), "sanctions re-imposed after dismantling"},
          {"regime_change_shift_c", Q(-2), "a collapsed deal: Iran resumes enrichment"},
          {"regime_change_risk", Q(1, 2), "without guarantees relief might never come"},
          {"enforcement", Q(1, 2), "UNSC endorsement and the IAEA make relief stick with 1/2 (the US left in 2018)"},
          {"assurance_offer", 1, "the US could promise relief itself"},
          {"assurance_cost", Q(1, 2), "Congressional opposition to relief promises"},
          {"p", Q(1, 2), "a strike would delay, not end, the programme"},
          {"w_c", Q(5), "another Middle East war: force incredible (p - w_c = -9/2)"},
          {"w_t", Q(2), "a strike would hurt the leadership"},
          {"b_c", Q(1), "audience cost of backing down"},
          {"rho", Q(3, 4), "two years of talks, uncertain until July 2015"},
          {"mediator_cost", Q(1, 4), "facilitator's cost"},
          {"mediator_value", Q(2), "facilitator's value of a deal"},
          {"roadmap_t", Q(3, 2), "JCPOA: limited enrichment recognized, sanctions relief"},
          {"roadmap_broken_t", Q(-2), "relief reversed after the US exit, but enrichment could resume"},
          {"roadmap_c", Q(3), "limits and inspections instead of zero enrichment"},
      });
}

// Bosnia 1995: Deliberate Force and Dayton.
Preset Bosnia1995() {
  return Make(
      "bosnia-1995", "ncpmi-crisis",
      "Bosnia 1995: NATO's Operation Deliberate Force, the Croatian offensive, sanctions on Serbia and "
      "Holbrooke's shuttle; settles at Dayton, durably (IFOR)",
      "Zartman (2000) on ripeness; Holbrooke, To End a War (1998); UNSC Res. 836 (1993), 1031 (1995)",
      {
          {"no_veto", 1, "Russia did not block: NATO acted under Res. 836 ('dual key'); Res. 1031 endorsed IFOR"},
          {"commitment", 1, "after Srebrenica, NATO committed to air power and IFOR's 60,000 troops"},
          {"pain", 1, "Deliberate Force air strikes and the Croatian-Bosnian ground offensive"},
          {"mutually_hurting_stalemate", 1, "Serb territorial losses in 1995; sanctions on Serbia since 1992 (Zartman's ripe moment)"},
          {"initiative", 1, "Holbrooke's shuttle diplomacy and the Dayton talks"},
          {"veto_cost", Q(1), "Russia's cost of isolating itself from the Contact Group"},
          {"holdout_shield", Q(2), "N off: Russia's Serb sympathies"},
          {"holdout_settlement", Q(1), "Russia prefers a settlement"},
          {"holdout_war", Q(-1), "continued bombing of Serbs"},
          {"holdout_backdown", Q(0), "neutral"},
          {"holdout_unilateral", Q(-2), "NATO force without the Council"},
          {"holdout_desist", Q(0), "neutral"},
          {"unilateral_c", Q(-1, 2), "NATO action without a mandate: divisive in the alliance"},
          {"desist_c", Q(-1), "desisting after Srebrenica: intolerable"},
          {"pressure_rounds", 2, "sanctions on Serbia, then the 1995 offensives"},
          {"rents_t", Q(1, 5), "holding territory"},
          {"sanction_pain", Q(3, 10), "sanctions on Serbia already exceed the rents"},
          {"pain_growth", Q(1, 5), "losses mount in August-September 1995"},
          {"sanction_cost_c", Q(1, 20), "enforcement cost"},
          {"lift_cost_c", Q(1, 2), "lifting sanctions on Serbia without a deal"},
          {"stalemate_cost_c", Q(1, 5), "the war's cost to NATO's credibility"},
          {"stalemate_horizon", Q(2), "the war would go on"},
          {"demand_c", Q(1), "Serb withdrawal from all contested territory"},
          {"settlement_t", Q(-1), "capitulation: losing the Serb entity"},
          {"regime_change_t", Q(-2), "a settlement whose guarantees fail"},
          {"regime_change_shift_c", Q(-1, 2), "a failing settlement costs NATO"},
          {"regime_change_risk", Q(1, 2), "without guarantees the deal might unravel"},
          {"enforcement", Q(9, 10), "IFOR and SFOR enforced the agreement"},
          {"assurance_offer", 1, "the US could guarantee the Serb entity itself"},
          {"assurance_cost", Q(1, 10), "domestic cost of guarantees to Serbs"},
          {"p", Q(4, 5), "air power plus the ground offensive"},
          {"w_c", Q(1, 2), "limited NATO casualties from air power"},
          {"w_t", Q(1), "heavy losses for the Serb leadership"},
          {"b_c", Q(1, 2), "NATO's credibility after Srebrenica"},
          {"rho", Q(9, 10), "Holbrooke's team found the 51-49 formula"},
          {"mediator_cost", Q(1, 10), "shuttle diplomacy's cost"},
          {"mediator_value", Q(1), "value of a mediated peace"},
          {"roadmap_t", Q(1, 10), "Dayton: Republika Srpska on 49% of the territory, barely better than the losses of 1995"},
          {"roadmap_broken_t", Q(-1, 2), "a Dayton that fails"},
          {"roadmap_c", Q(3, 5), "a divided but peaceful Bosnia"},
      });
}

// Libya 2011: Resolution 1973 and the ICC referral.
Preset Libya2011() {
  return Make(
      "libya-2011", "ncpmi-crisis",
      "Libya 2011: Res. 1970 (ICC referral) and 1973 (no-fly zone), NATO air campaign, African Union "
      "roadmap; no safe exit for Gaddafi and no hurting stalemate for him: war",
      "Krcmaric, The Justice Dilemma (2020) on the ICC referral removing the golden parachute; UNSC "
      "Res. 1970 and 1973 (2011)",
      {
          {"no_veto", 1, "Res. 1973 adopted 10-0-5: Russia and China abstained"},
          {"commitment", 1, "NATO's Operation Unified Protector"},
          {"pain", 1, "air strikes and an asset freeze"},
          {"mutually_hurting_stalemate", 0, "Gaddafi believed he could win; the coalition's cost was low"},
          {"initiative", 1, "the African Union roadmap of April 2011"},
          {"veto_cost", Q(1), "cost of vetoing against the Arab League's request"},
          {"holdout_shield", Q(5, 2), "N off: Russia's interest in Libya"},
          {"holdout_settlement", Q(1), "Russia prefers a settlement"},
          {"holdout_war", Q(-1), "regime change by force (Russia's later complaint)"},
          {"holdout_backdown", Q(0), "neutral"},
          {"holdout_unilateral", Q(-2), "force without the Council"},
          {"holdout_desist", Q(0), "neutral"},
          {"unilateral_c", Q(-1), "intervention without a mandate"},
          {"desist_c", Q(-3, 2), "a massacre in Benghazi: worse than acting without a mandate"},
          {"pressure_rounds", 1, "one round: Res. 1970 sanctions"},
          {"rents_t", Q(1, 2), "oil revenue and loyal forces"},
          {"sanction_pain", Q(1, 5), "the asset freeze bites less than the rents"},
          {"pain_growth", Q(1, 10), "growth (inactive: M is off)"},
          {"sanction_cost_c", Q(1, 20), "enforcement cost"},
          {"lift_cost_c", Q(1, 2), "lifting sanctions on Gaddafi"},
          {"stalemate_cost_c", Q(1, 10), "cost of a stalemate (inactive: M is off)"},
          {"stalemate_horizon", Q(2), "the conflict would go on"},
          {"demand_c", Q(1), "Gaddafi leaves power"},
          {"settlement_t", Q(-1), "leaving power"},
          {"regime_change_t", Q(-10), "trial at the ICC (Res. 1970) or death"},
          {"regime_change_shift_c", Q(0), "no difference to the coalition"},
          {"regime_change_risk", Q(1), "after the ICC referral prosecution is certain without a guarantee"},
          {"enforcement", Q(0), "no enforceable exile: the ICC referral removed the golden parachute (Krcmaric 2020)"},
          {"assurance_offer", 1, "an exile offer could be made, but not enforced"},
          {"assurance_cost", Q(1, 10), "cost of offering exile to an indicted leader"},
          {"p", Q(4, 5), "NATO air power with rebel ground forces"},
          {"w_c", Q(1, 2), "no NATO ground troops: low cost"},
          {"w_t", Q(1, 2), "the leader's cost of war"},
          {"b_c", Q(1, 2), "audience cost of abandoning Benghazi"},
          {"rho", Q(1, 2), "the AU roadmap existed, but only a ceasefire"},
          {"mediator_cost", Q(1, 10), "AU's cost"},
          {"mediator_value", Q(1), "AU's value of its roadmap"},
          {"roadmap_t", Q(2), "the AU roadmap: ceasefire with Gaddafi in place"},
          {"roadmap_broken_t", Q(-10), "without enforcement the roadmap ends in the ICC too"},
          {"roadmap_c", Q(-1, 2), "the coalition and the rebels rejected a deal leaving Gaddafi in power"},
      });
}

}  // namespace

const std::vector<Preset>& Presets() {
  static const std::vector<Preset> presets{Haiti1994(), Haiti1993(), NorthKorea2017(),
                                           Iran2015(),  Bosnia1995(), Libya2011()};
  return presets;
}

const Preset& FindPreset(const std::string& name) {
  std::string known;
  for (const Preset& p : Presets()) {
    if (p.name == name) return p;
    known += (known.empty() ? "" : ", ") + p.name;
  }
  throw InputError("unknown preset '" + name + "' (known: " + known + ")");
}

}  // namespace ncpmi::models
