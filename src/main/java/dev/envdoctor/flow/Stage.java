package dev.envdoctor.flow;

import dev.envdoctor.model.Report;

/**
 * One step of the flow. It reads the facts gathered so far and returns the report with its own
 * added; it never probes again what an earlier stage already knows. Stages do not print: each
 * phase has one {@link View} that draws the report.
 */
public interface Stage {

  /** A short name for stages[] and logs: probe, native-djl, python, docker, ... */
  String name();

  Phase phase();

  /**
   * Validates the stage's inputs (a profile, a --from file) before any stage runs, so bad input
   * exits 2 at once. Throws {@link dev.envdoctor.run.RunFailure} on bad input.
   */
  default void prepare(RunContext ctx) {}

  Report run(Report soFar, RunContext ctx) throws Exception;
}
