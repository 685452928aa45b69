#!/bin/sh
# Times a whole sweep as a user runs it: 1 thread, 2 threads, and 2 MPI ranks of 1 thread each
# (mpirun start-up included), ROUNDS rounds taken in turn so that a slow spell of a shared machine
# hits one round, not one kind of run; prints each run and the best of each kind in points/s.
# Then `ncpmi sweep --bench` (the solve alone, parallel efficiency, per-point overhead).
#
#   bench/sweep.sh [SPEC] [ROUNDS]     default: instances/haiti-1994-sweep.toml, 3
set -eu
cd "$(dirname "$0")/.."
spec=${1:-instances/haiti-1994-sweep.toml}
rounds=${2:-3}
./scripts/build.sh release >/dev/null
ncpmi=build/release/tools/ncpmi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "date: $(date -u '+%Y-%m-%d %H:%M')  cores: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)  spec: $spec"
mpirun=$(command -v mpirun || true)
if [ -n "$mpirun" ] && ! "$ncpmi" --version | grep -q "MPI: yes"; then mpirun=""; fi

now() { date +%s.%N; }
# run KIND COMMAND...: runs it, prints "KIND seconds", appends to $work/KIND
run() {
  kind=$1
  shift
  rm -f "$work/out.csv"
  start=$(now)
  "$@" >/dev/null 2>"$work/log" || { cat "$work/log" >&2; exit 1; }
  end=$(now)
  seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
  printf '  %-10s %.3f s   (%s)\n' "$kind" "$seconds" "$(tail -1 "$work/log" | sed 's/^.* in //')"
  echo "$seconds" >>"$work/$kind"
}

for round in $(seq "$rounds"); do
  echo "round $round"
  run "1-thread" "$ncpmi" sweep "$spec" -o "$work/out.csv" --threads 1 --progress never
  run "2-threads" "$ncpmi" sweep "$spec" -o "$work/out.csv" --threads 2 --progress never
  if [ -n "$mpirun" ]; then
    run "2-ranks" "$mpirun" --allow-run-as-root --oversubscribe -np 2 "$ncpmi" sweep "$spec" \
      -o "$work/out.csv" --threads 1 --progress never
  fi
done
points=$(($(wc -l <"$work/out.csv") - 1))  # the last run's rows
echo "best of $rounds ($points points):"
for kind in 1-thread 2-threads 2-ranks; do
  [ -f "$work/$kind" ] || { echo "  $kind: not run (this build has no MPI or mpirun is missing)"; continue; }
  best=$(sort -g "$work/$kind" | head -1)
  printf '  %-10s %.3f s  %8.0f points/s\n' "$kind" "$best" "$(awk -v p="$points" -v s="$best" 'BEGIN { print p / s }')"
done
"$ncpmi" sweep "$spec" --bench
