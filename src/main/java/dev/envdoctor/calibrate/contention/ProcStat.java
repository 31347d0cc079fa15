package dev.envdoctor.calibrate.contention;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pure parsers of Linux's CPU accounting: the machine's line of {@code /proc/stat} and a
 * process's {@code /proc/PID/stat}. Times are in clock ticks (USER_HZ, 100 on every Linux
 * architecture envdoctor runs on: the kernel exports ticks in that unit whatever its own HZ).
 */
public final class ProcStat {

  public static final double TICKS_PER_SECOND = 100.0;

  private ProcStat() {}

  /**
   * The machine's CPU time so far, summed over CPUs.
   *
   * @param busy user + nice + system + irq + softirq (guest time is inside user already)
   * @param steal time the hypervisor ran something else while this VM wanted the CPU
   * @param cpus how many cpuN lines there were
   */
  public record Machine(long busy, long steal, int cpus) {}

  /** The {@code cpu} line of /proc/stat (and the count of cpuN lines), or null. */
  public static Machine machine(String procStat) {
    if (procStat == null) {
      return null;
    }
    Machine m = null;
    int cpus = 0;
    for (String line : procStat.lines().toList()) {
      String[] f = line.strip().split("\\s+");
      if (f[0].equals("cpu") && f.length >= 8) {
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        m = new Machine(Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
            + Long.parseLong(f[7]), steal, 0);
      } else if (f[0].matches("cpu\\d+")) {
        cpus++;
      }
    }
    return m == null ? null : new Machine(m.busy(), m.steal(), cpus);
  }

  /** One process: its name (comm) and utime + stime in ticks. */
  public record Proc(String name, long ticks) {}

  /** /proc/PID/stat; the name may hold spaces and parentheses, so fields are counted from the last ')'. */
  public static Proc process(String stat) {
    if (stat == null) {
      return null;
    }
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return null;
    }
    String[] f = stat.substring(close + 1).strip().split("\\s+");
    if (f.length < 13) {
      return null;
    }
    try {
      return new Proc(stat.substring(open + 1, close), Long.parseLong(f[11]) + Long.parseLong(f[12]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * What processes outside {@code mine} took between two snapshots: the CPUs they kept busy on
   * average over {@code seconds} (per process, not the machine's busy time less a child's: a turn's
   * own child may have ended before the second snapshot) and the busiest of them, busiest first, as
   * "name (0.9 CPU)" by name, leaving out those under a twentieth of a CPU. A process new since
   * {@code before} counts from zero; one gone by {@code after} counts nothing.
   */
  public record Others(double cpus, java.util.List<String> top) {}

  public static Others others(Map<Long, Proc> before, Map<Long, Proc> after, java.util.Set<Long> mine, double seconds,
      int most) {
    if (seconds <= 0) {
      return new Others(0, java.util.List.of());
    }
    Map<String, Long> byName = new LinkedHashMap<>();
    long ticks = 0;
    for (var e : after.entrySet()) {
      Proc b = before.get(e.getKey());
      long used = e.getValue().ticks() - (b == null ? 0 : b.ticks());
      if (!mine.contains(e.getKey()) && used > 0) {
        ticks += used;
        byName.merge(e.getValue().name(), used, Long::sum);
      }
    }
    java.util.List<String> top = byName.entrySet().stream()
        .filter(e -> e.getValue() / TICKS_PER_SECOND / seconds >= 0.05)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(most)
        .map(e -> e.getKey() + " (" + String.format(java.util.Locale.ROOT, "%.1f", e.getValue() / TICKS_PER_SECOND / seconds)
            + " CPU)")
        .toList();
    return new Others(ticks / TICKS_PER_SECOND / seconds, top);
  }
}
