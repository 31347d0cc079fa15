#!/usr/bin/env bash
# Issue #20 on a lent NVIDIA GPU machine (no Java, no Docker, no network): holds envdoctor's YOLOv8
# projection against a real training run of the same network on the GPU, and runs the detection
# ops' verification on CUDA. Needs what scripts/gpu-stage.sh put in .gpu/ (carry it). Writes into
# the folder given as $1 (default: $OUT, else gpu-yolo-out):
#   recommend-quick.json, recommend-full.json  envdoctor's projection for the job (native, python)
#   train.json                                 the real run: bench/yolo-train.py, seconds per image
#   verify-cuda.json, verify-cuda-planted.json the detection ops on cuda:0 vs float64 on the CPU
#                                              (the second with a wrong gather planted: must be named)
#   summary.txt, steps.txt                     the comparison, each step's exit code and wall time
#
#   run(command="bash scripts/gpu-yolo.sh", carry=[".gpu"], kind="nvidia-h200")
# JOB=yolov8m:640:16 STEPS=300 by default (the issue's job: YOLOv8m, 640 px, batch 16).
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-${OUT:-gpu-yolo-out}}
mkdir -p "$out"
job=${JOB:-yolov8m:640:16}
model=${job%%:*}; rest=${job#*:}; imgsz=${rest%%:*}; batch=${rest#*:}
steps=${STEPS:-300}
py=$(command -v python3)
java=.gpu/jre/bin/java
export ENVDOCTOR_HOME="$out/home"
step() { local name=$1; shift; local t0=${EPOCHREALTIME/./}
  "$@" > "$out/$name" 2> "$out/$name.err"; local rc=$?
  local ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
  printf '%-28s exit %d  %d ms\n' "$name" "$rc" "$ms" | tee -a "$out/steps.txt"; }
{ date -u +%FT%TZ; uname -a; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
  "$py" -c 'import torch; print("torch", torch.__version__, "cuda", torch.version.cuda)'; } > "$out/machine.txt" 2>&1

script=src/main/resources/dev/envdoctor/python/envdoctor_torch.py
step verify-cuda.json          "$py" "$script" verify --device cpu,cuda:0
step verify-cuda-planted.json  "$py" "$script" verify --device cuda:0 --plant-wrong-op gather
if [ -x "$java" ]; then
  for mode in quick full; do
    step "recommend-$mode.json" "$java" -jar .gpu/app/envdoctor.jar recommend --json --runtime native \
      --backend python --python "$py" --model "$model" --imgsz "$imgsz" --batch "$batch" --epochs 1 \
      --images 1000 "--$mode"
  done
else
  echo "gpu-yolo.sh: no .gpu/jre (run scripts/gpu-stage.sh on the build machine and carry .gpu): no projection" \
    | tee -a "$out/steps.txt"
fi
# the real run last: it is the longest, and nothing else competes for the GPU meanwhile
step train.json "$py" bench/yolo-train.py "$model" "$imgsz" "$batch" "$steps" "$(nproc)" cuda:0

"$py" - "$out" <<'PY' | tee "$out/summary.txt"
import json, os, sys
out = sys.argv[1]
def load(name):
    try:
        return json.load(open(os.path.join(out, name)))
    except Exception as e:
        return {"error": "%s: %s" % (name, e)}
real = load("train.json")
print("real run:", {k: real.get(k) for k in ("model", "imgsz", "batch", "steps", "device", "torch",
      "medianSecondsPerImage", "meanSecondsPerImage", "error")})
for mode in ("quick", "full"):
    rec = load("recommend-%s.json" % mode)
    for p in (rec.get("recommendation") or {}).get("projection", []):
        if p.get("secondsPerImage") and real.get("medianSecondsPerImage"):
            print("%-5s %-6s %-7s %-17s projected %.5f s/image, real %.5f: ratio %.2f  (%s)" % (
                mode, p["runtime"], p["device"], p.get("method"), p["secondsPerImage"],
                real["medianSecondsPerImage"], p["secondsPerImage"] / real["medianSecondsPerImage"], p.get("basis")))
    for c in rec.get("calibrations", []):
        if c.get("workload", "").startswith("yolov8"):
            print("  %s calibration %s %s@%sx%s: median %s ms" % (mode, c["device"], c["workload"], c["imgsz"],
                                                                  c["batch"], c.get("medianMs")))
for name in ("verify-cuda.json", "verify-cuda-planted.json"):
    for d in load(name).get("devices", []):
        print("%s %s verified=%s maxAbsError=%s %s" % (name, d["device"], d["verified"], d["maxAbsError"],
                                                         d.get("diagnosis") or ""))
PY
(cd "$out" && tar czf ../gpu-yolo.tgz . && mv ../gpu-yolo.tgz .)
cat "$out/steps.txt"
