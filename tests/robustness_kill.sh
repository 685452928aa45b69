#!/bin/bash
# Kills `ncpmi robustness` with SIGKILL at random moments, resumes it each time, and requires the
# final report to be byte-identical to an uninterrupted run (and no parts left behind).
# Usage: robustness_kill.sh NCPMI SCENARIO WORKDIR [ARGS...]
set -u
exe=$1 scenario=$2 work=$3
shift 3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
"$exe" robustness "$scenario" "$@" --threads 2 -o ref.txt || { echo "reference run failed"; exit 1; }
start=$(date +%s%N)
"$exe" robustness "$scenario" "$@" --threads 2 -o timing.txt
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$span_ms" -lt 20 ] && span_ms=20
RANDOM=${ROBUSTNESS_KILL_SEED:-$$}
kills=0
resume=""
for round in 1 2 3 4 5; do
  "$exe" robustness "$scenario" "$@" --threads 2 -o out.txt $resume &
  pid=$!
  delay=$(( RANDOM % span_ms ))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"
    kills=$((kills + 1))
  fi
  wait "$pid" 2>/dev/null
  resume="--resume"
  echo "round $round: after ${delay} ms; parts: $(ls out.txt.parts 2>/dev/null | grep -c chunk) chunk file(s)"
done
"$exe" robustness "$scenario" "$@" --threads 2 -o out.txt --resume || { echo "final resume failed"; exit 1; }
if ! cmp ref.txt out.txt; then echo "FAIL: resumed report differs from the uninterrupted run"; exit 1; fi
[ -e out.txt.parts ] && { echo "FAIL: parts left behind"; exit 1; }
echo "ok: $kills interruption(s), report identical ($(wc -l < ref.txt) lines)"
