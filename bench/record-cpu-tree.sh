#!/bin/sh
# Copies the files CpuAllowanceReader and ProcStat read (this process's view) into DEST, keeping
# their paths: a recorded tree for the tests (src/test/resources/recorded/linux/cpu-allowance/).
# Usage: bench/record-cpu-tree.sh DEST   (run it inside the cgroup/container to record)
set -eu
dest=$1
mkdir -p "$dest"
copy() { [ -r "$1" ] && mkdir -p "$dest$(dirname "$1")" && cat "$1" > "$dest$1" 2>/dev/null || true; }
copy /proc/self/status
copy /proc/self/cgroup
copy /proc/stat
copy /sys/devices/system/cpu/online
# the cgroup folders on the way from this process's cgroup up to each hierarchy's root
while IFS=: read -r hier controllers path; do
  for mount in /sys/fs/cgroup /sys/fs/cgroup/unified /sys/fs/cgroup/cpu /sys/fs/cgroup/cpu,cpuacct /sys/fs/cgroup/cpuset; do
    case "$mount:$hier:$controllers" in
      /sys/fs/cgroup:0:|/sys/fs/cgroup/unified:0:) ;;
      /sys/fs/cgroup/cpu:*:*cpu*|/sys/fs/cgroup/cpu,cpuacct:*:*cpu*) case ",$controllers," in *,cpu,*) ;; *) continue;; esac ;;
      /sys/fs/cgroup/cpuset:*:*cpuset*) ;;
      *) continue ;;
    esac
    d="${mount}${path%/}"
    [ -d "$d" ] || d=$mount
    while :; do
      for f in cgroup.controllers cpu.max cpu.stat cpu.cfs_quota_us cpu.cfs_period_us cpuset.cpus cpuset.cpus.effective cpuset.effective_cpus; do
        copy "$d/$f"
      done
      case "$d" in "$mount"|/|.) break ;; esac
      d=$(dirname "$d")
    done
  done
done < /proc/self/cgroup
# keep only this process's view: the status file's pid-specific lines are harmless, but no environment is copied
