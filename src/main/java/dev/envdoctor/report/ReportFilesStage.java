package dev.envdoctor.report;

import dev.envdoctor.model.StageStatus;
import dev.envdoctor.run.AtomicFiles;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the run's report files, redacted unless --no-redact. The report the run goes on with stays
 * as it was: redaction is for what leaves the machine, not for the console or --json on stdout.
 */
public final class ReportFilesStage implements Stage {

  public static final String NAME = "report-files";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Phase phase() {
    return Phase.REPORT;
  }

  @Override
  public void prepare(RunContext ctx) {
    Path dir = outDir(ctx);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw RunFailure.badInput("--out " + dir + " is a file, not a folder: name a folder for the report files");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw AtomicFiles.refused(dir, e, ", or choose another folder with --out DIR");
    }
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    Report shared = Redactor.forSharing(soFar, ctx.env(), ctx.options().noRedact());
    // named from the run's own createdAt, so written() finds them again from the report the run goes on with
    ReportFiles.named(outDir(ctx), soFar.createdAt()).write(shared);
    return soFar;
  }

  public static Path outDir(RunContext ctx) {
    return ctx.options().out() == null ? Path.of("reports") : ctx.options().out();
  }

  /** The files this run wrote, or null when the stage did not run or did not finish. */
  public static ReportFiles written(Report report, RunContext ctx) {
    boolean ok = report.stages().stream().anyMatch(s -> NAME.equals(s.name()) && s.status() == StageStatus.OK);
    return ok ? ReportFiles.named(outDir(ctx), report.createdAt()) : null;
  }
}
