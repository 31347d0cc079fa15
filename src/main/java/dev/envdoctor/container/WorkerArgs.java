package dev.envdoctor.container;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.verify.WorkerBudget;
import java.time.Duration;
import java.util.List;

/** The worker arguments and time budget of an in-container run, from the command's options. */
final class WorkerArgs {

  private WorkerArgs() {}

  /** The same arguments and step budget as the native worker's (WorkerBudget). */
  static List<String> of(RunContext ctx) {
    boolean calibrate = ctx.runs(Phase.CALIBRATE);
    return WorkerBudget.of(ctx.options(), calibrate).args(ctx.options().device(), calibrate, ctx.options().workloads());
  }

  /** Container start, JVM start, libtorch load and the work itself, on a slow shared machine too. */
  static Duration timeout(RunContext ctx) {
    if (!ctx.runs(Phase.CALIBRATE)) {
      return Duration.ofSeconds(120);
    }
    return ctx.options().full() ? Duration.ofSeconds(600) : Duration.ofSeconds(240);
  }
}
