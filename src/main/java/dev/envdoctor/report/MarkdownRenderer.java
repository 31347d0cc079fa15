package dev.envdoctor.report;

import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.Redaction;
import dev.envdoctor.model.Report;
import java.util.stream.Collectors;

/**
 * Markdown to paste into an issue tracker: the headline first (verdict, failed checks,
 * accelerators, versions), every detail folded into one {@code <details>} section below it.
 */
final class MarkdownRenderer implements ReportRenderer {

  @Override
  public String format() {
    return "md";
  }

  @Override
  public String extension() {
    return "md";
  }

  @Override
  public String render(Report r) {
    Headline h = Headline.of(r);
    StringBuilder md = new StringBuilder();
    md.append("### envdoctor report\n\n");
    md.append("**Verdict:** ").append(inline(h.verdict())).append("  \n");
    md.append("**Checks:** ").append(h.checks()).append("\n\n");
    RaceRows.markdown(md, r.race());
    if (!h.failed().isEmpty()) {
      md.append("**Failed checks**\n\n");
      for (CheckResult c : h.failed()) {
        md.append("- ✗ `").append(Fmt.text(c.id())).append("` ").append(inline(c.title()))
            .append(c.message() == null ? "" : ": " + inline(c.message()))
            .append(c.fix() == null ? "" : ". Fix: " + inline(c.fix())).append('\n');
      }
      md.append('\n');
    }
    md.append("**Accelerators:** ").append(h.accelerators().stream().map(MarkdownRenderer::inline)
        .collect(Collectors.joining(" · "))).append("  \n");
    md.append("**Versions:** ").append(h.versions().isEmpty() ? "not probed" : h.versions().stream()
        .map(i -> i.label() + " " + inline(i.value())).collect(Collectors.joining(" · "))).append("\n\n");
    md.append("<details><summary>Details: host, JVM, Python, engines, runtimes, devices, calibrations, checks, stages</summary>\n\n");
    new MarkdownDetails(md).append(r);
    md.append("</details>\n\n");
    md.append("<sub>").append(inline(footer(r))).append("</sub>\n");
    return md.toString();
  }

  static String footer(Report r) {
    String tool = r.tool() == null ? "envdoctor" : Fmt.join(" ", r.tool().name(), r.tool().version());
    return Fmt.join(", ", tool, r.createdAt(), redactionNote(r.redaction()));
  }

  static String redactionNote(Redaction red) {
    if (red == null || !red.applied()) {
      return "not redacted";
    }
    return red.kinds().isEmpty() ? "redacted (nothing found to remove)" : "redacted: " + String.join(", ", red.kinds());
  }

  /** Text inside a Markdown line: angle brackets would become HTML on a tracker. */
  static String inline(String s) {
    return Fmt.text(s).replace("<", "&lt;").replace(">", "&gt;").replaceAll("\\R", " ");
  }
}
