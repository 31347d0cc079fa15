package dev.envdoctor.cli;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.model.Report;
import dev.envdoctor.report.Redactor;
import dev.envdoctor.report.ReportRenderer;
import dev.envdoctor.report.Renderers;
import dev.envdoctor.report.SavedReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Re-renders a saved report, redacted unless --no-redact. It exits 0 once it has rendered: the
 * checks' verdict belonged to the run that wrote the report.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render a saved report: --from R.json --format md|html|json|junit.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:rendered", "2:the file is missing, unreadable, not JSON or not an envdoctor report"})
public final class ReportCommand extends BaseCommand {

  @Option(names = "--from", required = true, paramLabel = "R.json", description = "A report written by envdoctor.")
  Path from;

  @Option(names = "--format", defaultValue = "md", paramLabel = "md|html|json|junit",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
  Path out;

  @Option(names = "--no-redact", description = "Keep user names, host names, addresses and secrets.")
  boolean noRedact;

  @Override
  public Integer call() {
    ReportRenderer renderer = Renderers.byFormat(output.json ? "json" : format).orElseThrow(() ->
        RunFailure.badInput("unknown format '" + format + "': use one of " + Renderers.formats()));
    Report report = Redactor.forSharing(SavedReport.load(from), root().env(), noRedact);
    String text = renderer.render(report);
    printOrWrite(out, text);
    return ExitCode.OK;
  }
}
