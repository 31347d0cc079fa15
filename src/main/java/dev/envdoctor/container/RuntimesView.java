package dev.envdoctor.container;

import dev.envdoctor.model.Runtimes;
import dev.envdoctor.run.Console;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;

/** Console lines for the container runtimes of a report: one marked line each, notes and fix under it. */
public final class RuntimesView {

  private RuntimesView() {}

  public static void print(Report report, RunContext ctx) {
    Console c = ctx.console();
    for (RuntimeInfo r : report.runtimes()) {
      if (Runtimes.isNative(r.name())) {
        continue;
      }
      Console.Mark mark = switch (r.status()) {
        case OK -> r.notes().stream().anyMatch(n -> n.startsWith("warning:")) ? Console.Mark.WARN : Console.Mark.OK;
        case NOT_INSTALLED -> Console.Mark.SKIP;
        default -> Console.Mark.FAIL;
      };
      c.mark(mark, r.name() + ": " + r.diagnosis());
      if (r.context() != null) {
        c.detail("context: " + r.context());
      }
      for (String n : r.notes()) {
        c.detail(n.startsWith("warning:") ? Console.Mark.WARN : Console.Mark.INFO, n.replaceFirst("^warning: ", ""));
      }
      if (r.fix() != null) {
        c.detail(Console.Mark.FAIL, "fix: " + r.fix());
      }
    }
    c.flush();
  }
}
