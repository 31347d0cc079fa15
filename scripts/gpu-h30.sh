#!/usr/bin/env bash
# Issue #30's GPU run: the peak tests with the board sampled beside them. Runs from a folder holding
# what scripts/gpu-stage.sh prepares (jre/, app/) and this script; writes under $1.
#  - sampler-independent.csv: nvidia-smi's own 250 ms log of the whole call (envdoctor's query), the
#    independent account the report's conditions are checked against, and a real recording for
#    NvidiaSmiSamples' tests;
#  - q-x-idle.xml, q-x-busy.xml: nvidia-smi -q -x before the tests and 8 s into the first one;
#  - calibrate-full-{1,2}.json: two calibrate --full reports (peaks with conditions and normal);
#  - doctor-full.txt and reports/: doctor --full with its Markdown report.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?out dir}
mkdir -p "$out"
export ENVDOCTOR_HOME="$out/home"
ed() { "$here/jre/bin/java" -jar "$here/app/envdoctor.jar" "$@"; }
q='timestamp,index,clocks.sm,clocks.mem,clocks.max.sm,power.draw,power.limit,temperature.gpu,clocks_throttle_reasons.active'
{ date -u; uname -a; nvidia-smi; nvidia-smi --help-query-gpu | grep -i -A2 'reasons.active'; command -v python3; python3 -c 'import torch; print(torch.__version__)'; } > "$out/machine.txt" 2>&1
nvidia-smi topo -m > "$out/topo-m.txt" 2>&1
nvidia-smi -q -x > "$out/q-x-idle.xml" 2>&1
{ dmesg 2>&1 || journalctl -k 2>&1; } | grep -i 'nvrm\|xid' | tail -100 > "$out/kernel-nvrm.txt"
timeout 400 nvidia-smi --query-gpu="$q" --format=csv -lms 250 > "$out/sampler-independent.csv" 2>&1 &
sampler=$!
step() { local name=$1; shift; local t0=$(date +%s%3N)
  ed "$@" > "$out/$name" 2> "$out/$name.err"; local rc=$?
  printf '%-28s exit %d  %d ms  (%s .. %s epoch ms)\n' "$name" "$rc" $(( $(date +%s%3N) - t0 )) "$t0" "$(date +%s%3N)" | tee -a "$out/steps.txt"; }
( sleep 8; nvidia-smi -q -x > "$out/q-x-busy.xml" 2>&1 ) &
step calibrate-full-1.json calibrate --json --runtime native --full
step calibrate-full-2.json calibrate --json --runtime native --full
step doctor-full.txt doctor --no-color --runtime native --full --out "$out/reports"
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
for f in "$out"/calibrate-full-*.json; do
  python3 - "$f" <<'PY' | tee -a "$out/summary.txt"
import json, sys
d = json.load(open(sys.argv[1]))
for p in d.get("peaks", []):
    c = p.get("conditions") or {}
    print(sys.argv[1].split("/")[-1], p["device"], p["test"], p["dtype"], round(p["achieved"] or 0, 1), p["unit"],
          "|", p.get("normal"), "|", c.get("limit"), "|", c.get("samples"))
PY
done
rm -rf "$out/home/cache" 2>/dev/null
ls -la "$out"
