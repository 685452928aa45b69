# ctest cases for `ncpmi qca` (cross-case QCA over scenario files). Included from
# tests/CMakeLists.txt, which sets NCPMI_EXE; run in the project root. The expected truth table and
# solutions are derived in tests/cross_case_qca_test.cc.

if(NOT DEFINED NCPMI_EXE)
  set(NCPMI_EXE $<TARGET_FILE:ncpmi>)
endif()
set(_qca_work ${CMAKE_CURRENT_BINARY_DIR}/cli_qca)
set(_qca_check_exit ${CMAKE_CURRENT_SOURCE_DIR}/check_exit.sh)
file(MAKE_DIRECTORY ${_qca_work})
set(_qca_cases instances/haiti-1994.toml instances/haiti-1993.toml instances/north-korea-2017.toml
  instances/iran-2015.toml instances/bosnia-1995.toml instances/libya-2011.toml instances/kosovo-1999.toml)

# The output must match `regex`; any "ncpmi: ..." line fails the test.
function(_qca_output_test name regex)
  add_test(NAME cli.qca.${name} COMMAND ${NCPMI_EXE} qca ${ARGN} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(cli.qca.${name} PROPERTIES
    PASS_REGULAR_EXPRESSION "${regex}"
    FAIL_REGULAR_EXPRESSION "(^|\n)ncpmi: ")
endfunction()

# Bad input: the exit status and one line on stderr.
function(_qca_exit_test name status regex)
  add_test(NAME cli.qca.${name}
    COMMAND sh ${_qca_check_exit} ${status} -e "${regex}" -- ${ARGN}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

_qca_output_test(crisp_text
  "Truth table [^\n]*:\n +N +C +P +M +I +OUT +n +incl +PRI +cases\n +1 +1 +1 +1 +1 +0 +4 +0.750 +0.750 +Haiti 1994; North Korea 2017-19; Iran 2015; Bosnia 1995\n +0 +1 +1 +1 +1 +1 +1 +1.000 +1.000 +Kosovo 1999\n.*complex +~N\\*C\\*P\\*M\\*I +1.000 +0.250 +0.250 +Kosovo 1999\n.*parsimonious += ~N .*intermediate += ~N\\*C\\*P\\*M\\*I.*\n +2/3 +no +2 of 7 +0 +0 +0\n"
  ${_qca_cases})
_qca_output_test(fuzzy_text
  "fuzzy sets.*Haiti 1994 +N +veto_cost \\+ consensus_cost - holdout_shield +-1 +0 +1 +6/5 +0.972 +1 +default\n.*complex += N\\*C\\*P\\*M\\*I +0.863 +0.704 .*parsimonious += N\\*C\\*M +0.804 +0.704"
  ${_qca_cases} --fuzzy)
_qca_output_test(csv_is_the_truth_table
  "^N,C,P,M,I,OUT,n,incl,PRI,cases\n1,1,1,1,1,0,4,0.750,0.750,Haiti 1994; North Korea 2017-19; Iran 2015; Bosnia 1995\n0,1,1,1,1,1,1,1,1,Kosovo 1999\n"
  ${_qca_cases} --format csv)
_qca_output_test(json
  "\"fuzzy\": false,.*\"incl_cut\": 1.0,.*\"cases\": \\[.*\"row\": \"~N\\*C\\*P\\*M\\*I\".*\"truth_table\": \\[.*\"necessity\": \\[.*\"solutions\": \\[.*\"sensitivity\": \\["
  ${_qca_cases} --format json)
_qca_output_test(markdown
  "^## Cross-case QCA\n.*### Truth table.*\n\\| N \\| C \\| P \\| M \\| I \\| OUT \\| n \\| incl \\| PRI \\| cases \\|\n"
  ${_qca_cases} --format markdown)
_qca_output_test(latex
  "\\\\caption{Sufficiency solutions}.*\\\\begin{tabular}.*\\\\bottomrule"
  ${_qca_cases} --format latex --fuzzy)
_qca_output_test(expectations_shape_the_intermediate_solution
  "intermediate += ~N "
  ${_qca_cases} --expect C=0,P=0,M=0,I=0)
_qca_output_test(some_yes_and_a_threshold_for_every_case
  "outcome: the case settles when some \\(--some yes\\) SPE reach P\\(S\\) >= tau \\(2/3\\).*Kosovo 1999 +[^\n]* 2/3 +no +3/5 +0 "
  ${_qca_cases} --some yes --threshold 2/3)
add_test(NAME cli.qca.output_file
  COMMAND sh -c "set -e; \"$0\" qca instances/haiti-1994.toml instances/kosovo-1999.toml --format csv -o \"$1/qca.csv\"; head -1 \"$1/qca.csv\" | grep -q '^N,C,P,M,I,OUT,n,incl,PRI,cases$'"
    ${NCPMI_EXE} ${_qca_work}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

_qca_exit_test(no_file_exits_2 2 "^ncpmi: instances/no-such-case.toml: cannot open"
  ${NCPMI_EXE} qca instances/haiti-1994.toml instances/no-such-case.toml)
_qca_exit_test(no_argument_exits_2 2 "^ncpmi: SCENARIO is required" ${NCPMI_EXE} qca)
_qca_exit_test(model_without_switches_exits_2 2
  "^ncpmi: <stdin>:1:9: model ultimatum lacks some of the five condition switches N C P M I; a QCA case needs all five \\(model ncpmi-crisis\\)$"
  sh -c "printf 'model = \"ultimatum\"\\n' | \"$0\" qca -" ${NCPMI_EXE})
_qca_exit_test(duplicate_case_exits_2 2
  "^ncpmi: instances/haiti-1994.toml: duplicate case 'Haiti 1994' \\(also instances/haiti-1994.toml\\)$"
  ${NCPMI_EXE} qca instances/haiti-1994.toml instances/haiti-1994.toml)
_qca_exit_test(bad_expectation_exits_2 2 "^ncpmi: --expect 'N=2': "
  ${NCPMI_EXE} qca instances/haiti-1994.toml --expect N=2)
_qca_exit_test(bad_calibration_exits_2 2
  "^ncpmi: <stdin>:3:11: calibration of C: measure 'b_c / nothing': unknown parameter 'nothing'"
  sh -c "printf 'model = \"ncpmi-crisis\"\\n[calibration.C]\\nmeasure = \"b_c / nothing\"\\n' | \"$0\" qca -" ${NCPMI_EXE})
