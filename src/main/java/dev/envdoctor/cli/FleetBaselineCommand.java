package dev.envdoctor.cli;

import dev.envdoctor.run.AtomicFiles;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.fleet.Baselines;
import dev.envdoctor.fleet.FleetReport;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import dev.envdoctor.fleet.FleetOutcome;

/** A baseline from a known-good fleet, for fleet report --baseline. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    description = "Write a baseline (schema envdoctor/fleet-baseline/v1) from a known-good fleet's DIR or FILES.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:the fleet is not all ok or warn (a baseline must come from a good fleet; --force writes it anyway)",
        "2:a file is missing or unreadable"})
public final class FleetBaselineCommand extends BaseCommand {

  @Parameters(arity = "1..*", paramLabel = "DIR|FILES", description = "A known-good fleet's folder or node reports.")
  List<Path> inputs;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The baseline file to write.")
  Path out;

  @Option(names = "--force", description = "Write it even when a node fails or is missing.")
  boolean force;

  @Override
  public Integer call() {
    FleetReport fleet = FleetReportCommand.build(inputs, null, root().clock());
    if (!force && FleetOutcome.exitCode(fleet, false) != 0) {
      spec.commandLine().getErr().println("envdoctor: not a good fleet to pin (" + fleet.summary().nodes() + " nodes, "
          + (fleet.summary().nodes() - fleet.summary().ok() - fleet.summary().warn()) + " failed or missing): fix them or pass --force");
      spec.commandLine().getErr().flush();
      return ExitCode.CHECK_FAILED;
    }
    AtomicFiles.write(out, ReportJson.write(Baselines.of(fleet, root().clock().instant().toString())) + "\n", "");
    spec.commandLine().getErr().println("wrote " + out + " (" + fleet.summary().nodes() + " nodes)");
    spec.commandLine().getErr().flush();
    return ExitCode.OK;
  }
}
