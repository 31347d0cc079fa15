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
  bash "$(dirname "$0")/docker-engine.sh" start
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
# The race tests' image: Debian's torch on the offline base (containers reach the package mirror).
torch_image=local/debian-torch:bookworm
if ! docker image inspect "$torch_image" >/dev/null 2>&1; then
  log "building $torch_image (python3-torch on $base)"
  ctx=$(mktemp -d /tmp/torch-image.XXXXXX)
  printf 'FROM %s\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-torch && rm -rf /var/lib/apt/lists/*\n' "$base" > "$ctx/Dockerfile"
  docker build -q -t "$torch_image" "$ctx" >/tmp/torch-image.log 2>&1 || { tail -20 /tmp/torch-image.log; exit 1; }
  rm -rf "$ctx"
fi

# A foreign-architecture image run under emulation (the trap on Apple Silicon, made here):
# qemu-user-static through binfmt_misc, an arm64 Debian minbase with python3.
if [ "$(uname -m)" = x86_64 ]; then
  dpkg -s qemu-user-static binfmt-support >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static binfmt-support >/dev/null
  [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  update-binfmts --enable qemu-aarch64 >/dev/null 2>&1 || true
  arm_image=local/debian-arm64:bookworm
  if ! docker image inspect "$arm_image" >/dev/null 2>&1; then
    log "building $arm_image under emulation (minutes)"
    rootfs=$(mktemp -d /tmp/rootfs-arm64.XXXXXX)
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources)
    debootstrap --arch=arm64 --variant=minbase --include=python3 bookworm "$rootfs" "$mirror" >/tmp/debootstrap-arm64.log 2>&1 \
      || { tail -20 /tmp/debootstrap-arm64.log; exit 1; }
    # docker import records the engine's architecture (amd64): the metadata lies, as the tests need
    tar -C "$rootfs" -c . | docker import - "$arm_image" >/dev/null
    rm -rf "$rootfs"
  fi
fi

bash "$(dirname "$0")/slurm-cluster.sh" start >/tmp/slurm-cluster.log 2>&1 || { log "slurm did not start:"; cat /tmp/slurm-cluster.log; exit 1; }
log "ready: $(sinfo -h -N -o %N=%t | tr '\n' ' ')(slurm), $(docker version --format 'docker {{.Server.Version}}'), $(podman --version), $(/usr/bin/python3 -c 'import torch; print("torch", torch.__version__)')"
