#!/bin/sh
# Holds envdoctor's projection (recommend, quick mode, natively) against a real multi-step training
# run of the same network at the job's own size, on this machine's CPU with Debian's torch and
# 2 threads (Python: bench/yolo-train.py) and with DJL (bench/yolo-djl/YoloTrain.java). Needs
# ./mvnw package first. One line per round, job and backend: projected and real s/image, their
# ratio. Rounds alternate projection and real run, so that a drift of the machine shows as a
# spread between rounds instead of a bias.
#   ROUNDS=2 STEPS=8 bench/yolo-fidelity.sh [MODEL:IMGSZ:BATCH ...]   (default: the issue's jobs and two others)
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cp="$root/target/classes:$(ls "$root"/target/lib/*.jar | paste -sd:)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
javac -d "$out" -cp "$cp" "$here/yolo-djl/YoloTrain.java"
jobs=${*:-"yolov8n:320:8 yolov8m:320:4 yolov8n:416:4 yolov8m:256:8"}
steps=${STEPS:-8}
rounds=${ROUNDS:-2}
echo "# $(date -u +%FT%TZ) $(uname -n) load: $(cut -d' ' -f1-3 /proc/loadavg); steps per real run: $steps"
printf '%-5s %-8s %5s %5s %-18s %12s %12s %7s\n' round model imgsz batch side projected real ratio
for round in $(seq "$rounds"); do for job in $jobs; do
  model=${job%%:*}; rest=${job#*:}; imgsz=${rest%%:*}; batch=${rest#*:}
  java -jar "$root/target/envdoctor.jar" recommend --python /usr/bin/python3 --runtime native --model "$model" \
    --imgsz "$imgsz" --batch "$batch" --epochs 1 --images 1000 --json > "$out/rec.json" 2>"$out/rec.err" || true
  /usr/bin/python3 "$here/yolo-train.py" "$model" "$imgsz" "$batch" "$steps" 2 > "$out/py.json" 2>"$out/py.err"
  # DJL twice: with the glibc malloc tunables every timed child of envdoctor gets (calibrate/SteadyAllocator),
  # the setting the projection is made under, and with glibc's defaults
  GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=536870912 \
  java -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
    -cp "$out:$cp" dev.envdoctor.worker.YoloTrain "$model" "$imgsz" "$batch" "$steps" > "$out/djl.json" 2>"$out/djl.err"
  env -u GLIBC_TUNABLES java -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=off \
    -cp "$out:$cp" dev.envdoctor.worker.YoloTrain "$model" "$imgsz" "$batch" "$steps" > "$out/djl-default.json" 2>"$out/djl-default.err"
  /usr/bin/python3 - "$out" "$model" "$imgsz" "$batch" "$round" <<'PY'
import json, sys
out, model, imgsz, batch, rnd = sys.argv[1:]
rec = json.load(open(out + "/rec.json"))["recommendation"] or {"projection": []}
for label, side, real in (("python", "python", out + "/py.json"), ("djl", "djl", out + "/djl.json"),
                          ("djl-glibc-defaults", "djl", out + "/djl-default.json")):
    r = json.load(open(real))["medianSecondsPerImage"]
    p = [x for x in rec["projection"] if x["runtime"] == "native" and x["backend"] == side]
    side = label
    if not p:
        print("%-5s %-8s %5s %5s %-18s %12s %12.4f" % (rnd, model, imgsz, batch, side, "-", r)); continue
    s = p[0]["secondsPerImage"]
    print("%-5s %-8s %5s %5s %-18s %12.4f %12.4f %7.2f  %s" % (rnd, model, imgsz, batch, side, s, r, s / r, p[0]["method"]))
PY
done; done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
