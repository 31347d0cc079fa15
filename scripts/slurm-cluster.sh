#!/usr/bin/env bash
# A real two-node Slurm cluster on this one host, for the fleet and health integration tests:
# munged, slurmctld and two slurmd (nodes a and b, each on its own port, NodeAddr=127.0.0.1).
#
#   scripts/slurm-cluster.sh start    # idempotent: configures once, starts what is not running
#   scripts/slurm-cluster.sh stop     # stops only the daemons this setup started (by their pid files)
#   scripts/slurm-cluster.sh stop munged slurmd-b ...   # only those (names as status prints them)
#   scripts/slurm-cluster.sh status   # prints each daemon's pid, or "stopped"
#
# Everything lives under $ENVDOCTOR_SLURM_DIR (default /var/lib/envdoctor-slurm): state, spool,
# logs and the pid files, so stop never touches a Slurm or munge that something else runs.
# slurmd runs HealthCheckProgram=$DIR/healthcheck every few seconds; it exits 0 unless a test
# has put an executable hook at $DIR/health-hook (HealthIT does, and removes it afterwards).
# Needs root and Debian's slurm-wlm and munge (scripts/test-deps.sh installs them).
set -euo pipefail

DIR=${ENVDOCTOR_SLURM_DIR:-/var/lib/envdoctor-slurm}
CONF=/etc/slurm/slurm.conf
HOST=$(hostname -s)
MUNGE_PID=/run/munge/munged.pid

log() { printf '[slurm-cluster] %s\n' "$*"; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

configure() {
  mkdir -p "$DIR/state" "$DIR/log"
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown munge: /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  cat > "$DIR/healthcheck" <<HC
#!/bin/sh
# envdoctor test cluster: a test installs \$DIR/health-hook to run envdoctor health here.
[ -x "$DIR/health-hook" ] && exec "$DIR/health-hook"
exit 0
HC
  chmod 755 "$DIR/healthcheck"
  local want
  want=$(cat <<EOF
# envdoctor test cluster (scripts/slurm-cluster.sh): two nodes on one host
ClusterName=envdoctor
SlurmctldHost=$HOST
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
MpiDefault=none
ReturnToService=1
SlurmctldPort=6817
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool-%n
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd-%n.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd-%n.log
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=5
HealthCheckProgram=$DIR/healthcheck
HealthCheckInterval=5
HealthCheckNodeState=ANY
NodeName=a NodeHostname=$HOST NodeAddr=127.0.0.1 Port=6831 CPUs=2 RealMemory=8000 State=UNKNOWN
NodeName=b NodeHostname=$HOST NodeAddr=127.0.0.1 Port=6832 CPUs=2 RealMemory=8000 State=UNKNOWN
PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES
EOF
)
  if [ -f "$CONF" ] && ! grep -q 'envdoctor test cluster' "$CONF"; then
    log "$CONF exists and is not ours: left alone (set up a test cluster on a machine without Slurm)"
    exit 1
  fi
  if [ "$(cat "$CONF" 2>/dev/null)" != "$want" ]; then
    printf '%s\n' "$want" > "$CONF"
  fi
}

start() {
  configure
  if ! alive "$MUNGE_PID"; then
    mkdir -p /run/munge /var/log/munge /var/lib/munge && chown munge: /run/munge /var/log/munge /var/lib/munge
    su -s /bin/sh munge -c /usr/sbin/munged
    log "munged started (pid $(cat "$MUNGE_PID"))"
  fi
  if ! alive "$DIR/slurmctld.pid"; then
    slurmctld
    for _ in $(seq 1 30); do scontrol ping >/dev/null 2>&1 && break; sleep 0.5; done
    log "slurmctld started (pid $(cat "$DIR/slurmctld.pid"))"
  fi
  for n in a b; do
    if ! alive "$DIR/slurmd-$n.pid"; then
      mkdir -p "$DIR/spool-$n"
      slurmd -N "$n"
      for _ in $(seq 1 20); do alive "$DIR/slurmd-$n.pid" && break; sleep 0.5; done
      log "slurmd -N $n started (pid $(cat "$DIR/slurmd-$n.pid"))"
    fi
  done
  # A node left DOWN or DRAIN by an interrupted test comes back; the tests set states themselves.
  for _ in $(seq 1 40); do
    sinfo -h -N -o '%N %t' | grep -qv -E ' (idle|mix|alloc)$' || break
    scontrol update NodeName=a,b State=RESUME >/dev/null 2>&1 || true
    sleep 0.5
  done
  sinfo -N
}

stop() {
  local only=" $* "
  for f in "$DIR/slurmd-b.pid" "$DIR/slurmd-a.pid" "$DIR/slurmctld.pid" "$MUNGE_PID"; do
    # the tests stop only the daemons they started, and leave the others as they found them
    if [ $# -gt 0 ] && [[ "$only" != *" $(basename "$f" .pid) "* ]]; then continue; fi
    if alive "$f"; then
      pid=$(cat "$f")
      kill "$pid"
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      log "stopped pid $pid ($(basename "$f" .pid))"
    fi
  done
}

status() {
  for f in "$MUNGE_PID" "$DIR/slurmctld.pid" "$DIR/slurmd-a.pid" "$DIR/slurmd-b.pid"; do
    if alive "$f"; then echo "$(basename "$f" .pid) $(cat "$f")"; else echo "$(basename "$f" .pid) stopped"; fi
  done
}

case "${1:-start}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
