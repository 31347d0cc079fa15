#!/usr/bin/env bash
# The fleet benchmark of docs/fleet.md: `envdoctor fleet run --scheduler slurm --out DIR` on the
# two-node test cluster (scripts/slurm-cluster.sh), in its plain form (no doctor arguments: the whole
# doctor on each node) and the narrow one (-- --runtime native --backend djl). Per form: wall time,
# exit code, each node's status, its doctor's time, and whether its report came back.
#
#   bench/fleet-run.sh [plain|narrow|both]     (default both; needs Slurm up and target/envdoctor.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${ENVDOCTOR_JAR:-target/envdoctor.jar}
[ -f "$jar" ] || { echo "bench: $jar missing; run: ./mvnw -q package -DskipTests" >&2; exit 2; }
sinfo -h -N -o '%N %t' >/dev/null 2>&1 || { echo "bench: Slurm is not running: bash scripts/slurm-cluster.sh start" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
one() {
  local form=$1; shift
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  java -jar "$jar" fleet run --scheduler slurm --out "$work/$form" "$@" >"$work/$form.out" 2>"$work/$form.err" || rc=$?
  t1=$(date +%s.%N)
  printf '%-7s wall %6.1f s  exit %d  ' "$form" "$(echo "$t1 - $t0" | bc)" "$rc"
  java -jar "$jar" fleet report "$work/$form" --json 2>/dev/null | /usr/bin/python3 -c '
import json, sys
f = json.load(sys.stdin)
print("  ".join(n["name"] + ": " + n["status"] + ("" if n.get("report") else " (no report)") for n in f["nodes"]))' || true
  grep -o '\[[a-z0-9]*\] doctor finished: exit [0-9]* in [0-9.]* s' "$work/$form.err" | sed 's/^/          /' || true
}
case "${1:-both}" in
  plain) one plain ;;
  narrow) one narrow -- --runtime native --backend djl ;;
  both) one plain; one narrow -- --runtime native --backend djl ;;
  *) echo "usage: $0 [plain|narrow|both]" >&2; exit 2 ;;
esac
