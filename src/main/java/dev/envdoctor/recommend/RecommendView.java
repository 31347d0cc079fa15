package dev.envdoctor.recommend;

import dev.envdoctor.run.Words;
import dev.envdoctor.model.Confidence;
import dev.envdoctor.run.Console;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Evidence;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Report;
import java.util.List;
import java.util.Objects;

/** The recommend phase on the console: the verdict block, its evidence table and the projection. */
public final class RecommendView implements View {

  @Override
  public void print(Report report, RunContext ctx) {
    Console c = ctx.console();
    Recommendation rec = report.recommendation();
    if (rec == null) {
      c.mark(Console.Mark.SKIP, "No verdict: the recommend stage did not run.");
      return;
    }
    verdict(rec, c);
    evidence(rec, c);
    projection(rec, Format.pipelinesAlone(report.jobs()), c);
    List<String> better = Format.better(report.jobs());
    if (!better.isEmpty()) {
      c.blank();
      c.heading("Faster settings, measured in this run");
      better.forEach(b -> c.line("  " + b));
    }
    c.flush();
  }

  /** The verdict and its why/deploy lines: the first three lines of doctor's output too. */
  public static void verdict(Recommendation rec, Console c) {
    boolean settled = rec.train() != null && rec.confidence() != Confidence.NOISY;
    c.mark(settled ? Console.Mark.OK : Console.Mark.WARN, c.bold(rec.verdict()));
    if (rec.reason() != null && !rec.reason().isEmpty()) {
      c.detail((rec.train() == null ? "missing: " : "why: ") + rec.reason());
    }
    if (rec.deployment() != null) {
      c.detail(rec.deployment());
    }
  }

  static void evidence(Recommendation rec, Console c) {
    if (rec.evidence().isEmpty()) {
      return;
    }
    c.blank();
    c.heading("Evidence (workload " + Format.workload(rec.evidence().get(0).workload()) + ")");
    Table t = new Table().row("side", "backend", "device", "median step", "samples/s", "× slower", "");
    for (Evidence e : rec.evidence()) {
      boolean chosen = rec.train() != null && Objects.equals(e.runtime(), rec.train().runtime())
          && Objects.equals(e.backend(), rec.train().backend()) && Objects.equals(e.device(), rec.train().device());
      t.row(e.runtime(), String.valueOf(e.backend()), e.device(),
          e.medianMs() == null ? "?" : Format.number(e.medianMs(), 2) + " ms",
          e.samplesPerSecond() == null ? "?" : Format.number(e.samplesPerSecond(), 1),
          e.ratio() == null ? "?" : Format.times(e.ratio()), chosen ? "← train here" : "");
    }
    t.lines("  ").forEach(c::line);
  }

  /** Whether other processes took enough of the CPUs during the calibration that its projection is no figure to plan by. */
  public static boolean contended(Recommendation rec) {
    return (rec.measurement() != null && Boolean.TRUE.equals(rec.measurement().contended()))
        || rec.projection().stream().anyMatch(p -> Boolean.TRUE.equals(p.contended()));
  }

  /**
   * What contended, in words: the measurement's (the pairs'), else the busy assumption's (the
   * projection's own turn, or one side without a measurement), else the rows' mark's.
   */
  public static String contention(Recommendation rec) {
    if (rec.measurement() != null && rec.measurement().contention() != null) {
      return rec.measurement().contention();
    }
    return rec.assumptions().stream().filter(a -> a.startsWith(VerdictView.BUSY) && a.endsWith(VerdictView.BUSY_END))
        .map(a -> a.substring(VerdictView.BUSY.length(), a.length() - VerdictView.BUSY_END.length())).findFirst()
        .orElse("other processes took a quarter CPU or more while it was timed");
  }

  static void projection(Recommendation rec, Console c) {
    projection(rec, List.of(), c);
  }

  /** The projection, with {@code pipelinesAlone}: sides that timed their input pipeline but no row of their own. */
  static void projection(Recommendation rec, List<String> pipelinesAlone, Console c) {
    if (rec.projection().isEmpty() || rec.workload() == null) {
      return;
    }
    var w = rec.workload();
    c.blank();
    c.heading("Projection: " + w.name() + " (" + w.model() + ", " + Words.count(w.epochs(), "epoch") + " × "
        + Format.number(w.images(), 0) + " images at " + w.imgsz() + " px)");
    if (contended(rec)) {
      c.line("  from a contended run, not a figure to plan by: " + contention(rec));
    }
    Table t = new Table().row("side", "backend", "device", "wall time", "p10–p90", "s/image", "how");
    for (Projection p : rec.projection()) {
      t.row(p.runtime(), String.valueOf(p.backend()), p.device(), Format.hours(p.hours()),
          Objects.requireNonNullElse(Format.hoursRange(p), "—"),
          p.secondsPerImage() == null ? "" : Format.number(p.secondsPerImage(), 3),
          TimedApart.how(p));
    }
    t.lines("  ").forEach(c::line);
    for (Projection p : rec.projection()) {
      String timed = Format.jobAsTimed(p);
      if (timed != null) {
        c.line("  " + p.runtime() + " " + p.backend() + " " + p.device() + ", the job as timed: " + timed);
      }
    }
    pipelinesAlone.forEach(l -> c.line("  " + l));
    String apart = TimedApart.disagreement(rec);
    if (apart != null) {
      c.line("  " + apart);
    }
    c.line("  assumptions:");
    rec.assumptions().forEach(a -> c.line("    - " + a));
  }
}
