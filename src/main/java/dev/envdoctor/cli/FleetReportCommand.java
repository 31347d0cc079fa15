package dev.envdoctor.cli;

import dev.envdoctor.run.RunFailure;
import dev.envdoctor.run.Version;
import dev.envdoctor.fleet.FleetAnalysis;
import dev.envdoctor.fleet.FleetFiles;
import dev.envdoctor.fleet.FleetInputError;
import dev.envdoctor.fleet.FleetOutcome;
import dev.envdoctor.fleet.FleetReport;
import dev.envdoctor.fleet.render.FleetRenderer;
import dev.envdoctor.model.Tool;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The fleet report from a folder fleet run wrote, or from node report files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "The fleet report (schema envdoctor/fleet/v1) of DIR (written by fleet run) or of node report FILES.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every node ok or warn (warn fails with --strict)", "1:a node failed or is missing (down, drain, unreachable, timeout)",
        "2:a file is missing, unreadable or not an envdoctor report"})
public final class FleetReportCommand extends BaseCommand {

  @Parameters(arity = "1..*", paramLabel = "DIR|FILES", description = "A fleet run's folder, or node reports (each named after its file).")
  List<Path> inputs;

  @Option(names = "--format", defaultValue = "md", paramLabel = "md|html|json|junit", description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Judge drift and outliers against a baseline (fleet baseline writes one).")
  Path baseline;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path out;

  @Option(names = "--strict", description = "A node that warns fails too (exit 1).")
  boolean strict;

  @Override
  public Integer call() {
    FleetRenderer renderer = FleetRenderer.byFormat(output.json ? "json" : format).orElseThrow(() ->
        RunFailure.badInput("unknown format '" + format + "': use one of " + FleetRenderer.formats()));
    FleetReport report = build(inputs, baseline, root().clock());
    String text = renderer.render(report);
    printOrWrite(out, text);
    return FleetOutcome.exitCode(report, strict);
  }

  /** The fleet report of these inputs; a bad file is bad input (exit 2). */
  static FleetReport build(List<Path> inputs, Path baseline, java.time.Clock clock) {
    try {
      var nodes = FleetFiles.load(inputs);
      var base = baseline == null ? null : FleetFiles.loadBaseline(baseline);
      return FleetAnalysis.analyse(nodes, base, baseline == null ? null : baseline.getFileName().toString(), "files",
          new Tool("envdoctor", Version.version()), clock.instant().toString());
    } catch (FleetInputError e) {
      throw RunFailure.badInput(e.getMessage());
    }
  }
}
