#!/usr/bin/env bash
# Issue #29 on a lent single-GPU machine, two questions. (1) Does the order of the Python side's
# project commands move the AMP step? `recommend --trainer torch` read AMP 1.09x faster than fp32 at
# yolov8m 640 x 16 (the AMP step timed after fp32 and tf32 in one process) while the AMP step of an
# ultralytics run, timed first, was 1.29x (docs/gpu-runs/h100-2026-12-08). Two fresh processes of the
# side, fp32 first and amp first, with nvidia-smi's clocks and power every 250 ms beside them. (2) A
# named job's verdict bursts on CUDA at amp (the burst command with a point and a precision), then
# recommend --trainer ultralytics and --trainer torch with this build. Needs .gpu/ from
# scripts/gpu-stage.sh. Writes into $1.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?out dir}
mkdir -p "$out"
side=$PWD/src/main/resources/dev/envdoctor/python/envdoctor_torch.py
java=$PWD/.gpu/jre/bin/java
jar=$PWD/.gpu/app/envdoctor.jar
{ date -u; nvidia-smi --query-gpu=name,driver_version,power.limit --format=csv
  python3 -c 'import torch, sys; print(sys.version.split()[0], torch.__version__)'; nproc; } > "$out/machine.txt" 2>&1
nvidia-smi --query-gpu=timestamp,clocks.sm,power.draw,temperature.gpu,clocks_throttle_reasons.active --format=csv -lms 250 \
  > "$out/smi.csv" 2>&1 &
smi=$!
side() { # NAME COMMAND...: one fresh side process, its answers to side-NAME.jsonl
  local name=$1; shift
  echo "# $name $(date -u +%T.%N)" >> "$out/side.log"
  printf '%s\n' "$@" end | python3 "$side" >> "$out/side-$name.jsonl" 2>> "$out/side.log"
  echo "# $name end $(date -u +%T.%N)" >> "$out/side.log"
}
P=yolov8m@640x16
side fp32-first "project cuda:0 $P fp32" "project cuda:0 $P tf32" "project cuda:0 $P amp" "project cuda:0 $P fp32" "project cuda:0 $P amp"
sleep 5
side amp-first "project cuda:0 $P amp" "project cuda:0 $P fp32" "project cuda:0 $P amp" "project cuda:0 $P fp32"
sleep 5
B=yolov8m@320x16
side bursts "burst cuda:0 $B 0 amp" "burst cuda:0 $B 0.3 amp" "burst cuda:0 $B 0.3 amp" "burst cuda:0 $B 0.3 amp" \
  "burst cuda:0 $B 0 fp32" "burst cuda:0 $B 0.3 fp32" "burst cuda:0 $B 0.3 fp32" "burst cuda:0 $B 0.3 amp"
mkdir -p "$out/work" && cp -r checks "$out/work/" && cd "$out/work"
export ENVDOCTOR_HISTORY=off
common="recommend --python python3 --runtime native --backend python --model yolov8m --imgsz 640 --batch 16 --epochs 1 --images 1000"
for t in ultralytics torch; do
  echo "# $t $(date -u +%T)" >> ../times.txt
  timeout 200 "$java" -jar "$jar" $common --trainer $t --json > ../recommend-$t.json 2> ../recommend-$t.err
  echo "rc $?" >> ../recommend-$t.err
  "$java" -jar "$jar" recommend --from ../recommend-$t.json > ../recommend-$t.txt 2>&1
done
echo "# end $(date -u +%T)" >> ../times.txt
kill $smi 2>/dev/null
