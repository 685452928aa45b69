#!/bin/sh
# Regenerates the game-tree figures of docs/models.md: each model is built with the values below
# (its defaults unless stated), solved exactly, drawn by `ncpmi draw` as Graphviz DOT and rendered
# to SVG by `dot`. Usage: docs/figures/make-figures.sh [path/to/ncpmi]   (run from the repository root)
set -eu
NCPMI=${1:-build/release/tools/ncpmi}
OUT=docs/figures
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# figure NAME MODEL [PARAMETER = VALUE]...: one scenario file, one DOT file, one SVG.
figure() {
  name=$1 model=$2
  shift 2
  {
    echo "model = \"$model\""
    echo "[parameters]"
    for line in "$@"; do echo "$line"; done
  } > "$TMP/$name.toml"
  "$NCPMI" draw "$TMP/$name.toml" --format dot -o "$TMP/$name.dot"
  dot -Tsvg "$TMP/$name.dot" -o "$OUT/$name.svg"
}

figure ultimatum ultimatum 'demand_grid = 3'           # the default grid of 10 is too wide to read
figure security-assurance security-assurance 'k = 2'    # a credible assurance (k > G_RC - G_E)
figure security-assurance-exogenous security-assurance 'strategic_coercer = false'
figure amnesty amnesty
figure amnesty-exogenous amnesty 'strategic_successor = false'
figure sanctions sanctions 'rounds = 2' 'levels = 1'   # the defaults (4 rounds, 2 levels) give 108 nodes
figure unsc-vote unsc-vote
figure mediator mediator
"$NCPMI" draw instances/haiti_1994.efg --format dot -o "$TMP/haiti1994.dot"
dot -Tsvg "$TMP/haiti1994.dot" -o "$OUT/haiti1994.svg"
