package dev.envdoctor.model;

import java.util.List;

/**
 * {@code calibrations[].contention}: what else used the machine while this side's bursts ran,
 * summed over its bursts after the warm-up round.
 *
 * @param othersCpus mean CPUs other processes kept busy during the bursts
 * @param othersCpusMax the most in one burst
 * @param stealCpus mean CPUs the hypervisor took (steal)
 * @param nrThrottled times the side's cgroup was throttled during the bursts
 * @param throttledMs time it spent throttled
 * @param topOthers the processes that used most CPU meanwhile, by name (redacted like the rest), busiest first
 * @param hostCpus the CPUs of the machine the shares are of
 */
public record Contention(Double othersCpus, Double othersCpusMax, Double stealCpus, Long nrThrottled,
    Double throttledMs, List<String> topOthers, Integer hostCpus) {

  /** Others keeping this much of a CPU busy, or more, make a run contended. */
  public static final double CONTENDED_CPUS = 0.25;

  public Contention {
    topOthers = topOthers == null ? List.of() : List.copyOf(topOthers);
  }

  public boolean contended() {
    return (othersCpus != null && othersCpus >= CONTENDED_CPUS) || (stealCpus != null && stealCpus >= CONTENDED_CPUS);
  }
}
