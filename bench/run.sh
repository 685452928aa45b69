#!/bin/sh
# Builds the release preset and prints the benchmark figures quoted in docs/benchmarks.md, with the
# machine they were measured on. Extra arguments go to `ncpmi bench` (e.g. --nodes 1000000).
set -eu
cd "$(dirname "$0")/.."
./scripts/build.sh release >/dev/null
echo "date: $(date -u +%Y-%m-%d)  kernel: $(uname -r)  memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
exec build/release/tools/ncpmi bench "$@"
