package dev.envdoctor.fleet;

/** The one mapping from a fleet report to an exit code: 0 all ok or warn, 1 a node failed or is missing. */
public final class FleetOutcome {

  public static final int OK = 0;
  public static final int NODE_FAILED = 1;

  private FleetOutcome() {}

  public static int exitCode(FleetReport report, boolean strict) {
    if (report.nodes().isEmpty()) {
      return NODE_FAILED;
    }
    for (FleetNode n : report.nodes()) {
      if (n.status() == NodeStatus.FAIL || n.status().missing() || (strict && n.status() == NodeStatus.WARN)) {
        return NODE_FAILED;
      }
    }
    return OK;
  }
}
