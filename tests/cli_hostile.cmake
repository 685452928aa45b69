# ctest cases: hostile inputs and limits (docs/guarantees.md). Each input
# either works (checked answer) or gets one stderr line and exit code 2 — never a crash or a hang —
# and output files are complete or absent. Inputs are written at test time by hostile_inputs.sh
# (deterministic bytes); composite checks are in hostile_checks.sh.
#
# The unreadable file: the tests run as root, for whom mode 000 does not stop reading, so the
# command runs under `setpriv` as uid/gid 65534 (nobody) when the tests run as root, and directly
# otherwise. A file that opens but fails to read is /proc/self/mem (reading its offset 0 is EIO).

if(NOT DEFINED NCPMI_EXE)
  set(NCPMI_EXE $<TARGET_FILE:ncpmi>)
endif()
set(_hostile_dir ${CMAKE_CURRENT_BINARY_DIR}/hostile)
set(_hostile_check_exit ${CMAKE_CURRENT_SOURCE_DIR}/check_exit.sh)
set(_hostile_checks ${CMAKE_CURRENT_SOURCE_DIR}/hostile_checks.sh)

add_test(NAME cli.hostile.setup
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/hostile_inputs.sh ${NCPMI_EXE} ${_hostile_dir})
set_tests_properties(cli.hostile.setup PROPERTIES FIXTURES_SETUP ncpmi_hostile)
add_test(NAME cli.hostile.cleanup COMMAND ${CMAKE_COMMAND} -E rm -rf ${_hostile_dir})
set_tests_properties(cli.hostile.cleanup PROPERTIES FIXTURES_CLEANUP ncpmi_hostile)

# The command must exit with `status` and print exactly one stderr line matching the ERE `regex`.
function(ncpmi_hostile_exit name status regex)
  add_test(NAME cli.hostile.${name}
    COMMAND sh ${_hostile_check_exit} ${status} -e "${regex}" -- ${ARGN}
    WORKING_DIRECTORY ${_hostile_dir})
  set_tests_properties(cli.hostile.${name} PROPERTIES FIXTURES_REQUIRED ncpmi_hostile TIMEOUT 60)
endfunction()

# The command must succeed (no "ncpmi:" line) and its output match the CMake regex `regex`.
function(ncpmi_hostile_works name regex)
  add_test(NAME cli.hostile.${name} COMMAND ${ARGN} WORKING_DIRECTORY ${_hostile_dir})
  set_tests_properties(cli.hostile.${name} PROPERTIES FIXTURES_REQUIRED ncpmi_hostile TIMEOUT 60
    PASS_REGULAR_EXPRESSION "${regex}" FAIL_REGULAR_EXPRESSION "(^|\n)ncpmi: ")
endfunction()

# --- sizes: deep, wide, many players, long numbers ---------------------------------------------
# A chain of 10^7 decision nodes (2*10^7 nodes, depth 10^7): generated and written, loaded, solved
# and certified (~25 s and ~3 GiB in Release; the one test of this size). 10^6 also round-trips.
add_test(NAME cli.hostile.chain_10M COMMAND sh ${_hostile_checks} chain ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_chain_10M 10000000)
set_tests_properties(cli.hostile.chain_10M PROPERTIES PASS_REGULAR_EXPRESSION "ok: chain" TIMEOUT 600)
add_test(NAME cli.hostile.chain_1M_roundtrip COMMAND sh ${_hostile_checks} chain ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_chain_1M 1000000 roundtrip)
set_tests_properties(cli.hostile.chain_1M_roundtrip PROPERTIES PASS_REGULAR_EXPRESSION "ok: chain" TIMEOUT 120)

ncpmi_hostile_works(wide_node_of_a_million_actions
  "payoffs: One 1000000, Two -1000000\n  path:\n    One: a1000000 .*certificate: verified"
  ${NCPMI_EXE} solve wide.efg)
ncpmi_hostile_works(ten_thousand_players
  "payoffs: P1 1, P2 2, P3 3,[^\n]* P9999 9999, P10000 10000\n  path:\n    P10000: R .*certificate: verified"
  ${NCPMI_EXE} solve players.efg --exact)
string(CONCAT _hundred
  "payoffs: P1 -171048325140603045828111794352047000994428663024187673158073495887600265711904751093085"
  "493025661632767215574335217923122241642262456952169917548704359801865804067740535660521858706433886"
  "073237223857983/43688936740827575791238301924833203398600565166542853206411419824892503582892818875"
  "582559291981273181, P2 799803912485198507294978819640138510354881715106381880811696270187861119198"
  "24122382532681764779621506/4368893674082757579123830192483320339860056516654285320641141982489250358"
  "2892818875582559291981273181\n  path:\n    P1: Gamble .*certificate: verified")
ncpmi_hostile_works(hundred_digit_rationals_exact "${_hundred}" ${NCPMI_EXE} solve hundred_digits.efg --exact)
# 1/3 written as 0.3333333333 is the decimal 3333333333/10^10: three of them sum to less than 1.
ncpmi_hostile_exit(decimal_third_rejected 2
  "^ncpmi: third_decimal\\.efg:3:14: chance event 1: probabilities sum to 9999999999/10000000000, not 1$"
  ${NCPMI_EXE} solve third_decimal.efg)
ncpmi_hostile_works(fraction_third_accepted "payoffs: P1 2\n  path:\n    chance: a 1/3, b 1/3, c 1/3 "
  ${NCPMI_EXE} solve third_exact.efg --exact)
ncpmi_hostile_works(duplicate_labels "players: 1 Same, 2 Same\n.*certificate: verified"
  ${NCPMI_EXE} solve duplicate_labels.efg --exact)
ncpmi_hostile_works(duplicate_labels_roundtrip "EFG 2 R \"duplicates\" [{] \"Same\" \"Same\" [}]"
  ${NCPMI_EXE} convert duplicate_labels.efg -)

# --- numbers that are not numbers -----------------------------------------------------------------
ncpmi_hostile_exit(nan_rejected 2 "^ncpmi: nan\\.efg:5:13: expected a payoff or '}', found a word 'nan'$"
  ${NCPMI_EXE} solve nan.efg)
ncpmi_hostile_exit(inf_rejected 2 "^ncpmi: inf\\.efg:5:13: expected a payoff or '}', found a word 'inf'$"
  ${NCPMI_EXE} solve inf.efg)
ncpmi_hostile_exit(minus_inf_rejected 2 "^ncpmi: minus_inf\\.efg:5:13: invalid number '-inf'$"
  ${NCPMI_EXE} solve minus_inf.efg)
# 1e999 is a decimal like any other, read exactly: 10^999.
ncpmi_hostile_works(exponent_999_read_exactly "payoffs: P1 1000000000000000000000[0]+, P2 0\n  path:\n    P1: b "
  ${NCPMI_EXE} solve huge_exponent.efg --exact)

# --- broken files -------------------------------------------------------------------------------
ncpmi_hostile_exit(truncated_file 2 "^ncpmi: truncated\\.efg:[0-9]+:[0-9]+: .+$" ${NCPMI_EXE} solve truncated.efg)
ncpmi_hostile_exit(binary_garbage 2
  "^ncpmi: garbage\\.bin:1:1: not a game file: expected 'EFG' \\(extensive form\\) or 'NFG' \\(strategic form\\) at the start"
  ${NCPMI_EXE} solve garbage.bin)
# The message quotes the bytes it found, with control bytes and bytes outside well-formed UTF-8
# escaped as \xNN, so it is one line of valid UTF-8 (a pattern of printable ASCII matches it all).
ncpmi_hostile_exit(binary_garbage_after_header 2 "^ncpmi: garbage_after_header\\.efg:3:1: expected a node type[ -~]*$"
  ${NCPMI_EXE} solve garbage_after_header.efg)
ncpmi_hostile_exit(binary_garbage_info 2 "^ncpmi: garbage\\.bin:1:1: not a game file" ${NCPMI_EXE} info garbage.bin)
ncpmi_hostile_works(nul_byte_in_title "certificate: verified" ${NCPMI_EXE} solve nul_in_title.efg)
ncpmi_hostile_exit(directory 2 "^ncpmi: a_directory\\.efg: is a directory" ${NCPMI_EXE} solve a_directory.efg)
ncpmi_hostile_exit(directory_convert 2 "^ncpmi: a_directory\\.efg: is a directory"
  ${NCPMI_EXE} convert a_directory.efg never_written.efg)
ncpmi_hostile_exit(unreadable_file 2 "^ncpmi: unreadable\\.efg: cannot open: Permission denied$"
  sh -c "test \"$(id -u)\" != 0 && exec \"$@\" || exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$@\""
  sh ${NCPMI_EXE} solve unreadable.efg)
ncpmi_hostile_exit(file_that_fails_to_read 2 "^ncpmi: /proc/self/mem: read error" ${NCPMI_EXE} solve /proc/self/mem)
ncpmi_hostile_exit(empty_stdin 2 "^ncpmi: <stdin>:1:1: the file is empty: expected 'EFG 2 R' at the start$"
  sh -c "exec \"$1\" solve - < /dev/null" sh ${NCPMI_EXE})
ncpmi_hostile_exit(nfg_with_too_many_profiles 2 "^ncpmi: .*strategy profiles"
  sh -c "printf 'NFG 1 R \"x\" { \"a\" \"b\" } { 100000 100000 }\\n' | exec \"$1\" solve -" sh ${NCPMI_EXE})

# --- deep TOML: refused by the pre-scan at the part beyond 64, before toml++ sees the text -------
set(_deep_key "a dotted key of more than 64 parts \\(the deepest nesting allowed\\)$")
ncpmi_hostile_exit(toml_deep_table_header 2 "^ncpmi: deep_header\\.toml:2:131: ${_deep_key}"
  ${NCPMI_EXE} conditions deep_header.toml)
ncpmi_hostile_exit(toml_deep_dotted_key 2 "^ncpmi: deep_key\\.toml:2:130: ${_deep_key}" ${NCPMI_EXE} solve deep_key.toml)
ncpmi_hostile_exit(toml_deep_inline_tables 2
  "^ncpmi: deep_inline\\.toml:1:[0-9]+: arrays and inline tables nested more than 64 deep$"
  ${NCPMI_EXE} export deep_inline.toml -o never_written.efg)
ncpmi_hostile_exit(toml_deep_dotted_key_sweep_spec 2 "^ncpmi: deep_key_spec\\.toml:2:[0-9]+: ${_deep_key}"
  ${NCPMI_EXE} sweep deep_key_spec.toml -o never_written.csv)
ncpmi_hostile_exit(toml_deep_arrays_sweep_spec 2
  "^ncpmi: deep_array_spec\\.toml:1:[0-9]+: arrays and inline tables nested more than 64 deep$"
  ${NCPMI_EXE} sweep deep_array_spec.toml -o never_written.csv)

# --- devices, streams, FIFOs: one bounded reader, the format's first bytes checked first --------
ncpmi_hostile_exit(dev_zero_game 2 "^ncpmi: /dev/zero:1:1: not a game file: expected 'EFG' .* found '[\\]x00" ${NCPMI_EXE} solve /dev/zero)
ncpmi_hostile_exit(dev_urandom_game 2 "^ncpmi: /dev/urandom:[0-9]+:[0-9]+: not a game file" ${NCPMI_EXE} info /dev/urandom)
ncpmi_hostile_exit(symlink_to_dev_zero_game 2 "^ncpmi: zero\\.efg:1:1: not a game file" ${NCPMI_EXE} convert zero.efg never_written.efg)
ncpmi_hostile_exit(symlink_to_dev_zero_scenario 2 "^ncpmi: zero\\.toml:1:1: not a text file: control byte [\\]x00$"
  ${NCPMI_EXE} conditions zero.toml)
ncpmi_hostile_exit(symlink_to_dev_zero_sweep_spec 2 "^ncpmi: zero\\.toml:1:1: not a text file: control byte [\\]x00$"
  ${NCPMI_EXE} sweep zero.toml -o never_written.csv)
ncpmi_hostile_exit(symlink_to_dev_urandom_scenario 2 "^ncpmi: random\\.toml:[0-9]+:[0-9]+: not a text file: control byte [\\]x[0-9A-F]{2}$"
  ${NCPMI_EXE} solve random.toml)
ncpmi_hostile_exit(fifo_without_writer 2 "^ncpmi: fifo\\.efg:1:1: the file is empty" ${NCPMI_EXE} solve fifo.efg)
ncpmi_hostile_exit(endless_blank_stdin 2
  "^ncpmi: <stdin>: not a game file: more than 1 MiB of blank space and no 'EFG' or 'NFG' header$"
  sh -c "yes '' | exec \"$1\" solve -" sh ${NCPMI_EXE})
ncpmi_hostile_exit(endless_scenario_on_stdin 2
  "^ncpmi: <stdin>: longer than 16\\.0 MiB, the most a scenario file may be \\(it is text written by hand\\)$"
  sh -c "yes 'title = \"x\"' | exec \"$1\" conditions -" sh ${NCPMI_EXE})
ncpmi_hostile_exit(scenario_over_max_memory 2
  "^ncpmi: .*haiti-1994\\.toml: reading the file would need about [0-9.]+ KiB, above the memory limit of 1\\.0 KiB \\(--max-memory\\)$"
  ${NCPMI_EXE} conditions ${PROJECT_SOURCE_DIR}/instances/haiti-1994.toml --max-memory 1K)
ncpmi_hostile_exit(sweep_spec_over_max_memory 2
  "^ncpmi: .*big\\.toml: reading the file would need about [0-9]+ B, above the memory limit of 100 B \\(--max-memory\\)$"
  ${NCPMI_EXE} sweep ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep/big.toml -o never_written.csv --max-memory 100)
ncpmi_hostile_exit(merge_part_that_is_a_device 2 "^ncpmi: /dev/zero: a line longer than 16\\.0 MiB: not a sweep's output$"
  ${NCPMI_EXE} merge -o never_written.csv /dev/zero)
add_test(NAME cli.hostile.chunks_that_are_devices COMMAND sh ${_hostile_checks} chunk-devices ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_chunk_devices ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep/small.toml)

# --- allocation failure: one line naming the input, exit 2 (ulimit -v makes malloc fail) --------
# Not under sanitizers: ASan reserves terabytes of address space, which ulimit -v refuses.
if(NOT NCPMI_SANITIZE)
  ncpmi_hostile_exit(out_of_memory_reading 2
    "^ncpmi: big\\.efg: out of memory \\(an allocation failed; --max-memory refuses work it can estimate before allocating it\\)$"
    sh -c "ulimit -v 60000 && exec \"$1\" solve big.efg --exact --threads 1 --max-memory 10G" sh ${NCPMI_EXE})
  ncpmi_hostile_exit(out_of_memory_generating 2 "^ncpmi: out of memory \\(an allocation failed"
    sh -c "ulimit -v 100000 && exec \"$1\" gen --nodes 2000000 --max-memory 10G -o never_written.efg" sh ${NCPMI_EXE})
endif()

# --- numeric flags: NaN and infinities refused, ranges as a person writes them -------------------
ncpmi_hostile_exit(time_limit_nan 2
  "^ncpmi: --time-limit: 'nan' is not a number of seconds: expected a finite number, 0 or more \\(see --help\\)$"
  ${NCPMI_EXE} conditions ${PROJECT_SOURCE_DIR}/instances/haiti-1994.toml --time-limit nan)
ncpmi_hostile_exit(time_limit_inf 2 "^ncpmi: --time-limit: 'inf' is not a number of seconds"
  ${NCPMI_EXE} solve ${PROJECT_SOURCE_DIR}/instances/haiti_1994.efg --time-limit inf)
ncpmi_hostile_exit(max_nodes_negative 2 "^ncpmi: --max-nodes: '-1' is not a whole number 0 or more \\(up to 19 digits\\) \\(see --help\\)$"
  ${NCPMI_EXE} solve ${PROJECT_SOURCE_DIR}/instances/haiti_1994.efg --max-nodes -1)
ncpmi_hostile_exit(max_profiles_zero 2 "^ncpmi: --max-profiles: '0' is not a whole number 1 or more \\(see --help\\)$"
  ${NCPMI_EXE} solve ${PROJECT_SOURCE_DIR}/instances/haiti_1994.efg --max-profiles 0)

# --- messages name their input -------------------------------------------------------------------
ncpmi_hostile_exit(imperfect_recall_names_the_file 2
  "^ncpmi: .*forgetful\\.efg: subgame-perfect equilibria need perfect recall: information set 2 of player 1 \\(\"Second\"\\) violates perfect recall: node "
  ${NCPMI_EXE} solve ${CMAKE_CURRENT_SOURCE_DIR}/data/forgetful.efg --exact)
ncpmi_hostile_exit(absent_minded_names_the_file 2
  "^ncpmi: absent_minded\\.efg: subgame-perfect equilibria need perfect recall: information set 1 of player 1 \\(\"Exits\"\\) is absent-minded: node 0 \"First exit\" \\(the root\\) lies on the path to node 2 \"Second exit\""
  ${NCPMI_EXE} solve absent_minded.efg)

# --- limits -------------------------------------------------------------------------------------
ncpmi_hostile_exit(file_over_max_memory 2 "^ncpmi: big\\.efg.*above the memory limit of 1\\.0 MiB \\(--max-memory\\)$"
  ${NCPMI_EXE} solve big.efg --max-memory 1M)
# The reader stops at the node beyond the limit (its line and column).
ncpmi_hostile_exit(max_nodes 2 "^ncpmi: big\\.efg(:[0-9]+:[0-9]+)?: the game has [0-9,]+ nodes, above the limit of 1,000 \\(--max-nodes\\)$"
  ${NCPMI_EXE} info big.efg --max-nodes 1000)
ncpmi_hostile_exit(gen_over_max_memory 2
  "^ncpmi: the game to generate would need about [0-9.]+ GiB \\(200,000,001 nodes at [0-9]+ bytes each\\), above the memory limit of 1\\.0 GiB \\(--max-memory\\)$"
  ${NCPMI_EXE} gen --nodes 100000000 --max-memory 1G -o never_written.efg)
ncpmi_hostile_exit(lp_over_max_memory 2
  "^ncpmi: .*simultaneous_toll\\.efg: the sequence-form LP of the subgame at node 1 \"Battle\" .*[(][0-9,]+ rows, [0-9,]+ columns, [0-9,]+ nonzeros[)] would need about .*\\(--max-memory\\)$"
  ${NCPMI_EXE} solve ${CMAKE_CURRENT_SOURCE_DIR}/data/simultaneous_toll.efg --max-memory 10K)
ncpmi_hostile_exit(scenario_over_max_nodes 2 "^ncpmi: .*haiti-1994\\.toml: the scenario's game has [0-9,]+ nodes, above the limit of 10 \\(--max-nodes\\)$"
  ${NCPMI_EXE} conditions ${PROJECT_SOURCE_DIR}/instances/haiti-1994.toml --max-nodes 10)
ncpmi_hostile_exit(bad_max_memory 2 "^ncpmi: --max-memory: '4x' is not a size"
  ${NCPMI_EXE} solve ${PROJECT_SOURCE_DIR}/instances/haiti_1994.efg --max-memory 4x)

add_test(NAME cli.hostile.conditions_time_limit COMMAND sh ${_hostile_checks} conditions-time-limit ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_conditions ${PROJECT_SOURCE_DIR}/instances/haiti-1994.toml)
add_test(NAME cli.hostile.sweep_time_limit COMMAND sh ${_hostile_checks} sweep-time-limit ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_sweep ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep/big.toml)

# --- atomic output ------------------------------------------------------------------------------
add_test(NAME cli.hostile.failed_write_keeps_previous_file COMMAND sh ${_hostile_checks} write-fails ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_write_fails ${PROJECT_SOURCE_DIR}/instances/haiti_1994.efg)
add_test(NAME cli.hostile.bad_output_destination COMMAND sh ${_hostile_checks} bad-destination ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_destination ${PROJECT_SOURCE_DIR}/instances/haiti_1994.efg)
add_test(NAME cli.hostile.sweep_output_checked_first COMMAND sh ${_hostile_checks} sweep-output ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_sweep_output ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep/small.toml
  ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep/big.toml)
# SIGTERM and SIGHUP at 12 moments of a sweep drawn from a seeded generator (seed 16): never a
# temporary left, and --resume completes the output byte-identical to an uninterrupted run.
add_test(NAME cli.hostile.sweep_signals_leave_no_temporaries COMMAND sh ${_hostile_checks} sweep-signals ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_sweep_signals ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep/big.toml 16 12)
# Links planted by another user: in a shared (sticky) directory, and at the benchmark's old
# predictable scratch names.
add_test(NAME cli.hostile.planted_links_not_followed COMMAND sh ${_hostile_checks} planted-links ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_planted ${PROJECT_SOURCE_DIR}/instances/haiti_1994.efg
  ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep/small.toml)
add_test(NAME cli.hostile.interrupted_write_leaves_no_output COMMAND sh ${_hostile_checks} interrupted-write ${NCPMI_EXE}
  ${CMAKE_CURRENT_BINARY_DIR}/hostile_interrupted)
set_tests_properties(cli.hostile.conditions_time_limit cli.hostile.sweep_time_limit
  cli.hostile.failed_write_keeps_previous_file cli.hostile.bad_output_destination
  cli.hostile.interrupted_write_leaves_no_output cli.hostile.chunks_that_are_devices
  cli.hostile.sweep_output_checked_first cli.hostile.planted_links_not_followed
  PROPERTIES PASS_REGULAR_EXPRESSION "ok: " TIMEOUT 120)
set_tests_properties(cli.hostile.sweep_signals_leave_no_temporaries PROPERTIES PASS_REGULAR_EXPRESSION "ok: " TIMEOUT 300)
