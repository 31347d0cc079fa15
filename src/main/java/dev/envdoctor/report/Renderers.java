package dev.envdoctor.report;

import java.util.List;
import java.util.Optional;

/** The one registry of output formats, in the order their files are listed. */
public final class Renderers {

  private static final List<ReportRenderer> ALL = List.of(
      new JsonRenderer(), new MarkdownRenderer(), new HtmlRenderer(), new JunitRenderer());

  private Renderers() {}

  public static List<ReportRenderer> all() {
    return ALL;
  }

  public static Optional<ReportRenderer> byFormat(String format) {
    return ALL.stream().filter(r -> r.format().equalsIgnoreCase(format)).findFirst();
  }

  public static String formats() {
    return String.join("|", ALL.stream().map(ReportRenderer::format).toList());
  }
}
