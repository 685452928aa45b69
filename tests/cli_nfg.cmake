# ctest cases for `ncpmi convert` with .nfg files, and the cmake -P script one of them runs.
#
# Included from tests/CMakeLists.txt (NCPMI_EXE set there), it adds the tests. Run as a script,
#
#   cmake -DNCPMI=<exe> -DINPUT=<game.nfg> -DWORK=<scratch dir> [-DSAME_AS_INPUT=ON] -P cli_nfg.cmake
#
# it converts INPUT to WORK/once.nfg and that to WORK/twice.nfg (once == twice; with
# SAME_AS_INPUT also INPUT == once), INPUT to WORK/as.efg and that back to WORK/back.nfg
# (back == once), and writes INPUT to standard output with `--to nfg` (== once) and without
# (an .efg, the default for '-').

if(CMAKE_SCRIPT_MODE_FILE)
  foreach(_var NCPMI INPUT WORK)
    if(NOT DEFINED ${_var})
      message(FATAL_ERROR "cli_nfg.cmake: -D${_var}=... is required")
    endif()
  endforeach()
  file(MAKE_DIRECTORY "${WORK}")

  function(_run out)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE _status OUTPUT_VARIABLE _stdout
                    ERROR_VARIABLE _stderr)
    if(NOT _status EQUAL 0)
      message(FATAL_ERROR "exit status ${_status} from: ${ARGN}\n${_stderr}")
    endif()
    set(${out} "${_stdout}" PARENT_SCOPE)
  endfunction()

  function(_same a b)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${a}" "${b}" RESULT_VARIABLE _differ)
    if(_differ)
      file(READ "${a}" _a)
      file(READ "${b}" _b)
      message(FATAL_ERROR "${a} and ${b} differ:\n--- ${a}\n${_a}\n--- ${b}\n${_b}")
    endif()
  endfunction()

  _run(_ignored "${NCPMI}" convert "${INPUT}" "${WORK}/once.nfg")
  _run(_ignored "${NCPMI}" convert "${WORK}/once.nfg" "${WORK}/twice.nfg")
  _same("${WORK}/once.nfg" "${WORK}/twice.nfg")
  if(SAME_AS_INPUT)
    _same("${INPUT}" "${WORK}/once.nfg")
  endif()
  _run(_ignored "${NCPMI}" convert "${INPUT}" "${WORK}/as.efg")
  _run(_ignored "${NCPMI}" convert "${WORK}/as.efg" "${WORK}/back.nfg")
  _same("${WORK}/once.nfg" "${WORK}/back.nfg")
  _run(_stdout_nfg "${NCPMI}" convert "${INPUT}" - --to nfg)
  file(READ "${WORK}/once.nfg" _once)
  if(NOT _stdout_nfg STREQUAL _once)
    message(FATAL_ERROR "convert --to nfg to standard output differs from once.nfg:\n${_stdout_nfg}")
  endif()
  _run(_stdout_efg "${NCPMI}" convert "${INPUT}" -)
  if(NOT _stdout_efg MATCHES "^EFG 2 R ")
    message(FATAL_ERROR "convert to standard output is not .efg by default:\n${_stdout_efg}")
  endif()
  message(STATUS "nfg round trip of ${INPUT} ok")
  return()
endif()

set(_nfg_data ${CMAKE_CURRENT_SOURCE_DIR}/data)
set(_nfg_work ${CMAKE_CURRENT_BINARY_DIR}/cli_nfg)
set(_nfg_check_exit ${CMAKE_CURRENT_SOURCE_DIR}/check_exit.sh)
set(_nfg_malformed_dir ${CMAKE_CURRENT_SOURCE_DIR}/malformed)

# --- round trips: nfg -> nfg, nfg -> efg -> nfg, standard output ---------------------------------
foreach(_game prisoners_dilemma rps battle_of_sexes_outcomes three_player)
  set(_same_as_input OFF)
  if(_game STREQUAL "prisoners_dilemma" OR _game STREQUAL "rps")
    set(_same_as_input ON)  # written by hand in the normalised layout
  endif()
  add_test(NAME cli.convert_nfg_roundtrip_${_game}
    COMMAND ${CMAKE_COMMAND} -DNCPMI=${NCPMI_EXE} -DINPUT=${_nfg_data}/${_game}.nfg
      -DWORK=${_nfg_work}/${_game} -DSAME_AS_INPUT=${_same_as_input}
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cli_nfg.cmake)
endforeach()

# --- output formats -------------------------------------------------------------------------------
add_test(NAME cli.convert_nfg_to_efg_stdout
  COMMAND ${NCPMI_EXE} convert ${_nfg_data}/prisoners_dilemma.nfg -
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.convert_nfg_to_efg_stdout PROPERTIES
  PASS_REGULAR_EXPRESSION
    "^EFG 2 R \"Prisoners' dilemma\" { \"Row\" \"Column\" }\n\"Written by hand[^\n]*\"\n\np \"\" 1 1 \"\" { \"1\" \"2\" } 0\np \"\" 2 1 \"\" { \"1\" \"2\" } 0\nt \"\" 1 \"\" { 3 3 }\nt \"\" 2 \"\" { 0 5 }\n"
  FAIL_REGULAR_EXPRESSION "(^|\n)ncpmi: ")
add_test(NAME cli.convert_nfg_stdin_to_nfg_decimal
  COMMAND sh -c "\"$1\" convert - - --to nfg --decimal < \"$2\"" sh ${NCPMI_EXE}
    ${_nfg_data}/battle_of_sexes_outcomes.nfg
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(cli.convert_nfg_stdin_to_nfg_decimal PROPERTIES
  PASS_REGULAR_EXPRESSION
    "^NFG 1 D \"Battle of the sexes, outcome version\" { \"Alex\" \"Blair\" }\n.*\n{\n{ \"opera together\" 3 1.5 }\n{ \"football together\" 1.5 3 }\n}\n1 0\n0 2\n$"
  FAIL_REGULAR_EXPRESSION "(^|\n)ncpmi: ")

if(EXISTS ${_nfg_check_exit})
  # A general tree has no .nfg form here (reduced normal forms are out of scope): exit 1.
  add_test(NAME cli.convert_sequential_efg_to_nfg_refused
    COMMAND sh ${_nfg_check_exit} 1
      -e "^ncpmi: tests/data/centipede\\.efg: cannot write an \\.nfg file: .*reduced normal form is not supported$"
      -- ${NCPMI_EXE} convert tests/data/centipede.efg ${_nfg_work}/centipede.nfg
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME cli.convert_unknown_output_extension
    COMMAND sh ${_nfg_check_exit} 2
      -e "^ncpmi: ${_nfg_work}/out\\.txt: unknown output format \\(expected a name ending in \\.efg or \\.nfg, or --to efg\\|nfg\\)$"
      -- ${NCPMI_EXE} convert tests/data/rps.nfg ${_nfg_work}/out.txt
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME cli.convert_to_contradicts_extension
    COMMAND sh ${_nfg_check_exit} 2 -e "^ncpmi: --to efg contradicts the extension of .*out\\.nfg$"
      -- ${NCPMI_EXE} convert tests/data/rps.nfg ${_nfg_work}/out.nfg --to efg
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  add_test(NAME cli.convert_unknown_input_format
    COMMAND sh ${_nfg_check_exit} 2
      -e "^ncpmi: CMakeLists\\.txt:[0-9]+:[0-9]+: not a game file: expected 'EFG' \\(extensive form\\) or 'NFG' \\(strategic form\\) at the start, found '.+'$"
      -- ${NCPMI_EXE} convert CMakeLists.txt ${_nfg_work}/out.efg
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})

  # Malformed .nfg files through the CLI: exit 2 and exactly the catalogued line.
  file(STRINGS ${_nfg_malformed_dir}/expected.txt _nfg_malformed_lines REGEX "^[0-9][0-9]_nfg_")
  foreach(_file 66_nfg_empty_file.nfg 70_nfg_unterminated_string.nfg 78_nfg_too_few_payoffs.nfg
                83_nfg_outcome_number_out_of_range.nfg 90_nfg_too_many_profiles.nfg
                97_nfg_crlf_outcome_out_of_range.nfg)
    set(_message "")
    foreach(_line IN LISTS _nfg_malformed_lines)
      string(FIND "${_line}" "${_file}\t" _at)
      if(_at EQUAL 0)
        string(LENGTH "${_file}\t" _skip)
        string(SUBSTRING "${_line}" ${_skip} -1 _message)
      endif()
    endforeach()
    set(_test "The CLI rejects malformed file ${_file} with exit code 2 and its one-line message")
    if(_message STREQUAL "")
      add_test(NAME "${_test}" COMMAND ${CMAKE_COMMAND} -E echo "${_file} is not in expected.txt")
      set_tests_properties("${_test}" PROPERTIES WILL_FAIL TRUE)
      continue()
    endif()
    foreach(_char "\\" "." "[" "]" "(" ")" "{" "}" "*" "+" "?" "^" "$" "|")
      string(REPLACE "${_char}" "\\${_char}" _message "${_message}")
    endforeach()
    add_test(NAME "${_test}"
      COMMAND sh ${_nfg_check_exit} 2 -e "^ncpmi: ${_message}$" -- ${NCPMI_EXE} convert ${_file} -
      WORKING_DIRECTORY ${_nfg_malformed_dir})
  endforeach()
endif()
