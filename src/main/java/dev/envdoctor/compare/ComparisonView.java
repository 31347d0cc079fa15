package dev.envdoctor.compare;

import dev.envdoctor.run.Console;
import dev.envdoctor.compare.Difference.Group;

/** compare on the console: the verdict, then each group of differences, most important first. */
public final class ComparisonView {

  private ComparisonView() {}

  public static void print(Comparison c, Console console) {
    console.line("BASE  " + c.base());
    console.line("OTHER " + c.other());
    console.blank();
    console.heading(c.verdict());
    Group shown = null;
    for (Difference d : c.differences()) {
      if (d.group() != shown) {
        console.blank();
        console.heading(d.group().title());
        shown = d.group();
      }
      Console.Mark mark = switch (d.severity()) {
        case FAIL -> Console.Mark.FAIL;
        case WARN -> Console.Mark.WARN;
        case INFO -> Console.Mark.INFO;
      };
      console.mark(mark, d.what() + ": " + d.change());
      if (d.note() != null && !d.note().isBlank()) {
        console.detail(d.note());
      }
    }
    console.blank();
    console.line(c.differences().isEmpty() ? "No difference found."
        : c.count(Difference.Severity.FAIL) + " would fail a check, " + c.count(Difference.Severity.WARN)
            + " worth a look, " + c.count(Difference.Severity.INFO) + " informational.");
    console.flush();
  }
}
