#!/bin/sh
# Is DJL's float32 convolution backward right on this CPU? Compares the weight gradient of a
# two-convolution network in float32 against float64 (rounding alone: ~1e-9), with libtorch's
# oneDNN at its default ISA and limited to SSE4.1. Needs ./mvnw package first (target/lib).
# Found on the development machine (AMD EPYC, AVX-512, DJL 0.36.0, libtorch 2.7.1 CPU,
# 2026-11-25): float32 off by 4e-3..8e-3 or NaN at the default ISA and AVX2, right with SSE41.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cp=$(ls "$root"/target/lib/*.jar | paste -sd:)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$cp" "$here/djl-conv-backward/ConvBackwardCheck.java"
for threads in 1 2; do
  for isa in default AVX2 SSE41; do
    echo "== threads=$threads ONEDNN_MAX_CPU_ISA=$isa"
    if [ "$isa" = default ]; then unset ONEDNN_MAX_CPU_ISA; else export ONEDNN_MAX_CPU_ISA=$isa; fi
    java -Dai.djl.pytorch.num_threads=$threads -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
      -cp "$out:$cp" ConvBackwardCheck 2>/dev/null
  done
done
