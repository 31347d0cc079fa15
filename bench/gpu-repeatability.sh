#!/usr/bin/env bash
# On the lent GPU machine (16 dedicated cores, one H100/H200), from what scripts/gpu-stage.sh put in
# .gpu/: the repeatability of `calibrate --quick` with the Python backend (the machine's torch) on
# its CPU and its GPU, with envdoctor's steady allocator (the default) and with glibc's default
# allocator, then the wall time of `doctor --quick --runtime native` three times. Outputs in $1.
#
# glibc's default: GLIBC_TUNABLES=glibc.malloc.arena_max=64 sets a malloc tunable that changes
# nothing on 16 cores (the default is 8 per core), and envdoctor keeps a user's malloc tunables.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-gpu-out}; mkdir -p "$out"
export JAVA=.gpu/jre/bin/java ENVDOCTOR_JAR=.gpu/app/envdoctor.jar ENVDOCTOR_HOME="$out/home"
{
  echo "# $(date -u +%FT%TZ) $(nproc) CPUs, $(nvidia-smi --query-gpu=name --format=csv,noheader | head -1), $(python3 -c 'import torch; print("torch", torch.__version__)')"
  for device in cpu cuda; do
    echo "## python $device, steady allocator (envdoctor's default)"
    bench/calibrate-repeatability.sh 5 native python --device "$device"
    echo "## python $device, glibc's default allocator"
    GLIBC_TUNABLES=glibc.malloc.arena_max=64 bench/calibrate-repeatability.sh 5 native python --device "$device"
  done
  echo "## doctor --quick --runtime native, wall seconds"
  for i in 1 2 3; do
    t0=${EPOCHREALTIME/./}
    "$JAVA" -jar "$ENVDOCTOR_JAR" doctor --quick --runtime native --json --out "$out/reports" > "$out/doctor$i.json" 2>/dev/null
    echo "run $i: exit $? $(( (${EPOCHREALTIME/./} - t0) / 1000 )) ms"
  done
} 2>&1 | tee "$out/repeatability.txt"
