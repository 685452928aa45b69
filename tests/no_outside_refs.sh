#!/bin/sh
# Fails if a tracked file of the repository refers to a file outside it: anything under
# `../shared` or the design brief `domain.md` that the project started from. The models are
# documented in docs/models.md; cite that instead.
#
# Usage: no_outside_refs.sh SOURCE_DIR
# Searches every file git tracks (text and binary) except the fuzz corpus under tests/fuzz/corpus
# (generated inputs, not prose) and this script. Exits 0 when no file matches, 1 listing the
# matches, 77 (skipped) when SOURCE_DIR is not a git work tree, 64 on bad usage.

[ $# -eq 1 ] || { echo "usage: no_outside_refs.sh SOURCE_DIR" >&2; exit 64; }
cd "$1" || exit 64
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "skipped: $1 is not a git work tree"
  exit 77
fi
matches=$(git grep -n -F -e '../shared' -e 'domain.md' -- . \
  ':(exclude)tests/fuzz/corpus' ':(exclude)tests/no_outside_refs.sh')
status=$?
case $status in
  0)
    echo "$matches"
    echo "FAILED: the files above refer to a file outside the repository (cite docs/models.md instead)"
    exit 1
    ;;
  1)
    echo "no tracked file refers to a file outside the repository"
    exit 0
    ;;
  *)
    echo "git grep failed with status $status"
    exit 1
    ;;
esac
