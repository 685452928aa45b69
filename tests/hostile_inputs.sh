#!/bin/sh
# Writes the hostile inputs of tests/cli_hostile.cmake into DIR (deterministic: the same bytes on
# every run; nothing random, nothing downloaded). Usage: hostile_inputs.sh NCPMI DIR
#
#   wide.efg           one decision node with 10^6 actions, each to its own terminal
#   players.efg        10^4 players, one decision by player 10000, 10^4 payoffs per outcome
#   hundred_digits.efg payoffs and chance probabilities of ~100 digits (exact answer in the cmake file)
#   third_decimal.efg  EFG 2 D with chance probabilities 0.3333333333 (sum 0.9999999999, not 1)
#   third_exact.efg    the same with 1/3 written as a fraction (sums to 1 exactly)
#   duplicate_labels.efg  two players, two nodes, two actions and two outcomes sharing one name
#   nan.efg, inf.efg, minus_inf.efg, huge_exponent.efg  EFG 2 D with nan, inf, -inf, 1e999 payoffs
#   truncated.efg      a valid game cut in the middle of a node line
#   garbage.bin        4 KiB of pseudo-random bytes; garbage_after_header.efg the same after 'EFG 2 R'
#   nul_in_title.efg   a NUL byte inside the title string
#   a_directory.efg/   a directory named like a game file
#   unreadable.efg     a valid game with mode 000 (see cli_hostile.cmake for how it is read as root)
#   big.efg            a generated game of ~5 MB (for --max-memory 1M)
#   deep_header.toml, deep_key.toml, deep_inline.toml  scenarios with 50000 dotted-key parts in a
#                      table header, on a key line, and inline tables 300 deep (toml++ recursed on
#                      them to a stack overflow); deep_key_spec.toml, deep_array_spec.toml the same
#                      in sweep specs (a key line; arrays 5000 deep)
#   zero.efg, zero.toml, random.toml  symbolic links to /dev/zero and /dev/urandom
#   fifo.efg           a FIFO with no writer
#   absent_minded.efg  the absent-minded driver: one information set twice on one path
set -eu
export LC_ALL=C  # awk writes bytes, not characters
ncpmi=$1
dir=$2
source_dir=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"

# 10^6 actions at the root; action k leads to terminal k paying (k, -k), so player 1 takes the last.
awk 'BEGIN {
  n = 1000000
  printf "EFG 2 R \"wide\" { \"One\" \"Two\" }\n\"\"\np \"root\" 1 1 \"\" {"
  for (k = 1; k <= n; ++k) printf " \"a%d\"", k
  printf " } 0\n"
  for (k = 1; k <= n; ++k) printf "t \"\" %d \"\" { %d %d }\n", k, k, -k
}' > wide.efg

# 10^4 players; player 10000 chooses between L (pays everyone 0) and R (pays player p the value p).
awk 'BEGIN {
  n = 10000
  printf "EFG 2 R \"ten thousand players\" {"
  for (p = 1; p <= n; ++p) printf " \"P%d\"", p
  printf " }\n\"\"\np \"root\" %d 1 \"\" { \"L\" \"R\" } 0\nt \"left\" 1 \"L\" {", n
  for (p = 1; p <= n; ++p) printf " 0"
  printf " }\nt \"right\" 2 \"R\" {"
  for (p = 1; p <= n; ++p) printf " %d", p
  printf " }\n"
}' > players.efg

# Player 1: a sure payoff Z, or a lottery A/B : (B-A)/B between X and Y. Z is the lottery's value
# minus 1/(3B), so only exact arithmetic sees that the lottery is better (by ~1e-101 of 1e99).
cat > hundred_digits.efg <<'EOF'
EFG 2 R "Hundred digits" { "P1" "P2" }
"sure payoff against a lottery, all numbers of about 100 digits"
p "root" 1 1 "" { "Sure" "Gamble" } 0
t "sure" 1 "sure" { -513144975421809137484335383056141002983285989072563019474220487662800797135714253279256479076984898301646723005653769366724926787370856509752646113079405597412203221606981565576119301658219711671573950/131066810222482727373714905774499610195801695499628559619234259474677510748678456626747677875943819543 2203535149901125426596292419179379651029989864441515891089525986773803405596998280908930241804606154 }
c "lottery" 1 "" { "win" 7397482233135300852978721885652555761712958822447518331653212630998895245961515368632436819182924856/43688936740827575791238301924833203398600565166542853206411419824892503582892818875582559291981273181 "lose" 36291454507692274938259580039180647636887606344095334874758207193893608336931303506950122472798348325/43688936740827575791238301924833203398600565166542853206411419824892503582892818875582559291981273181 } 0
t "win" 2 "win" { 6497554794018954299386583568484997556044282693627762085044826174933685918354256050536161099608420407 1 }
t "lose" 3 "lose" { -6037616134722248631534294880005667638312053942250004146368328682963276470603638655628317147916999675 2 }
EOF

cat > third_decimal.efg <<'EOF'
EFG 2 D "thirds" { "P1" }
""
c "die" 1 "" { "a" 0.3333333333 "b" 0.3333333333 "c" 0.3333333333 } 0
t "" 1 "" { 1 }
t "" 2 "" { 2 }
t "" 3 "" { 3 }
EOF
sed -e 's/0\.3333333333/1\/3/g' -e 's/EFG 2 D/EFG 2 R/' third_decimal.efg > third_exact.efg

# Gambit allows equal names; they stay labels, never identifiers.
cat > duplicate_labels.efg <<'EOF'
EFG 2 R "duplicates" { "Same" "Same" }
""
p "node" 1 1 "set" { "a" "a" } 0
p "node" 2 1 "set" { "a" "a" } 0
t "leaf" 1 "out" { 1 1 }
t "leaf" 2 "out" { 2 2 }
p "node" 2 1 "set" { "a" "a" } 0
t "leaf" 3 "out" { 3 3 }
t "leaf" 4 "out" { 0 4 }
EOF

for value in nan inf -inf 1e999; do
  case $value in
    nan) name=nan ;;
    inf) name=inf ;;
    -inf) name=minus_inf ;;
    1e999) name=huge_exponent ;;
  esac
  printf 'EFG 2 D "bad number" { "P1" "P2" }\n""\np "" 1 1 "" { "a" "b" } 0\nt "" 1 "" { 1 2 }\nt "" 2 "" { %s 0 }\n' "$value" > "$name.efg"
done

# A valid file with its last 40 bytes cut off (inside the last node lines).
size=$(wc -c < "$source_dir/instances/haiti_1994.efg")
head -c $((size - 40)) "$source_dir/instances/haiti_1994.efg" > truncated.efg

# 4 KiB from a linear congruential generator (deterministic; no /dev/urandom).
awk 'BEGIN {
  x = 12345
  for (i = 0; i < 4096; ++i) {
    x = (x * 1103515245 + 12345) % 2147483648
    printf "%c", int(x / 65536) % 256
  }
}' > garbage.bin
{ printf 'EFG 2 R "garbage follows" { "P1" }\n""\n'; cat garbage.bin; } > garbage_after_header.efg
printf 'EFG 2 R "nul\000inside" { "P1" }\n""\nt "" 1 "" { 1 }\n' > nul_in_title.efg

# Nesting beyond the pre-scan's limit of 64, far beyond (toml++ overflowed the stack).
awk 'BEGIN { printf "model = \"ncpmi-crisis\"\n["; for (i = 1; i < 50000; ++i) printf "a."; print "a]" }' > deep_header.toml
awk 'BEGIN { printf "model = \"ncpmi-crisis\"\n"; for (i = 1; i < 50000; ++i) printf "a."; print "a = 1" }' > deep_key.toml
awk 'BEGIN { printf "x = "; for (i = 0; i < 300; ++i) printf "{a = "; printf "1"; for (i = 0; i < 300; ++i) printf "}"; print "" }' > deep_inline.toml
awk 'BEGIN { printf "scenario = \"x.toml\"\n"; for (i = 1; i < 50000; ++i) printf "grid."; print "a = [1]" }' > deep_key_spec.toml
awk 'BEGIN { printf "chunk = "; for (i = 0; i < 5000; ++i) printf "["; for (i = 0; i < 5000; ++i) printf "]"; print "" }' > deep_array_spec.toml
# Devices and a FIFO under the names of inputs: read as bounded streams, refused by their first bytes.
ln -s /dev/zero zero.efg
ln -s /dev/zero zero.toml
ln -s /dev/urandom random.toml
mkfifo fifo.efg

cat > absent_minded.efg <<'EOF'
EFG 2 R "absent-minded driver" { "Driver" }
""
p "First exit" 1 1 "Exits" { "exit" "continue" } 0
t "" 1 "early" { 0 }
p "Second exit" 1 1 0
t "" 2 "late" { 4 }
t "" 3 "end" { 1 }
EOF

mkdir a_directory.efg
"$ncpmi" model haiti1994 -o unreadable.efg
chmod 000 unreadable.efg
"$ncpmi" gen --nodes 100000 --seed 3 -o big.efg
echo "hostile inputs written to $dir"
