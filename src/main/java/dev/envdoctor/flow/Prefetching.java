package dev.envdoctor.flow;

import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.Stage;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.model.Report;

/**
 * A stage whose child processes can start before its turn. When the pipeline reaches the first
 * such stage it starts them all, so their start-ups (a JVM and libtorch, {@code import torch}, a
 * container) overlap; each child verifies, then waits at the run's {@link Turns}, and
 * they calibrate one at a time. Each stage's {@link Stage#run} then takes its own results. A stage
 * that was not started runs as before.
 */
public interface Prefetching {

  /** Starts this stage's children in the background from what the earlier stages found; never throws. */
  void start(Report soFar, RunContext ctx, Turns gate);
}
