#!/bin/bash
# Example SLURM job array for `ncpmi sweep`: each array task computes one shard (round robin over
# chunks) with all the cores SLURM gives it; a dependent job merges the shards into the output
# a single run would have written. Submit from the project directory:
#
#   sbatch --array=0-31 tools/slurm_sweep.sh instances/haiti-1994-sweep.toml results/haiti
#
# `ncpmi sweep` reads SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_MIN and SLURM_ARRAY_TASK_COUNT, so
# task i of N writes shard (i - min + 1)/N to PREFIX.shard-i.csv (with PREFIX.shard-i.csv.meta
# for the merge). A task that is preempted or times out is requeued and continues with --resume
# from its last complete chunk. For MPI instead of an array:
#   srun -n 64 ncpmi sweep SPEC -o PREFIX.csv --threads "$SLURM_CPUS_PER_TASK"
#SBATCH --job-name=ncpmi-sweep
#SBATCH --cpus-per-task=8
#SBATCH --mem-per-cpu=500M
#SBATCH --time=01:00:00
#SBATCH --requeue
#SBATCH --output=ncpmi-sweep-%A_%a.log
set -euo pipefail
spec=${1:?usage: sbatch --array=0-N tools/slurm_sweep.sh SPEC PREFIX}
prefix=${2:?usage: sbatch --array=0-N tools/slurm_sweep.sh SPEC PREFIX}
ncpmi=${NCPMI:-build/release/tools/ncpmi}
mkdir -p "$(dirname "$prefix")"
part="$prefix.shard-$SLURM_ARRAY_TASK_ID.csv"
resume=""
[ -d "$part.parts" ] && resume="--resume"   # a requeued task continues where it stopped
"$ncpmi" sweep "$spec" -o "$part" --threads "${SLURM_CPUS_PER_TASK:-1}" --progress never $resume

# The last task to start submits the merge, to run once every task of the array has succeeded.
if [ "$SLURM_ARRAY_TASK_ID" = "${SLURM_ARRAY_TASK_MAX:-$SLURM_ARRAY_TASK_ID}" ]; then
  sbatch --dependency="afterok:${SLURM_ARRAY_JOB_ID}" --job-name=ncpmi-merge --time=00:20:00 \
    --wrap="'$ncpmi' merge -o '$prefix.csv' '$prefix'.shard-*.csv && '$ncpmi' sweep '$spec' -o '$prefix.csv' --summary > '$prefix.summary.txt'"
fi
