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
 * @param medianMs their median
 * @param meanMs their mean: the burst's throughput, what the paired ratio is made of (a cgroup quota
 *     throttles a few steps of each period hard and leaves the median alone; the mean shows it)
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
}
