# ctest cases for the paper tooling: `ncpmi draw` output rendered by Graphviz and compiled by
# pdflatex, `ncpmi table` on a scenario against `ncpmi conditions` JSON, `ncpmi plot` through
# gnuplot and pgfplots, and the whole paper built by `make -C paper` in a copy under the build
# directory, with its generated tables checked against the solver's values.
#
# Included from tests/CMakeLists.txt, which sets NCPMI_EXE. A test whose external tool (dot,
# pdflatex, gnuplot, latexmk) is missing prints why and is reported as skipped (exit code 77);
# scripts/install-deps.sh installs them all.

if(NOT DEFINED NCPMI_EXE)
  set(NCPMI_EXE $<TARGET_FILE:ncpmi>)
endif()
set(_paper_work ${CMAKE_CURRENT_BINARY_DIR}/cli_paper)
file(MAKE_DIRECTORY ${_paper_work})

# A shell script run by sh in the project root with the ncpmi path as $0 and a fresh work
# directory as $1; exit 0 passes, 77 skips.
function(_paper_test name script)
  add_test(NAME ${name} COMMAND sh -c "rm -rf \"$1\" && mkdir -p \"$1\" && ${script}" ${NCPMI_EXE}
    ${_paper_work}/${name} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77)
endfunction()

set(_need_dot "command -v dot >/dev/null || { echo 'skipped: Graphviz (dot) is not installed; run scripts/install-deps.sh'; exit 77; }")
set(_need_latex "command -v pdflatex >/dev/null || { echo 'skipped: pdflatex is not installed; run scripts/install-deps.sh'; exit 77; }")
set(_need_gnuplot "command -v gnuplot >/dev/null || { echo 'skipped: gnuplot is not installed; run scripts/install-deps.sh'; exit 77; }")
set(_need_latexmk "command -v latexmk >/dev/null || { echo 'skipped: latexmk is not installed; run scripts/install-deps.sh'; exit 77; }")

# --- draw ---------------------------------------------------------------------------------------
_paper_test(cli.draw.dot_renders_svg "${_need_dot}
  set -e
  \"$0\" draw instances/haiti_1994.efg --format dot -o \"$1/haiti.dot\"
  \"$0\" draw instances/haiti-1994.toml --format dot --path-only -o \"$1/crisis.dot\"
  \"$0\" draw tests/data/simultaneous_toll.efg --format dot -o \"$1/toll.dot\"
  for f in haiti crisis toll; do dot -Tsvg \"$1/$f.dot\" -o \"$1/$f.svg\" 2>\"$1/$f.err\"; test ! -s \"$1/$f.err\" || { cat \"$1/$f.err\"; exit 1; }; grep -q '<svg' \"$1/$f.svg\"; done
  grep -q 'class=\"edge path\"' \"$1/haiti.svg\"")
_paper_test(cli.draw.tikz_compiles "${_need_latex}
  set -e
  \"$0\" draw instances/haiti_1994.efg --format tikz -o \"$1/haiti.tex\"
  \"$0\" draw instances/haiti-1994.toml --format tikz --depth 4 -o \"$1/crisis.tex\"
  \"$0\" draw tests/data/simultaneous_toll.efg --format tikz -o \"$1/toll.tex\"
  \"$0\" draw tests/data/beer_quiche.efg --format tikz --concept sequential -o \"$1/beliefs.tex\"
  cd \"$1\"
  for f in haiti crisis toll beliefs; do pdflatex -interaction=nonstopmode -halt-on-error $f.tex >$f.out 2>&1 || { tail -30 $f.out; exit 1; }; test -s $f.pdf; done")
# Beer-quiche's sequential equilibrium pools; on the path the receiver believes the prior, 9/10
# Strong after Beer (the pooling on Quiche instead would put 9/10 on Strong-Quiche); off the path
# the belief that supports the duel. Beliefs appear only at nodes of shared information sets.
add_test(NAME cli.draw.sequential_shows_beliefs COMMAND sh -c
  "\"$0\" draw tests/data/beer_quiche.efg --concept sequential > \"$1/beliefs.dot\" && grep -q 'tooltip=\"Strong\"' \"$1/beliefs.dot\" && ! grep 'label=\"Sender\\\\n\\[' \"$1/beliefs.dot\" && grep -Eq 'label=\"Receiver\\\\n\\[9/10\\]\", tooltip=\"Strong-(Beer|Quiche)\"' \"$1/beliefs.dot\" && grep -Eq 'label=\"Receiver\\\\n\\[1/10\\]\", tooltip=\"Weak-(Beer|Quiche)\"' \"$1/beliefs.dot\" && \"$0\" draw tests/data/beer_quiche.efg > \"$1/spe.dot\" && ! grep -q '\\[9/10\\]' \"$1/spe.dot\""
  ${NCPMI_EXE} ${CMAKE_CURRENT_BINARY_DIR}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
add_test(NAME cli.draw.path_only_needs_solve
  COMMAND ${NCPMI_EXE} draw instances/haiti_1994.efg --no-solve --path-only WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.draw.path_only_needs_solve PROPERTIES WILL_FAIL TRUE)

# --- table --------------------------------------------------------------------------------------
_paper_test(cli.table.scenario_equals_conditions_json "
  set -e
  \"$0\" table instances/haiti-1994.toml --format csv -o \"$1/direct.csv\"
  \"$0\" conditions instances/haiti-1994.toml --format json > \"$1/c.json\"
  \"$0\" table \"$1/c.json\" --format csv -o \"$1/json.csv\"
  cmp \"$1/direct.csv\" \"$1/json.csv\"
  \"$0\" table instances/haiti-1994.toml --part summary --format csv | grep -q '^Haiti 1994,N\\*C\\*P\\*M\\*I,'")
_paper_test(cli.table.solve_json_and_csv "
  set -e
  \"$0\" solve instances/haiti_1994.efg --exact --format json > \"$1/s.json\"
  \"$0\" table \"$1/s.json\" --format markdown | grep -qF 'AcceptAccord | 15/2 | 13/4 | 9 | 19/4 |'
  \"$0\" table \"$1/s.json\" --part terminals --format csv --columns label,probability | grep -q '^SETTLEMENT:durable,3/4$'
  printf 'x,p_settlement\\n0.5,1/3\\n0.25,2/3\\n' > \"$1/sweep.csv\"
  \"$0\" table \"$1/sweep.csv\" --format latex --fractions decimal --precision 3 --sort x | grep -q '^0.250 & 0.667 '")
_paper_test(cli.table.latex_compiles "${_need_latex}
  set -e
  \"$0\" table instances/north-korea-2017.toml --format latex --caption 'NK_2017 & truth table' --label tab:nk --columns N,C,P,M,I,verdict,p_settlement,p_durable,outcome_class -o \"$1/t.tex\"
  \"$0\" table instances/north-korea-2017.toml --format latex --headers pretty --rename 'verdict=SPE \\emph{verdict}' --columns N,verdict,p_settlement,p_settlement_min,payoff_Coercer -o \"$1/p.tex\"
  grep -qF 'N & SPE \\emph{verdict} & \$P(\\mathrm{settlement})\$ & \$\\min P(\\mathrm{settlement})\$ & Payoff Coercer' \"$1/p.tex\"
  cd \"$1\"
  printf '\\\\documentclass{article}\\\\usepackage{booktabs}\\\\begin{document}\\\\input{t.tex}\\\\input{p.tex}\\\\end{document}\\n' > doc.tex
  pdflatex -interaction=nonstopmode -halt-on-error doc.tex > doc.out 2>&1 || { tail -30 doc.out; exit 1; }")

# --- plot ---------------------------------------------------------------------------------------
_paper_test(cli.plot.gnuplot_pdf_png "${_need_gnuplot}
  set -e
  printf 'e,rho,p_settlement\\n0,0,0\\n1,0,1/2\\n0,1,0\\n1,1,9/10\\n' > \"$1/g.csv\"
  \"$0\" plot \"$1/g.csv\" --x e --y rho -o \"$1/phase.pdf\" --script \"$1/phase.gp\"
  \"$0\" plot \"$1/g.csv\" --x e --group rho -o \"$1/curve.png\"
  head -c 4 \"$1/phase.pdf\" | grep -q '%PDF'
  test -s \"$1/curve.png\"
  grep -q \"set xlabel 'e'\" \"$1/phase.gp\"")
_paper_test(cli.plot.pgfplots_compiles "${_need_latex}
  set -e
  printf 'e,rho,p_settlement\\n0,0,0\\n1,0,1/2\\n0,1,0\\n1,1,9/10\\n' > \"$1/g.csv\"
  \"$0\" plot \"$1/g.csv\" --x e --y rho -o \"$1/phase.tex\"
  \"$0\" plot \"$1/g.csv\" --x e --group rho -o \"$1/curve.tex\"
  cd \"$1\"
  for f in phase curve; do pdflatex -interaction=nonstopmode -halt-on-error $f.tex >$f.out 2>&1 || { tail -30 $f.out; exit 1; }; test -s $f.pdf; done")

# --- the paper ----------------------------------------------------------------------------------
# Built in a copy (paper.tex, Makefile, scripts/) so the source tree stays clean; ROOT points at
# the sources for instances/. Then the generated truth tables must hold the P(S) and P(durable)
# `ncpmi conditions` prints for the all-present row, and the macros the minimised solution.
_paper_test(paper.build "${_need_latexmk}
  set -e
  root=\"$(pwd)\"
  mkdir -p \"$1/paper\" && cp -R paper/Makefile paper/paper.tex paper/scripts \"$1/paper/\"
  make -C \"$1/paper\" ROOT=\"$root\" NCPMI=\"$0\" > \"$1/make.log\" 2>&1 || { tail -40 \"$1/make.log\"; exit 1; }
  test -s \"$1/paper/paper.pdf\"
  sh paper/scripts/check-tables.sh \"$0\" \"$root\" \"$1/paper/gen\"")
set_tests_properties(paper.build PROPERTIES TIMEOUT 900)
