# `ncpmi sweep` / `ncpmi merge`: the sweep library's unit tests link ncpmi::sweep; CLI tests run
# the executable on tests/data/sweep/ (kill/resume, shards + merge, MPI with 2 ranks).
target_link_libraries(ncpmi_tests PRIVATE ncpmi::sweep)
set(_sweep_data ${CMAKE_CURRENT_SOURCE_DIR}/data/sweep)
set(_sweep_work ${CMAKE_CURRENT_BINARY_DIR}/sweep_work)

add_test(NAME cli.sweep.help COMMAND ${NCPMI_EXE} sweep --help)
add_test(NAME cli.sweep.bad_spec COMMAND ${NCPMI_EXE} sweep ${_sweep_data}/bad_key.toml -o x.csv)
set_tests_properties(cli.sweep.bad_spec PROPERTIES WILL_FAIL TRUE
  FAIL_REGULAR_EXPRESSION "Segmentation|terminate")
add_test(NAME cli.sweep.bad_spec_message COMMAND sh -c
  "${NCPMI_EXE} sweep ${_sweep_data}/bad_key.toml -o x.csv 2>&1; test $? -eq 2")
set_tests_properties(cli.sweep.bad_spec_message PROPERTIES
  PASS_REGULAR_EXPRESSION "bad_key.toml:4:1: unknown parameter 'w_tt'")

add_test(NAME cli.sweep.kill_resume_csv COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/sweep_kill.sh
  ${NCPMI_EXE} ${_sweep_data}/big.toml ${_sweep_work}/kill_csv csv)
add_test(NAME cli.sweep.kill_resume_jsonl COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/sweep_kill.sh
  ${NCPMI_EXE} ${_sweep_data}/big.toml ${_sweep_work}/kill_jsonl jsonl)
set_tests_properties(cli.sweep.kill_resume_csv cli.sweep.kill_resume_jsonl PROPERTIES
  PASS_REGULAR_EXPRESSION "ok: [0-9]+ interruption" RUN_SERIAL TRUE)

# Job-array shards through the CLI (SLURM variables for one of them) and merge.
add_test(NAME cli.sweep.shards_merge COMMAND sh -c "set -e; rm -rf '${_sweep_work}/shards'; mkdir -p '${_sweep_work}/shards'; cd '${_sweep_work}/shards'; \
  ${NCPMI_EXE} sweep ${_sweep_data}/small.toml -o full.csv --threads 2 --progress never; \
  ${NCPMI_EXE} sweep ${_sweep_data}/small.toml -o p1.csv --shard 1/3 --progress never; \
  SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_COUNT=3 ${NCPMI_EXE} sweep ${_sweep_data}/small.toml -o p2.csv --progress never; \
  ${NCPMI_EXE} sweep ${_sweep_data}/small.toml -o p3.csv --shard 3/3 --progress never; \
  ${NCPMI_EXE} merge -o merged.csv p3.csv p1.csv p2.csv; cmp full.csv merged.csv; \
  if ${NCPMI_EXE} merge -o gap.csv p1.csv p3.csv; then exit 1; fi; test ! -e gap.csv; echo merged-ok")
set_tests_properties(cli.sweep.shards_merge PROPERTIES PASS_REGULAR_EXPRESSION "merged-ok")

add_test(NAME cli.sweep.summary COMMAND sh -c "set -e; mkdir -p '${_sweep_work}'; cd '${_sweep_work}'; rm -f sum.csv sum.phase.csv; \
  ${NCPMI_EXE} sweep ${_sweep_data}/small.toml -o sum.csv --summary --progress never; test -s sum.phase.csv")
set_tests_properties(cli.sweep.summary PROPERTIES PASS_REGULAR_EXPRESSION "parameter w_t \\(11 values")

if(NCPMI_MPI)
  find_program(NCPMI_MPIRUN NAMES mpirun mpiexec)
  if(NCPMI_MPIRUN)
    add_test(NAME cli.sweep.mpi_2_ranks COMMAND sh -c "set -e; rm -rf '${_sweep_work}/mpi'; mkdir -p '${_sweep_work}/mpi'; cd '${_sweep_work}/mpi'; \
      ${NCPMI_EXE} sweep ${_sweep_data}/big.toml -o single.csv --threads 2 --progress never; \
      ${NCPMI_MPIRUN} --allow-run-as-root --oversubscribe -np 2 ${NCPMI_EXE} sweep ${_sweep_data}/big.toml -o mpi.csv --threads 1 --progress never 2> mpi.err; \
      cmp single.csv mpi.csv; test ! -e mpi.csv.parts; \
      grep -q '2 MPI ranks, [0-9.]* s of it MPI start-up' mpi.err; echo mpi-identical")
    set_tests_properties(cli.sweep.mpi_2_ranks PROPERTIES PASS_REGULAR_EXPRESSION "mpi-identical" RUN_SERIAL TRUE)
  endif()
endif()

# The benchmark prints every figure of the sweep speed table in docs/sweeps.md ("Speed") (a short run: the figures
# themselves are not checked, only that each is measured and printed).
ncpmi_cli_output_test(sweep.bench
  "first 200 points, chunk 12, best of 2.*solve only .*points/s .*sweep, 1 thread: .*points/s.*sweep, 2 threads: .*points/s.*parallel efficiency 1 -> 2 threads: [0-9]+%.*per-point overhead beyond the solve: -?[0-9.]+ us \\(point values and rows -?[0-9.]+ us, chunk files, assembly and set-up -?[0-9.]+ us\\)"
  sweep tests/data/sweep/big.toml --bench --bench-points 200 --bench-repeats 2)
# Half of small.toml's points are error rows: the benchmark times their failed builds too.
ncpmi_cli_output_test(sweep.bench_error_points "first 132 points.*per-point overhead beyond the solve: "
  sweep tests/data/sweep/small.toml --bench --bench-repeats 1)

# A prior swept under --concept sequential: byte-identical for 1 and 2 threads, no settlement up to
# the threshold 4/7 and settlement above it.
add_test(NAME cli.sweep.prior_sequential COMMAND sh -c "set -e; mkdir -p '${_sweep_work}/prior'; cd '${_sweep_work}/prior'; rm -rf p1.csv p2.csv p1.csv.parts p2.csv.parts; \
\"$0\" sweep '${_sweep_data}/trust_prior.toml' -o p1.csv --threads 1 --progress never; \
\"$0\" sweep '${_sweep_data}/trust_prior.toml' -o p2.csv --threads 2 --progress never; cmp p1.csv p2.csv; \
grep -q '^7,1/2,ok,no,0,' p1.csv; grep -q '^9,9/14,ok,all,1,' p1.csv" ${NCPMI_EXE})
set_tests_properties(cli.sweep.prior_sequential PROPERTIES LABELS threads)
