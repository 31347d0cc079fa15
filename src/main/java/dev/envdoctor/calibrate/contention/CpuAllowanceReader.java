package dev.envdoctor.calibrate.contention;

import dev.envdoctor.calibrate.contention.Cgroup;
import dev.envdoctor.model.CpuAllowance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The CPUs this process may use on Linux, read from /proc and /sys under a root ("/" here, a
 * recorded tree in tests): the affinity mask, the cgroup's quota (v2 {@code cpu.max}, v1
 * {@code cpu.cfs_quota_us / cpu.cfs_period_us}, the tightest on the way up to the cgroup root),
 * its cpuset, its throttling so far ({@code cpu.stat}), and a Slurm job's allocation. Inside a
 * container the cgroup files seen are the container's own, so the same code tells each side's
 * limits from inside. Missing files leave their fields null: nothing here fails.
 */
public final class CpuAllowanceReader {

  private CpuAllowanceReader() {}

  public static CpuAllowance read(Path root, Map<String, String> env) {
    String status = text(root.resolve("proc/self/status"));
    String affinity = status == null ? null : field(status, "Cpus_allowed_list");
    Integer online = count(firstLine(text(root.resolve("sys/devices/system/cpu/online"))));
    Cgroup cg = Cgroup.of(root, text(root.resolve("proc/self/cgroup")));
    Double quota = cg == null ? null : cg.quotaCpus();
    String cpuset = cg == null ? null : cg.cpuset();
    long[] throttled = cg == null ? null : cg.throttling();
    Integer cpusetCount = count(cpuset);
    return new CpuAllowance(online, count(affinity), affinity, quota,
        cpusetCount != null && online != null && cpusetCount < online ? cpuset : null, slurmCpus(env),
        cg == null ? null : cg.version(), throttled == null ? null : throttled[0],
        throttled == null ? null : throttled[1] / 1e6);
  }

  /** The live process's throttling so far: {nr_throttled, throttled nanoseconds}, or null. */
  public static long[] throttling(Path root) {
    Cgroup cg = Cgroup.of(root, text(root.resolve("proc/self/cgroup")));
    return cg == null ? null : cg.throttling();
  }

  /** SLURM_CPUS_ON_NODE, else the first count of SLURM_JOB_CPUS_PER_NODE ("4(x2),2" gives 4). */
  static Integer slurmCpus(Map<String, String> env) {
    for (String name : List.of("SLURM_CPUS_ON_NODE", "SLURM_JOB_CPUS_PER_NODE")) {
      String v = env.get(name);
      if (v != null && v.matches("\\d+.*")) {
        return Integer.parseInt(v.replaceAll("^(\\d+).*", "$1"));
      }
    }
    return null;
  }

  /** How many CPUs a list names ("0-1,4,6-7" gives 5); null for none or garbage. */
  public static Integer count(String list) {
    if (list == null || list.isBlank()) {
      return null;
    }
    int n = 0;
    for (String part : list.strip().split(",")) {
      String[] ends = part.strip().split("-");
      try {
        n += ends.length == 1 ? 1 : Integer.parseInt(ends[1].strip()) - Integer.parseInt(ends[0].strip()) + 1;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return n;
  }

  static String field(String status, String name) {
    return status.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip())
        .findFirst().orElse(null);
  }

  static String firstLine(String text) {
    return text == null ? null : text.lines().findFirst().map(String::strip).orElse(null);
  }

  static String text(Path p) {
    try {
      return Files.isReadable(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
