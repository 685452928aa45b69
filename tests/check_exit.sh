#!/bin/sh
# Runs a command and checks its exit status and, optionally, that stderr is one line matching a regex.
#
# Usage: check_exit.sh STATUS [-e ERE] -- COMMAND [ARG...]
#   STATUS  the exit status the command must return
#   -e ERE  stderr must be exactly one newline-terminated line matching the extended regex ERE
#           (grep -E; anchor it with ^ and $ to match the whole line)
# Exits 0 when every check passes, 1 when one fails (after printing what the command did),
# 64 on bad usage. ctest cannot check an exit status other than 0 by itself, hence this script.

usage() {
  echo "usage: check_exit.sh STATUS [-e ERE] -- COMMAND [ARG...]" >&2
  exit 64
}

[ $# -ge 3 ] || usage
expected=$1
shift
case $expected in
  '' | *[!0-9]*) usage ;;
esac
regex=
check_stderr=no
if [ "$1" = "-e" ]; then
  [ $# -ge 2 ] || usage
  regex=$2
  check_stderr=yes
  shift 2
fi
if [ $# -lt 2 ] || [ "$1" != "--" ]; then
  usage
fi
shift

dir=$(mktemp -d "${TMPDIR:-/tmp}/check_exit.XXXXXX") || exit 70
trap 'rm -rf "$dir"' EXIT
trap 'exit 130' INT TERM

"$@" >"$dir/out" 2>"$dir/err"
status=$?

failed=no
fail() {
  echo "check_exit: $*"
  failed=yes
}

if [ "$status" -ne "$expected" ]; then
  fail "expected exit status $expected, got $status"
fi
if [ "$check_stderr" = yes ]; then
  # wc -l counts newlines and awk counts lines, so both are 1 only for one terminated line.
  newlines=$(wc -l <"$dir/err" | tr -d ' ')
  lines=$(awk 'END { print NR }' "$dir/err")
  if [ "$newlines" -ne 1 ] || [ "$lines" -ne 1 ]; then
    fail "expected exactly one line on stderr, got $lines line(s) ($newlines newline(s))"
  elif ! grep -Eq -- "$regex" "$dir/err"; then
    fail "stderr does not match the regex: $regex"
  fi
fi

if [ "$failed" = yes ]; then
  echo "command:"
  printf '  %s\n' "$@"
  echo "stderr:"
  cat "$dir/err"
  echo "stdout (first 20 lines):"
  head -n 20 "$dir/out"
  exit 1
fi
exit 0
