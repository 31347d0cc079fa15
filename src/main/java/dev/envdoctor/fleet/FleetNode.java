package dev.envdoctor.fleet;

import dev.envdoctor.model.Report;
import java.util.List;
import java.util.Map;

/**
 * {@code nodes[]} of a fleet report: the scheduler's name for the node (never redacted: it is the
 * point of a fleet report), its status, why (reasons), the row's facts drawn from its report, and
 * the report itself (redacted as doctor's reports are; null when none came back).
 */
public record FleetNode(
    String name,
    NodeStatus status,
    List<String> reasons,
    List<String> failedChecks,
    String verdict,
    Map<String, String> versions,
    List<Figure> figures,
    Report report) {

  public FleetNode {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
    failedChecks = failedChecks == null ? List.of() : List.copyOf(failedChecks);
    versions = versions == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(versions));
    figures = figures == null ? List.of() : List.copyOf(figures);
  }
}
