#!/bin/sh
# The composite checks of tests/cli_hostile.cmake: each case runs `ncpmi` a few times and checks
# files and exit statuses; prints "ok: CASE" on success, the reason and exit 1 otherwise.
# Usage: hostile_checks.sh CASE NCPMI WORKDIR [ARG...]
set -u
case_name=$1 exe=$2 work=$3
shift 3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail() {
  echo "FAIL ($case_name): $*"
  exit 1
}
no_temporaries() {
  leftovers=$(find . -name '*.tmp' | head -5)
  [ -z "$leftovers" ] || fail "temporary files left behind: $leftovers"
}

case $case_name in
  chain)
    # A chain of $1 decision nodes: generated and written, loaded and solved, the answer verified.
    n=$1
    "$exe" gen --nodes "$n" --shape chain -o chain.efg || fail "gen failed"
    "$exe" solve chain.efg --threads 2 > chain.out || fail "solve failed"
    grep -q "^certificate: verified" chain.out || fail "no verified certificate"
    grep -q "^players: 1 Player 1, 2 Player 2" chain.out || fail "unexpected output"
    if [ "${2:-}" = roundtrip ]; then
      "$exe" convert chain.efg again.efg || fail "convert failed"
      cmp -s chain.efg again.efg || fail "write -> read -> write is not byte-identical"
    fi
    rm -f chain.efg again.efg chain.out
    ;;

  write-fails)
    # A write that fails half-way (file size limit: the write returns EFBIG) leaves the previous
    # file as it was and no temporary; the command exits 1 with one line.
    printf 'previous contents\n' > out.efg
    ( trap '' XFSZ; ulimit -f 64; exec "$exe" gen --nodes 100000 -o out.efg ) 2> err
    status=$?
    [ "$status" -eq 1 ] || fail "exit status $status, expected 1"
    grep -Eq '^ncpmi: out\.efg: error writing the file: File too large$' err || fail "stderr: $(cat err)"
    [ "$(cat out.efg)" = "previous contents" ] || fail "the previous file was changed"
    no_temporaries
    # The same without a previous file: nothing is created.
    rm -f out.efg
    ( trap '' XFSZ; ulimit -f 64; exec "$exe" convert "$1" new.efg ) 2> err
    [ $? -eq 0 ] || fail "a small convert under the size limit failed: $(cat err)"
    ( trap '' XFSZ; ulimit -f 64; exec "$exe" gen --nodes 100000 -o out.efg ) 2> err
    [ ! -e out.efg ] || fail "a failed write created out.efg"
    no_temporaries
    ;;

  bad-destination)
    # Output into a directory, or into one that does not exist: exit 2, nothing created.
    mkdir adir
    "$exe" gen --nodes 10 -o adir 2> err
    [ $? -eq 2 ] || fail "gen -o DIRECTORY: exit status not 2"
    grep -Eq '^ncpmi: adir: cannot write: it is a directory$' err || fail "stderr: $(cat err)"
    "$exe" convert "$1" missing/sub/out.efg 2> err
    [ $? -eq 2 ] || fail "convert into a missing directory: exit status not 2"
    grep -Eq '^ncpmi: missing/sub/out\.efg: cannot write: No such file or directory$' err || fail "stderr: $(cat err)"
    # A device is written in place (nothing to rename): /dev/null stays a device.
    "$exe" convert "$1" /dev/null --to efg || fail "convert to /dev/null failed"
    [ -c /dev/null ] || fail "/dev/null is no longer a character device"
    # A symbolic link keeps pointing at the file, which is replaced.
    printf 'old\n' > target.efg
    ln -s target.efg link.efg
    "$exe" convert "$1" link.efg || fail "convert through a symbolic link failed"
    [ -L link.efg ] || fail "the symbolic link was replaced by a file"
    "$exe" convert "$1" - > expected.efg || fail "convert to standard output failed"
    cmp -s target.efg expected.efg || fail "the link's target was not written"
    no_temporaries
    ;;

  interrupted-write)
    # SIGTERM while the output is being written: the handler removes the temporary, the target is
    # never created. SIGKILL cannot be caught: its temporary stays, named *.tmp, and the target is
    # still absent (never a truncated file under the final name).
    for signal in TERM KILL; do
      rm -f out.efg ./*.tmp
      "$exe" gen --nodes 1500000 -o out.efg 2>/dev/null &
      pid=$!
      waited=0
      while [ -z "$(find . -name 'out.efg.*.tmp' | head -1)" ]; do
        kill -0 "$pid" 2>/dev/null || fail "gen ended before writing began"
        sleep 0.05
        waited=$((waited + 1))
        [ "$waited" -lt 1200 ] || fail "no temporary file appeared"
      done
      kill -"$signal" "$pid"
      wait "$pid" 2>/dev/null
      [ ! -e out.efg ] || fail "SIG$signal during the write left out.efg"
      if [ "$signal" = TERM ]; then no_temporaries; fi
    done
    rm -f ./*.tmp
    ;;

  conditions-time-limit)
    # The limit runs out before the 32 combinations are done: one line, exit 1, no table at all.
    "$exe" conditions "$1" --time-limit 1e-9 > out 2> err
    status=$?
    [ "$status" -eq 1 ] || fail "exit status $status, expected 1"
    [ ! -s out ] || fail "a table was printed: $(head -3 out)"
    [ "$(wc -l < err)" -eq 1 ] || fail "stderr is not one line: $(cat err)"
    grep -Eq '^ncpmi: time limit reached after [0-9]+ of 32 combinations \(--time-limit 1e-09\)$' err ||
      fail "stderr: $(cat err)"
    # A generous limit changes nothing.
    "$exe" conditions "$1" --format csv > full.csv || fail "conditions failed"
    "$exe" conditions "$1" --format csv --time-limit 600 > limited.csv || fail "conditions with a limit failed"
    cmp -s full.csv limited.csv || fail "a time limit that is not reached changed the output"
    ;;

  sweep-time-limit)
    # The limit stops the sweep like SIGINT: exit 1, one line with the points done, finished
    # chunks kept; --resume completes it, byte-identical to a run without a limit.
    spec=$1
    "$exe" sweep "$spec" -o ref.csv --threads 2 --progress never 2>/dev/null || fail "reference run failed"
    "$exe" sweep "$spec" -o out.csv --threads 1 --chunk 50 --progress never --time-limit 1e-9 2> err
    status=$?
    [ "$status" -eq 1 ] || fail "exit status $status, expected 1"
    grep -Eq '^ncpmi: time limit reached: 0 of [0-9]+ points done; rerun with --resume to continue$' err ||
      fail "stderr: $(cat err)"
    [ ! -e out.csv ] || fail "out.csv written although the sweep stopped"
    [ -d out.csv.parts ] || fail "no resumable state (out.csv.parts)"
    # A limit that may stop it part-way (exit 1) or not at all (exit 0) on this machine.
    "$exe" sweep "$spec" -o out.csv --threads 1 --chunk 50 --progress never --resume --time-limit 0.1 2> err
    status=$?
    if [ "$status" -eq 1 ]; then
      grep -Eq '^ncpmi: time limit reached: [0-9]+ of [0-9]+ points done; rerun with --resume to continue$' err ||
        fail "stderr: $(cat err)"
      "$exe" sweep "$spec" -o out.csv --threads 2 --chunk 50 --progress never --resume 2>/dev/null || fail "resume failed"
    elif [ "$status" -ne 0 ]; then
      fail "exit status $status: $(cat err)"
    fi
    cmp -s ref.csv out.csv || fail "the resumed output differs from the uninterrupted run"
    [ ! -e out.csv.parts ] || fail "parts left behind"
    ;;

  *)
    echo "unknown case $case_name"
    exit 64
    ;;
esac
echo "ok: $case_name"
