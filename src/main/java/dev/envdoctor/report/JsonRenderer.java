package dev.envdoctor.report;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;

/** The report model itself, as every other tool reads it. */
final class JsonRenderer implements ReportRenderer {

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public String render(Report report) {
    return ReportJson.write(report) + "\n";
  }
}
