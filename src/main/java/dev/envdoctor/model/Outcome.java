package dev.envdoctor.model;

import java.util.List;

/** What the run concluded: the recommendation, the checks and their summary, each stage's run, the redaction. */
public record Outcome(
    Recommendation recommendation, List<CheckResult> checks, Summary summary, List<StageRun> stages,
    Redaction redaction) {

  static final Outcome NONE = new Outcome(null, null, null, null, null);

  public Outcome {
    checks = Lists.copy(checks);
    stages = Lists.copy(stages);
  }

  public Outcome withRecommendation(Recommendation r) {
    return new Outcome(r, checks, summary, stages, redaction);
  }

  public Outcome withChecks(List<CheckResult> c, Summary s) {
    return new Outcome(recommendation, c, s, stages, redaction);
  }

  public Outcome plusStage(StageRun s) {
    return new Outcome(recommendation, checks, summary, Lists.plus(stages, List.of(s)), redaction);
  }

  public Outcome withRedaction(Redaction r) {
    return new Outcome(recommendation, checks, summary, stages, r);
  }

  /** Checks, summary and stages cleared; the recommendation and redaction describe the facts, so they stay. */
  public Outcome withoutRun() {
    return new Outcome(recommendation, List.of(), null, List.of(), redaction);
  }
}
