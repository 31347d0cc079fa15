#!/usr/bin/env bash
# Native vs Docker vs Podman on CPU: the same DJL worker, the same workloads, interleaved runs
# (native, docker, podman, native, ...) so that machine load falls on all sides alike. Prints
# each side's median step time per workload (median over runs of each run's median) and the ratio
# container / native.
#
#   bench/containers-cpu.sh [RUNS]      (default 5)
#   IMAGE=envdoctor-worker:0.1.0 bench/containers-cpu.sh
#
# Needs target/envdoctor.jar and the worker image in both engines (envdoctor image build
# --runtime docker|podman). A side whose engine or image is missing is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
image=${IMAGE:-envdoctor-worker:$(java -jar target/envdoctor.jar --version | awk 'NR==1{print $2}')}
flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xmx512m -XX:+ExitOnOutOfMemoryError)
worker_args=(worker --device cpu --verify --calibrate --workloads mlp,cnn)
cp='/opt/envdoctor/envdoctor.jar:/opt/envdoctor/lib/*'
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

sides=(native)
for engine in docker podman; do
  if "$engine" image inspect "$image" >/dev/null 2>&1; then sides+=("$engine"); else echo "# $engine: no image $image, left out" >&2; fi
done

for i in $(seq 1 "$runs"); do
  for side in "${sides[@]}"; do
    case $side in
      native) java "${flags[@]}" -jar target/envdoctor.jar "${worker_args[@]}" ;;
      docker) docker run --rm --init --network none "$image" java "${flags[@]}" -cp "$cp" dev.envdoctor.Main "${worker_args[@]}" ;;
      podman) podman run --rm --network none "$image" java "${flags[@]}" -cp "$cp" dev.envdoctor.Main "${worker_args[@]}" ;;
    esac 2>/dev/null >"$out/$side-$i.json" || echo "# $side run $i failed" >&2
  done
done

python3 - "$out" "${sides[@]}" <<'PY'
import json, os, statistics, sys
out, sides = sys.argv[1], sys.argv[2:]
med = {}
for side in sides:
    per = {}
    for f in sorted(os.listdir(out)):
        if not f.startswith(side + "-"):
            continue
        try:
            doc = json.load(open(os.path.join(out, f)))
        except ValueError:
            continue
        for c in doc.get("calibrations", []):
            if c.get("medianMs"):
                per.setdefault(c["workload"], []).append(c["medianMs"])
    med[side] = {w: (statistics.median(v), len(v), statistics.pstdev(v) / statistics.mean(v) if len(v) > 1 else 0.0)
                 for w, v in per.items()}
print("%-8s %-5s %12s %5s %8s %10s" % ("side", "load", "median ms", "runs", "cv", "vs native"))
for side in sides:
    for w, (m, n, cv) in sorted(med[side].items()):
        base = med.get("native", {}).get(w)
        ratio = "%.2f" % (m / base[0]) if base else "-"
        print("%-8s %-5s %12.1f %5d %8.2f %10s" % (side, w, m, n, cv, ratio))
PY
