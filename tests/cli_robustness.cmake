# `ncpmi robustness` and `ncpmi conditions --check-sources`: the closed-form ultimatum box
# (tests/data/robustness/), thread-count independence, kill and resume, bad flags, and every
# bundled instance's sources.
set(_rob_data ${CMAKE_CURRENT_SOURCE_DIR}/data/robustness)
set(_rob_work ${CMAKE_CURRENT_BINARY_DIR}/robustness_work)

add_test(NAME cli.robustness.help COMMAND ${NCPMI_EXE} robustness --help)

# The flip of the credibility threshold w_c = p + b_c = 17/20, exactly.
add_test(NAME cli.robustness.ultimatum_flip COMMAND ${NCPMI_EXE} robustness ${_rob_data}/ultimatum-box.toml
  --params p,w_c --samples 50 --threads 2)
set_tests_properties(cli.robustness.ultimatum_flip PROPERTIES
  PASS_REGULAR_EXPRESSION "w_c up: at 17/20 verdict all fails from it on")

# --unsourced varies exactly the file's list (b_c): the threat stays credible over its box.
add_test(NAME cli.robustness.unsourced COMMAND ${NCPMI_EXE} robustness ${_rob_data}/ultimatum-box.toml --unsourced --samples 20)
set_tests_properties(cli.robustness.unsourced PROPERTIES
  PASS_REGULAR_EXPRESSION "box: 1 parameter.*  b_c +1/4 +3/16 +5/16 +relative.*verdict all 20/20")

# Byte-identical output for 1 and 2 threads, in every format.
foreach(_format text json csv latex)
  add_test(NAME cli.robustness.threads_${_format} COMMAND sh -c "set -e; \
    a=$(${NCPMI_EXE} robustness ${CMAKE_CURRENT_SOURCE_DIR}/../instances/kosovo-1999.toml --samples 16 --params p,w_t,rho --format ${_format} --threads 1); \
    b=$(${NCPMI_EXE} robustness ${CMAKE_CURRENT_SOURCE_DIR}/../instances/kosovo-1999.toml --samples 16 --params p,w_t,rho --format ${_format} --threads 2); \
    test \"$a\" = \"$b\" && test -n \"$a\" && echo same")
  set_tests_properties(cli.robustness.threads_${_format} PROPERTIES PASS_REGULAR_EXPRESSION "^same")
endforeach()

# Killed at random moments and resumed: the report is byte-identical to an uninterrupted run.
add_test(NAME cli.robustness.kill_resume COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/robustness_kill.sh
  ${NCPMI_EXE} ${_rob_data}/ultimatum-box.toml ${_rob_work}/kill --params p,w_c --samples 20000 --format json)
set_tests_properties(cli.robustness.kill_resume PROPERTIES
  PASS_REGULAR_EXPRESSION "ok: [0-9]+ interruption" RUN_SERIAL TRUE)

# Bad flags and parameters: one line, exit 2.
function(_ncpmi_robustness_error name pattern)
  list(JOIN ARGN " " _args)
  add_test(NAME cli.robustness.error_${name} COMMAND sh -c "${NCPMI_EXE} ${_args} 2>&1; test $? -eq 2")
  set_tests_properties(cli.robustness.error_${name} PROPERTIES PASS_REGULAR_EXPRESSION "${pattern}")
endfunction()
_ncpmi_robustness_error(unknown_param "^ncpmi: --params: unknown parameter 'pp' of model ultimatum"
  robustness ${_rob_data}/ultimatum-box.toml --params pp)
_ncpmi_robustness_error(boolean_param "^ncpmi: --params: 'fixed_demand' is a boolean"
  robustness ${_rob_data}/ultimatum-box.toml --params fixed_demand)
_ncpmi_robustness_error(params_and_unsourced "excludes"
  robustness ${_rob_data}/ultimatum-box.toml --params p --unsourced)
_ncpmi_robustness_error(resume_without_output "^ncpmi: --resume needs -o FILE"
  robustness ${_rob_data}/ultimatum-box.toml --resume)
_ncpmi_robustness_error(negative_box "^ncpmi: --box '-1' must be a number >= 0"
  robustness ${_rob_data}/ultimatum-box.toml --box=-1)
_ncpmi_robustness_error(zero_samples "samples"
  robustness ${_rob_data}/ultimatum-box.toml --samples 0)
_ncpmi_robustness_error(no_unsourced_list "haiti-1994.toml: --unsourced: the file lists no unsourced parameters"
  robustness ${CMAKE_CURRENT_SOURCE_DIR}/../instances/haiti-1994.toml --unsourced)
_ncpmi_robustness_error(bad_format "format"
  robustness ${_rob_data}/ultimatum-box.toml --format markdown)

# --check-sources: the test file lists b_c as unsourced (exit 1); every bundled instance passes.
add_test(NAME cli.conditions.check_sources_unsourced COMMAND sh -c
  "${NCPMI_EXE} conditions ${_rob_data}/ultimatum-box.toml --check-sources 2>&1; test $? -eq 1")
set_tests_properties(cli.conditions.check_sources_unsourced PROPERTIES
  PASS_REGULAR_EXPRESSION "ultimatum-box.toml:12: b_c = 1/4: listed in unsourced\nncpmi: [^\n]*ultimatum-box.toml: 1 value\\(s\\) without a source")
file(GLOB _rob_instances ${CMAKE_CURRENT_SOURCE_DIR}/../instances/*.toml)
foreach(_instance IN LISTS _rob_instances)
  get_filename_component(_name ${_instance} NAME_WE)
  if(_name MATCHES "sweep")
    continue()  # a sweep spec, not a scenario
  endif()
  add_test(NAME cli.conditions.check_sources_${_name} COMMAND ${NCPMI_EXE} conditions ${_instance} --check-sources)
  set_tests_properties(cli.conditions.check_sources_${_name} PROPERTIES
    PASS_REGULAR_EXPRESSION "every value the file sets has a source note")
endforeach()
