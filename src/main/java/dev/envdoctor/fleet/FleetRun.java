package dev.envdoctor.fleet;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fleet run: ask the scheduler for the nodes, run one task per usable node, and turn what came
 * back into one input per node. Every node the selection names is in the result: with its report,
 * or with the status that says why there is none (down, drain, unreachable, timeout).
 */
public final class FleetRun {

  private final Scheduler scheduler;
  private final PrintWriter progress;
  private final java.util.Set<String> done = ConcurrentHashMap.newKeySet();
  private final long t0 = System.nanoTime();

  public FleetRun(Scheduler scheduler, PrintWriter progress) {
    this.scheduler = scheduler;
    this.progress = progress;
  }

  public List<NodeInput> run(Selection sel, List<String> remoteArgv, Duration nodeTimeout) {
    List<SchedulerNode> nodes = scheduler.nodes(sel);
    List<String> usable = nodes.stream().filter(SchedulerNode::usable).map(SchedulerNode::name).toList();
    for (SchedulerNode n : nodes) {
      if (!n.usable()) {
        say(n.name(), n.unavailable().json() + " (" + n.state() + (n.reason() == null ? "" : ": " + n.reason()) + "): not run");
      }
    }
    Scheduler.Gathered g = usable.isEmpty()
        ? new Scheduler.Gathered(Map.of(), Map.of(), List.of("no usable node"), false, null)
        : start(sel, usable, remoteArgv, nodeTimeout);
    List<NodeInput> out = new ArrayList<>();
    for (SchedulerNode n : nodes) {
      out.add(n.usable() ? input(n.name(), g, nodeTimeout)
          : NodeInput.missing(n.name(), n.unavailable(), List.of(scheduler.name() + " state " + n.state()
              + (n.reason() == null ? "" : ": " + n.reason()))));
    }
    // a node that answered but was not asked for (a task on a node renamed since) still shows
    for (String extra : g.frames().keySet()) {
      if (nodes.stream().noneMatch(n -> n.name().equals(extra))) {
        out.add(input(extra, g, nodeTimeout));
      }
    }
    return out;
  }

  private Scheduler.Gathered start(Selection sel, List<String> usable, List<String> argv, Duration timeout) {
    progress.println("fleet: " + scheduler.name() + " job on " + usable.size() + " node(s): " + String.join(",", usable)
        + " (node timeout " + timeout.toSeconds() + " s)");
    progress.flush();
    // while it waits, a line every 30 s names the nodes not done yet (one that hangs shows here)
    var beat = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "envdoctor-fleet-progress");
      t.setDaemon(true);
      return t;
    });
    beat.scheduleAtFixedRate(() -> {
      List<String> waiting = usable.stream().filter(n -> !done.contains(n)).toList();
      if (!waiting.isEmpty()) {
        say("fleet", "waiting for " + String.join(", ", waiting));
      }
    }, 30, 30, java.util.concurrent.TimeUnit.SECONDS);
    try {
      return scheduler.run(sel, usable, argv, timeout, this::onStderr);
    } finally {
      beat.shutdownNow();
    }
  }

  /** A node's progress line, shown as "[node] message (elapsed)"; other lines pass through in verbose runs only. */
  private void onStderr(String line) {
    String[] p = NodeFrames.parseProgress(line);
    if (p != null) {
      if (p[1].startsWith("doctor finished") || p[1].startsWith("doctor gave no report")) {
        done.add(p[0]);
      }
      say(p[0], p[1]);
    } else if (line.startsWith("srun: error:") || line.contains("CANCELLED")) {
      say("slurm", line.replaceFirst("^srun: error: ", ""));
    }
  }

  private synchronized void say(String node, String text) {
    long s = (System.nanoTime() - t0) / 1_000_000_000L;
    progress.printf("[%s] %s (%d s)%n", node, text, s);
    progress.flush();
  }

  static NodeInput input(String node, Scheduler.Gathered g, Duration timeout) {
    NodeFrames.Frame f = g.frames().get(node);
    List<String> said = new ArrayList<>(g.messages().getOrDefault(node, List.of()));
    if (f != null && f.complete()) {
      try {
        Report r = ReportJson.read(f.json());
        if (r != null && Report.SCHEMA.equals(r.schema())) {
          return new NodeInput(node, r, null, said);
        }
        said.add("the node's output is not an envdoctor report");
      } catch (IOException e) {
        said.add("the node's report is not readable JSON: " + e.getMessage().lines().findFirst().orElse(""));
      }
      return NodeInput.missing(node, NodeStatus.UNREACHABLE, said);
    }
    if (g.timedOut()) {
      said.add(0, (f == null ? "no report" : "report cut short") + " within the node timeout of " + timeout.toSeconds()
          + " s: the task was ended and the job cancelled");
      return NodeInput.missing(node, NodeStatus.TIMEOUT, said);
    }
    said.add(0, f != null ? "report cut short (its checksum does not match): the task ended while printing it"
        : "no report came back from the task");
    said.addAll(g.general());
    return NodeInput.missing(node, NodeStatus.UNREACHABLE, said);
  }
}
