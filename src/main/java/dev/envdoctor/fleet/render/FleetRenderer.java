package dev.envdoctor.fleet.render;

import dev.envdoctor.fleet.FleetReport;
import dev.envdoctor.model.ReportJson;
import java.util.List;
import java.util.Optional;

/** One output format of the fleet report; renderers only draw (FleetOutcome decides the exit code). */
public interface FleetRenderer {

  String format();

  String extension();

  String render(FleetReport report);

  List<FleetRenderer> ALL = List.of(
      new Simple("json", "json", r -> ReportJson.write(r) + "\n"),
      new Simple("md", "md", FleetMarkdown::render),
      new Simple("html", "html", FleetHtml::render),
      new Simple("junit", "xml", FleetJunit::render));

  static Optional<FleetRenderer> byFormat(String format) {
    return ALL.stream().filter(r -> r.format().equalsIgnoreCase(format)).findFirst();
  }

  static String formats() {
    return String.join("|", ALL.stream().map(FleetRenderer::format).toList());
  }

  record Simple(String format, String extension, java.util.function.Function<FleetReport, String> fn) implements FleetRenderer {
    @Override
    public String render(FleetReport report) {
      return fn.apply(report);
    }
  }
}
