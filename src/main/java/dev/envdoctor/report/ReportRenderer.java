package dev.envdoctor.report;

import dev.envdoctor.model.Report;

/**
 * One output format of the report model. A renderer only draws: it never decides an exit code
 * (cli/Outcome does) and never redacts (the {@link Redactor} runs before it), and it copes with a
 * report whose sections are empty or null, as a probe-only report is.
 */
public interface ReportRenderer {

  /** The name users type after --format: json, md, html, junit. */
  String format();

  /** The file extension, without the dot. */
  String extension();

  String render(Report report);
}
