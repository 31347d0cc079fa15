package dev.envdoctor.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.envdoctor.model.CpuAllowance;
import java.util.List;
import dev.envdoctor.model.ReportJson;

/**
 * What a bursting child says at the gate after each turn ({@code @envdoctor gate {json}}): the
 * burst it just timed and its cumulative counters (the parent takes differences between lines).
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

  /** The payload of a gate line, or null for the plain {@code @envdoctor gate} (or one that does not parse). */
  public static BurstLine parse(String line) {
    String rest = line.strip().substring(GateLines.SIGNAL.length()).strip();
    if (rest.isEmpty()) {
      return null;
    }
    try {
      return ReportJson.mapper().readValue(rest, BurstLine.class);
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }
}
