package dev.envdoctor.report;

import dev.envdoctor.run.Outcome;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines that explain a report's exit code (Outcome), one each, for stderr under --json, where
 * stdout is the report for a machine and a script would otherwise see a code and no reason: a stage
 * that failed or was refused, a check that failed or could not be evaluated (a warning under
 * --strict), and a side that was tried and not measured (a device that did not verify, a
 * calibration that failed). An absent GPU or runtime that nobody asked for is not a reason. Pure.
 */
public final class ExitReasons {

  private ExitReasons() {}

  public static List<String> of(Report r, boolean strict) {
    List<String> out = new ArrayList<>();
    for (StageRun s : r.stages()) {
      if (s.failed()) {
        out.add("envdoctor's " + s.name() + " stage failed: " + s.error() + " (details in " + dev.envdoctor.Logging.logFile()
            + "; please report it)");
      } else if (s.refused()) {
        out.add(s.error());
      }
    }
    for (CheckResult c : r.checks()) {
      if (c.fails(strict)) {
        out.add("check " + c.id() + " " + c.status() + ": " + oneLine(c.message()) + (c.fix() == null ? "" : "; fix: " + oneLine(c.fix())));
      }
    }
    for (DeviceResult d : r.devices()) {
      if (Boolean.FALSE.equals(d.verified())) {
        out.add(Fmt.side(d.runtime(), d.backend(), d.device()) + " not verified: " + oneLine(d.diagnosis())
            + (d.fix() == null ? "" : "; fix: " + oneLine(d.fix())));
      }
    }
    for (Calibration c : r.calibrations()) {
      if (c.diagnosis() != null) {
        out.add(Fmt.side(c.runtime(), c.backend(), c.device()) + " not calibrated: " + oneLine(c.diagnosis()));
      }
    }
    return out;
  }

  /** Each reason on its own line of {@code err}, as every one-line error of envdoctor starts. */
  public static void print(Report r, boolean strict, PrintWriter err) {
    of(r, strict).forEach(line -> err.println("envdoctor: " + line));
    err.flush();
  }

  private static String oneLine(String s) {
    return s == null ? "no reason given" : s.replaceAll("\\s+", " ").trim();
  }
}
