package dev.envdoctor.check;

import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.run.Console;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.flow.View;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Summary;
import dev.envdoctor.run.Words;
import java.util.List;

/**
 * The console section of the check phase, flutter-doctor style and grouped by status, worst
 * first: each failure and warning with what was expected, what was found and the fix; each skip
 * with the reason its {@code when} did not hold.
 */
public final class CheckView implements View {

  @Override
  public void print(Report report, RunContext ctx) {
    Console c = ctx.console();
    c.heading("Checks (profile " + CheckStage.profileName(ctx) + ")");
    if (report.checks().isEmpty()) {
      c.mark(Console.Mark.SKIP, "no checks were evaluated");
      return;
    }
    for (CheckStatus status : CheckStatus.values()) {
      List<CheckResult> group = report.checks().stream().filter(r -> r.status() == status).toList();
      if (group.isEmpty()) {
        continue;
      }
      c.line(c.faint(heading(status) + " (" + group.size() + ")"));
      group.forEach(r -> print(r, status, c, ctx.verbose()));
    }
    Summary s = report.summary();
    if (s != null) {
      c.line(Words.checkCounts(s));
    }
    c.flush();
  }

  private static String heading(CheckStatus s) {
    return switch (s) {
      case FAIL -> "Failed";
      case ERROR -> "Could not be evaluated";
      case WARN -> "Warnings";
      case PASS -> "Passed";
      case SKIP -> "Skipped";
    };
  }

  private static void print(CheckResult r, CheckStatus status, Console c, boolean verbose) {
    String head = r.title() + " " + c.faint("[" + r.id() + "]");
    switch (status) {
      case PASS -> {
        c.mark("info".equals(r.severity()) ? Console.Mark.INFO : Console.Mark.OK, head);
        c.detail(r.message());
      }
      case SKIP -> c.mark(Console.Mark.SKIP, head + " — " + r.message().replaceFirst("^skipped: ", ""));
      case ERROR -> {
        c.mark(Console.Mark.FAIL, head);
        c.detail(Console.Mark.FAIL, r.message());
      }
      default -> {
        Console.Mark mark = status == CheckStatus.FAIL ? Console.Mark.FAIL : Console.Mark.WARN;
        c.mark(mark, head);
        c.detail(mark, r.message());
        if (verbose) {
          c.detail("expected: " + r.expected());
          c.detail("actual:   " + r.actual());
        }
        if (r.fix() != null && !r.fix().isBlank()) {
          c.detail("fix: " + r.fix().replace("\n", "\n         "));
        }
      }
    }
  }
}
