#!/usr/bin/env bash
# Issue #21's run on a machine with N NVIDIA GPUs and a Python with torch+CUDA (no Java, Docker or
# network needed): per-GPU verify and peaks of every GPU, the NCCL all-reduce sweep (one rank per GPU,
# up to 1 GiB, every size checked against the expected sum), the P2P copy matrix, and the machine's
# nvidia-smi topo -m / -q -x / query CSV / nvlink -s, all into one folder. N=1 works too: the
# all-reduce then runs with one rank (busbw is 0 by definition) and the P2P matrix says why it is empty.
#
#   scripts/gpu-interconnect.sh OUTDIR          # PYTHON=/path/to/python3 to choose the interpreter
#
# With the lent machines' device tool, from the repository root:
#   run(command='bash scripts/gpu-interconnect.sh "$OUT"', kind="nvidia-h200-x8")
#   (add carry=[".gpu"] after scripts/gpu-stage.sh to also get envdoctor's own calibrate --full --json)
#
# The environment passes through untouched: NCCL_* (NCCL_NVLS_ENABLE=0 on the lent multi-GPU
# machines) stays as the machine sets it; this script sets none and records what it found.
set -uo pipefail
cd "$(dirname "$0")/.."
out=${1:-${OUT:-gpu-interconnect-out}}
mkdir -p "$out"
py=${PYTHON:-python3}
res=src/main/resources/dev/envdoctor/python
: > "$out/steps.txt"

# step NAME LIMIT_S CMD...: stdout to $out/NAME, stderr to $out/NAME.err, exit code and wall time logged
step() { local name=$1 limit=$2; shift 2; local t0=${EPOCHREALTIME/./}
  timeout -k 10 "$limit" "$@" > "$out/$name" 2> "$out/$name.err"; local rc=$?
  local ms=$(( (${EPOCHREALTIME/./} - t0) / 1000 ))
  printf '%-28s exit %3d  %7d ms\n' "$name" "$rc" "$ms" | tee -a "$out/steps.txt"; }

{ date -u +%FT%TZ; uname -a; env | grep -E '^(NCCL_|CUDA_VISIBLE_DEVICES|NVIDIA_)' | sort || true; } > "$out/machine.txt"
"$py" - >> "$out/machine.txt" 2>&1 <<'EOF'
import sys, torch
try:
    nccl = torch.cuda.nccl.version()
except Exception as e:  # a CPU build has no NCCL
    nccl = "none (%s)" % type(e).__name__
print("python", sys.version.split()[0], "torch", torch.__version__, "cuda", torch.version.cuda,
      "gpus", torch.cuda.device_count(), "nccl", nccl)
EOF

if command -v nvidia-smi > /dev/null; then
  step nvidia-smi-topo-m.txt   30 nvidia-smi topo -m
  step nvidia-smi-q-x.xml      60 nvidia-smi -q -x
  step nvidia-smi-query.csv    30 nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap,clocks.max.sm,clocks.max.memory,power.limit,temperature.gpu,ecc.mode.current,persistence_mode,pcie.link.gen.current,pcie.link.width.current --format=csv,noheader,nounits
  step nvidia-smi-nvlink-s.txt 30 nvidia-smi nvlink -s
else
  echo "no nvidia-smi on PATH: no topology, no GPU facts" | tee -a "$out/steps.txt"
fi

# every GPU: verify (forward/backward against the CPU in float64) and the peak tests, one process
step per-gpu.json       480 "$py" "$res/envdoctor_torch.py" verify,peak --device cuda --peak-seconds 1.5
# one rank per GPU over NCCL (gloo with 2 CPU ranks where torch sees no GPU), then the P2P matrix
step allreduce-p2p.json 560 "$py" "$res/envdoctor_interconnect.py" allreduce,p2p --timeout 480

if [ -x .gpu/jre/bin/java ]; then # the whole flow, judged by envdoctor itself (scripts/gpu-stage.sh)
  ENVDOCTOR_HOME="$out/home" step calibrate-full.json 590 .gpu/jre/bin/java -jar .gpu/app/envdoctor.jar \
    calibrate --full --runtime native --backend python --python "$(command -v "$py")" --json
fi

"$py" - "$out" > "$out/summary.txt" 2>&1 <<'EOF'
import json, os, sys
out = sys.argv[1]
def load(name):
    try:
        with open(os.path.join(out, name)) as f:
            return json.load(f)
    except (IOError, ValueError) as e:
        print("%s: unreadable (%s)" % (name, e))
        return None
g = load("per-gpu.json")
if g:
    for d in g.get("devices", []):
        print("verify %-7s %-5s max abs error %s  %s" % (d["device"], d["verified"], d["maxAbsError"], d["diagnosis"] or ""))
    by = {}
    for p in g.get("peaks", []):
        by.setdefault((p["test"], p["dtype"], p["unit"]), []).append((p["achieved"] or 0.0, p["device"]))
    for (test, dtype, unit), v in sorted(by.items()):
        v.sort()
        print("peak %-6s %-4s worst %s %.1f  best %s %.1f %s  (%d GPUs)" % (test, dtype, v[0][1], v[0][0], v[-1][1], v[-1][0], unit, len(v)))
a = load("allreduce-p2p.json")
if a and a.get("allReduce"):
    r = a["allReduce"]
    print("all-reduce %s, %s ranks, NCCL %s, NCCL settings %s, algorithm %s, %s" % (
        r["backend"], r["ranks"], r.get("ncclVersion"), r.get("ncclSettings"), r.get("algorithm"), r.get("diagnosis") or "ok"))
    for s in r.get("results", []):
        print("  %12d B  %10.1f us  algbw %8.2f  busbw %8.2f GB/s  %s" % (s["bytes"], (s["seconds"] or 0) * 1e6,
              s["algGBps"] or 0, s["busGBps"] or 0, "correct" if s["correct"] else "WRONG"))
if a and a.get("p2p"):
    p = a["p2p"]
    print("p2p: %s" % (p.get("diagnosis") or "%d pairs of %d bytes" % (len(p["pairs"]), p["bytes"])))
    gpus = sorted({q["src"] for q in p["pairs"]}, key=lambda s: int(s.split(":")[1]))
    cell = {(q["src"], q["dst"]): q for q in p["pairs"]}
    if gpus:
        print("  GB/s    " + "".join("%8s" % g for g in gpus))
        for s in gpus:
            print("  %-7s " % s + "".join("%8s" % ("-" if s == d else "%.1f" % (cell[(s, d)]["GBps"] or 0)) for d in gpus))
EOF
cat "$out/summary.txt"
