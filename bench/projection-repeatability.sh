#!/usr/bin/env bash
# Projection repeatability (issue #25, item 2): N plain doctor runs in a row (default 5), then per run
# native Python's projection of the example job with its p10–p90 range, the inputs that could move it
# (the two yolov8m points, the fit's intercept and slope, torch's threads, the cnn steps) and each
# container row against native's on the same backend. Prints the Markdown tables of docs/benchmarks.md
# ("Projection repeatability"): the spread (max/min) of each figure across runs, each range's p90/p10,
# and how often a run's range holds the median of all runs and the median of the others.
#
#   bench/projection-repeatability.sh [RUNS] [extra doctor options...]
#   e.g. bench/projection-repeatability.sh 5            # doctor --python /usr/bin/python3
#        KEEP=/tmp/runs bench/projection-repeatability.sh 3   # keep the reports
#        ENVDOCTOR_HOME=/tmp/fresh bench/projection-repeatability.sh 5   # from an empty history (runs pool with the earlier ones)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}; shift $(( $# < 1 ? $# : 1 ))
jar=${ENVDOCTOR_JAR:-target/envdoctor.jar}
java=${JAVA:-java}
[ -f "$jar" ] || { echo "bench: $jar missing; run: ./mvnw -q package -DskipTests" >&2; exit 2; }
out=${KEEP:-$(mktemp -d)}
mkdir -p "$out"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$out"' EXIT
for i in $(seq "$runs"); do
  start=$(date +%s)
  "$java" -jar "$jar" doctor --python /usr/bin/python3 --json --out "$out/files$i" "$@" > "$out/run$i.json" 2>"$out/run$i.err" || true
  echo "bench: run $i took $(( $(date +%s) - start )) s, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done
/usr/bin/python3 bench/projection_repeatability.py "$out"/run*.json
