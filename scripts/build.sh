#!/bin/sh
# Configures and builds one preset (default: release) with both cores.
set -eu
preset=${1:-release}
cd "$(dirname "$0")/.."
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
