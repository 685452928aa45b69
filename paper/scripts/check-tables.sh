#!/bin/sh
# Checks that the generated tables of the paper hold the solver's values: for each scenario, the
# all-present row of gen/<tag>-truth.tex has the verdict, P(S) and P(durable) that
# `ncpmi conditions --format csv` prints, and gen/<tag>-summary.tex the minimised solution that
# `ncpmi conditions --format json` prints.
# Usage: check-tables.sh NCPMI ROOT GEN     (exit 0: all agree; 1: a mismatch, printed)
set -eu
ncpmi=$1 root=$2 gen=$3
tex_number() {  # 9/10 -> $\frac{9}{10}$, -1/2 -> $-\frac{1}{2}$, 3 -> $3$ (as ncpmi table writes)
  case $1 in
    -*/*) n=${1%/*}; printf '$-\\frac{%s}{%s}$' "${n#-}" "${1#*/}" ;;
    */*) printf '$\\frac{%s}{%s}$' "${1%/*}" "${1#*/}" ;;
    *) printf '$%s$' "$1" ;;
  esac
}
status=0
for pair in haiti:haiti-1994 nk:north-korea-2017; do
  tag=${pair%%:*}
  file=$root/instances/${pair#*:}.toml
  row=$("$ncpmi" conditions "$file" --format csv | tail -n 1)
  verdict=$(echo "$row" | cut -d, -f6)
  ps=$(echo "$row" | cut -d, -f7)
  pd=$(echo "$row" | cut -d, -f8)
  got=$(grep -F '$1$ & $1$ & $1$ & $1$ & $1$ & ' "$gen/$tag-truth.tex" || true)
  want="\$1\$ & \$1\$ & \$1\$ & \$1\$ & \$1\$ & $verdict & "
  printf '%s\n' "$tag: solver verdict $verdict, P(S) $ps, P(durable) $pd; table row: $got"
  case $got in
    "$want"*) ;;
    *) echo "$tag: the truth table's all-present row does not start with '$want'"; status=1 ;;
  esac
  for v in "$ps" "$pd"; do
    t=$(tex_number "$v")
    printf '%s\n' "$got" | grep -qF " & $t & " || { echo "$tag: '$t' missing from the all-present row"; status=1; }
  done
  sol=$("$ncpmi" conditions "$file" --format json | sed -n 's/^    "solution": "\(.*\)",$/\1/p')
  # A formula is escaped text; the formula "0" (nothing settles) is a number, in math mode.
  grep -qF -e "Solution}{$sol}" -e "Solution}{\$$sol\$}" "$gen/$tag-summary.tex" ||
    { echo "$tag: solution '$sol' missing from $gen/$tag-summary.tex"; status=1; }
done
exit $status
