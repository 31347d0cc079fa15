#!/usr/bin/env bash
# Wall time of `envdoctor probe --json` next to `python3 -m torch.utils.collect_env` on this machine:
# N runs of each (default 7), interleaved so both see the same load, medians and their ratio.
# A third row runs the probe with an AppCDS archive made on the spot (what start-up tricks buy).
#
#   bench/probe.sh [N]          needs target/envdoctor.jar (mvn -o package -DskipTests)
#   PYTHON=/usr/bin/python3     the Python that has torch (Debian's python3-torch here)
set -euo pipefail
n=${1:-7}
cd "$(dirname "$0")/.."
jar=target/envdoctor.jar
python=${PYTHON:-/usr/bin/python3}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$jar" ] || { echo "bench: $jar missing; run: mvn -o -q package -DskipTests" >&2; exit 2; }
"$python" -c 'import torch' 2>/dev/null || { echo "bench: $python has no torch (apt-get install python3-torch)" >&2; exit 2; }

# the launcher's JVM flags (src/main/dist/envdoctor)
flags=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$java" -XX:ArchiveClassesAtExit="$tmp/envdoctor.jsa" "${flags[@]}" -jar "$jar" probe --json >/dev/null 2>&1

# wall ms, and CPU ms (user+sys: less sensitive to other processes on a shared machine than wall time)
ms() {
  local t0 t1 out
  out=$(mktemp "$tmp/t.XXXX")
  t0=$(date +%s%N); /usr/bin/time -f '%U %S' -o "$out" "$@" >/dev/null 2>&1; t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$out")"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

: >"$tmp/probe"; : >"$tmp/cds"; : >"$tmp/collect"
for i in $(seq "$n"); do
  ms "$java" "${flags[@]}" -jar "$jar" probe --json >>"$tmp/probe"
  ms "$java" -XX:SharedArchiveFile="$tmp/envdoctor.jsa" "${flags[@]}" -jar "$jar" probe --json >>"$tmp/cds"
  ms "$python" -m torch.utils.collect_env >>"$tmp/collect"
done
wall() { cut -d' ' -f1 "$tmp/$1" | median; }
cpu() { cut -d' ' -f2 "$tmp/$1" | median; }
row() { printf '%-42s wall median %6d ms   CPU median %6d ms   wall runs: %s\n' "$1" "$(wall "$2")" "$(cpu "$2")" "$(cut -d' ' -f1 "$tmp/$2" | paste -sd' ')"; }
echo "machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
row "envdoctor probe --json" probe
row "envdoctor probe --json (AppCDS archive)" cds
row "python3 -m torch.utils.collect_env" collect
awk -v p="$(wall probe)" -v c="$(wall cds)" -v t="$(wall collect)" -v pc="$(cpu probe)" -v tc="$(cpu collect)" \
  'BEGIN {printf "ratio collect_env / probe: wall %.2fx (with AppCDS %.2fx), CPU %.2fx\n", t / p, t / c, tc / pc}'
