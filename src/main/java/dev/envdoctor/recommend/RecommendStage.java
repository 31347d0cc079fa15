package dev.envdoctor.recommend;

import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.Report;

/** The verdict stage: decides from what the earlier stages found; it measures nothing itself. */
public final class RecommendStage implements Stage {

  @Override
  public String name() {
    return "recommend";
  }

  @Override
  public Phase phase() {
    return Phase.RECOMMEND;
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    return soFar.withRecommendation(Verdict.decide(soFar, workload(ctx)));
  }

  static Workload workload(RunContext ctx) {
    return ctx.options() != null && ctx.options().workload() != null ? Workloads.complete(ctx.options().workload())
        : Workloads.DEFAULT;
  }
}
