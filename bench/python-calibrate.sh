#!/bin/sh
# Repeatability of the Python backend's calibration: runs envdoctor_torch.py's calibrate N times
# (independent processes, the --quick budget envdoctor uses) and prints each workload's median step
# time per run, the median of the medians and their coefficient of variation across runs.
# Usage: bench/python-calibrate.sh [PYTHON] [RUNS] [DEVICE] [THREADS] [SECONDS] [STEPS]
#        (defaults: /usr/bin/python3 5 cpu 0 = the CPUs the process may use, 0.5 s and 20 steps = --quick)
set -eu
PY=${1:-/usr/bin/python3}
RUNS=${2:-5}
DEVICE=${3:-cpu}
THREADS=${4:-0}
SECONDS_=${5:-0.5}
STEPS=${6:-20}
SCRIPT="$(dirname "$0")/../src/main/resources/dev/envdoctor/python/envdoctor_torch.py"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
i=1
while [ "$i" -le "$RUNS" ]; do
  "$PY" - calibrate --device "$DEVICE" --threads "$THREADS" --steps "$STEPS" --min-steps 5 --seconds "$SECONDS_" --warmup-max 10 \
    --warmup-seconds 0.5 < "$SCRIPT" > "$OUT/run$i.json" 2>/dev/null
  i=$((i + 1))
done
python3 - "$OUT" <<'PY'
import json, os, statistics, sys
runs = sorted(os.listdir(sys.argv[1]))
by = {}
for r in runs:
    for c in json.load(open(os.path.join(sys.argv[1], r)))["calibrations"]:
        by.setdefault((c["device"], c["workload"]), []).append(c)
for (device, workload), cals in by.items():
    medians = [c["medianMs"] for c in cals]
    m = statistics.median(medians)
    cv = statistics.stdev(medians) / statistics.mean(medians) if len(medians) > 1 else 0.0
    print("%-7s %-4s runs=%d threads=%d medians(ms)=%s  median=%.2f ms  cv=%.1f%%  %.1f GFLOP/s"
          % (device, workload, len(cals), cals[0]["threads"], " ".join("%.2f" % x for x in medians), m,
             100 * cv, cals[0]["flopsPerStep"] / (m / 1000) / 1e9))
PY
