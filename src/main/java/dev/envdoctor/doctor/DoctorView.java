package dev.envdoctor.doctor;

import dev.envdoctor.flow.View;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.StageStatus;
import dev.envdoctor.run.Console;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.recommend.Format;
import dev.envdoctor.recommend.RecommendView;
import dev.envdoctor.report.ReportFiles;
import dev.envdoctor.report.ReportFilesStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code envdoctor doctor} prints, in the manner of flutter doctor: the verdict first (its
 * first three lines answer "natively or in a container here, and how much faster"), then one
 * marked line per area with its key figure and, under anything that fails, the fix; then the time
 * each stage took and where the report files went. Sections a pending stage has not filled are
 * shown as such, never as a failure.
 */
public final class DoctorView implements View {

  @Override
  public void print(Report report, RunContext ctx) {
    Console c = ctx.console();
    if (report.recommendation() != null) {
      RecommendView.verdict(report.recommendation(), c);
      Areas.projectionLine(report.recommendation()).ifPresent(c::detail);
      Format.better(report.jobs()).forEach(b -> c.detail(Console.Mark.WARN, "faster, measured: " + b));
    } else {
      c.mark(Console.Mark.SKIP, "No verdict: the recommend stage did not run (`envdoctor recommend`).");
    }
    c.blank();
    for (Areas.Line line : Areas.of(report)) {
      c.mark(line.mark(), line.text());
      line.details().forEach(d -> c.detail(d.mark(), d.text()));
    }
    stages(report.stages(), c);
    reports(report, ctx);
    c.flush();
  }

  private static void stages(List<StageRun> stages, Console c) {
    if (stages.isEmpty()) {
      return;
    }
    long total = stages.stream().mapToLong(StageRun::millis).sum();
    StringBuilder b = new StringBuilder("Took " + seconds(total) + ": ");
    for (int i = 0; i < stages.size(); i++) {
      StageRun s = stages.get(i);
      b.append(i == 0 ? "" : " · ").append(s.name()).append(' ')
          .append(s.status() == StageStatus.OK ? seconds(s.millis()) : s.status());
    }
    c.mark(Console.Mark.INFO, b.toString());
  }

  /** The report files this run wrote, as the report stage names them from the run's createdAt. */
  private static void reports(Report report, RunContext ctx) {
    ReportFiles files = ctx.options() == null ? null : ReportFilesStage.written(report, ctx);
    if (files == null) {
      return;
    }
    List<String> names = files.all().stream().filter(Files::isRegularFile).map(Path::toString).toList();
    if (!names.isEmpty()) {
      ctx.console().mark(Console.Mark.INFO, "Reports: " + String.join(", ", names)
          + " (`envdoctor report --from` re-renders one)");
    }
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
