package dev.envdoctor.doctor;

import dev.envdoctor.model.Report;

/**
 * One step of the flow (probe, verify, calibrate, recommend, check, report). It reads the facts
 * gathered so far and returns the report with its own added; it never probes what an earlier stage
 * already knows.
 */
public interface Stage {

  /** The stage's name, also its subcommand: probe, verify, ... */
  String name();

  /**
   * Validates the stage's inputs (a profile, a --from file) before any stage runs, so bad input
   * exits 2 at once. Throws {@link dev.envdoctor.cli.ExitException} on bad input.
   */
  default void prepare(RunContext ctx) {}

  Report run(Report soFar, RunContext ctx) throws Exception;

  /** The stage's console section, as its own subcommand prints it. */
  default void print(Report report, RunContext ctx) {}
}
