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
