#!/bin/sh
# Solves a scenario over a grid of one or two parameters and prints a sweep CSV:
#   PARAM1[,PARAM2],p_settlement,p_durable,verdict,outcome_class
# Usage: grid.sh NCPMI SCENARIO.toml PARAM1 "V1 V2 ..." [PARAM2 "W1 W2 ..."]
# Each point is `ncpmi solve` (exact) on a copy of the scenario whose [parameters] table gets the
# point's values (the scenario's own lines for those parameters are dropped). This stands in for
# `ncpmi sweep` until that command exists; its CSV has the same named columns.
set -eu
ncpmi=$1 scenario=$2 p1=$3 v1=$4
p2=${5:-} v2=${6:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# The scenario without the swept parameters; [parameters] must be its last table (as in instances/).
grep -v -E "^[[:space:]]*($p1${p2:+|$p2})[[:space:]]*=" "$scenario" > "$tmp/base.toml"
grep -q '^\[parameters\]' "$tmp/base.toml" || printf '\n[parameters]\n' >> "$tmp/base.toml"
point() {  # point NAME=VALUE... : prints p_settlement,p_durable,verdict,outcome_class
  cp "$tmp/base.toml" "$tmp/point.toml"
  for kv in "$@"; do printf '%s = "%s"\n' "${kv%%=*}" "${kv#*=}" >> "$tmp/point.toml"; done
  "$ncpmi" solve "$tmp/point.toml" --exact --all --format csv > "$tmp/out.csv"
  # Equilibrium 1's first terminal row; the last four columns are outcome_class,p_settlement,p_durable,verdict.
  awk -F, 'NR == 2 { print $(NF-2) "," $(NF-1) "," $NF "," $(NF-3) }' "$tmp/out.csv"
}
if [ -z "$p2" ]; then
  echo "$p1,p_settlement,p_durable,verdict,outcome_class"
  for a in $v1; do echo "$a,$(point "$p1=$a")"; done
else
  echo "$p1,$p2,p_settlement,p_durable,verdict,outcome_class"
  for b in $v2; do
    for a in $v1; do echo "$a,$b,$(point "$p1=$a" "$p2=$b")"; done
  done
fi
