package dev.envdoctor.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Re-renders a saved report. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Re-render a saved report: --from R.json --format md|html|json|junit.")
public final class ReportCommand extends BaseCommand {

  @Option(names = "--from", required = true, paramLabel = "R.json", description = "A report written by envdoctor.")
  Path from;

  @Option(names = "--format", defaultValue = "md", paramLabel = "md|html|json|junit",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    throw ExitException.toolFailed("report: not implemented yet (issue #8)");
  }
}
