package dev.envdoctor.fleet.slurm;

import dev.envdoctor.exec.ChildProcesses;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.fleet.NodeFrames;
import dev.envdoctor.fleet.Scheduler;
import dev.envdoctor.fleet.SchedulerNode;
import dev.envdoctor.fleet.Selection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import dev.envdoctor.fleet.NodeStatus;

/**
 * Slurm: sinfo says which nodes there are and in what state; one srun places one task on each
 * usable node (one job, {@code --nodes=N --ntasks-per-node=1}, whole nodes, labelled output);
 * scancel ends the job when the run returns, times out or is interrupted, so no job is left.
 */
public final class SlurmScheduler implements Scheduler {

  private static final Duration QUERY = Duration.ofSeconds(20);

  private final CommandRunner runner;
  private final String jobName;
  private final Map<String, Integer> cpus = new LinkedHashMap<>();

  public SlurmScheduler(CommandRunner runner) {
    this(runner, "envdoctor-fleet-" + UUID.randomUUID().toString().substring(0, 8));
  }

  SlurmScheduler(CommandRunner runner, String jobName) {
    this.runner = runner;
    this.jobName = jobName;
  }

  @Override
  public String name() {
    return "slurm";
  }

  public String jobName() {
    return jobName;
  }

  @Override
  public List<SchedulerNode> nodes(Selection sel) {
    String partition = sel.partition();
    if (partition == null && sel.nodelist() == null) {
      partition = SinfoNodes.defaultPartition(query("sinfo", "-h", "-o", "%P").stdout());
    }
    List<String> argv = new ArrayList<>(List.of("sinfo", "-h", "-N", "-o", SinfoNodes.FORMAT));
    if (partition != null) {
      argv.addAll(List.of("-p", partition));
    }
    if (sel.nodelist() != null) {
      argv.addAll(List.of("-n", sel.nodelist()));
    }
    CommandResult r = query(argv.toArray(String[]::new));
    List<SchedulerNode> out = new ArrayList<>();
    for (SinfoNodes.Node n : SinfoNodes.parse(r.stdout())) {
      cpus.put(n.node().name(), n.cpus());
      out.add(n.node());
    }
    if (sel.nodelist() != null) {
      out = missingNamed(sel.nodelist(), out);
    }
    return sel.nodes() == null ? out : limit(out, sel.nodes());
  }

  /** A node named in --nodelist that sinfo does not list is reported, not dropped. */
  private List<SchedulerNode> missingNamed(String nodelist, List<SchedulerNode> listed) {
    List<String> named = ScontrolNodes.hostnames(query("scontrol", "show", "hostnames", nodelist).stdout());
    List<SchedulerNode> out = new ArrayList<>(listed);
    for (String n : named) {
      if (listed.stream().noneMatch(x -> x.name().equals(n))) {
        out.add(new SchedulerNode(n, "unknown", "not a node of this cluster (sinfo does not list it)",
            NodeStatus.UNREACHABLE));
      }
    }
    return out;
  }

  /** The first N usable nodes, and every unusable one (they are reported, not silently skipped). */
  private static List<SchedulerNode> limit(List<SchedulerNode> nodes, int n) {
    List<SchedulerNode> out = new ArrayList<>();
    int usable = 0;
    for (SchedulerNode x : nodes) {
      if (x.usable() && usable < n) {
        out.add(x);
        usable++;
      }
    }
    return out;
  }

  @Override
  public Gathered run(Selection sel, List<String> nodes, List<String> argv, Duration timeout, Consumer<String> stderrLines) {
    Runnable cancel = this::cancel;
    ChildProcesses.onExit("Slurm job " + jobName, cancel);
    try {
      CommandResult r = runner.run(CommandSpec.of(timeout, srun(sel, nodes, argv, timeout)).withStderrListener(stderrLines));
      SrunMessages.Messages m = SrunMessages.parse(r.stderr());
      List<String> general = new ArrayList<>(m.general());
      if (r.status() == CommandResult.Status.NOT_FOUND) {
        general.add("srun is not on PATH: run fleet on a Slurm login node");
      }
      return new Gathered(NodeFrames.parse(r.stdout()), m.byNode(), general,
          r.status() == CommandResult.Status.TIMED_OUT, jobName);
    } finally {
      cancel();
      ChildProcesses.forget(cancel);
    }
  }

  List<String> srun(Selection sel, List<String> nodes, List<String> argv, Duration timeout) {
    List<String> cmd = new ArrayList<>(List.of("srun", "--job-name=" + jobName, "--nodes=" + nodes.size(),
        "--ntasks-per-node=1", "--nodelist=" + String.join(",", nodes), "--exclusive", "--no-kill",
        "--kill-on-bad-exit=0", "--label"));
    Integer fewest = nodes.stream().map(cpus::get).filter(java.util.Objects::nonNull).min(Integer::compare).orElse(null);
    if (fewest != null) {
      cmd.add("--cpus-per-task=" + fewest);
    }
    if (sel.partition() != null) {
      cmd.add("--partition=" + sel.partition());
    }
    cmd.add("--time=" + (sel.time() != null ? sel.time() : String.valueOf(timeout.toMinutes() + 2)));
    if (sel.account() != null) {
      cmd.add("--account=" + sel.account());
    }
    cmd.addAll(argv);
    return cmd;
  }

  /** Cancels this run's job by its unique name and waits (briefly) until Slurm no longer lists it. */
  public void cancel() {
    query("scancel", "--name=" + jobName);
    for (int i = 0; i < 20; i++) {
      CommandResult q = query("squeue", "-h", "--name=" + jobName, "-o", "%i");
      if (!q.ok() || q.stdout().isBlank()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private CommandResult query(String... argv) {
    return runner.run(CommandSpec.of(QUERY, argv));
  }
}
