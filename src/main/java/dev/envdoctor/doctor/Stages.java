package dev.envdoctor.doctor;

import dev.envdoctor.cli.Console;
import dev.envdoctor.cli.VersionProvider;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.Tool;
import java.time.Instant;
import java.util.List;

/** The flow of DESIGN.md, in order: the one list every command draws its stages from. */
public final class Stages {

  private Stages() {}

  public static Pipeline standard() {
    return new Pipeline(List.of(
        new PendingStage("probe", 2),
        new PendingStage("verify", 3),
        new PendingStage("calibrate", 5),
        new PendingStage("recommend", 6),
        new PendingStage("check", 7)));
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
