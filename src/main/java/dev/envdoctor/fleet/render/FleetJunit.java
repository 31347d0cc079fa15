package dev.envdoctor.fleet.render;

import dev.envdoctor.fleet.FleetNode;
import dev.envdoctor.fleet.FleetReport;
import dev.envdoctor.fleet.NodeStatus;
import java.util.Locale;

/** JUnit XML: one test case per node; fail and every missing status are failures, warn passes with its reasons. */
final class FleetJunit {

  private FleetJunit() {}

  static String render(FleetReport r) {
    long failures = r.nodes().stream().filter(n -> n.status() == NodeStatus.FAIL || n.status().missing()).count();
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append(String.format(Locale.ROOT, "<testsuites name=\"envdoctor-fleet\" tests=\"%d\" failures=\"%d\" errors=\"0\">%n",
        r.nodes().size(), failures));
    b.append(String.format(Locale.ROOT, "  <testsuite name=\"envdoctor.fleet\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"0\" timestamp=\"%s\">%n",
        r.nodes().size(), failures, FleetText.xml(r.createdAt())));
    for (FleetNode n : r.nodes()) {
      b.append("    <testcase classname=\"envdoctor.fleet\" name=\"").append(FleetText.xml(n.name())).append("\"");
      String why = String.join("\n", n.reasons());
      if (n.status() == NodeStatus.FAIL || n.status().missing()) {
        b.append(">\n      <failure type=\"").append(n.status().json()).append("\" message=\"")
            .append(FleetText.xml(n.status().json() + (n.reasons().isEmpty() ? "" : ": " + n.reasons().get(0))))
            .append("\">").append(FleetText.xml(why)).append("</failure>\n    </testcase>\n");
      } else if (!why.isEmpty()) {
        b.append(">\n      <system-out>").append(FleetText.xml(n.status().json() + "\n" + why)).append("</system-out>\n    </testcase>\n");
      } else {
        b.append("/>\n");
      }
    }
    return b.append("  </testsuite>\n</testsuites>\n").toString();
  }
}
