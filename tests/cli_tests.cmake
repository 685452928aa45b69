# ctest cases that run the `ncpmi` CLI on the bundled instance and test games: output, exit status.
#
# Included from tests/CMakeLists.txt, which sets NCPMI_EXE. Tests run in the project root so that
# relative paths look as a user would type them. Expected numbers are the hand derivations written
# in each data file's comment (see tests/backward_induction_test.cc for the same answers in C++).

set(_cli_data ${CMAKE_CURRENT_SOURCE_DIR}/data)
set(_cli_haiti instances/haiti_1994.efg)
set(_cli_work ${CMAKE_CURRENT_BINARY_DIR}/cli)
set(_cli_check_exit ${CMAKE_CURRENT_SOURCE_DIR}/check_exit.sh)
file(MAKE_DIRECTORY ${_cli_work})

# Output test: the command's output must match `regex` (CMake regex, '.' also matches newlines).
# PASS_REGULAR_EXPRESSION makes ctest ignore the exit status, so a test also fails on the
# "ncpmi: ..." line that every error path of main() prints. Regexes must not contain ';'.
function(ncpmi_cli_output_test name regex)
  add_test(NAME cli.${name} COMMAND ${NCPMI_EXE} ${ARGN} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(cli.${name} PROPERTIES
    PASS_REGULAR_EXPRESSION "${regex}"
    FAIL_REGULAR_EXPRESSION "(^|\n)ncpmi: ")
endfunction()

# Exit-status test: the command must exit with `status` and print one stderr line matching the
# extended regex `stderr_regex` (checked by check_exit.sh; without it, only "non-zero" is checked).
function(ncpmi_cli_exit_test name status stderr_regex)
  if(EXISTS ${_cli_check_exit})
    add_test(NAME cli.${name}
      COMMAND sh ${_cli_check_exit} ${status} -e "${stderr_regex}" -- ${NCPMI_EXE} ${ARGN}
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  else()
    add_test(NAME cli.${name} COMMAND ${NCPMI_EXE} ${ARGN} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(cli.${name} PROPERTIES WILL_FAIL TRUE)
  endif()
endfunction()

# --- version and help -------------------------------------------------------------------------
ncpmi_cli_output_test(version "^ncpmi ${PROJECT_VERSION} \\(allocator: [^;)]+; MPI: (yes|no)\\)\n$" --version)
ncpmi_cli_output_test(help
  "Usage:.*Subcommands:.*solve .*gen .*convert .*info .*model .*bench " --help)
ncpmi_cli_output_test(help_solve
  "Usage: .* solve .*FILE.*--exact.*--ties.*--all.*--max-equilibria.*--threads.*--format"
  solve --help)
ncpmi_cli_output_test(help_gen
  "Usage: .* gen .*--nodes.*--shape.*--players.*--branching.*--chance.*--seed.*--output" gen --help)
ncpmi_cli_output_test(help_convert "Usage: .* convert .*IN.*OUT.*--decimal" convert --help)
ncpmi_cli_output_test(help_info "Usage: .* info .*FILE.*--json" info --help)
ncpmi_cli_output_test(help_model "Usage: .* model .*NAME.*--list.*--output" model --help)
ncpmi_cli_output_test(help_bench "Usage: .* bench .*--nodes.*--chain.*--threads.*--repeat"
  bench --help)

# --- solve: the Haiti instance in every format ---------------------------------------------------
string(CONCAT _re
  "method: backward induction, exact rational arithmetic, ties broken by the first listed action\n"
  "\nequilibrium 1:\n"
  "  payoffs: Coercer_US_UN 15/2, Junta 13/4, Mediator_Carter 9, P5_Holdout 19/4\n"
  "  path:\n"
  "    P5_Holdout: Abstain +\\[node 0 \"UNSC\"\\]\n"
  "    Mediator_Carter: Mediate +\\[node 1 \"Mediator\"\\]\n"
  "    Junta: AcceptAccord +\\[node 3 \"Junta, mediated\"\\]\n"
  "    chance: Honoured 3/4, Violated 1/4 +\\[node 7 \"Implementation\"\\]\n"
  "  terminals:\n"
  "    node 11 \"SETTLEMENT:durable\" +probability 3/4 +payoffs 8, 4, 10, 5\n"
  "    node 12 \"SETTLEMENT:broken\" +probability 1/4 +payoffs 6, 1, 6, 4\n"
  "\ncertificate: verified [(]one-shot deviations at every decision node[)]; largest gains: "
  "Coercer_US_UN 0, Junta 0, Mediator_Carter 0, P5_Holdout 0\n"
  "\nties: none\n$")
ncpmi_cli_output_test(solve_haiti_text "${_re}" solve ${_cli_haiti} --exact)
string(CONCAT _re
  "double arithmetic.*"
  "payoffs: Coercer_US_UN 7.5, Junta 3.25, Mediator_Carter 9, P5_Holdout 4.75\n.*"
  "node 11 \"SETTLEMENT:durable\" +probability 0.75 ")
ncpmi_cli_output_test(solve_haiti_double "${_re}" solve ${_cli_haiti} --threads 1)
string(CONCAT _re
  "\"players\": \\[\n +\"Coercer_US_UN\",.*\"exact\": true,.*\"equilibria\": \\[.*"
  "\"payoffs\": \\[\n +\"15/2\",\n +\"13/4\",\n +\"9\",\n +\"19/4\"\n +\\],\n"
  " +\"path\": \\[\n +\"Abstain\",\n +\"Mediate\",\n +\"AcceptAccord\"\n +\\],.*"
  "\"terminals\": \\[.*"
  "\"label\": \"SETTLEMENT:durable\",\n +\"probability\": \"3/4\",.*"
  "\"label\": \"SETTLEMENT:broken\",\n +\"probability\": \"1/4\",.*"
  "\"ties\": \\[\\]")
ncpmi_cli_output_test(solve_haiti_json "${_re}" solve ${_cli_haiti} --exact --format json)
string(CONCAT _re
  "^equilibrium,node,label,probability,"
  "payoff_Coercer_US_UN,payoff_Junta,payoff_Mediator_Carter,payoff_P5_Holdout,"
  "expected_Coercer_US_UN,expected_Junta,expected_Mediator_Carter,expected_P5_Holdout\n"
  "1,11,SETTLEMENT:durable,3/4,8,4,10,5,15/2,13/4,9,19/4\n"
  "1,12,SETTLEMENT:broken,1/4,6,1,6,4,15/2,13/4,9,19/4\n$")
ncpmi_cli_output_test(solve_haiti_csv "${_re}" solve ${_cli_haiti} --exact --format csv)
add_test(NAME cli.solve_stdin
  COMMAND sh -c "\"$1\" solve - --exact < \"$2\"" sh ${NCPMI_EXE} ${_cli_haiti}
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.solve_stdin PROPERTIES
  PASS_REGULAR_EXPRESSION
    "\\[<stdin>\\].*payoffs: Coercer_US_UN 15/2, Junta 13/4, Mediator_Carter 9, P5_Holdout 19/4\n"
  FAIL_REGULAR_EXPRESSION "(^|\n)ncpmi: ")

# --- solve: tie rules and enumeration (tests/data/ties.efg, ultimatum.efg, chance_tie.efg) -------
string(CONCAT _re
  "ties broken by the first listed action.*"
  "payoffs: First 3, Second 1\n  path:\n    First: A .*    Second: x .*"
  "ties: 2\n"
  "  node 1 \"Second after A\" \\(Second, on the path\\): x = y\n"
  "  node 3 \"Second after C\" \\(Second, off the path\\): p = r\n$")
ncpmi_cli_output_test(solve_ties_first "${_re}" solve ${_cli_data}/ties.efg --exact)
string(CONCAT _re
  "ties broken by the last listed action.*"
  "payoffs: First 2, Second 0\n  path:\n    First: B .*"
  "  terminals:\n    node 2 \"B\" +probability 1 .*"
  "ties: 2\n"
  "  node 1 \"Second after A\" \\(Second, off the path\\): x = y\n"
  "  node 3 \"Second after C\" \\(Second, off the path\\): p = r\n$")
ncpmi_cli_output_test(solve_ties_last "${_re}" solve ${_cli_data}/ties.efg --exact --ties last)
string(CONCAT _re
  "all pure SPE outcomes.*equilibria: 2 distinct pure SPE outcome\\(s\\)\n"
  "\nequilibrium 1:\n  payoffs: First 2, Second 0\n.*"
  "equilibrium 2:\n  payoffs: First 3, Second 1\n")
ncpmi_cli_output_test(solve_ties_all "${_re}" solve ${_cli_data}/ties.efg --exact --all)
string(CONCAT _re
  "payoffs: Proposer 3, Responder 1\n  path:\n    Proposer: Offer1 .*    Responder: Accept .*"
  "node 1 \"After offer 0\" \\(Responder, off the path\\): Accept = Reject")
ncpmi_cli_output_test(solve_ultimatum_last "${_re}"
  solve ${_cli_data}/ultimatum.efg --exact --ties last)
ncpmi_cli_output_test(solve_ultimatum_all
  "equilibria: 2 distinct.*payoffs: Proposer 4, Responder 0\n.*payoffs: Proposer 3, Responder 1\n"
  solve ${_cli_data}/ultimatum.efg --exact --all)
# The root tie exists only exactly (2.4999999999999996 against 2.5 in double): both modes see it.
ncpmi_cli_output_test(solve_chance_tie_double
  "node 0 \"Investor\" \\(Investor, on the path\\): Gamble = Safe"
  solve ${_cli_data}/chance_tie.efg)
string(CONCAT _re
  "\"tie_rule\": \"all\",.*\"complete\": true,.*\"equilibria\": \\[.*"
  "\"payoffs\": .*\"payoffs\": .*\"payoffs\": .*\"payoffs\": .*\"payoffs\": .*"  # 5 outcomes
  "\"ties\": \\[")
ncpmi_cli_output_test(solve_chance_tie_all_json "${_re}"
  solve ${_cli_data}/chance_tie.efg --exact --all --format json)
# Capped enumeration: still exit 0, a warning on stderr, the text says INCOMPLETE.
add_test(NAME cli.solve_all_capped
  COMMAND ${NCPMI_EXE} solve ${_cli_data}/chance_tie.efg --exact --all --max-equilibria 2
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.solve_all_capped PROPERTIES
  PASS_REGULAR_EXPRESSION "INCOMPLETE: more than 2 at node [0-9]+. raise --max-equilibria")
string(CONCAT _re
  "payoffs: Sender 5/2, Target -5/2\n.*"
  "node 3 \"Comply in round 1\" +probability 1 +payoffs 5/2, -5/2\n")
ncpmi_cli_output_test(solve_incremental "${_re}"
  solve ${_cli_data}/sanctions_incremental.efg --exact)
string(CONCAT _re
  "payoffs: North 9/20, East 1, South 11/30, West 71/80\n.*"
  "chance: H 9/20, T 11/20 .*"
  "node 13 \"H-r\" +probability 9/20 +payoffs -1/10, 1, 0, 3/4\n"
  "    node 14 \"T-s\" +probability 11/20 +payoffs 9/10, 1, 2/3, 1\n")
ncpmi_cli_output_test(solve_four_player "${_re}"
  solve ${_cli_data}/four_player.efg --exact --threads 2)

# --- gen, then solve and info on the generated file ----------------------------------------------
add_test(NAME cli.gen_random
  COMMAND ${NCPMI_EXE} gen --nodes 3000 --players 3 --chance 0.2 --nonterminal-outcomes 0.1
    --denominator 6 --seed 5 -o ${_cli_work}/random.efg)
set_tests_properties(cli.gen_random PROPERTIES FIXTURES_SETUP ncpmi_cli_random)
string(CONCAT _re
  "exact rational arithmetic.*equilibrium 1:\n"
  "  payoffs: Player 1 [-0-9/]+, Player 2 [-0-9/]+, Player 3 [-0-9/]+\n"
  "  path:\n.*  terminals:\n    node [0-9]+ .*ties: ")
ncpmi_cli_output_test(solve_generated "${_re}" solve ${_cli_work}/random.efg --exact)
set_tests_properties(cli.solve_generated PROPERTIES FIXTURES_REQUIRED ncpmi_cli_random)
string(CONCAT _re
  "\"nodes\": 6001,.*\"decision_nodes\": [0-9]+,.*"
  "\"perfect_information\": true,\n  \"perfect_recall\": true,")
ncpmi_cli_output_test(info_generated "${_re}"
  info ${_cli_work}/random.efg --json)
set_tests_properties(cli.info_generated PROPERTIES FIXTURES_REQUIRED ncpmi_cli_random)
ncpmi_cli_output_test(gen_stdout
  "^EFG 2 R \"random game \\(seed 9\\)\" { \"Player 1\" \"Player 2\" }\n" gen --nodes 4 --seed 9)

# --- convert round trips ------------------------------------------------------------------------
# The bundled instance is already in normal form; the data games reuse outcomes by number and
# number information sets freely, so their normal form differs from the input but is a fixed point.
add_test(NAME cli.convert_roundtrip_haiti
  COMMAND ${CMAKE_COMMAND} -DNCPMI=${NCPMI_EXE} -DINPUT=${PROJECT_SOURCE_DIR}/${_cli_haiti}
    -DWORK=${_cli_work}/haiti -DSAME_AS_INPUT=ON -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_roundtrip.cmake)
add_test(NAME cli.convert_roundtrip_decimal_haiti
  COMMAND ${CMAKE_COMMAND} -DNCPMI=${NCPMI_EXE} -DINPUT=${PROJECT_SOURCE_DIR}/${_cli_haiti}
    -DWORK=${_cli_work}/haiti_decimal -DDECIMAL=ON
    -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_roundtrip.cmake)
foreach(_game sanctions_incremental chance_tie chain_store entry_deterrence)
  add_test(NAME cli.convert_roundtrip_${_game}
    COMMAND ${CMAKE_COMMAND} -DNCPMI=${NCPMI_EXE} -DINPUT=${_cli_data}/${_game}.efg
      -DWORK=${_cli_work}/${_game} -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_roundtrip.cmake)
endforeach()

# --- info ---------------------------------------------------------------------------------------
string(CONCAT _re
  "title: Haiti 1994: Resolution 940, Carter mission, amnesty\n.*"
  "nodes: 17 \\(7 decision, 1 chance, 9 terminal\\), depth 4, 9 outcomes\n"
  "perfect information: yes\nperfect recall: yes\nsubgame roots: 8\n")
ncpmi_cli_output_test(info_haiti "${_re}" info ${_cli_haiti})
string(CONCAT _re
  "\"perfect_information\": false,\n  \"perfect_recall\": true,\n"
  "  \"subgame_roots\": \\[\n +0,\n +2,\n +3,\n +7\n +\\],")
ncpmi_cli_output_test(info_imperfect_subgame "${_re}"
  info ${_cli_data}/imperfect_subgame.efg --json)
string(CONCAT _re
  "perfect information: no\n"
  "perfect recall: no: information set 2 of player 1 \\(\"Second\"\\) violates perfect recall")
ncpmi_cli_output_test(info_forgetful "${_re}"
  info ${_cli_data}/forgetful.efg)

# --- model --------------------------------------------------------------------------------------
ncpmi_cli_output_test(model_list "^haiti1994\t[^\n]+\n$" model --list)
add_test(NAME cli.model_haiti COMMAND ${NCPMI_EXE} model haiti1994 -o ${_cli_work}/model_haiti.efg)
set_tests_properties(cli.model_haiti PROPERTIES FIXTURES_SETUP ncpmi_cli_model)
add_test(NAME cli.model_haiti_matches_instance
  COMMAND ${CMAKE_COMMAND} -E compare_files ${_cli_work}/model_haiti.efg
    ${PROJECT_SOURCE_DIR}/${_cli_haiti})
set_tests_properties(cli.model_haiti_matches_instance PROPERTIES FIXTURES_REQUIRED ncpmi_cli_model)

# --- exit status: 2 for bad input or usage, 1 for a valid game the solver cannot handle -----------
ncpmi_cli_exit_test(solve_missing_file 2 "^ncpmi: .*no_such_game\\.efg: cannot open"
  solve ${_cli_data}/no_such_game.efg)
ncpmi_cli_exit_test(solve_unknown_flag 2 "^ncpmi: .*--no-such-flag"
  solve ${_cli_haiti} --no-such-flag)
ncpmi_cli_exit_test(unknown_global_flag 2 "^ncpmi: .*--no-such-flag"
  --no-such-flag info ${_cli_haiti})
ncpmi_cli_exit_test(unknown_flag_alone 2 "^ncpmi: .*not expected: --no-such-flag"
  --no-such-flag)
ncpmi_cli_exit_test(no_subcommand 2 "^ncpmi: .*subcommand")
ncpmi_cli_exit_test(solve_directory 2 "^ncpmi: .*data: is a directory" solve ${_cli_data})
ncpmi_cli_exit_test(solve_negative_threads 2 "^ncpmi: --threads: .*not in range"
  solve ${_cli_haiti} --threads -1)
ncpmi_cli_exit_test(solve_bad_ties_value 2 "^ncpmi: .*middle" solve ${_cli_haiti} --ties middle)
ncpmi_cli_exit_test(solve_bad_format_value 2 "^ncpmi: .*xml" solve ${_cli_haiti} --format xml)
ncpmi_cli_exit_test(model_unknown 2 "^ncpmi: unknown model 'no_such_model' \\(known: .*haiti1994"
  model no_such_model)
string(CONCAT _re "^ncpmi: --method bi cannot solve the subgame at node 2 .*"
  "information set \"Guess\" of player 2 has more than one node")
ncpmi_cli_exit_test(solve_imperfect_information_bi 2 "${_re}"
  solve ${_cli_data}/imperfect_subgame.efg --method bi)
ncpmi_cli_exit_test(solve_all_imperfect_information 1
  "^ncpmi: .*imperfect_subgame\\.efg: backward induction needs perfect information"
  solve ${_cli_data}/imperfect_subgame.efg --all --exact)
ncpmi_cli_exit_test(solve_forgetful 2
  "^ncpmi: .*forgetful\\.efg: subgame-perfect equilibria need perfect recall: information set 2 of player 1 \\(\"Second\"\\) violates perfect recall: node"
  solve ${_cli_data}/forgetful.efg --exact)

# --- solve: games with imperfect information (subgame decomposition, LP, MIP, enumeration) ------
string(CONCAT _re
  "method: subgame decomposition [(]1 subgame[(]s[)] with imperfect information, 1 "
  "backward-induction step[(]s[)][)], exact rational arithmetic.*"
  "payoffs: Challenger -3/10, Target -6/5\n.*"
  "Challenger: H 2/5, D 3/5 .*"
  "node 5 \"H-h\" +probability 4/25 .*"
  "node 1 \"Battle\": sequence-form-lp, players Challenger, Target, 7 nodes, 2 information sets; "
  "payoffs -4/5, -6/5; gains 0, 0 [(]verified[)].*"
  "certificate: verified")
ncpmi_cli_output_test(solve_simultaneous_lp "${_re}"
  solve ${_cli_data}/simultaneous_toll.efg --exact)
string(CONCAT _re
  "\"method\": \"subgame-decomposition\",.*\"verified\": true,.*"
  "\"payoffs\": \\[\n +\"2\",\n +\"1/2\"\n +\\],.*"
  "\"strategies\": \\[.*\"subgames\": \\[.*\"method\": \"sequence-form-mip\"")
ncpmi_cli_output_test(solve_signalling_mip_json "${_re}"
  solve ${_cli_data}/signalling_separating.efg --exact --format json --method mip)
# auto takes Lemke's algorithm for a general-sum subgame without a selection.
ncpmi_cli_output_test(solve_signalling_lcp
  "node 0 \"Type\": sequence-form-lcp, players Sender, Receiver, .*[(]verified[)].*certificate: verified"
  solve ${_cli_data}/signalling_separating.efg --exact)
ncpmi_cli_exit_test(solve_lcp_with_selection 2 "^ncpmi: --method lcp finds one equilibrium and cannot select one"
  solve ${_cli_data}/signalling_separating.efg --method lcp --objective max-total)
# --concept sequential: the assessment, beliefs after the strategies, and its certificate.
string(CONCAT _re
  "behaviour strategies .*Receiver set 1 \"Receiver hears\": Reward 1, Punish 0\n.*"
  "beliefs [(]information sets with several nodes[)]: 1\n"
  "  Receiver set 1 \"Receiver hears\": node 4 \\[Bold Speak\\] 1/3, node 6 \\[Shy Speak\\] 2/3\n.*"
  "perturbed-sequence-form-lcp.*certificate: verified [(]sequential rationality")
ncpmi_cli_output_test(solve_sequential_text "${_re}"
  solve ${_cli_data}/quiet_or_speak.efg --exact --concept sequential)
string(CONCAT _re
  "\"concept\": \"sequential\",.*\"bayes_error\": \"0\",.*\"beliefs\": \\[\n +[{]\n"
  " +\"player\": \"Receiver\",\n +\"player_number\": 2,\n +\"infoset\": 1,\n"
  " +\"label\": \"Receiver sees Beer\",\n +\"nodes\": \\[\n +[{]\n +\"node\": 3,\n"
  " +\"history\": \\[\n +\"Strong\",\n +\"Beer\"\n +\\],\n +\"probability\": \"9/10\"")
ncpmi_cli_output_test(solve_sequential_json "${_re}"
  solve ${_cli_data}/beer_quiche.efg --exact --concept sequential --format json)
ncpmi_cli_output_test(solve_sequential_three_players
  "pure-enumeration, players A, B, C.*certificate: verified [(]sequential rationality"
  solve ${_cli_data}/three_player_dilemma.efg --exact --concept sequential)
ncpmi_cli_exit_test(solve_sequential_three_players_none 1
  "^ncpmi: [^ ]*three_player_cycle.efg: the subgame at node 0 [(]the root[)] has no pure-strategy sequential equilibrium"
  solve ${_cli_data}/three_player_cycle.efg --concept sequential)
ncpmi_cli_output_test(solve_imperfect_information
  "payoffs: Attacker 0, Defender 0\n.*node 2 \"Where\": sequence-form-lp"
  solve ${_cli_data}/imperfect_subgame.efg)
ncpmi_cli_output_test(solve_maximize_prob
  "equilibrium selection: max-prob A-[*].*Attacker: In .*node 8 \"A-a\" +probability 1/4"
  solve ${_cli_data}/imperfect_subgame.efg --exact --maximize-prob "A-*")
ncpmi_cli_output_test(solve_three_players_pure
  "payoffs: A 1, B 1, C 1\n.*pure-enumeration, players A, B, C"
  solve ${_cli_data}/three_player_dilemma.efg --exact)
ncpmi_cli_exit_test(solve_no_pure_equilibrium 1
  "^ncpmi: .*three_player_cycle\\.efg: the subgame at node 0 [(]the root[)] has no pure-strategy equilibrium"
  solve ${_cli_data}/three_player_cycle.efg)
ncpmi_cli_exit_test(solve_lp_not_constant_sum 2 "^ncpmi: --method lp cannot solve .*not constant-sum"
  solve ${_cli_data}/signalling_separating.efg --method lp)
ncpmi_cli_exit_test(solve_prob_pattern_unmatched 2
  "^ncpmi: --maximize-prob 'PEACE[*]' matches no terminal node"
  solve ${_cli_data}/imperfect_subgame.efg --maximize-prob "PEACE*")

# Information sets and players are reported by the file's own numbers (issue 13, item 5).
string(CONCAT _re
  "Row set 3 \"Row's choice\": Up 1/2, Down 1/2\n"
  "  Column set 5 \"Column's guess\": left 1/2, right 1/2\n")
ncpmi_cli_output_test(solve_file_infoset_numbers "${_re}"
  solve ${_cli_data}/numbered_sets.efg --exact)
string(CONCAT _re
  "\"player_numbers\": \\[\n +1,\n +2\n +\\],.*"
  "\"player\": \"Column\",\n +\"player_number\": 2,\n +\"infoset\": 5,")
ncpmi_cli_output_test(solve_file_infoset_numbers_json "${_re}"
  solve ${_cli_data}/numbered_sets.efg --exact --format json)
