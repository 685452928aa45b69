# ctest cases for scenario files: `ncpmi solve SCENARIO.toml`, `ncpmi export`, `ncpmi conditions`.
#
# Included from tests/CMakeLists.txt, which sets NCPMI_EXE. Tests run in the project root so that
# paths look as a user would type them. Expected numbers are derived in tests/conditions_test.cc.

if(NOT DEFINED NCPMI_EXE)
  set(NCPMI_EXE $<TARGET_FILE:ncpmi>)
endif()
set(_scen_work ${CMAKE_CURRENT_BINARY_DIR}/cli_scenarios)
set(_scen_check_exit ${CMAKE_CURRENT_SOURCE_DIR}/check_exit.sh)
set(_scen_haiti instances/haiti-1994.toml)
file(MAKE_DIRECTORY ${_scen_work})

# The output must match `regex` (CMake regex); any "ncpmi: ..." line fails the test.
function(_scen_output_test name regex)
  add_test(NAME cli.scenario.${name} COMMAND ${NCPMI_EXE} ${ARGN} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(cli.scenario.${name} PROPERTIES
    PASS_REGULAR_EXPRESSION "${regex}"
    FAIL_REGULAR_EXPRESSION "(^|\n)ncpmi: ")
endfunction()

# A shell script (run by sh with the ncpmi path as $0 and the work directory as $1) must exit 0.
function(_scen_shell_test name script)
  add_test(NAME cli.scenario.${name} COMMAND sh -c "${script}" ${NCPMI_EXE} ${_scen_work}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

# --- solve ----------------------------------------------------------------------------------------
_scen_output_test(solve_text
  "payoffs: Coercer 447/1000, Target -181/200, Mediator 4/5, Holdout 2/5, Successor 9/20.*P\\(settlement\\) 9/10, P\\(durable settlement\\) 9/20.*SETTLEMENT:durable 9/20, SETTLEMENT:broken 9/20, WAR 1/10\nverdict: all \\(1 of 1 distinct pure SPE outcome"
  solve ${_scen_haiti} --exact)
_scen_output_test(solve_json
  "\"equilibria\": \\[.*\"p_settlement\": \"9/10\".*\"scenario\": {.*\"model\": \"ncpmi-crisis\",\n  \"p_settlement\": \"9/10\",\n  \"p_durable\": \"9/20\",\n  \"outcome_classes\": {.*\"verdict\": {\n    \"settle\": \"all\""
  solve ${_scen_haiti} --exact --format json)
_scen_output_test(solve_csv
  "^equilibrium,node,label,probability,payoff_Coercer,payoff_Target,payoff_Mediator,payoff_Holdout,payoff_Successor,expected_Coercer,expected_Target,expected_Mediator,expected_Holdout,expected_Successor,outcome_class,p_settlement,p_durable,verdict\n.*,SETTLEMENT:durable,9/10,9/20,all\n"
  solve ${_scen_haiti} --exact --format csv)
_scen_output_test(solve_double
  "P\\(settlement\\) 0.9, P\\(durable settlement\\) 0.45"
  solve ${_scen_haiti})
_scen_output_test(solve_haiti_1993_no_settlement
  "P\\(settlement\\) 0, P\\(durable settlement\\) 0.*verdict: no "
  solve instances/haiti-1993.toml --exact)

# --- export ---------------------------------------------------------------------------------------
_scen_output_test(export_stdout
  "^EFG 2 R \"Haiti 1994 -- NCPMI crisis \\(conditions on: .*\\)\" { \"Coercer\" \"Target\" \"Mediator\" \"Holdout\" \"Successor\" }\n\"Scenario: Haiti 1994\nFile: instances/haiti-1994.toml\n.*  mediated_enforcement = 1/2  # the Carter agreement"
  export ${_scen_haiti} -o -)
_scen_shell_test(export_then_solve_gives_the_same_payoffs
  "set -e; \"$0\" export instances/haiti-1994.toml -o \"$1/haiti-1994.efg\"; a=$(\"$0\" solve \"$1/haiti-1994.efg\" --exact --all | grep -A3 '^  payoffs:'); b=$(\"$0\" solve instances/haiti-1994.toml --exact --all | grep -A3 '^  payoffs:'); test -n \"$a\"; test \"$a\" = \"$b\"")

# --- conditions -----------------------------------------------------------------------------------
_scen_output_test(conditions_csv_header
  "^N,C,P,M,I,verdict,p_settlement,p_durable,p_settlement_min,p_settlement_max,equilibria,settling,complete,decided_by,settles,outcome_class,outcome_classes,path,payoff_Coercer,payoff_Target,payoff_Mediator,payoff_Holdout,payoff_Successor\n0,0,0,0,0,no,0,0,.*\n1,1,1,1,1,all,9/10,9/20,"
  conditions ${_scen_haiti} --format csv)
# The counterfactual result is called "pivotal" in every format (the JSON key too) and "necessary"
# is kept for QCA consistency, so no output says "necessary"; the truth table's letters are shown
# with the switch parameters they turn on and off. Words and keys only, not results.
_scen_output_test(conditions_text
  "condition switches \\(letter = parameter\\): N = [a-z_]+, C = [a-z_]+, P = [a-z_]+, M = [a-z_]+, I = [a-z_]+\n.*\nN C P M I \\| verdict.*\nnecessity:\n.*\npivotal in this scenario \\(switching it off alone leaves no settling equilibrium\\): [^\n]+\njointly sufficient: "
  conditions ${_scen_haiti})
_scen_output_test(conditions_json
  "\"scenario_conditions\": {.*\"condition_switches\": {\n    \"N\": \"[a-z_]+\",.*\"qca\": {.*\"necessity\": \\[.*\n  \"pivotal\": \\[.*\n  \"weakening\": "
  conditions ${_scen_haiti} --format json)
# Players are named and numbered (two players may share a name); every move gives both. Haiti 1994's
# first move is the Holdout's (player 4) vote in the Security Council.
_scen_output_test(conditions_json_numbers_players
  "\"players\": \\[\n    \"Coercer\",.*\"player_numbers\": \\[\n    1,\n    2,\n    3,\n    4,\n    5\n  \\],.*\"moves\": \\[\n        {\n          \"node\": 0,\n          \"label\": \"[^\"]+\",\n          \"player\": \"Holdout\",\n          \"player_number\": 4,"
  conditions ${_scen_haiti} --format json)
_scen_shell_test(conditions_says_pivotal_not_necessary_in_every_format
  "set -e; for f in text json csv markdown latex; do \"$0\" conditions instances/haiti-1994.toml --format $f > \"$1/words.$f\"; if grep -i necessary \"$1/words.$f\"; then echo \"$f output says necessary\"; exit 1; fi; test $f = csv || grep -q pivotal \"$1/words.$f\"; done; \"$0\" table instances/haiti-1994.toml --part summary --format csv | head -n 1 | grep -q ',settling_rows,pivotal,weakening,'")
_scen_output_test(conditions_markdown
  "\\| N \\| C \\| P \\| M \\| I \\| verdict \\| SPE \\| P\\(S\\) \\|.*\\| 1 \\| 1 \\| 1 \\| 1 \\| 1 \\| all \\| 1/1 \\| 9/10 \\| 9/20 \\|"
  conditions ${_scen_haiti} --format markdown)
_scen_output_test(conditions_latex
  "begin{tabular}.*toprule.*1 & 1 & 1 & 1 & 1 & all & 1/1 & [$].frac{9}{10}[$] & [$].frac{9}{20}[$].*bottomrule"
  conditions ${_scen_haiti} --format latex)
_scen_output_test(conditions_threshold
  "settlement: P\\(S\\) >= 19/20"
  conditions ${_scen_haiti} --threshold 0.95)
foreach(_format text json csv)
  _scen_shell_test(conditions_${_format}_identical_for_1_and_2_threads
    "set -e; \"$0\" conditions instances/north-korea-2017.toml --format ${_format} --threads 1 > \"$1/t1.${_format}\"; \"$0\" conditions instances/north-korea-2017.toml --format ${_format} --threads 2 > \"$1/t2.${_format}\"; test -s \"$1/t1.${_format}\"; cmp \"$1/t1.${_format}\" \"$1/t2.${_format}\"")
endforeach()

# --- bad input: exit 2 with one line ----------------------------------------------------------------
function(_scen_exit_test name status regex)
  add_test(NAME cli.scenario.${name}
    COMMAND sh ${_scen_check_exit} ${status} -e "${regex}" -- ${ARGN}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()
_scen_exit_test(malformed_solve_exits_2 2
  "^ncpmi: tests/malformed_scenarios/06_value_out_of_range.toml:3:5: parameter p: 3/2 is outside the valid range \\[0, 1\\]$"
  ${NCPMI_EXE} solve tests/malformed_scenarios/06_value_out_of_range.toml)
_scen_exit_test(malformed_conditions_exits_2 2
  "^ncpmi: tests/malformed_scenarios/04_unknown_parameter_close.toml:5:1: unknown parameter 'w_tt' of model ncpmi-crisis \\(did you mean 'w_t'\\?\\)$"
  ${NCPMI_EXE} conditions tests/malformed_scenarios/04_unknown_parameter_close.toml)
_scen_exit_test(malformed_export_exits_2 2
  "^ncpmi: tests/malformed_scenarios/01_toml_syntax_error.toml:3:4: "
  ${NCPMI_EXE} export tests/malformed_scenarios/01_toml_syntax_error.toml -o -)
_scen_exit_test(conditions_bad_threshold_exits_2 2
  "^ncpmi: --threshold '3/2' must be a number in \\[0, 1\\]"
  ${NCPMI_EXE} conditions ${_scen_haiti} --threshold 3/2)
_scen_exit_test(conditions_model_without_switches_exits_2 2
  "^ncpmi: <stdin>:1:9: model ultimatum has no switch for condition N"
  sh -c "printf 'model = \"ultimatum\"\\n' | \"$0\" conditions -" ${NCPMI_EXE})

# --- models NAME --template ------------------------------------------------------------------------
# Every model's template (the model names read from `ncpmi models`) is a scenario that solves; -o
# writes what standard output gets; the composite's template runs through `conditions -`.
_scen_shell_test(models_template_of_every_model_solves
  "set -e; models=$(\"$0\" models | sed -n 's/^\\([a-z0-9-]*\\): .*/\\1/p'); test -n \"$models\"; for m in $models; do \"$0\" models $m --template -o \"$1/$m.toml\"; \"$0\" models $m --template | cmp - \"$1/$m.toml\"; grep -q \"^model = \\\"$m\\\"$\" \"$1/$m.toml\"; \"$0\" solve \"$1/$m.toml\" --exact > \"$1/$m.out\"; done; \"$0\" models ncpmi-crisis --template | \"$0\" conditions - --format csv | grep -q '^1,1,1,1,1,'")
_scen_shell_test(models_template_solves_from_stdin
  "set -e; \"$0\" models mediator --template | \"$0\" solve - --exact | grep -q '^scenario: TODO: the case, place and year \\[<stdin>\\], model mediator$'")
_scen_exit_test(models_template_unknown_model_exits_2 2
  "^ncpmi: --template: unknown model 'no-such-model' \\(models: [^)]*ncpmi-crisis[^)]*\\)$"
  ${NCPMI_EXE} models no-such-model --template)
_scen_exit_test(models_template_of_a_preset_exits_2 2
  "^ncpmi: --template takes a model; 'haiti-1994' is a preset of model [a-z-]+ \\(models: [^)]*\\)$"
  ${NCPMI_EXE} models haiti-1994 --template)
_scen_exit_test(models_template_without_name_exits_2 2
  "^ncpmi: --template needs a model NAME \\(models: [^)]*\\)$"
  ${NCPMI_EXE} models --template)

# --concept sequential: a perfect-information scenario is decided exactly as with spe (every SPE is
# sequential there), and the JSON says which concept was asked for.
_scen_shell_test(conditions_concept_sequential_same_on_perfect_information
  "set -e; a=$(\"$0\" conditions instances/haiti-1994.toml); b=$(\"$0\" conditions instances/haiti-1994.toml --concept sequential); test -n \"$a\"; test \"$a\" = \"$b\"; \"$0\" conditions instances/haiti-1994.toml --concept sequential --format json | grep -q '\"concept\": \"sequential\"'")
