package dev.envdoctor.cli;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.recommend.SavedReports;
import dev.envdoctor.recommend.Verdict;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.RunOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true,
    description = "Train natively or in a container here: the verdict, its evidence and a projection.")
public final class RecommendCommand extends StageCommand {

  @Mixin
  WorkloadOptions workload = new WorkloadOptions();

  @Option(names = "--profile", paramLabel = "NAME|FILE",
      description = "A check profile whose workload: section states your job (e.g. yolov8m-69k).")
  String profile;

  @Option(names = "--from", paramLabel = "R.json",
      description = "Decide on a saved report (doctor's JSON or --json output) without running anything.")
  Path from;

  @Override
  protected Phase phase() {
    return Phase.RECOMMEND;
  }

  @Override
  protected RunOptions runOptions() {
    return run.options(profile).forVerdict(workload.resolve(profile)).withNoHistory(workload.noHistory);
  }

  @Override
  public Integer call() {
    if (from == null) {
      return super.call();
    }
    Report saved = SavedReports.read(from);
    RunContext ctx = context(EnumSet.of(Phase.RECOMMEND));
    // the saved run's own job, with this command's options over it: re-rendering keeps the figures it printed
    Workload job = workload.resolve(profile, saved.recommendation() == null ? null : saved.recommendation().workload());
    Report report = saved.withRecommendation(Verdict.decide(saved, job));
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(report));
    } else {
      Stages.views().get(Phase.RECOMMEND).print(report, ctx);
    }
    ctx.out().flush();
    // A saved report's failed checks were that run's outcome; deciding on it succeeded.
    return ExitCode.OK;
  }
}
