package dev.envdoctor.doctor;

import dev.envdoctor.cli.Console;
import dev.envdoctor.model.Report;

/** A stage whose issue is not done yet: it adds nothing, and its view says so plainly. */
final class PendingStage implements Stage {

  private final String name;
  private final Phase phase;

  PendingStage(String name, Phase phase, int issue) {
    this.name = name;
    this.phase = phase;
  }

  static View view(String what, int issue) {
    return (report, ctx) -> ctx.console().mark(Console.Mark.SKIP, what + ": not implemented yet (issue #" + issue + ")");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Phase phase() {
    return phase;
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    return soFar;
  }
}
