package dev.envdoctor.cli;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.run.Outcome;
import dev.envdoctor.run.RunOptions;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Mixin;
import dev.envdoctor.report.ExitReasons;

/**
 * A subcommand that runs the flow through its own phase and prints that phase's view (or the whole
 * report model with --json). probe, verify, calibrate, recommend and check are this.
 */
public abstract class StageCommand extends BaseCommand {

  @Mixin
  protected RunMixin run = new RunMixin();

  /** The phase this command ends with; it runs every phase before it too. */
  protected abstract Phase phase();

  /** The phases run: by default all from PROBE through {@link #phase()}. */
  protected Set<Phase> phases() {
    return EnumSet.range(Phase.PROBE, phase());
  }

  @Override
  protected RunOptions runOptions() {
    return run.options(null);
  }

  @Override
  public Integer call() {
    RunContext ctx = context(phases());
    Report report = Stages.standard().run(Stages.newReport(ctx), ctx);
    if (ctx.json()) {
      ctx.out().println(ReportJson.write(report));
      ExitReasons.print(report, run.strict, ctx.err());
    } else {
      Stages.views().get(phase()).print(report, ctx);
      Stages.printFailedStages(report, ctx);
    }
    ctx.out().flush();
    return exitCode(report);
  }

  /** The exit code of this command's report (ExitCode): checks decide by default. */
  protected int exitCode(Report report) {
    return Outcome.exitCode(report, run.strict);
  }
}
