package dev.envdoctor.fleet;

/** How many nodes have each status. */
public record FleetSummary(int nodes, int ok, int warn, int fail, int down, int drain, int unreachable, int timeout) {

  static FleetSummary of(java.util.List<FleetNode> nodes) {
    int[] n = new int[NodeStatus.values().length];
    nodes.forEach(x -> n[x.status().ordinal()]++);
    return new FleetSummary(nodes.size(), n[0], n[1], n[2], n[3], n[4], n[5], n[6]);
  }
}
