# ctest cases: `ncpmi solve` on malformed catalogue files exits 2 with one "ncpmi: file:line:col: ..." line.
#
# The expected text comes from malformed/expected.txt, so the CLI must print exactly what ReadEfg
# throws; the tests run inside malformed/ so that the path the CLI reports is the bare file name
# the catalogue uses. One more case passes an absolute path and checks only the form of the line.

if(NOT DEFINED NCPMI_EXE)
  set(NCPMI_EXE $<TARGET_FILE:ncpmi>)
endif()
set(_ncpmi_malformed_dir ${CMAKE_CURRENT_SOURCE_DIR}/malformed)
set(_ncpmi_check_exit ${CMAKE_CURRENT_SOURCE_DIR}/check_exit.sh)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${_ncpmi_malformed_dir}/expected.txt)
file(STRINGS ${_ncpmi_malformed_dir}/expected.txt _ncpmi_malformed_lines)

# Sets out to text as a literal extended regex (backslash first, so later escapes stay single).
function(_ncpmi_ere_literal out text)
  foreach(_char "\\" "." "[" "]" "(" ")" "{" "}" "*" "+" "?" "^" "$" "|")
    string(REPLACE "${_char}" "\\${_char}" text "${text}")
  endforeach()
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

# One file per kind of failure: header, lexer, player, chance, number, outcome, tree, CRLF.
set(_ncpmi_cli_malformed_files
  01_empty_file.efg
  07_unterminated_string.efg
  16_player_beyond_count.efg
  31_chance_probabilities_not_summing_to_one.efg
  40_number_huge_exponent.efg
  58_outcome_redeclared_other_payoffs.efg
  60_tree_truncated.efg
  64_crlf_line_endings.efg
)

foreach(_file IN LISTS _ncpmi_cli_malformed_files)
  set(_test "The CLI rejects malformed file ${_file} with exit code 2 and its one-line message")
  set(_message "")
  foreach(_line IN LISTS _ncpmi_malformed_lines)
    string(FIND "${_line}" "${_file}\t" _at)
    if(_at EQUAL 0)
      string(LENGTH "${_file}\t" _skip)
      string(SUBSTRING "${_line}" ${_skip} -1 _message)
    endif()
  endforeach()
  if(_message STREQUAL "")
    # A failing test rather than a configure error: a stale list must not block other work.
    add_test(NAME "${_test}" COMMAND ${CMAKE_COMMAND} -E echo "${_file} is not in expected.txt")
    set_tests_properties("${_test}" PROPERTIES WILL_FAIL TRUE)
    continue()
  endif()
  _ncpmi_ere_literal(_regex "${_message}")
  add_test(NAME "${_test}"
    COMMAND sh ${_ncpmi_check_exit} 2 -e "^ncpmi: ${_regex}$" -- ${NCPMI_EXE} solve ${_file}
    WORKING_DIRECTORY ${_ncpmi_malformed_dir})
endforeach()

_ncpmi_ere_literal(_dir_regex "${_ncpmi_malformed_dir}")
add_test(NAME "The CLI reports a malformed file by the path it was given as path:line:col"
  COMMAND sh ${_ncpmi_check_exit} 2
    -e "^ncpmi: ${_dir_regex}/16_player_beyond_count\\.efg:[0-9]+:[0-9]+: .+$"
    -- ${NCPMI_EXE} solve ${_ncpmi_malformed_dir}/16_player_beyond_count.efg)
