#!/usr/bin/env bash
# Installs and starts what the integration tests drive for real on a Debian machine (root):
# the Docker engine, Podman, an offline Debian base image in both, Python 3 with torch and venv,
# Chromium for the HTML report test, and a two-node Slurm cluster on this host (munge, slurmctld,
# two slurmd: scripts/slurm-cluster.sh, whose pid files say what it started). Idempotent: what is already there is kept.
# Used by .ci/run; run it by hand once on a fresh development machine.
set -euo pipefail

log() { printf '[test-deps] %s\n' "$*"; }

need_pkgs=()
for p in docker.io podman catatonit python3-torch python3-venv debootstrap chromium slurm-wlm munge; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  log "starting dockerd"
  setsid dockerd >/tmp/dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { log "dockerd did not start:"; tail -20 /tmp/dockerd.log; exit 1; }
fi

# Podman as it runs on these machines: runc, lowered ulimits (see shared/ENVIRONMENT.md).
mkdir -p /etc/containers
if ! grep -q 'envdoctor' /etc/containers/containers.conf 2>/dev/null; then
  cat >> /etc/containers/containers.conf <<'CONF'
# envdoctor test setup: rootful podman on a hybrid cgroup host needs runc and lower limits
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
[engine]
runtime = "runc"
CONF
fi

base=local/debian:bookworm
if ! docker image inspect "$base" >/dev/null 2>&1; then
  log "building the offline base image $base"
  rootfs=$(mktemp -d /tmp/rootfs.XXXXXX)
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/tmp/debootstrap.log 2>&1
  tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
  rm -rf "$rootfs"
fi
if ! podman image exists "$base" 2>/dev/null; then
  log "copying $base into podman"
  docker save "$base" | podman load >/dev/null 2>&1
fi
bash "$(dirname "$0")/slurm-cluster.sh" start >/tmp/slurm-cluster.log 2>&1 || { log "slurm did not start:"; cat /tmp/slurm-cluster.log; exit 1; }
log "ready: $(sinfo -h -N -o %N=%t | tr '\n' ' ')(slurm), $(docker version --format 'docker {{.Server.Version}}'), $(podman --version), $(/usr/bin/python3 -c 'import torch; print("torch", torch.__version__)')"
