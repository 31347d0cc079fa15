package dev.envdoctor.cli;

import dev.envdoctor.run.AtomicFiles;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.run.Version;
import dev.envdoctor.fleet.FleetAnalysis;
import dev.envdoctor.fleet.FleetFiles;
import dev.envdoctor.fleet.FleetNode;
import dev.envdoctor.fleet.NodeStatus;
import dev.envdoctor.fleet.FleetOutcome;
import dev.envdoctor.fleet.FleetReport;
import dev.envdoctor.fleet.FleetRun;
import dev.envdoctor.fleet.NodeInput;
import dev.envdoctor.fleet.Scheduler;
import dev.envdoctor.fleet.Selection;
import dev.envdoctor.fleet.render.FleetRenderer;
import dev.envdoctor.fleet.slurm.SlurmScheduler;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Tool;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.envdoctor.verify.SelfLauncher;

/** Runs doctor on every node through the scheduler, one task per node, and writes the fleet report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run doctor on every node through the cluster's scheduler (one task per node) and write",
        "DIR/nodes/<node>.json and the fleet report. Arguments after -- go to each node's doctor."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every node ok or warn (warn fails with --strict)", "1:a node failed or is missing (down, drain, unreachable, timeout)",
        "2:bad usage", "3:envdoctor itself failed"})
public final class FleetRunCommand extends BaseCommand {

  @Option(names = "--scheduler", required = true, paramLabel = "slurm", description = "The cluster's scheduler: slurm.")
  String scheduler;

  @Option(names = "--partition", paramLabel = "NAME", description = "The partition (default: the default partition).")
  String partition;

  @Option(names = "--nodes", paramLabel = "N", description = "At most N nodes (default: every node of the partition).")
  Integer nodes;

  @Option(names = "--nodelist", paramLabel = "LIST", description = "These nodes (scheduler syntax: gpu[01-04],gpu07).")
  String nodelist;

  @Option(names = "--time", paramLabel = "LIMIT", description = "The job's time limit, scheduler syntax (default: the node timeout + 2 min).")
  String time;

  @Option(names = "--account", paramLabel = "NAME", description = "The account to charge.")
  String account;

  @Option(names = "--node-timeout", defaultValue = "600", paramLabel = "SECONDS",
      description = "End a node's task after this long and report it as timeout (default: ${DEFAULT-VALUE}).")
  long nodeTimeout;

  @Option(names = "--out", paramLabel = "DIR", description = "Where nodes/<node>.json and the fleet report go (default: reports/fleet-<UTC time>).")
  Path out;

  @Option(names = "--remote-envdoctor", paramLabel = "PATH", description = "envdoctor's path on the nodes (default: this same java and jar).")
  String remote;

  @Option(names = "--strict", description = "A node that warns fails too (exit 1).")
  boolean strict;

  @Option(names = "--no-redact", description = "The nodes send their reports unredacted.")
  boolean noRedact;

  @Parameters(paramLabel = "-- DOCTOR-ARGS", description = "Each node's doctor arguments, after --.")
  List<String> doctorArgs = new ArrayList<>();

  @Override
  public Integer call() {
    if (!"slurm".equals(scheduler)) {
      throw RunFailure.badInput("unknown scheduler '" + scheduler + "': use slurm");
    }
    if (nodeTimeout < 1 || (nodes != null && nodes < 1)) {
      throw RunFailure.badInput("--node-timeout and --nodes take a positive number");
    }
    Path dir = out != null ? out : Path.of("reports", "fleet-" + root().clock().instant().toString().replaceAll("[-:]|\\.\\d+", ""));
    try {
      // before any job: a folder that cannot be made fails now, not after a fleet's worth of runs
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException | SecurityException e) {
      throw AtomicFiles.refused(dir, e, " (choose another --out DIR)");
    }
    PrintWriter err = spec.commandLine().getErr();
    SlurmScheduler slurm = new SlurmScheduler(root().runner());
    err.println("fleet: job name " + slurm.jobName());
    List<NodeInput> inputs = run(slurm, err);
    FleetReport report = FleetAnalysis.analyse(inputs, null, null, slurm.name(), new Tool("envdoctor", Version.version()),
        root().clock().instant().toString());
    Map<Path, String> files = new LinkedHashMap<>(FleetFiles.nodeFiles(dir, inputs));
    files.put(dir.resolve(FleetFiles.FLEET_JSON), ReportJson.write(report) + "\n");
    files.put(dir.resolve("fleet.md"), FleetRenderer.byFormat("md").orElseThrow().render(report));
    files.put(dir.resolve("fleet.html"), FleetRenderer.byFormat("html").orElseThrow().render(report));
    AtomicFiles.writeAll(files, " (choose another --out DIR)");
    if (output.json) {
      spec.commandLine().getOut().println(ReportJson.write(report));
      // the nodes that make the exit code, one line each, for the person behind the script
      report.nodes().stream().filter(n -> n.status() == NodeStatus.FAIL || n.status().missing() || (strict && n.status() == NodeStatus.WARN))
          .forEach(n -> err.println("envdoctor: node " + n.name() + ": " + n.status().json()
              + (n.reasons().isEmpty() ? "" : " — " + String.join("; ", n.reasons()))));
      err.flush();
    } else {
      for (FleetNode n : report.nodes()) {
        spec.commandLine().getOut().println(n.name() + ": " + n.status().json()
            + (n.reasons().isEmpty() ? "" : " — " + String.join("; ", n.reasons())));
      }
      spec.commandLine().getOut().println("fleet report: " + dir.resolve(FleetFiles.FLEET_JSON) + ", fleet.md, fleet.html");
    }
    spec.commandLine().getOut().flush();
    return FleetOutcome.exitCode(report, strict);
  }

  private List<NodeInput> run(Scheduler s, PrintWriter err) {
    List<String> argv = new ArrayList<>(remote != null ? List.of(remote) : self());
    argv.addAll(List.of("fleet", "node"));
    if (noRedact) {
      argv.add("--no-redact");
    }
    argv.add("--");
    argv.addAll(doctorArgs);
    return new FleetRun(s, err).run(new Selection(partition, nodes, nodelist, time, account), argv, Duration.ofSeconds(nodeTimeout));
  }

  /** This very java and jar, with the launcher's start-up flags. */
  private static List<String> self() {
    var l = SelfLauncher.current();
    return List.of(l.java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xlog:disable",
        "-Xlog:all=warning:stderr", "-cp", l.classpath(), "dev.envdoctor.Main");
  }
}
