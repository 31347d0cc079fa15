#!/usr/bin/env bash
# The Docker engine the tests drive, on a machine without systemd (the development VMs, CI):
#
#   scripts/docker-engine.sh start    # starts dockerd when it is installed and no engine answers
#   scripts/docker-engine.sh stop     # stops only a dockerd this script started (by its pid file)
#   scripts/docker-engine.sh status   # "running", "stopped" or "not-installed"
#
# scripts/test-deps.sh calls start; the integration tests call start when Docker is installed but
# stopped, and stop at their end when they started it. Needs root.
set -euo pipefail

PID=${ENVDOCTOR_DOCKERD_PID:-/run/envdoctor-dockerd.pid}
LOG=/tmp/dockerd.log

log() { printf '[docker-engine] %s\n' "$*"; }

status() {
  if docker info >/dev/null 2>&1; then echo running
  elif command -v dockerd >/dev/null 2>&1; then echo stopped
  else echo not-installed; fi
}

start() {
  case "$(status)" in
    running) return 0 ;;
    not-installed) log "dockerd is not installed: apt-get install docker.io (or run scripts/test-deps.sh)"; exit 3 ;;
  esac
  # setsid: the engine outlives the shell (and the test JVM) that started it, until stop
  setsid dockerd >"$LOG" 2>&1 </dev/null &
  echo $! >"$PID"
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { log "dockerd did not start:"; tail -20 "$LOG"; exit 1; }
  log "dockerd started (pid $(cat "$PID"))"
}

stop() {
  if [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; then
    pid=$(cat "$PID")
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    log "stopped dockerd (pid $pid)"
  fi
  rm -f "$PID"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
