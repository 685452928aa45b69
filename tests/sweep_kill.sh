#!/bin/bash
# Kills `ncpmi sweep` with SIGKILL (and once with SIGINT) at random moments, resumes it each
# time, and requires the final output to be byte-identical to an uninterrupted run.
# Usage: sweep_kill.sh NCPMI SPEC WORKDIR [FORMAT]
set -u
exe=$1 spec=$2 work=$3 ext=${4:-csv}
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
"$exe" sweep "$spec" -o ref.$ext --threads 2 --progress never 2>/dev/null || { echo "reference run failed"; exit 1; }
start=$(date +%s%N)
"$exe" sweep "$spec" -o timing.$ext --threads 2 --progress never 2>/dev/null
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$span_ms" -lt 20 ] && span_ms=20
RANDOM=${SWEEP_KILL_SEED:-$$}
kills=0
resume=""
for round in 1 2 3 4 5 6; do
  "$exe" sweep "$spec" -o out.$ext --threads 2 --progress never $resume 2>/dev/null &
  pid=$!
  delay=$(( RANDOM % span_ms ))
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -0 "$pid" 2>/dev/null; then
    if [ "$round" = 3 ]; then kill -INT "$pid"; else kill -KILL "$pid"; fi
    kills=$((kills + 1))
  fi
  wait "$pid" 2>/dev/null
  resume="--resume"
  echo "round $round: after ${delay} ms; parts: $(ls out.$ext.parts 2>/dev/null | grep -c chunk) chunk file(s)"
done
"$exe" sweep "$spec" -o out.$ext --threads 2 --progress never --resume || { echo "final resume failed"; exit 1; }
if ! cmp ref.$ext out.$ext; then echo "FAIL: resumed output differs from the uninterrupted run"; exit 1; fi
[ -e out.$ext.parts ] && { echo "FAIL: parts left behind"; exit 1; }
echo "ok: $kills interruption(s), output identical ($(wc -l < ref.$ext) lines)"
