#!/bin/sh
# Installs the Debian packages the project builds and tests with. Idempotent; needs root.
# mimalloc is the executable's allocator (CMake option NCPMI_MIMALLOC): per-thread heaps for the
# many small GMP numbers of a sweep; zlib its chunk files' CRC-32. OpenMPI serves `mpirun -np N ncpmi sweep` (CMake option NCPMI_MPI, on in the release preset).
# Clang, LLVM's OpenMP runtime with its Archer tool (libomp-dev -> libomp-14-dev) and Clang's
# sanitizer and libFuzzer runtimes (libclang-rt-dev -> libclang-rt-14-dev, which ships
# libclang_rt.fuzzer for -fsanitize=fuzzer) serve the `asan`, `tsan` and `fuzz` presets that
# scripts/test.sh runs.
# The paper tooling (`ncpmi draw`/`plot`, `make -C paper` and its tests) needs Graphviz, gnuplot
# with cairo terminals and the TeX Live pieces below: latex-base (pdflatex, amsmath, geometry,
# graphicx), latex-recommended (booktabs), latex-extra (standalone), pictures (TikZ, pgfplots),
# science (siunitx, for `ncpmi table --siunitx`) and latexmk.
set -eu
packages="cmake g++ make ninja-build pkg-config \
  libboost-graph-dev libglpk-dev libgmp-dev libmimalloc-dev zlib1g-dev \
  catch2 libcli11-dev nlohmann-json3-dev libfmt-dev libtomlplusplus-dev \
  libopenmpi-dev openmpi-bin \
  graphviz gnuplot-nox latexmk texlive-latex-base texlive-latex-recommended texlive-latex-extra \
  texlive-pictures texlive-science \
  clang libomp-dev libclang-rt-dev"
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
