package dev.envdoctor.verify;

import dev.envdoctor.run.Console;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Report;
import dev.envdoctor.verify.Sides;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The calibrate section: one table row per run (side, device, workload, timings), failures marked. */
public final class CalibrationView implements View {

  static final String[] HEADER = {"side", "device", "workload", "median ms", "p10–p90 ms", "cv", "samples/s", "GFLOP/s"};

  @Override
  public void print(Report report, RunContext ctx) {
    Console c = ctx.console();
    c.heading("Calibration (timed training steps; docs/calibration.md)");
    if (report.calibrations().isEmpty()) {
      c.mark(Console.Mark.SKIP, "no calibration ran (no verified device on the chosen sides)");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADER);
    for (Calibration k : report.calibrations()) {
      if (k.diagnosis() == null && k.medianMs() != null) {
        rows.add(row(k));
      }
    }
    table(rows).forEach(c::line);
    for (Calibration k : report.calibrations()) {
      if (k.diagnosis() != null || k.medianMs() == null) {
        c.mark(Console.Mark.FAIL, Sides.label(k.runtime(), k.backend()) + " " + k.device() + " " + k.workload() + ": "
            + (k.diagnosis() == null ? "no timing" : k.diagnosis()));
      }
    }
    c.flush();
  }

  static String[] row(Calibration k) {
    return new String[] {
      Sides.label(k.runtime(), k.backend()), k.device(), k.workload() + batch(k),
      fmt("%.2f", k.medianMs()), fmt("%.2f", k.p10Ms()) + "–" + fmt("%.2f", k.p90Ms()), fmt("%.2f", k.cv()),
      fmt("%.0f", k.samplesPerSecond()), fmt("%.2f", k.achievedGflops())
    };
  }

  private static String batch(Calibration k) {
    return " b" + k.batch() + (k.imgsz() == null ? "" : " " + k.imgsz() + "px");
  }

  private static String fmt(String f, Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, f, v);
  }

  /** Columns padded to their widest cell; numbers right-aligned. */
  static List<String> table(List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    List<String> lines = new ArrayList<>();
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        String cell = i < 3 ? String.format("%-" + width[i] + "s", r[i]) : String.format("%" + width[i] + "s", r[i]);
        sb.append(i == 0 ? "" : "  ").append(cell);
      }
      lines.add(sb.toString().stripTrailing());
    }
    return lines;
  }
}
