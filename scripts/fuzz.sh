#!/bin/bash
# Builds the `fuzz` preset (the fuzz targets of the asan build, build/asan/tests/fuzz/) and runs
# libFuzzer targets for a bounded time each.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     (default: 60 s; efg nfg game_file scenario sweep_spec)
#
# Each target starts from a working corpus build/fuzz/corpus/TARGET/, filled with its seeds (the
# test data and instances below plus tests/fuzz/corpus/TARGET/; the repository's seeds are only
# read) and kept between runs. Per target it prints executions, exec/s and corpus size; a crash,
# leak, timeout (> FUZZ_TIMEOUT s per input) or out-of-memory (> 2048 MB) is saved under
# build/fuzz/findings/TARGET/ and makes the script exit 1. Environment: FUZZ_PARALLEL targets at
# once (default 1; test.sh runs two on the two cores), FUZZ_TIMEOUT (default 10), FUZZ_BUILD=0 to
# skip the build, FUZZ_KEEP_GOING=1 to go on after a finding (libFuzzer's fork mode; for long
# local runs while a known finding is unfixed: every finding is still saved and fails the run).
set -eu
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-efg nfg game_file scenario sweep_spec}
parallel=${FUZZ_PARALLEL:-1}
timeout=${FUZZ_TIMEOUT:-10}
work=$root/build/fuzz

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$(nproc)"
fi

# The seed files of a target (globs that match nothing are dropped).
seeds() {
  shopt -s nullglob
  local files=()
  case $1 in
    efg) files=(tests/data/*.efg tests/malformed/*.efg instances/*.efg) ;;
    nfg) files=(tests/data/*.nfg tests/malformed/*.nfg) ;;
    game_file) files=(tests/data/*.efg tests/data/*.nfg tests/malformed/*.efg tests/malformed/*.nfg instances/*.efg) ;;
    scenario) files=(instances/*.toml tests/malformed_scenarios/*.toml) ;;
    sweep_spec) files=(tests/data/sweep/*.toml instances/*-sweep.toml) ;;
    *) echo "fuzz.sh: unknown target '$1' (efg nfg game_file scenario sweep_spec)" >&2; exit 2 ;;
  esac
  files+=(tests/fuzz/corpus/"$1"/*)
  printf '%s\n' "${files[@]}"
}

dict_of() {
  case $1 in
    scenario|sweep_spec) echo tests/fuzz/toml.dict ;;
    *) echo "tests/fuzz/$1.dict" ;;
  esac
}

# Runs one target; writes build/fuzz/run/TARGET/{log,summary}.
run_target() {
  local t=$1 bin=$root/build/asan/tests/fuzz/fuzz_$1 corpus=$work/corpus/$1 run=$work/run/$1
  local findings=$work/findings/$1
  mkdir -p "$corpus" "$run" "$findings"
  rm -f "$run"/crash-* "$run"/leak-* "$run"/timeout-* "$run"/oom-* "$run"/slow-unit-*
  seeds "$t" | while read -r f; do cp -n "$f" "$corpus/seed-$(basename "$f")"; done
  local before status=0
  before=$(find "$corpus" -type f | wc -l)
  local keep_going=()
  [ "${FUZZ_KEEP_GOING:-0}" = 1 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  (cd "$run" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$bin" "${keep_going[@]}" \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -dict="$root/$(dict_of "$t")" -artifact_prefix="$run/" -print_final_stats=1 \
    "$corpus" >"$run/log" 2>&1) || status=$?
  local after execs rate crashes
  after=$(find "$corpus" -type f | wc -l)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$run/log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$run/log" | tail -1)
  if [ -z "$execs" ]; then  # fork mode: "#38869: cov: ... exec/s 2193 ..." lines only
    execs=$(grep -aoE '^#[0-9]+: cov' "$run/log" | tail -1 | tr -dc 0-9)
    rate=$(grep -aoE '^#[0-9]+: cov.* exec/s [0-9]+' "$run/log" | tail -1 | sed 's/.* //')
  fi
  crashes=$(find "$run" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  if [ "$crashes" -gt 0 ] || [ "$status" -ne 0 ]; then
    cp "$run"/crash-* "$run"/leak-* "$run"/timeout-* "$run"/oom-* "$findings"/ 2>/dev/null || true
  fi
  echo "$t $seconds ${execs:-?} ${rate:-?} $before $after $crashes $status" >"$run/summary"
}

mkdir -p "$work/run"
pids=()
for t in $targets; do
  seeds "$t" >/dev/null  # unknown target names fail here, before anything runs
  run_target "$t" &
  pids+=($!)
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
done
wait

failed=0
printf '%-11s %7s %12s %8s %7s %7s %7s  %s\n' target seconds executions exec/s start end new result
for t in $targets; do
  read -r name secs execs rate before after crashes status <"$work/run/$t/summary"
  result=ok
  if [ "$crashes" -gt 0 ] || [ "$status" -ne 0 ]; then
    result="FAILED (exit $status): see $work/run/$t/log; input saved in $work/findings/$t/"
    failed=1
  fi
  printf '%-11s %7s %12s %8s %7s %7s %7s  %s\n' "$name" "$secs" "$execs" "$rate" "$before" "$after" \
    "$((after - before))" "$result"
done
if [ "$failed" -ne 0 ]; then
  for t in $targets; do
    read -r _ _ _ _ _ _ crashes status <"$work/run/$t/summary"
    if [ "$crashes" -gt 0 ] || [ "$status" -ne 0 ]; then
      echo "--- $t: end of $work/run/$t/log"
      grep -av '^#[0-9]' "$work/run/$t/log" | tail -40
    fi
  done
fi
exit "$failed"
