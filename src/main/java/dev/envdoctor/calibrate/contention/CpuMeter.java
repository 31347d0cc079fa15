package dev.envdoctor.calibrate.contention;

import java.util.Map;
import java.util.Set;

/**
 * Reads what the machine's CPUs did, for the calibration gate to tell how much of them other
 * processes took during each burst. One implementation per OS; {@link #NONE} where nothing can be
 * read (the shares are then unknown, never zero).
 */
public interface CpuMeter {

  /** The machine's busy and steal time so far, and envdoctor's own CPU time; null where unknown. */
  record Sample(long nanoTime, Double busySeconds, Double stealSeconds, double selfSeconds, Integer cpus) {}

  Sample sample();

  /** Every process's CPU time so far (pid to name and ticks); empty where unknown. */
  Map<Long, ProcStat.Proc> processes();

  /** envdoctor's own processes and its children's (containers' processes excluded: see {@link #inContainer}). */
  Set<Long> mine();

  /** Whether a process runs in the container whose short id (its host name) is {@code id}. */
  boolean inContainer(long pid, String id);

  /**
   * What processes other than envdoctor's and its sides' containers' ({@code containers}: their short
   * ids) took since {@code before} ({@link #processes()} then), over {@code seconds}: the one metering
   * of the bursts' rounds and of a projection turn. Null where no process can be read now.
   */
  default ProcStat.Others othersSince(Map<Long, ProcStat.Proc> before, java.util.List<String> containers,
      double seconds) {
    Map<Long, ProcStat.Proc> after = processes();
    if (after.isEmpty()) {
      return null;
    }
    Set<Long> mine = new java.util.HashSet<>(mine());
    after.keySet().stream().filter(pid -> containers.stream().anyMatch(id -> inContainer(pid, id))).forEach(mine::add);
    return ProcStat.others(before, after, mine, seconds, 3);
  }

  CpuMeter NONE = new CpuMeter() {
    @Override
    public Sample sample() {
      return new Sample(System.nanoTime(), null, null, 0, null);
    }

    @Override
    public Map<Long, ProcStat.Proc> processes() {
      return Map.of();
    }

    @Override
    public Set<Long> mine() {
      return Set.of();
    }

    @Override
    public boolean inContainer(long pid, String id) {
      return false;
    }
  };

  /** The meter for the OS this runs on. */
  static CpuMeter forThisMachine() {
    return java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat")) ? new LinuxCpuMeter(java.nio.file.Path.of("/")) : NONE;
  }
}
