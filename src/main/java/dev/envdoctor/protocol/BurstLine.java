package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.envdoctor.model.CpuAllowance;
import java.util.List;

/**
 * A side's answer to {@code burst} (docs/side-protocol.md): the burst it just timed and its
 * cumulative counters (the parent takes differences between answers).
 *
 * @param device the device it bursts on (its fastest verified one for the workload)
 * @param workload the workload it bursts
 * @param stepTimesMs the timed steps of the turn just ended (its first calibration's, the first time)
 * @param cpuMs the CPU time its process used so far
 * @param nrThrottled its cgroup's throttle count so far, null where unknown
 * @param throttledMs its cgroup's throttled time so far
 * @param allowance the CPUs it may use, as it sees itself (the first line only)
 * @param host its host name: a container's short id, which tells its processes on the host apart (the first line only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BurstLine(String device, String workload, List<Double> stepTimesMs, Double cpuMs, Long nrThrottled,
    Double throttledMs, CpuAllowance allowance, String host) {

  public BurstLine {
    stepTimesMs = stepTimesMs == null ? List.of() : List.copyOf(stepTimesMs);
  }
}
