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
import dev.envdoctor.check.CheckStage;
import dev.envdoctor.check.CheckView;
import dev.envdoctor.container.ContainerStage;
import dev.envdoctor.container.RuntimeStage;
import dev.envdoctor.container.RuntimesView;
import dev.envdoctor.interconnect.InterconnectStage;
import dev.envdoctor.interconnect.InterconnectView;
import dev.envdoctor.python.PythonStage;
import dev.envdoctor.recommend.RecommendStage;
import dev.envdoctor.recommend.RecommendView;
import dev.envdoctor.report.ReportFilesStage;
import dev.envdoctor.report.ReportView;
import dev.envdoctor.verify.CalibrationView;
import dev.envdoctor.verify.NativeDjlStage;
import dev.envdoctor.verify.VerifyView;

/** The flow of DESIGN.md, in order: the one list every command draws its stages and views from. */
public final class Stages {

  private Stages() {}

  /** Every stage, in the order they run. */
  public static Pipeline standard() {
    return new Pipeline(List.of(
        new ProbeStage(),
        new RuntimeStage(),
        new NativeDjlStage(),
        new PythonStage(),
        new ContainerStage(),
        new InterconnectStage(),
        new RecommendStage(),
        CheckStage.here(),
        new ReportFilesStage()));
  }

  /** The console section of each phase. */
  public static Map<Phase, View> views() {
    Map<Phase, View> views = new EnumMap<>(Phase.class);
    View probe = new ProbeView();
    views.put(Phase.PROBE, (report, ctx) -> {
      probe.print(report, ctx);
      RuntimesView.print(report, ctx);
    });
    views.put(Phase.VERIFY, new VerifyView());
    View calibrations = new CalibrationView();
    View interconnect = new InterconnectView();
    views.put(Phase.CALIBRATE, (report, ctx) -> {
      calibrations.print(report, ctx);
      interconnect.print(report, ctx);
    });
    views.put(Phase.RECOMMEND, new RecommendView());
    views.put(Phase.CHECK, new CheckView());
    views.put(Phase.REPORT, new ReportView());
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
