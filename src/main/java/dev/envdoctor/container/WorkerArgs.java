package dev.envdoctor.container;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.verify.WorkerBudget;
import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.sides.SidePlan;
import java.time.Duration;
import java.util.List;

/** The worker's settings, plan and time budget of an in-container run, from the command's options. */
final class WorkerArgs {

  private WorkerArgs() {}

  /** The same settings and step budget as the native worker's (WorkerBudget). */
  static List<String> of(RunContext ctx) {
    return WorkerBudget.of(ctx.options(), ctx.runs(Phase.CALIBRATE)).settings(ctx.options().device());
  }

  /**
   * The same plan as the native worker's, without the projection (a container's row follows the verdict's
   * ratio); for a job the user named, the job, so that its bursts time the job's step in the trainer's
   * settings as this container sees them (its CPUs: ProjectionPlan.burstPoint).
   */
  static SidePlan plan(RunContext ctx, Turns turns) {
    boolean calibrate = ctx.runs(Phase.CALIBRATE);
    SidePlan plan = WorkerBudget.of(ctx.options(), calibrate).plan(ctx.options().workloads(), turns);
    return calibrate && ProjectionPlan.burstsJob(ctx.options().workload())
        ? plan.withJob(ctx.options().workload(), false, true) : plan;
  }

  /** Container start, JVM start, libtorch load and the work itself, on a slow shared machine too. */
  static Duration timeout(RunContext ctx) {
    if (!ctx.runs(Phase.CALIBRATE)) {
      return Duration.ofSeconds(120);
    }
    return ctx.options().full() ? Duration.ofSeconds(600) : Duration.ofSeconds(240);
  }
}
