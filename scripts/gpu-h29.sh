#!/usr/bin/env bash
# Issue #29's GPU run: bench/whole-job.py (the whole job as the trainer runs it: JPEG files decoded
# and augmented in DataLoader workers, the step at the trainer's precision) on the machine's own
# torch, at Ultralytics' CUDA settings and beside them. One JSON line per run into $1/whole-job.jsonl.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:?out dir}
mkdir -p "$out"
cpus=$(python3 -c 'import os; print(len(os.sched_getaffinity(0)))')
w=$(( cpus < 8 ? cpus : 8 ))   # Ultralytics: min(cpus per GPU, batch, workers=8)
run() { echo "# $*" >> "$out/whole-job.log"
  python3 bench/whole-job.py "$@" >> "$out/whole-job.jsonl" 2>> "$out/whole-job.log" || echo "failed: $*" >> "$out/whole-job.log"; }
common="--model yolov8m --imgsz 640 --batch 16 --steps 15 --warmup 3 --device cuda:0 --files 96 --source-size 1280x720"
run $common --precision amp  --workers "$w" --val-images 160   # Ultralytics' own settings on CUDA
run $common --precision fp32 --workers "$w"
run $common --precision tf32 --workers "$w"
run $common --precision amp  --workers 0                         # data in the training process
run $common --precision amp  --workers "$w" --step-only          # the step alone, again
cat "$out/whole-job.jsonl"
# envdoctor's own Python side on the same GPU, driven by its commands: the job's network at the job's
# size in each precision, the input pipeline on this machine's CPU, torch's threads
py=src/main/resources/dev/envdoctor/python/envdoctor_torch.py
printf 'threads 0\nverify cuda:0\nproject cuda:0 yolov8m@640x16 fp32\nproject cuda:0 yolov8m@640x16 tf32\nproject cuda:0 yolov8m@640x16 amp\npipeline 1280x720 640 32\nend\n' \
  | python3 "$py" --device all --steps 15 --seconds 4 > "$out/side-answers.jsonl" 2> "$out/side-answers.err"
cut -c1-300 "$out/side-answers.jsonl"
