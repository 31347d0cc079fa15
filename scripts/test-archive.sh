#!/usr/bin/env bash
# The self-contained archive where users meet it (issue #31), run by .ci/run after ./mvnw verify:
#  1. unpacked into a container of the offline base image, which has no Java: probe, and
#     doctor --runtime native --backend djl, each to a verdict (exit 0 or 1);
#  2. its launcher with PATH and JAVA_HOME at a broken java: still a verdict, from the bundled runtime,
#     and the CDS archive dumped at build time is used in the folder it was moved to;
#  3. install.sh from the archive into a PREFIX, and the documented uninstall leaves nothing;
#  4. the envdoctor image built from the archive reports the host through ENVDOCTOR_HOST_ROOT;
#  5. fleet run --remote-envdoctor on the real two-node Slurm (scripts/slurm-cluster.sh), the archive
#     unpacked on a path both nodes share.
# Needs Docker, local/debian:bookworm and the Slurm cluster (scripts/test-deps.sh). Leaves nothing
# behind: its containers, image and folders go on exit, also on failure. Usage: scripts/test-archive.sh
# [--no-build] (--no-build packs the target/ of a build just made).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${ENVDOCTOR_TEST_BASE_IMAGE:-local/debian:bookworm}
id=envdoctor-archive-$$-$RANDOM
work=$(mktemp -d "/tmp/$id.XXXX")
cleanup() {
  docker rm -f "$id" "$id-probe" "$id-health" >/dev/null 2>&1 || true
  docker rmi -f "$id:test" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { printf 'test-archive: FAILED: %s\n' "$*" >&2; exit 1; }
ok() { printf 'test-archive: ok: %s\n' "$*"; }
jget() { /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin)
for k in sys.argv[1].split("."): d=d[k]
print(d)' "$1"; }
verdict() { [ "$1" = 0 ] || [ "$1" = 1 ] || fail "$2 exited $1, not 0 or 1 (a verdict)"; }
# Every docker and fleet call has a deadline so that a hang fails CI instead of blocking it; each
# container is named so that cleanup removes it even where timeout killed only the CLI. SIGTERM first:
# envdoctor's shutdown hook then ends its children and its Slurm jobs (scancel).
limit() { local s=$1; shift; timeout --kill-after=30 "$s" "$@"; }

bash scripts/package.sh "$@"
archive=$(ls target/dist/envdoctor-*.tar.gz | head -1)
name=$(basename "$archive" .tar.gz)
printf 'test-archive: %s, %s bytes\n' "$archive" "$(stat -c %s "$archive")"

# 1. no Java in the container; the archive read-only, unpacked inside; each verdict's exit code printed.
start=$(date +%s.%N)
out=$(limit 600 docker run --name "$id" --rm -v "$PWD/$archive:/tmp/e.tar.gz:ro" "$base" sh -c '
  if command -v java >/dev/null || ls /usr/lib/jvm >/dev/null 2>&1; then echo "the base image has a Java"; exit 90; fi
  mkdir /opt/e && tar -C /opt/e -xzf /tmp/e.tar.gz && e=$(echo /opt/e/envdoctor-*/bin/envdoctor)
  "$e" probe; echo "probe-exit=$?"
  "$e" doctor --runtime native --backend djl --out /tmp/r; echo "doctor-exit=$?"' 2>&1) || fail "the container run failed: $out"
took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN{printf "%.0f", b - a}')
printf '%s\n' "$out" | grep -q '\[.\] JVM: Java' || fail "probe printed no JVM line: $out"
verdict "$(printf '%s\n' "$out" | sed -n 's/^probe-exit=//p')" "probe in the container"
printf '%s\n' "$out" | grep -Eq '^\[.\] Train (natively|in) ' || fail "doctor printed no verdict: $out"
verdict "$(printf '%s\n' "$out" | sed -n 's/^doctor-exit=//p')" "doctor in the container"
ok "in $base without Java: probe and doctor --runtime native --backend djl to a verdict, $took s from unpacking to the verdict"
printf '%s\n' "$out" | grep -E '^\[.\] Train ' | head -1

# 2. a broken java first on PATH and as JAVA_HOME; the folder moved after unpacking.
mkdir -p "$work/bad/bin" "$work/u"
printf '#!/bin/sh\necho "broken java was run" >&2; exit 97\n' >"$work/bad/bin/java" && chmod +x "$work/bad/bin/java"
tar -C "$work/u" -xzf "$archive" && mv "$work/u/$name" "$work/u/moved"
set +e
h=$(PATH="$work/bad/bin:/usr/bin:/bin" JAVA_HOME="$work/bad" "$work/u/moved/bin/envdoctor" health --runtime native 2>&1); hc=$?
set -e
verdict "$hc" "health with a broken java on PATH and JAVA_HOME ($h)"
case $h in *"broken java"*) fail "the launcher ran the java from PATH or JAVA_HOME" ;; esac
ok "broken java on PATH and JAVA_HOME: health exit $hc: $h"
shared=$(PATH="$work/bad/bin:/usr/bin:/bin" JAVA_HOME="$work/bad" ENVDOCTOR_JAVA_OPTS=-Xlog:class+load=info \
  "$work/u/moved/bin/envdoctor" --version | grep -c 'source: shared objects file (top)' || true)
[ "$shared" -gt 100 ] || fail "the build-time CDS archive was not used after the folder moved ($shared classes from it)"
ok "the build-time CDS archive serves $shared classes in the moved folder"

# 3. install.sh from the archive, then the README's uninstall.
PREFIX="$work/prefix" sh install.sh "$archive" >/dev/null
v=$("$work/prefix/bin/envdoctor" --version) || fail "the install from the archive does not start"
rm -rf "$work/prefix/bin/envdoctor" "$work/prefix/lib/envdoctor"
[ -z "$(find "$work/prefix" -type f)" ] || fail "uninstall left files: $(find "$work/prefix" -type f)"
ok "install.sh $archive: $v; uninstalled"

# 4. the image from the archive, with the DaemonSet's mounts; the host's os-release read under /host.
mkdir "$work/ctx" && cp "$archive" "$work/ctx/"
limit 600 docker build -q -f src/main/docker/envdoctor.Dockerfile --build-arg BASE_IMAGE="$base" -t "$id:test" "$work/ctx" >/dev/null
printf 'NAME="Node OS %s"\nVERSION_ID="99"\n' "$id" >"$work/os-release"
json=$(limit 120 docker run --name "$id-probe" --rm -e ENVDOCTOR_HOST_ROOT=/host -v /proc:/host/proc:ro -v /sys:/host/sys:ro \
  -v "$work/os-release:/host/etc/os-release:ro" "$id:test" probe --json)
[ "$(printf '%s' "$json" | jget host.os.name)" = "Node OS $id" ] || fail "the image did not read /host/etc/os-release: $json"
hostmem=$(awk '/^MemTotal:/{printf "%.0f", $2 * 1024}' /proc/meminfo)
[ "$(printf '%s' "$json" | jget host.memory.totalBytes)" = "$hostmem" ] || fail "the image's report lacks the host's MemTotal $hostmem"
set +e; hl=$(limit 180 docker run --name "$id-health" --rm -e ENVDOCTOR_HOST_ROOT=/host -v /proc:/host/proc:ro -v /sys:/host/sys:ro \
  -v /etc/os-release:/host/etc/os-release:ro "$id:test" health --runtime native); hc=$?; set -e
verdict "$hc" "the image's health ($hl)"
ok "image FROM $base: probe reads the node's files under /host; health exit $hc: $hl"

# 5. the real Slurm cluster's two nodes run the unpacked archive from a path both see.
fleet=$(PATH="$work/bad/bin:/usr/bin:/bin:/usr/sbin" JAVA_HOME="$work/bad" limit 900 "$work/u/moved/bin/envdoctor" fleet run \
  --scheduler slurm --out "$work/fleet" --remote-envdoctor "$work/u/moved/bin/envdoctor" -- --runtime native --backend djl 2>&1) \
  || [ $? = 1 ] || fail "fleet run failed: $fleet"
runtime=$(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$work/u/moved/lib/envdoctor/runtime/release")
for node in a b; do
  [ -f "$work/fleet/nodes/$node.json" ] || fail "no report from node $node: $fleet"
  got=$(jget jvm.version <"$work/fleet/nodes/$node.json")
  [ "$got" = "$runtime" ] || fail "node $node ran Java $got, not the archive's $runtime"
done
printf '%s\n' "$fleet" | grep -v '^  '
ok "fleet run on Slurm nodes a and b with --remote-envdoctor $work/u/moved/bin/envdoctor: both reports, Java $runtime"
echo "test-archive: all passed"
