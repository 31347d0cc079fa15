#!/usr/bin/env bash
# Issue #20, part 4: a container on the GPU machine, which has no engine and no network. Podman
# and its runtime travel as Debian packages (.podman/, git-ignored, ~12 MB: fetch them here with
#   mkdir -p .podman && (cd .podman && apt-get download podman conmon crun runc \
#     golang-github-containers-common libgpgme11 libassuan0 libsubid4 libyajl2 libdevmapper1.02.1 libglib2.0-0)
# ), unpacked under /tmp, never into /. The base image is made from files that are there: a tiny
# root with /etc and the usr-merge links, imported, and the host's /usr (Python, its torch, the CUDA
# libraries) mounted read-only, the NVIDIA devices passed through. Inside it, envdoctor's Python
# script verifies every device, forward and backward against float64 on the CPU.
#   run(command="bash scripts/gpu-podman.sh", carry=[".podman"])
# Everything goes to $1 (default $OUT, else gpu-podman-out): steps.txt, podman-*.txt, verify.json.
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out=${1:-${OUT:-gpu-podman-out}}
mkdir -p "$out"
pm=$(mktemp -d /tmp/envdoctor-podman.XXXXXX)
trap 'podman_ rm -af >/dev/null 2>&1; rm -rf "$pm"' EXIT
step() { local name=$1; shift; local t0=${EPOCHREALTIME/./}
  "$@" > "$out/$name" 2>&1; local rc=$?
  printf '%-26s exit %3d  %6d ms  %s\n' "$name" "$rc" $(( (${EPOCHREALTIME/./} - t0) / 1000 )) "$*" | tee -a "$out/steps.txt"
  return $rc; }
for d in .podman/*.deb; do dpkg -x "$d" "$pm/pkg"; done
# Debian 12 packages put some libraries under /lib (libdevmapper), the rest under /usr/lib
lib=$pm/pkg/usr/lib/x86_64-linux-gnu:$pm/pkg/lib/x86_64-linux-gnu
mkdir -p "$pm/conf"
# crun refuses a hybrid cgroup layout (v1 with a v2 mount, as on the dev VMs); runc takes it
oci=crun
[ -d /sys/fs/cgroup/unified ] && oci=runc
# podman starts conmon and the OCI runtime with a clean environment: wrappers give them their libraries
printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' "$lib" "$(ls "$pm"/pkg/usr/*bin/$oci | head -1)" > "$pm/oci"
chmod +x "$pm/oci"
printf '#!/bin/sh\nLD_LIBRARY_PATH=%s exec %s "$@"\n' "$lib" "$pm/pkg/usr/bin/conmon" > "$pm/conmon"
chmod +x "$pm/conmon"
echo "OCI runtime: $oci" >> "$out/steps.txt"
cat > "$pm/conf/containers.conf" <<EOF
[engine]
conmon_path = ["$pm/conmon"]
runtime = "envdoctor-oci"
cgroup_manager = "cgroupfs"
events_logger = "none"
[containers]
# a VM's hard limits can be below podman's defaults (seen on the dev VMs): ask for modest ones
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
[engine.runtimes]
envdoctor-oci = ["$pm/oci"]
EOF
echo '{"default":[{"type":"insecureAcceptAnything"}]}' > "$pm/conf/policy.json"
export CONTAINERS_CONF=$pm/conf/containers.conf
podman_() { LD_LIBRARY_PATH=$lib "$pm/pkg/usr/bin/podman" --root "$pm/storage" --runroot "$pm/run" \
  --storage-driver vfs --cgroup-manager cgroupfs --events-backend none "$@"; }
for b in podman conmon crun runc; do LD_LIBRARY_PATH=$lib ldd "$(ls "$pm"/pkg/usr/*bin/$b | head -1)" | grep "not found" | sed "s/^/$b: /"; done > "$out/ldd-missing.txt"
step podman-version.txt podman_ version
# the base image: only /etc and the usr-merge links; /usr comes from the host, read-only
mkdir -p "$pm/rootfs"/{etc,tmp,proc,sys,dev,usr,run,root}
for l in bin sbin lib lib64; do ln -s "usr/$l" "$pm/rootfs/$l"; done
cp /etc/passwd /etc/group /etc/hosts /etc/nsswitch.conf "$pm/rootfs/etc/" 2>/dev/null
chmod 1777 "$pm/rootfs/tmp"
step podman-import.txt sh -c "tar -C '$pm/rootfs' -c . | LD_LIBRARY_PATH=$lib '$pm/pkg/usr/bin/podman' --root '$pm/storage' --runroot '$pm/run' --storage-driver vfs --cgroup-manager cgroupfs --events-backend none import --signature-policy '$pm/conf/policy.json' - localhost/hostusr:1"
devs=()
for d in /dev/nvidia[0-9]* /dev/nvidiactl /dev/nvidia-uvm /dev/nvidia-uvm-tools /dev/nvidia-modeset; do
  [ -e "$d" ] && devs+=(--device "$d")
done
py=${PYTHON:-$(command -v python3)}
venv=$("$py" -c 'import sys; print(sys.prefix)')
mounts=(-v /usr:/usr:ro -v /etc/ld.so.cache:/etc/ld.so.cache:ro -v /etc/alternatives:/etc/alternatives:ro -v "$repo:$repo:ro")
case "$venv" in /usr|/usr/*) ;; *) mounts+=(-v "$venv:$venv:ro") ;; esac
[ -d /usr/local/nvidia ] && echo "host has /usr/local/nvidia" >> "$out/steps.txt"
envs=(-e "LD_LIBRARY_PATH=${LD_LIBRARY_PATH:-}" -e "PATH=$(dirname "$py"):/usr/local/bin:/usr/bin:/bin")
for v in $(env | grep -o '^NVIDIA_[A-Z_]*\|^CUDA_[A-Z_]*' ); do envs+=(-e "$v=${!v}"); done
step podman-run-uname.txt podman_ run --rm --network none -v /usr:/usr:ro localhost/hostusr:1 /usr/bin/uname -a
step verify.json podman_ run --rm --network none "${devs[@]}" "${mounts[@]}" "${envs[@]}" -w "$repo" \
  localhost/hostusr:1 "$py" src/main/resources/dev/envdoctor/python/envdoctor_torch.py verify --device all
cat "$out/steps.txt"
