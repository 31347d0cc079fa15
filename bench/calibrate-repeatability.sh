#!/usr/bin/env bash
# Repeatability of `envdoctor calibrate --quick`: N independent runs (default 5) of one side and
# backend, then per workload the median step time of each run, the median of those medians and
# their coefficient of variation across runs (the issue's goal: CV <= 3%).
#
#   bench/calibrate-repeatability.sh [RUNS] [RUNTIME] [BACKEND] [extra envdoctor options...]
#   e.g. bench/calibrate-repeatability.sh 5 native djl
#        bench/calibrate-repeatability.sh 5 native python --python /usr/bin/python3
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; runtime=${2:-native}; backend=${3:-djl}; shift $(( $# < 3 ? $# : 3 ))
jar=${ENVDOCTOR_JAR:-target/envdoctor.jar}   # JAVA and ENVDOCTOR_JAR let the GPU machine's jlinked runtime run it
java=${JAVA:-java}
[ -f "$jar" ] || { echo "bench: $jar missing; run: ./mvnw -q package -DskipTests" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for i in $(seq "$runs"); do
  "$java" -jar "$jar" calibrate --quick --runtime "$runtime" --backend "$backend" --json "$@" > "$out/run$i.json" 2>/dev/null || true
done
python3 - "$out" "$runtime" "$backend" <<'PY'
import json, os, statistics, sys
folder, runtime, backend = sys.argv[1:4]
by = {}
for f in sorted(os.listdir(folder)):
    for c in json.load(open(os.path.join(folder, f))).get("calibrations", []):
        if c["runtime"] == runtime and c["backend"] == backend and c["medianMs"] is not None:
            by.setdefault((c["device"], c["workload"]), []).append(c["medianMs"])
print(f"{'device':8} {'workload':8} {'runs':>4} {'median of medians ms':>21} {'CV across runs':>15}   medians")
for (device, workload), meds in sorted(by.items()):
    cv = statistics.stdev(meds) / statistics.mean(meds) if len(meds) > 1 else float("nan")
    print(f"{device:8} {workload:8} {len(meds):4d} {statistics.median(meds):21.3f} {cv:14.1%}   "
          + " ".join(f"{m:.2f}" for m in meds))
PY
