#!/usr/bin/env bash
# Issue #29's TF32 finding and issue #25's pooling on a lent single-GPU machine: `recommend --trainer torch`
# (fp32, workers 0) for yolov8m 640 x 16 times TF32, AMP and workers as findings; the whole-job harness
# at fp32 and tf32 says what TF32 gains there on its own; then `recommend --trainer ultralytics` twice in
# one envdoctor folder (the second pools the first's points). Needs .gpu/ from scripts/gpu-stage.sh.
# Writes into $1.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?out dir}
mkdir -p "$out"
java=$PWD/.gpu/jre/bin/java
jar=$PWD/.gpu/app/envdoctor.jar
{ date -u; nvidia-smi --query-gpu=name,driver_version,power.limit --format=csv
  python3 -c 'import torch, sys; print(sys.version.split()[0], torch.__version__, torch.backends.cudnn.allow_tf32, torch.backends.cuda.matmul.allow_tf32)'
  nproc; } > "$out/machine.txt" 2>&1
for p in fp32 tf32; do
  echo "# harness $p $(date -u +%T)" >> "$out/whole-job.log"
  python3 bench/whole-job.py --model yolov8m --imgsz 640 --batch 16 --steps 15 --device cuda:0 --precision "$p" \
    --workers 8 --files 96 --source-size 1280x720 --val-images 32 >> "$out/whole-job.jsonl" 2>> "$out/whole-job.log"
done
mkdir -p "$out/work" && cp -r checks "$out/work/" && cd "$out/work"
export ENVDOCTOR_HOME="$PWD/home"
common="recommend --python python3 --runtime native --backend python --model yolov8m --imgsz 640 --batch 16 --epochs 1 --images 1000"
echo "# torch $(date -u +%T)" >> ../times.txt
timeout 240 "$java" -jar "$jar" $common --trainer torch --json > ../recommend-torch.json 2> ../recommend-torch.err; echo "rc $?" >> ../recommend-torch.err
"$java" -jar "$jar" recommend --from ../recommend-torch.json > ../recommend-torch.txt 2>&1
for r in 1 2; do
  echo "# ultralytics $r $(date -u +%T)" >> ../times.txt
  timeout 180 "$java" -jar "$jar" $common --trainer ultralytics --json > ../recommend-ultralytics-$r.json 2> ../recommend-ultralytics-$r.err
  echo "rc $?" >> ../recommend-ultralytics-$r.err
done
"$java" -jar "$jar" recommend --from ../recommend-ultralytics-2.json > ../recommend-ultralytics-2.txt 2>&1
echo "# end $(date -u +%T)" >> ../times.txt
cp home/points-history.jsonl .. 2>/dev/null
