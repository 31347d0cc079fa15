package dev.envdoctor.cli;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.Summary;

/** The one mapping from a finished report to an exit code (renderers never decide it). */
public final class Outcome {

  private Outcome() {}

  public static int exitCode(Report report, boolean strict) {
    boolean toolFailed = report.stages().stream().anyMatch(s -> "failed".equals(s.status()));
    if (toolFailed) {
      return ExitCode.TOOL_FAILED;
    }
    Summary s = report.summary();
    if (s == null) {
      return ExitCode.OK;
    }
    if (s.failed() > 0 || s.errors() > 0 || (strict && s.warned() > 0)) {
      return ExitCode.CHECK_FAILED;
    }
    return ExitCode.OK;
  }
}
