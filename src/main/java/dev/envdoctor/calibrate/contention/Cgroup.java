package dev.envdoctor.calibrate.contention;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's CPU cgroup: v2 (one hierarchy, {@code 0::/path}) or v1 (the {@code cpu}
 * controller's own). A path that does not exist under the mount is read as the mount itself: in
 * a container's cgroup namespace (or a v1 container whose /proc/self/cgroup shows the host's path)
 * the container's cgroup is mounted at the root.
 *
 * @param version "v1" or "v2"
 * @param dir the cgroup's folder with cpu.stat
 * @param mount the hierarchy's root (quotas are looked for from dir up to here)
 * @param cpusetDir the cpuset cgroup's folder (v1: its own hierarchy), or null
 */
record Cgroup(String version, Path dir, Path mount, Path cpusetDir) {

  static Cgroup of(Path root, String procSelfCgroup) {
    if (procSelfCgroup == null) {
      return null;
    }
    Path fs = root.resolve("sys/fs/cgroup");
    String v1cpu = null;
    String v1cpuset = null;
    String v2 = null;
    for (String line : procSelfCgroup.lines().toList()) {
      String[] f = line.split(":", 3);
      if (f.length < 3) {
        continue;
      }
      java.util.List<String> controllers = java.util.List.of(f[1].split(","));
      if (f[0].equals("0") && f[1].isEmpty()) {
        v2 = f[2];
      } else if (controllers.contains("cpu")) {
        v1cpu = f[2];
      } else if (controllers.contains("cpuset")) {
        v1cpuset = f[2];
      }
    }
    if (v1cpu != null) {
      Path mount = Files.isDirectory(fs.resolve("cpu,cpuacct")) ? fs.resolve("cpu,cpuacct") : fs.resolve("cpu");
      Path cpusetMount = fs.resolve("cpuset");
      return new Cgroup("v1", under(mount, v1cpu), mount, v1cpuset == null ? null : under(cpusetMount, v1cpuset));
    }
    if (v2 != null && Files.exists(fs.resolve("cgroup.controllers"))) {
      Path dir = under(fs, v2);
      return new Cgroup("v2", dir, fs, dir);
    }
    return null;
  }

  private static Path under(Path mount, String path) {
    String rel = path.replaceFirst("^/+", "");
    Path p = rel.isEmpty() ? mount : mount.resolve(rel);
    return Files.isDirectory(p) ? p : mount;
  }

  /** The tightest quota from this cgroup up to the root, in CPUs; null: none. */
  Double quotaCpus() {
    Double least = null;
    for (Path p = dir; p != null && p.startsWith(mount); p = p.getParent()) {
      Double q = version.equals("v2") ? v2Quota(p) : v1Quota(p);
      if (q != null && (least == null || q < least)) {
        least = q;
      }
    }
    return least;
  }

  private static Double v2Quota(Path p) {
    String max = CpuAllowanceReader.firstLine(CpuAllowanceReader.text(p.resolve("cpu.max")));
    if (max == null || max.startsWith("max")) {
      return null;
    }
    String[] f = max.split("\\s+");
    return ratio(f[0], f.length > 1 ? f[1] : "100000");
  }

  private static Double v1Quota(Path p) {
    String quota = CpuAllowanceReader.firstLine(CpuAllowanceReader.text(p.resolve("cpu.cfs_quota_us")));
    String period = CpuAllowanceReader.firstLine(CpuAllowanceReader.text(p.resolve("cpu.cfs_period_us")));
    return quota == null || period == null || quota.startsWith("-") ? null : ratio(quota, period);
  }

  private static Double ratio(String quota, String period) {
    try {
      double q = Double.parseDouble(quota);
      double per = Double.parseDouble(period);
      return q > 0 && per > 0 ? q / per : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The cpuset's effective CPUs ("0-1"), or null. */
  String cpuset() {
    if (cpusetDir == null) {
      return null;
    }
    for (String f : java.util.List.of("cpuset.cpus.effective", "cpuset.effective_cpus", "cpuset.cpus")) {
      String v = CpuAllowanceReader.firstLine(CpuAllowanceReader.text(cpusetDir.resolve(f)));
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  /** {nr_throttled, throttled nanoseconds} from cpu.stat (v1 throttled_time ns, v2 throttled_usec), or null. */
  long[] throttling() {
    String stat = CpuAllowanceReader.text(dir.resolve("cpu.stat"));
    if (stat == null) {
      return null;
    }
    Long n = null;
    Long ns = null;
    for (String line : stat.lines().toList()) {
      String[] f = line.strip().split("\\s+");
      if (f.length != 2 || !f[1].matches("\\d+")) {
        continue;
      }
      switch (f[0]) {
        case "nr_throttled" -> n = Long.parseLong(f[1]);
        case "throttled_time" -> ns = Long.parseLong(f[1]);
        case "throttled_usec" -> ns = Long.parseLong(f[1]) * 1000;
        default -> { }
      }
    }
    return n == null ? null : new long[] {n, ns == null ? 0 : ns};
  }
}
