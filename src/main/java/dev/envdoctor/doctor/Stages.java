package dev.envdoctor.doctor;

import dev.envdoctor.flow.Pipeline;
import dev.envdoctor.flow.View;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.Version;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.Tool;
import dev.envdoctor.probe.ProbeStage;
import dev.envdoctor.probe.ProbeView;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The flow of DESIGN.md, in order: the one list every command draws its stages and views from. */
public final class Stages {

  private Stages() {}

  /** Every stage, in the order they run. */
  public static Pipeline standard() {
    return new Pipeline(List.of(
        new ProbeStage(),
        new dev.envdoctor.container.RuntimeStage(),
        new dev.envdoctor.verify.NativeDjlStage(),
        new dev.envdoctor.python.PythonStage(),
        new dev.envdoctor.container.ContainerStage(),
        new dev.envdoctor.interconnect.InterconnectStage(),
        new dev.envdoctor.recommend.RecommendStage(),
        dev.envdoctor.check.CheckStage.here(),
        new dev.envdoctor.report.ReportFilesStage()));
  }

  /** The console section of each phase. */
  public static Map<Phase, View> views() {
    Map<Phase, View> views = new EnumMap<>(Phase.class);
    View probe = new ProbeView();
    views.put(Phase.PROBE, (report, ctx) -> {
      probe.print(report, ctx);
      dev.envdoctor.container.RuntimesView.print(report, ctx);
    });
    views.put(Phase.VERIFY, new dev.envdoctor.verify.VerifyView());
    View calibrations = new dev.envdoctor.verify.CalibrationView();
    View interconnect = new dev.envdoctor.interconnect.InterconnectView();
    views.put(Phase.CALIBRATE, (report, ctx) -> {
      calibrations.print(report, ctx);
      interconnect.print(report, ctx);
    });
    views.put(Phase.RECOMMEND, new dev.envdoctor.recommend.RecommendView());
    views.put(Phase.CHECK, new dev.envdoctor.check.CheckView());
    views.put(Phase.REPORT, new dev.envdoctor.report.ReportView());
    return views;
  }

  public static Report newReport(RunContext ctx) {
    return Report.empty(new Tool("envdoctor", Version.version()), Instant.now(ctx.clock()).toString());
  }

  /** A stage that threw is a bug of ours: say so, where the details are, and go on. */
  public static void printFailedStages(Report report, RunContext ctx) {
    for (StageRun s : report.stages()) {
      if (s.failed()) {
        ctx.console().mark(Console.Mark.FAIL, "envdoctor's " + s.name() + " stage failed: " + s.error());
        ctx.console().detail("details in " + dev.envdoctor.Logging.logFile() + "; please report it");
      } else if (s.refused()) {
        ctx.console().mark(Console.Mark.FAIL, s.error());
      }
    }
  }
}
