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

  /**
   * The verdict from this run's measurements, its projection points pooled with the earlier runs'
   * on this machine ({@link PointHistory}); then this run's points are kept for the next, unless its
   * rows are contended or --no-history / {@code ENVDOCTOR_HISTORY=off} says not to.
   */
  @Override
  public Report run(Report soFar, RunContext ctx) {
    PointHistory history = ctx.options() != null && ctx.options().noHistory() ? null : PointHistory.of(ctx.env());
    if (history == null || PointHistory.points(soFar).isEmpty()) {
      return soFar.withRecommendation(Verdict.decide(soFar, workload(ctx)));
    }
    java.time.Instant now = java.time.Instant.now(ctx.clock());
    Report withHistory = soFar.withHistory(history.earlier(soFar, now));
    Report decided = withHistory.withRecommendation(Verdict.decide(withHistory, workload(ctx)));
    boolean contended = decided.recommendation() != null && decided.recommendation().projection() != null
        && decided.recommendation().projection().stream().anyMatch(p -> Boolean.TRUE.equals(p.contended()));
    if (!contended) {
      history.keep(soFar, now.toString());
    }
    return decided;
  }

  static Workload workload(RunContext ctx) {
    return ctx.options() != null && ctx.options().workload() != null ? Workloads.complete(ctx.options().workload())
        : Workloads.DEFAULT;
  }
}
