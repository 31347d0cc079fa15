package dev.envdoctor.cli;

import dev.envdoctor.run.RunFailure;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.check.CheckStage;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.health.HealthVerdict;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fast subset for schedulers: probe, verify and the profile's checks (calibration only with
 * --calibrate), one line on stdout, exit 0/1/2 as node-problem-detector's custom plugins and
 * Slurm's HealthCheckProgram expect; --slurm-drain drains this node for a failing check.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
    description = {"Health check for schedulers: probe, verify and the profile's checks; one line on stdout.",
        "Fits Slurm's HealthCheckProgram and node-problem-detector's custom plugins."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:OK (warnings alone, unless --strict)", "1:a problem: a check failed", "2:unknown: envdoctor could not tell (bad profile, a stage failed or refused, only checks that could not be evaluated)"})
public final class HealthCommand extends StageCommand {

  /** Where scontrol lives when HealthCheckProgram runs us with no PATH at all (slurmd gives none). */
  private static final List<String> SCONTROL = List.of("scontrol", "/usr/bin/scontrol", "/usr/local/bin/scontrol",
      "/opt/slurm/bin/scontrol");

  @Option(names = "--profile", paramLabel = "NAME|FILE", defaultValue = CheckStage.DEFAULT_PROFILE,
      description = "The check profile (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--calibrate", description = "Also calibrate (slower; timing checks never drain a node).")
  boolean calibrate;

  @Option(names = "--slurm-drain", description = "Drain this Slurm node when a check fails: scontrol update State=DRAIN Reason=\"envdoctor: CHECK\".")
  boolean slurmDrain;

  @Option(names = "--node", paramLabel = "NAME", description = "This node's Slurm name (default: $SLURMD_NODENAME, else the host name).")
  String node;

  @Override
  protected Phase phase() {
    return Phase.CHECK;
  }

  @Override
  protected Set<Phase> phases() {
    return calibrate ? EnumSet.of(Phase.PROBE, Phase.VERIFY, Phase.CALIBRATE, Phase.CHECK)
        : EnumSet.of(Phase.PROBE, Phase.VERIFY, Phase.CHECK);
  }

  @Override
  protected RunOptions runOptions() {
    RunOptions o = run.options(profile);
    // natively unless told: a container's start would eat the scheduler's time budget
    return spec.commandLine().getParseResult().hasMatchedOption("--runtime") ? o : o.withSides("native", o.backend(), o.device());
  }

  @Override
  public Integer call() {
    HealthVerdict v;
    Report report = null;
    try {
      Profile p = CheckStage.load(Path.of("").toAbsolutePath(), profile);
      RunContext ctx = context(phases());
      report = Stages.standard().run(Stages.newReport(ctx), ctx);
      v = HealthVerdict.of(report, p, runOptions().strict());
    } catch (RunFailure e) {
      v = HealthVerdict.unknown(e.getMessage());
    }
    closeStatus(); // the verdict prints on the command line's own streams: on a clean line
    if (output.json && report != null) {
      spec.commandLine().getOut().println(ReportJson.write(report));
      if (v.exitCode() != HealthVerdict.OK) {
        // the report is for a machine; the one line that explains the code is for the person
        spec.commandLine().getErr().println(v.line());
        spec.commandLine().getErr().flush();
      }
    } else {
      spec.commandLine().getOut().println(v.line());
    }
    spec.commandLine().getOut().flush();
    if (slurmDrain && v.drainCheck() != null) {
      drain(v);
    }
    return v.exitCode();
  }

  private void drain(HealthVerdict v) {
    String name = node != null ? node : root().env().getOrDefault("SLURMD_NODENAME", FleetNodeCommand.localName());
    String scontrol = SCONTROL.stream().filter(ProcessRunner::onPath).findFirst().orElse("scontrol");
    CommandResult r = root().runner().run(CommandSpec.of(Duration.ofSeconds(20), scontrol, "update",
        "NodeName=" + name, "State=DRAIN", "Reason=" + v.drainMessage()));
    var err = spec.commandLine().getErr();
    err.println(r.ok() ? "envdoctor: drained " + name + " (" + v.drainMessage() + ")"
        : "envdoctor: could not drain " + name + ": " + r.describe() + " " + String.join(" ", r.stderrTail(2)));
    err.flush();
  }
}
