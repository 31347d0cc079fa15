package dev.envdoctor.cli;

import dev.envdoctor.doctor.Pipeline;
import dev.envdoctor.doctor.RunContext;
import dev.envdoctor.doctor.Stage;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import picocli.CommandLine.Mixin;

/**
 * A subcommand that runs the flow up to its own stage and prints that stage's section (or the
 * whole report model with --json). probe, verify, calibrate, recommend and check are this.
 */
public abstract class StageCommand extends BaseCommand {

  @Mixin
  protected RunOptions run = new RunOptions();

  /** The stage this command ends with. */
  protected abstract String stageName();

  @Override
  protected RunOptions runOptions() {
    return run;
  }

  @Override
  public Integer call() {
    RunContext ctx = context();
    Pipeline pipeline = Stages.standard().upTo(stageName());
    Report report = pipeline.run(Stages.newReport(ctx), ctx);
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(report));
      ctx.out().flush();
    } else {
      Stage last = pipeline.stages().get(pipeline.stages().size() - 1);
      last.print(report, ctx);
      Stages.printFailedStages(report, ctx);
      ctx.console().flush();
    }
    return Outcome.exitCode(report, run.strict);
  }
}
