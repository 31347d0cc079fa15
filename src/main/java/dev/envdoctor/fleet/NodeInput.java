package dev.envdoctor.fleet;

import dev.envdoctor.model.Report;
import java.util.List;

/**
 * What the fleet knows of one node before analysis: its name, its report (null when none came
 * back) and, when there is no report, the status that says why (down, drain, unreachable, timeout)
 * with the scheduler's reasons.
 */
public record NodeInput(String name, Report report, NodeStatus missingStatus, List<String> reasons) {

  public NodeInput {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  public static NodeInput reported(String name, Report report) {
    return new NodeInput(name, report, null, List.of());
  }

  public static NodeInput missing(String name, NodeStatus status, List<String> reasons) {
    return new NodeInput(name, null, status, reasons);
  }
}
