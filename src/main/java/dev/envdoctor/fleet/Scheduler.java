package dev.envdoctor.fleet;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A cluster's own engine, which places one task on each node: Slurm now ({@code fleet.slurm});
 * another scheduler implements the same three steps. It never reads a node's files: whatever
 * comes back, comes back through the tasks' output.
 */
public interface Scheduler {

  /** The name used in reports and on the command line: slurm. */
  String name();

  /** The nodes the selection names, each with the scheduler's view of it (up, down, drain, unreachable). */
  List<SchedulerNode> nodes(Selection selection);

  /**
   * Runs {@code argv} as one task on each of {@code nodes}, within {@code timeout}, passing each
   * stderr line to {@code stderrLines} as it arrives. Returns each node's frame and what the
   * scheduler said about the nodes without one. The job is cancelled when this returns, also
   * when the run is interrupted.
   */
  Gathered run(Selection selection, List<String> nodes, List<String> argv, Duration timeout, Consumer<String> stderrLines);

  /** What a run gave: frames by node, the scheduler's messages by node, and whether time ran out. */
  record Gathered(Map<String, NodeFrames.Frame> frames, Map<String, List<String>> messages, List<String> general,
      boolean timedOut, String job) {}
}
