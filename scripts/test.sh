#!/bin/bash
# The whole test run of CI, after scripts/build.sh has built the release preset:
#   1. release: every ctest case;
#   2. asan: the asan preset (Clang, AddressSanitizer + UndefinedBehaviorSanitizer, -O1, with the
#      fuzz targets) built and every ctest case run under it except paper.build (latexmk and
#      pdflatex, not our code; the ncpmi commands it runs are covered by the cli.table cases) and
#      cli.hostile.chain_10M (cli.hostile.chain_1M_roundtrip runs the same code at a tenth of the
#      size; at 10^7 nodes ASan takes two minutes and several GiB of shadow memory for nothing new),
#      cli.sweep.kill_resume_jsonl and cli.robustness.kill_resume (they mostly wait for a process to
#      make progress before killing it, 80 s under ASan; kill_resume_csv runs the same code there,
#      and the release stage runs all three);
#   3. tsan: the tsan preset (Clang, LLVM's libomp with Archer) built for ncpmi and ncpmi_tests
#      (only its test files with threaded cases), and the ctest cases labelled `threads` run
#      (OpenMP or std::thread with >= 2 threads);
#   4. fuzz: every libFuzzer target (already built by stage 2) for FUZZ_SECONDS (default 30) on its
#      seed corpus, two at once.
# Stages run in that order; a failed stage does not stop the later ones, and the script exits 1
# if any failed. Prints each stage's wall time at the end.
set -u
cd "$(dirname "$0")/.." || exit 2
jobs=$(nproc)
fuzz_seconds=${FUZZ_SECONDS:-30}

timings=()
failed=()
stage() {
  local name=$1 start=$SECONDS status=0
  shift
  echo "=== test.sh: $name"
  # Wall time and the CPU time of its processes (on a busy machine the CPU time is the steadier).
  TIMEFORMAT="=== test.sh: $name: %0R s wall, %0U s user, %0S s sys"
  time "$@" || status=$?
  timings+=("$(printf '%-8s %5d s  %s' "$name" $((SECONDS - start)) "$([ $status -eq 0 ] && echo ok || echo "FAILED ($status)")")")
  [ $status -eq 0 ] || failed+=("$name")
}

release() { ctest --preset release; }
asan() {
  cmake --preset asan >/dev/null && cmake --build --preset asan -j "$jobs" && ctest --preset asan
}
tsan() {
  cmake --preset tsan >/dev/null && cmake --build --preset tsan -j "$jobs" && ctest --preset tsan
}
fuzz() { FUZZ_PARALLEL=$jobs ./scripts/fuzz.sh "$fuzz_seconds"; }

total_start=$SECONDS
stage release release
stage asan asan
stage tsan tsan
stage fuzz fuzz

echo "=== test.sh: stage times"
printf '%s\n' "${timings[@]}"
echo "total    $((SECONDS - total_start)) s"
if [ ${#failed[@]} -ne 0 ]; then
  echo "test.sh: failed stages: ${failed[*]}"
  exit 1
fi
