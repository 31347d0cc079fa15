package dev.envdoctor.model;

/**
 * The CPUs a process may use, beside the machine's: {@code host.cpuAllowance} for envdoctor
 * itself, {@code calibrations[].allowance} for each side's child as it saw itself (inside a
 * container: the container's limits).
 *
 * @param onlineCpus the CPUs the kernel it runs on has online
 * @param affinityCpus how many CPUs its affinity mask allows (Cpus_allowed_list)
 * @param affinityList that mask as a list ("0-1")
 * @param quotaCpus its cgroup's CPU quota in CPUs (cpu.max or cfs_quota_us / cfs_period_us); null: no quota
 * @param cpuset its cgroup's cpuset, where one is set narrower than the machine
 * @param slurmCpus the CPUs a Slurm job allocated on this node (SLURM_CPUS_ON_NODE), null outside a job
 * @param cgroup which cgroup version it read (v1, v2), null where none
 * @param nrThrottled times its cgroup was throttled so far (cpu.stat), null without a quota or a cpu.stat
 * @param throttledMs time it spent throttled so far
 */
public record CpuAllowance(Integer onlineCpus, Integer affinityCpus, String affinityList, Double quotaCpus,
    String cpuset, Integer slurmCpus, String cgroup, Long nrThrottled, Double throttledMs) {

  /** What it may really use: the least of affinity, quota and Slurm's allocation (null: unknown). */
  public Double effectiveCpus() {
    Double e = affinityCpus == null ? (onlineCpus == null ? null : onlineCpus.doubleValue()) : affinityCpus.doubleValue();
    if (quotaCpus != null) {
      e = e == null ? quotaCpus : Math.min(e, quotaCpus);
    }
    if (slurmCpus != null) {
      e = e == null ? slurmCpus : Math.min(e, slurmCpus);
    }
    return e;
  }

  /** What limits it, in words ("cgroup quota", "affinity"), or null when it may use every CPU. */
  public String limitedBy() {
    Double e = effectiveCpus();
    if (e == null || onlineCpus == null || e >= onlineCpus) {
      return null;
    }
    if (quotaCpus != null && quotaCpus <= e) {
      return "cgroup quota";
    }
    if (slurmCpus != null && slurmCpus <= e) {
      return "Slurm allocation";
    }
    return cpuset != null ? "cpuset" : "affinity";
  }
}
