#!/bin/sh
# Installs the Debian packages the project builds and tests with. Idempotent; needs root.
# `install-deps.sh tsan` adds Clang and LLVM's OpenMP runtime for the ThreadSanitizer preset.
set -eu
packages="cmake g++ make ninja-build pkg-config \
  libboost-graph-dev libglpk-dev libgmp-dev \
  catch2 libcli11-dev nlohmann-json3-dev libfmt-dev libtomlplusplus-dev"
if [ "${1:-}" = tsan ]; then
  packages="$packages clang libomp-dev libclang-rt-dev"
fi
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $missing
fi
