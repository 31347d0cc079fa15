package dev.envdoctor.doctor;

import dev.envdoctor.cli.Console;
import dev.envdoctor.model.Report;

/** A stage whose issue is not done yet: it says so plainly and adds nothing. */
final class PendingStage implements Stage {

  private final String name;
  private final int issue;

  PendingStage(String name, int issue) {
    this.name = name;
    this.issue = issue;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Report run(Report soFar, RunContext ctx) {
    return soFar;
  }

  @Override
  public void print(Report report, RunContext ctx) {
    ctx.console().mark(Console.Mark.SKIP, name + ": not implemented yet (issue #" + issue + ")");
  }
}
