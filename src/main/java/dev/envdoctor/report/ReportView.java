package dev.envdoctor.report;

import dev.envdoctor.run.Console;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.Report;
import java.nio.file.Path;

/** The console section of Phase.REPORT: where the files went, and whether they were redacted. */
public final class ReportView implements View {

  @Override
  public void print(Report report, RunContext ctx) {
    ReportFiles files = ReportFilesStage.written(report, ctx);
    if (files == null) {
      ctx.console().mark(Console.Mark.SKIP, "Report files: none written");
      return;
    }
    ctx.console().mark(Console.Mark.INFO, "Report files" + (ctx.options().noRedact()
        ? " (NOT redacted: they name this user, host and its addresses)" : " (redacted: safe to share)"));
    for (Path p : files.all()) {
      ctx.console().detail(p.toString());
    }
    ctx.console().detail("re-render: envdoctor report --from " + files.json() + " --format md|html|json|junit");
    ctx.console().flush();
  }
}
