package dev.envdoctor.fleet;

import java.util.List;

/**
 * The fleet's outcome as values, and the one mapping from a fleet report to an exit code: 0 all ok
 * or warn, 1 a node failed or is missing (or, with --strict, warned), or there is no node at all.
 *
 * @param kind  the outcome
 * @param nodes the nodes that fail the fleet, in the report's order
 */
public record FleetOutcome(Kind kind, List<FleetNode> nodes) {

  public static final int OK = 0;
  public static final int NODE_FAILED = 1;

  public enum Kind {
    OK,
    /** a node failed, is missing, or warned under --strict */
    NODE_FAILED,
    /** no node at all is no good fleet */
    NO_NODES
  }

  public static FleetOutcome of(FleetReport report, boolean strict) {
    if (report.nodes().isEmpty()) {
      return new FleetOutcome(Kind.NO_NODES, List.of());
    }
    List<FleetNode> bad = report.nodes().stream().filter(n -> n.status() == NodeStatus.FAIL || n.status().missing()
        || (strict && n.status() == NodeStatus.WARN)).toList();
    return new FleetOutcome(bad.isEmpty() ? Kind.OK : Kind.NODE_FAILED, bad);
  }

  public int exitCode() {
    return kind == Kind.OK ? OK : NODE_FAILED;
  }

  public static int exitCode(FleetReport report, boolean strict) {
    return of(report, strict).exitCode();
  }
}
