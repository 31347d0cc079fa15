package dev.envdoctor.cli;

import dev.envdoctor.doctor.DoctorView;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.run.Outcome;
import dev.envdoctor.run.RunOptions;
import java.util.EnumSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import dev.envdoctor.report.ExitReasons;

/** The main job: every phase, the verdict first, one line per area, report files. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "The main job: every stage, a console summary, report files under reports/.")
public final class DoctorCommand extends BaseCommand {

  @Mixin
  RunMixin run = new RunMixin();

  @Mixin
  WorkloadOptions workload = new WorkloadOptions();

  @picocli.CommandLine.Option(names = "--profile", paramLabel = "NAME|FILE",
      description = "The check profile to evaluate (default: default).")
  String profile;

  @Override
  protected RunOptions runOptions() {
    return run.options(profile).forVerdict(workload.resolve(profile)).withNoHistory(workload.noHistory);
  }

  @Override
  public Integer call() {
    RunContext ctx = context(EnumSet.allOf(Phase.class));
    Report report = Stages.standard().run(Stages.newReport(ctx), ctx);
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(report));
      ExitReasons.print(report, ctx.options().strict(), ctx.err());
    } else {
      new DoctorView().print(report, ctx);
      if (ctx.verbose()) {
        Stages.views().forEach((phase, view) -> {
          ctx.console().blank();
          ctx.console().heading("── " + phase.label() + " ──");
          view.print(report, ctx);
        });
      }
      Stages.printFailedStages(report, ctx);
    }
    ctx.out().flush();
    return Outcome.exitCode(report, ctx.options().strict());
  }
}
