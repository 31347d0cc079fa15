package dev.envdoctor.doctor;

import dev.envdoctor.cli.Console;
import dev.envdoctor.cli.VersionProvider;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.Tool;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The flow of DESIGN.md, in order: the one list every command draws its stages and views from. */
public final class Stages {

  private Stages() {}

  /** Every stage, in the order they run. Each issue replaces its pending entry. */
  public static Pipeline standard() {
    return new Pipeline(List.of(
        new PendingStage("probe", Phase.PROBE, 2),
        new dev.envdoctor.container.RuntimeStage(),
        new dev.envdoctor.verify.NativeDjlStage(),
        new dev.envdoctor.python.PythonStage(),
        new dev.envdoctor.container.ContainerStage(),
        new PendingStage("recommend", Phase.RECOMMEND, 6),
        new PendingStage("check", Phase.CHECK, 7),
        new PendingStage("report-files", Phase.REPORT, 8)));
  }

  /** The console section of each phase. */
  public static Map<Phase, View> views() {
    Map<Phase, View> views = new EnumMap<>(Phase.class);
    View probe = PendingStage.view("probe", 2);
    views.put(Phase.PROBE, (report, ctx) -> {
      probe.print(report, ctx);
      dev.envdoctor.container.RuntimesView.print(report, ctx);
    });
    views.put(Phase.VERIFY, new dev.envdoctor.verify.VerifyView());
    views.put(Phase.CALIBRATE, new dev.envdoctor.calibrate.CalibrationView());
    views.put(Phase.RECOMMEND, PendingStage.view("recommend", 6));
    views.put(Phase.CHECK, PendingStage.view("check", 7));
    views.put(Phase.REPORT, PendingStage.view("report", 8));
    return views;
  }

  public static Report newReport(RunContext ctx) {
    return Report.empty(new Tool("envdoctor", VersionProvider.version()), Instant.now(ctx.clock()).toString());
  }

  /** A stage that threw is a bug of ours: say so, where the details are, and go on. */
  public static void printFailedStages(Report report, RunContext ctx) {
    for (StageRun s : report.stages()) {
      if ("failed".equals(s.status())) {
        ctx.console().mark(Console.Mark.FAIL, "envdoctor's " + s.name() + " stage failed: " + s.error());
        ctx.console().detail("details in " + dev.envdoctor.Logging.logFile() + "; please report it");
      }
    }
  }
}
