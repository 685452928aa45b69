# cmake -P script for one `ncpmi convert` round trip (ctest cannot redirect or compare outputs itself).
#
#   cmake -DNCPMI=<exe> -DINPUT=<game.efg> -DWORK=<scratch dir> [-DDECIMAL=ON] [-DSAME_AS_INPUT=ON]
#         -P cli_roundtrip.cmake
#
# Converts INPUT to WORK/once.efg and that to WORK/twice.efg, then requires: both conversions exit
# 0; the normal form is a fixed point (once == twice); with SAME_AS_INPUT, INPUT was already in
# normal form (INPUT == once); and `solve --exact --all --format csv` prints the same equilibria
# for INPUT and once.efg (the CSV has node ids and numbers but no file name, so it must match).

foreach(_var NCPMI INPUT WORK)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "cli_roundtrip.cmake: -D${_var}=... is required")
  endif()
endforeach()
set(_flags "")
if(DECIMAL)
  set(_flags --decimal)
endif()
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

_run(_ignored "${NCPMI}" convert "${INPUT}" "${WORK}/once.efg" ${_flags})
_run(_ignored "${NCPMI}" convert "${WORK}/once.efg" "${WORK}/twice.efg" ${_flags})
_same("${WORK}/once.efg" "${WORK}/twice.efg")
if(SAME_AS_INPUT)
  _same("${INPUT}" "${WORK}/once.efg")
endif()

_run(_original "${NCPMI}" solve "${INPUT}" --exact --all --format csv)
_run(_converted "${NCPMI}" solve "${WORK}/once.efg" --exact --all --format csv)
if(NOT _original STREQUAL _converted)
  message(FATAL_ERROR "solving the converted file gives other equilibria:\n--- ${INPUT}\n"
                      "${_original}\n--- converted\n${_converted}")
endif()
message(STATUS "round trip of ${INPUT} ok:\n${_converted}")
