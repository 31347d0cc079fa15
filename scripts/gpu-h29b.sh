#!/usr/bin/env bash
# Issue #29's acceptance on a lent single-GPU machine: yolov8m 640 x 16 at Ultralytics' CUDA settings
# (AMP, workers min(cpus per GPU, batch, 8)), the whole job by bench/whole-job.py three times, against
# envdoctor's projection of the same job (recommend --trainer ultralytics, native Python); then
# --trainer torch (plain torch: fp32, workers 0), whose better settings (AMP, workers) envdoctor times
# as findings. Needs .gpu/ from scripts/gpu-stage.sh. Writes into $1; tar it to bring it back.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?out dir}
mkdir -p "$out"
java=.gpu/jre/bin/java
jar=.gpu/app/envdoctor.jar
cpus=$(python3 -c 'import os; print(len(os.sched_getaffinity(0)))')
w=$(( cpus < 8 ? cpus : 8 ))
{ date -u; nvidia-smi --query-gpu=name,driver_version,power.limit --format=csv; python3 -c 'import torch, sys; print(sys.version.split()[0], torch.__version__)'
  python3 -c 'import cv2; print("OpenCV", cv2.__version__)' 2>&1 | tail -1; echo "cpus $cpus workers $w"; } > "$out/machine.txt" 2>&1
for r in 1 2 3; do
  echo "# run $r $(date -u +%T)" >> "$out/whole-job.log"
  python3 bench/whole-job.py --model yolov8m --imgsz 640 --batch 16 --steps 15 --device cuda:0 --precision amp \
    --workers "$w" --files 96 --source-size 1280x720 --val-images 160 >> "$out/whole-job.jsonl" 2>> "$out/whole-job.log"
done
mkdir -p "$out/work" && cp -r checks "$out/work/" && cd "$out/work"
common="recommend --python python3 --runtime native --backend python --model yolov8m --imgsz 640 --batch 16 --epochs 1 --images 1000"
timeout 300 "$OLDPWD/$java" -jar "$OLDPWD/$jar" $common --trainer ultralytics --json > ../recommend-ultralytics.json 2> ../recommend-ultralytics.err
echo "rc $?" >> ../recommend-ultralytics.err
timeout 300 "$OLDPWD/$java" -jar "$OLDPWD/$jar" $common --trainer ultralytics > ../recommend-ultralytics.txt 2>&1
timeout 300 "$OLDPWD/$java" -jar "$OLDPWD/$jar" $common --trainer torch > ../recommend-torch.txt 2>&1
echo "rc $?" >> ../recommend-torch.txt
cd "$OLDPWD"
python3 - "$out" <<'PY'
import json, statistics, sys
out = sys.argv[1]
runs = [json.loads(l) for l in open(out + "/whole-job.jsonl") if l.startswith("{")]
real = statistics.median(r["secondsPerImage"] for r in runs) if runs else None
try:
    d = json.load(open(out + "/recommend-ultralytics.json"))
    row = [p for p in d["recommendation"]["projection"] if p["backend"] == "python"][0]
    proj = row["secondsPerImage"]
    print("harness", [round(r["secondsPerImage"] * 1000, 2) for r in runs], "ms/img; median", real and round(real * 1000, 2),
          "| envdoctor", round(proj * 1000, 2), "ms/img; ratio", real and round(proj / real, 3), "|", (row.get("parts") or {}).get("boundWords"))
except Exception as e:
    print("no projection:", e)
PY
