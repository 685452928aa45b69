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
  leftovers=$(find . -name '*.tmp*' | head -5)
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

  chunk-devices)
    # On --resume, chunk files that are devices, a FIFO or garbage are read as bounded streams,
    # refused by their first bytes and computed again: the output is the uninterrupted run's.
    spec=$1
    "$exe" sweep "$spec" -o ref.csv --progress never 2>/dev/null || fail "reference run failed"
    "$exe" sweep "$spec" -o out.csv --chunk 7 --progress never --time-limit 1e-9 2>/dev/null
    [ -d out.csv.parts ] || fail "no out.csv.parts after the time limit"
    ln -s /dev/zero out.csv.parts/chunk-00000000
    ln -s /dev/urandom out.csv.parts/chunk-00000001
    mkfifo out.csv.parts/chunk-00000002
    head -c 100000 /dev/zero | tr '\000' x > out.csv.parts/chunk-00000003
    "$exe" sweep "$spec" -o out.csv --chunk 7 --progress never --resume --max-memory 64M 2> err ||
      fail "resume over device chunks failed: $(cat err)"
    cmp -s ref.csv out.csv || fail "the output differs from the uninterrupted run"
    [ ! -e out.csv.parts ] || fail "parts left behind"
    # A manifest that is a device is no manifest: with chunks present, the directory is refused.
    "$exe" sweep "$spec" -o out2.csv --chunk 7 --progress never --time-limit 1e-9 2>/dev/null
    rm out2.csv.parts/manifest && ln -s /dev/zero out2.csv.parts/manifest && ln -s /dev/zero out2.csv.parts/chunk-00000000
    "$exe" sweep "$spec" -o out2.csv --chunk 7 --progress never --resume 2> err
    [ $? -eq 2 ] || fail "a /dev/zero manifest: exit status not 2"
    grep -Eq '^ncpmi: out2\.csv\.parts: holds parts of a different sweep \(no valid manifest; ' err || fail "stderr: $(cat err)"
    ;;

  sweep-output)
    # The output is checked before any point is computed: a directory, a missing or unwritable
    # directory, parts of another sweep. Exit 2, one line, nothing created.
    small=$1 big=$2
    mkdir adir.csv
    "$exe" sweep "$big" -o adir.csv --progress never 2> err
    [ $? -eq 2 ] || fail "output a directory: exit status not 2"
    grep -Eq '^ncpmi: adir\.csv: cannot write: it is a directory$' err || fail "stderr: $(cat err)"
    [ ! -e adir.csv.parts ] || fail "adir.csv.parts created"
    "$exe" sweep "$big" -o missing/out.csv --progress never 2> err
    [ $? -eq 2 ] || fail "output in a missing directory: exit status not 2"
    grep -Eq '^ncpmi: missing/out\.csv: cannot write: No such file or directory$' err || fail "stderr: $(cat err)"
    mkdir readonly && chmod 555 readonly && chmod 755 .
    # As root a read-only directory is writable: run as nobody then (as for the unreadable file).
    if [ "$(id -u)" = 0 ]; then as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"; else as_nobody=; fi
    # A checkout under a private directory (mktemp -d, mode 0700) keeps nobody from the spec or the
    # executable: the read-only case is then not testable here, and says so.
    if $as_nobody test -r "$big" && $as_nobody test -x "$exe"; then
      $as_nobody "$exe" sweep "$big" -o readonly/out.csv --progress never 2> err
      [ $? -eq 2 ] || fail "output in a read-only directory: exit status not 2: $(cat err)"
      grep -Eq '^ncpmi: readonly/out\.csv: cannot write: Permission denied$' err || fail "stderr: $(cat err)"
      [ -z "$(ls readonly)" ] || fail "something was written into the read-only directory"
    else
      echo "note: read-only directory case skipped: user nobody cannot reach $big or $exe"
    fi
    "$exe" sweep "$small" -o out.csv --progress never --time-limit 1e-9 2>/dev/null
    [ -d out.csv.parts ] || fail "no out.csv.parts after the time limit"
    "$exe" sweep "$big" -o out.csv --progress never --resume 2> err
    [ $? -eq 2 ] || fail "parts of another sweep: exit status not 2"
    grep -Eq '^ncpmi: out\.csv\.parts: holds parts of a different sweep' err || fail "stderr: $(cat err)"
    [ -z "$(find out.csv.parts -name 'chunk-*')" ] || fail "chunks computed into another sweep's parts"
    # A chunk that cannot be written (a file-size limit: EFBIG, as a full disk gives ENOSPC) names
    # the reason; no temporary is left.
    ( trap '' XFSZ; ulimit -f 2; exec "$exe" sweep "$big" -o full.csv --chunk 50 --progress never ) 2> err
    [ $? -eq 1 ] || fail "a failed chunk write: exit status not 1"
    grep -Eq '^ncpmi: full\.csv\.parts/chunk-[0-9]+\.tmp[0-9]+: error writing the file: File too large$' err ||
      fail "stderr: $(cat err)"
    no_temporaries
    ;;

  sweep-signals)
    # SIGTERM and SIGHUP, alternately, at moments drawn from a seeded generator (printed on a
    # failure): the sweep stops with no temporary left (a chunk being written is completed), and
    # --resume finishes it byte-identical to an uninterrupted run.
    spec=$1 seed=$2 rounds=$3
    "$exe" sweep "$spec" -o ref.csv --threads 2 --progress never 2>/dev/null || fail "reference run failed"
    x=$seed
    round=0
    while [ "$round" -lt "$rounds" ]; do
      x=$(( (x * 1103515245 + 12345) % 2147483648 ))
      delay_ms=$(( x / 65536 % 1500 + 10 ))
      if [ $((round % 2)) -eq 0 ]; then signal=TERM; else signal=HUP; fi
      if [ -d out.csv.parts ]; then resume=--resume; else resume=; fi
      "$exe" sweep "$spec" -o out.csv --threads 2 --chunk 5 --progress never $resume 2>/dev/null &
      pid=$!
      sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
      kill -"$signal" "$pid" 2>/dev/null
      wait "$pid"
      leftovers=$(find . -name '*.tmp*' | head -5)
      [ -z "$leftovers" ] || fail "SIG$signal after ${delay_ms} ms (seed $seed, round $round): temporaries left: $leftovers"
      round=$((round + 1))
      [ -e out.csv ] && [ ! -d out.csv.parts ] && rm out.csv  # finished before the signal: again
    done
    if [ -d out.csv.parts ]; then resume=--resume; else resume=; fi
    "$exe" sweep "$spec" -o out.csv --threads 2 --chunk 5 --progress never $resume 2> err || fail "the final run failed: $(cat err)"
    cmp -s ref.csv out.csv || fail "the resumed output differs from the uninterrupted run (seed $seed)"
    no_temporaries
    ;;

  planted-links)
    # A symbolic link another user planted in a shared (sticky, world-writable) directory is not
    # written through; the benchmark's scratch directory is private (mkdtemp), so links planted
    # at the old predictable names $TMPDIR/ncpmi-sweep-bench-PID are never used.
    game=$1 spec=$2
    mkdir shared victim tmp
    chmod 1777 shared
    printf 'precious\n' > victim/file.efg
    ln -s ../victim/file.efg shared/out.efg
    if [ "$(id -u)" = 0 ]; then
      chown -h 65534:65534 shared/out.efg
      "$exe" convert "$game" shared/out.efg 2> err
      [ $? -eq 2 ] || fail "a planted link: exit status not 2"
      grep -Eq '^ncpmi: shared/out\.efg: cannot write: it is a symbolic link owned by another user \(uid 65534\) in a shared directory$' err ||
        fail "stderr: $(cat err)"
      [ "$(cat victim/file.efg)" = precious ] || fail "the planted link was written through"
    fi
    last=$(cat /proc/sys/kernel/ns_last_pid 2>/dev/null || echo $$)
    i=1
    while [ "$i" -le 200 ]; do
      ln -s ../victim "tmp/ncpmi-sweep-bench-$((last + i))"
      i=$((i + 1))
    done
    TMPDIR=$PWD/tmp "$exe" sweep "$spec" --bench --bench-points 20 --bench-repeats 1 > bench.out 2> err ||
      fail "the benchmark failed: $(cat err)"
    [ "$(ls victim)" = file.efg ] || fail "the benchmark wrote through a planted link: $(ls victim)"
    [ "$(ls tmp | wc -l)" -eq 200 ] || fail "the benchmark left its scratch directory: $(ls tmp | grep -v '[0-9]$')"
    grep -Eq 'CSV to .*/tmp/ncpmi-sweep-bench-[A-Za-z0-9]{6}$' bench.out || fail "scratch: $(head -1 bench.out)"
    ;;

  *)
    echo "unknown case $case_name"
    exit 64
    ;;
esac
echo "ok: $case_name"
