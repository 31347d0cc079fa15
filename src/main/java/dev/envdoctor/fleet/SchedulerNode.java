package dev.envdoctor.fleet;

/**
 * One node as the scheduler sees it: its name, the state as the scheduler prints it, the reason an
 * administrator or a health check gave, and what that means for a fleet run: null when the node
 * can take a task, else DOWN, DRAIN or UNREACHABLE.
 */
public record SchedulerNode(String name, String state, String reason, NodeStatus unavailable) {

  public boolean usable() {
    return unavailable == null;
  }
}
