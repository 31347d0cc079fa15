package dev.envdoctor.run;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.Summary;

/** The one mapping from a finished report to an exit code (renderers never decide it). */
public final class Outcome {

  private Outcome() {}

  public static int exitCode(Report report, boolean strict) {
    if (toolFailed(report)) {
      return ExitCode.TOOL_FAILED;
    }
    if (refused(report)) {
      return ExitCode.ENVIRONMENT;
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

  /**
   * verify and calibrate, which run no checks: 1 when a side that was tried fell short — a device
   * that did not verify (a runtime named with --runtime that is not usable is such a device), or a
   * calibration that failed.
   */
  public static int sidesExitCode(Report report) {
    if (toolFailed(report)) {
      return ExitCode.TOOL_FAILED;
    }
    if (refused(report)) {
      return ExitCode.ENVIRONMENT;
    }
    boolean shortfall = report.devices().stream().anyMatch(d -> Boolean.FALSE.equals(d.verified()))
        || report.calibrations().stream().anyMatch(c -> c.diagnosis() != null);
    return shortfall ? ExitCode.CHECK_FAILED : ExitCode.OK;
  }

  private static boolean toolFailed(Report report) {
    return report.stages().stream().anyMatch(StageRun::failed);
  }

  private static boolean refused(Report report) {
    return report.stages().stream().anyMatch(StageRun::refused);
  }
}
