package dev.envdoctor.model;

import java.util.List;

/**
 * {@code calibrations[].bursts[]}: one burst of timed steps of the verdict's workload, the sides
 * taking turns (docs/calibration.md, "Interleaved bursts"). Round 0 is the side's first
 * calibration (its warm-up included); the paired interval uses rounds 1 and later.
 *
 * @param round which round of turns (every side once per round)
 * @param position this side's place in the round's shuffled order (0 first)
 * @param stepTimesMs the burst's timed steps
 * @param medianMs their median (the first step of a turn left out): what a burst is paired by
 * @param meanMs their mean: the burst's throughput, what a throttled burst is paired by (a cgroup
 *     quota stalls a few steps of each period hard and leaves the median alone; the mean shows it)
 * @param wallMs how long the burst took, gate to gate
 * @param cpuMs the CPU time the side's own process used meanwhile
 * @param othersCpus CPUs other processes kept busy meanwhile (the machine's busy time less the side's and envdoctor's own), null off Linux
 * @param stealCpus CPUs the hypervisor took meanwhile (steal), null off Linux
 * @param nrThrottled times the side's cgroup was throttled meanwhile (cpu.stat), null where unknown
 * @param throttledMs time it spent throttled meanwhile
 */
public record Burst(Integer round, Integer position, List<Double> stepTimesMs, Double medianMs, Double meanMs,
    Double wallMs,
    Double cpuMs, Double othersCpus, Double stealCpus, Long nrThrottled, Double throttledMs) {

  public Burst {
    stepTimesMs = stepTimesMs == null ? List.of() : List.copyOf(stepTimesMs);
  }

  /** Whether the side's cgroup throttled it during this burst (a CPU quota). */
  public boolean throttled() {
    return nrThrottled != null && nrThrottled > 0;
  }

  /**
   * The burst's figure: its median step, which another process's slice of the CPU during a step or
   * two leaves alone (identical sides on the development VM: at parity in 6 of 8 runs by the median,
   * 4 of 8 by the mean, docs/calibration.md); its mean when {@code throttled} (this burst or the one
   * it is paired with was throttled by a quota: the stalls are the side's own cost, and the median
   * hides them). Null without either.
   */
  public Double typicalMs(boolean throttled) {
    if (throttled && meanMs != null) {
      return meanMs;
    }
    return medianMs != null ? medianMs : meanMs;
  }
}
