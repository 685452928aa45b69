#!/bin/sh
# The "Checked" tables of docs/models.md, run through the command line: each row solves a model at
# the values the table gives, on both sides of a closed-form threshold, with
# `ncpmi solve FILE.toml --exact --all`, and checks that the output says what the table says.
#
# Usage: docs_models_checks.sh NCPMI SOURCE_DIR
# Exits 0 when every check passes, 1 after listing the ones that fail, 64 on bad usage.

[ $# -eq 2 ] || { echo "usage: docs_models_checks.sh NCPMI SOURCE_DIR" >&2; exit 64; }
NCPMI=$1
SOURCE_DIR=$2
TMP=$(mktemp -d) || exit 1
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0

# expect MODEL 'ERE...' [NAME=VALUE...]: solves MODEL with the values (others at their defaults);
# every extended regex in the second argument (separated by ' && ') must match a line of the output.
expect() {
  model=$1 patterns=$2
  shift 2
  {
    echo "model = \"$model\""
    echo "[parameters]"
    for kv in "$@"; do
      value=${kv#*=}
      case $value in
        true | false) echo "${kv%%=*} = $value" ;;
        *) echo "${kv%%=*} = \"$value\"" ;;
      esac
    done
  } > "$TMP/s.toml"
  run "$model $*" "$patterns" "$TMP/s.toml"
}

# run DESCRIPTION 'ERE && ERE...' FILE: solves FILE (a scenario or a game) and matches the output.
run() {
  checks=$((checks + 1))
  if ! "$NCPMI" solve "$3" --exact --all > "$TMP/out" 2>&1; then
    echo "FAILED: $1: ncpmi solve failed:"; cat "$TMP/out"; failures=$((failures + 1)); return
  fi
  rest=$2
  while [ -n "$rest" ]; do
    case $rest in
      *" && "*) pattern=${rest%% && *} rest=${rest#* && } ;;
      *) pattern=$rest rest= ;;
    esac
    if ! grep -Eq -- "$pattern" "$TMP/out"; then
      echo "FAILED: $1: no line matches /$pattern/"; failures=$((failures + 1)); return
    fi
  done
}

ALL='^verdict: all' NO='^verdict: no' ONE='^equilibria: 1 distinct'

# ultimatum
expect ultimatum "$ALL" p=1/5 w_c=3/5 demand_grid=5 b_c=41/100
expect ultimatum "$NO && Coercer: NoDemand && STATUS_QUO no demand" p=1/5 w_c=3/5 demand_grid=5 b_c=39/100
expect ultimatum "$ONE && SETTLEMENT demand 4/5 accepted" w_t=21/100
expect ultimatum "$ONE && SETTLEMENT demand 7/10 accepted" w_t=19/100
expect ultimatum "$ONE && SETTLEMENT demand 1 accepted" w_t=41/100
expect ultimatum "$ONE && SETTLEMENT demand 9/10 accepted" w_t=39/100
expect ultimatum "^equilibria: 2 distinct && SETTLEMENT demand 4/5 accepted && SETTLEMENT demand 7/10 accepted"  # the defaults' tie
expect ultimatum "$ONE && SETTLEMENT demand 1 accepted" fixed_demand=true s_t=21/100
expect ultimatum "$ONE && Coercer: Force && WAR over demand 1" fixed_demand=true s_t=19/100
expect ultimatum "$ONE && SETTLEMENT demand 1 accepted" fixed_demand=true s_t=21/100 w_c=4/5 b_c=21/100
expect ultimatum "$ONE && STATUS_QUO no demand" fixed_demand=true s_t=21/100 w_c=4/5 b_c=19/100
expect ultimatum "$ONE && WAR over demand 1" fixed_demand=true s_t=19/100 w_c=1/2
expect ultimatum "$ONE && STATUS_QUO no demand" fixed_demand=true s_t=19/100 w_c=7/10
expect ultimatum "$ONE && WAR over demand 1" demand_grid=1

# security-assurance
expect security-assurance "$ALL && $ONE && SETTLEMENT:durable disarmed, regime secure \(assured\)" k=11/10
expect security-assurance "$NO && STATUS_QUO target keeps its weapons" k=9/10
expect security-assurance "$ALL && Coercer: Assure" k=2 assurance_cost=69/10
expect security-assurance "$NO && $ONE && Coercer: NoAssurance" k=2 assurance_cost=71/10
expect security-assurance "$ALL && Target: Disarm" k=2 s_t=-19/10
expect security-assurance "$NO && Target: Keep" k=2 s_t=-21/10
expect security-assurance "$ALL" strategic_coercer=false q=42/100
expect security-assurance "$NO" strategic_coercer=false q=44/100
expect security-assurance "$ALL" strategic_coercer=false k_t=1 q=21/100
expect security-assurance "$NO" strategic_coercer=false k_t=1 q=22/100
expect security-assurance "$ALL && $ONE && Coercer: Assure" strategic_coercer=false assurance_effect=8/100
expect security-assurance "$NO" strategic_coercer=false assurance_effect=6/100
expect security-assurance "$ALL && Coercer: Assure && P\(durable settlement\) 3/4" strategic_coercer=false assurance_effect=1/4 assurance_cost=724/100
expect security-assurance "$NO && Coercer: NoAssurance" strategic_coercer=false assurance_effect=1/4 assurance_cost=726/100

# amnesty
expect amnesty "$ALL && Successor: Renege && P\(durable settlement\) 29/50" e=58/100
expect amnesty "$NO && WAR leader clings to power" e=56/100
expect amnesty "$NO && WAR leader clings to power"  # the defaults: the commitment problem
expect amnesty "$ALL && Successor: Honour" successor_honour=101/100
expect amnesty "$NO && Leader: Fight" successor_honour=99/100
expect amnesty "$ALL && Leader: StepDown" successor_honour=2 f_t=39/10
expect amnesty "$NO && Leader: Fight" successor_honour=2 f_t=41/10
expect amnesty "$ALL && P\(durable settlement\) 23/40" strategic_successor=false e=15/100
expect amnesty "$NO && Leader: Fight" strategic_successor=false e=13/100

# sanctions, one intensity level
expect sanctions "$ONE && SETTLEMENT complied in round 3\"" levels=1 rents_t=39/100
expect sanctions "$ONE && SETTLEMENT complied in round 4\"" levels=1 rents_t=41/100
expect sanctions "$ONE && SETTLEMENT complied in round 1\"" levels=1 rents_t=19/100
expect sanctions "$ONE && SETTLEMENT complied in round 2\"" levels=1 rents_t=21/100
expect sanctions "$ONE && SETTLEMENT complied in round 4\" .* payoffs 7/10, 9/20" levels=1
expect sanctions "$ONE && SETTLEMENT complied in round 4\"" levels=1 rounds=5 lift_c=69/100
expect sanctions "$ONE && BACKDOWN sanctions lifted in round 1\"" levels=1 rounds=5 lift_c=71/100
expect sanctions "$ONE && SETTLEMENT complied at the final threat" levels=1 rents_t=1 f_t=-1/100
expect sanctions "BACKDOWN sanctions lifted in round 1\"" levels=1 rents_t=1 f_t=1/100
expect sanctions "$ALL && ^equilibria: 3 distinct"  # the defaults: two levels, ties

# unsc-vote
expect unsc-vote "$ONE && STATUS_QUO Strong resolution adopted"  # the defaults
expect unsc-vote "$ONE && STATUS_QUO Strong resolution adopted" c_unilateral=-99/100
expect unsc-vote "$ONE && STATUS_QUO Weak resolution adopted" c_unilateral=-101/100
expect unsc-vote "$ONE && China: Yes && STATUS_QUO Strong resolution adopted" member_russia=false c_unilateral=-2 china_veto_cost=21/10
expect unsc-vote "$ONE && STATUS_QUO Weak resolution adopted" member_russia=false c_unilateral=-2 china_veto_cost=19/10
expect unsc-vote "$ONE && STATUS_QUO Strong resolution adopted" member_russia=false china_veto_cost=0 china_unilateral=-2 c_unilateral=0
expect unsc-vote "China: Veto" member_russia=false china_veto_cost=0 china_unilateral=-2 c_unilateral=-2
expect unsc-vote "$ONE && Russia: Yes && China: Veto && BACKDOWN coercer desists after China's veto of the Strong draft" c_unilateral=-2 c_weak=-101/100
expect unsc-vote "$ONE && STATUS_QUO Weak resolution adopted" c_unilateral=-2 c_weak=-99/100

# mediator
expect mediator "$ALL && $ONE && SETTLEMENT roadmap accepted.* probability 4/5"  # the defaults
expect mediator "$ALL && Target: Accept" roadmap_t=1/100
expect mediator "$NO && Mediator: StayOut" roadmap_t=-1/100
expect mediator "$ALL && Coercer: Endorse" roadmap_c=1/100
expect mediator "$NO && Mediator: StayOut" roadmap_c=-1/100
expect mediator "$ALL && Mediator: Initiative" mediator_cost=79/100
expect mediator "$NO && Mediator: StayOut" mediator_cost=81/100
expect mediator "$NO && Mediator: Initiative && probability 11/100" rho=11/100
expect mediator "$NO && Mediator: StayOut" rho=9/100

# haiti1994: the bundled game and edited copies of it
HAITI=$SOURCE_DIR/instances/haiti_1994.efg
run "haiti1994" "$ONE && payoffs: Coercer_US_UN 15/2, Junta 13/4, Mediator_Carter 9, P5_Holdout 19/4 && ^ties: none" "$HAITI"
sed 's/{ 3 -8 -1 3 }/{ -3 -8 -1 3 }/; s/{ 3 -8 0 3 }/{ -3 -8 0 3 }/' "$HAITI" > "$TMP/h.efg"
run "haiti1994, invasion pays C -3" "$ONE && Coercer_US_UN: BackDown && payoffs -2, 6, 1, 6" "$TMP/h.efg"
sed 's/{ 3 -8 -1 3 }/{ 3 4 -1 3 }/; s/{ 3 -8 0 3 }/{ 3 4 0 3 }/' "$HAITI" > "$TMP/h.efg"
run "haiti1994, invasion pays the junta 4" "^equilibria: 2 distinct && P5_Holdout: Veto && \"WAR\"" "$TMP/h.efg"
sed 's/"Coercer backs down after veto" { -3 7 1 3 }/"Coercer backs down after veto" { -3 7 1 6 }/' "$HAITI" > "$TMP/h.efg"
run "haiti1994, the holdout gets 6 after its veto" "$ONE && P5_Holdout: Veto" "$TMP/h.efg"
sed 's/{ 8 4 10 5 }/{ 8 4 -10 5 }/; s/{ 6 1 6 4 }/{ 6 1 -10 4 }/' "$HAITI" > "$TMP/h.efg"
run "haiti1994, the accord pays the mediator -10" "^equilibria: 2 distinct && Mediator_Carter: StayOut && \"WAR\"" "$TMP/h.efg"
sed 's/"Honoured" 3\/4 "Violated" 1\/4/"Honoured" 0 "Violated" 1/' "$HAITI" > "$TMP/h.efg"
run "haiti1994, the amnesty never kept" "$ONE && \"SETTLEMENT:broken\"  probability 1" "$TMP/h.efg"

if [ "$failures" -ne 0 ]; then
  echo "$failures of $checks checks failed"
  exit 1
fi
echo "all $checks checks of docs/models.md passed"
