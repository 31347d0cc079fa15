#!/usr/bin/env bash
# A/B of `envdoctor probe` start: install.sh's install from source (the JDK on this machine, its AppCDS
# archive) against the self-contained archive's (its jlinked runtime, the CDS archive made at build
# time), each installed by install.sh into its own temporary PREFIX, run alternately A B A B ...,
# ROUNDS each (default 7), after one warm-up each. Prints every run and the medians of wall and CPU
# (user+sys) seconds. Rebuilds target/ (install.sh runs ./mvnw clean package). Leaves nothing behind.
# Usage: bench/archive-start.sh            (run it on a quiet machine: other builds move the figures)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-7}
work=$(mktemp -d /tmp/envdoctor-archive-start.XXXX) && trap 'rm -rf "$work"' EXIT
PREFIX="$work/source" ./install.sh >/dev/null
bash scripts/package.sh --no-build >/dev/null
PREFIX="$work/archive" ./install.sh target/dist/envdoctor-*.tar.gz >/dev/null
TIMEFORMAT='%R %U %S'
one() { { time "$work/$1/bin/envdoctor" probe >/dev/null 2>&1; } 2>&1 | awk -v s="$1" '{printf "%s %.3f %.3f\n", s, $1, $2 + $3}'; }
one source >/dev/null; one archive >/dev/null
for i in $(seq "$rounds"); do one source; one archive; done | tee "$work/runs"
median() { awk -v s="$1" -v c="$2" '$1 == s {print $c}' "$work/runs" | sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
for s in source archive; do
  printf '%-8s median wall %s s, CPU %s s (%s runs; java: %s)\n' "$s" "$(median $s 2)" "$(median $s 3)" "$rounds" \
    "$("$work/$s/bin/envdoctor" probe --json 2>/dev/null | /usr/bin/python3 -c 'import json,sys; j=json.load(sys.stdin)["jvm"]; print(j["version"], j["vendor"])')"
done
printf 'archive: %s bytes (%s)\n' "$(stat -c %s target/dist/envdoctor-*.tar.gz)" "$(ls target/dist/envdoctor-*.tar.gz)"
printf 'load: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
