#!/usr/bin/env bash
# Runs envdoctor on a Linux x86-64 NVIDIA machine that has no Java, from what scripts/gpu-stage.sh
# prepared in .gpu/ (a jlinked runtime, the app's jars without the libtorch CPU jar). Every output
# goes to the folder given as $1 (default: gpu-out), packed as gpu-run.tgz beside the key files.
#
#   DJL there: without a libtorch of its own and offline, DJL cannot load (diagnosed). Pointed at
#   the machine's Python torch (PYTORCH_LIBRARY_PATH), the 2.7.1 JNI meets a newer libtorch and
#   crashes on the first op: the worker process contains and diagnoses that.
#   CUDA training figures come from the Python backend (the machine's own torch).
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-gpu-out}
mkdir -p "$out"
java=.gpu/jre/bin/java
[ -x "$java" ] || { echo "gpu-run.sh: no .gpu/jre: run scripts/gpu-stage.sh first (on the build machine)" >&2; exit 2; }
export ENVDOCTOR_HOME="$out/home"          # the log file and DJL's cache stay inside $out
ed() { "$java" -jar .gpu/app/envdoctor.jar "$@"; }
step() { local name=$1; shift; local t0=${EPOCHREALTIME/./}
  ed "$@" > "$out/$name" 2> "$out/$name.err"; local rc=$?
  local ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
  printf '%-40s exit %d  %d ms\n' "$name" "$rc" "$ms" | tee -a "$out/steps.txt"; }

py=$(command -v python3)
site=$("$py" -c 'import torch, os; print(os.path.dirname(os.path.dirname(torch.__file__)))')
nvlibs=$(ls -d "$site"/nvidia/*/lib 2>/dev/null | paste -sd:)

step probe.txt            probe --no-color -v
step probe.json           probe --json
step verify.txt           verify --no-color --runtime native
step verify.json          verify --json --runtime native
( export PYTORCH_LIBRARY_PATH="$site/torch/lib" PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR=cu128 \
         LD_LIBRARY_PATH="$nvlibs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  step verify-djl-local-libtorch.txt   verify --no-color --runtime native --backend djl
  step verify-djl-local-libtorch.json  verify --json --runtime native --backend djl )
step calibrate-full.json  calibrate --json --runtime native --full
step doctor.txt           doctor --no-color --runtime native --full --out "$out/reports"
(cd "$out" && tar czf ../gpu-run.tgz . && mv ../gpu-run.tgz .)
cat "$out/steps.txt"
