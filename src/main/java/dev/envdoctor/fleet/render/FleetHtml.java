package dev.envdoctor.fleet.render;

import dev.envdoctor.fleet.Drift;
import dev.envdoctor.fleet.FigureClass;
import dev.envdoctor.fleet.FleetNode;
import dev.envdoctor.fleet.FleetReport;
import java.util.List;

/** One self-contained page (no network): the rows, the drift, and a chart per hardware class. */
final class FleetHtml {

  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1d2330}
      table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #d5d9e0;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f2f4f7}.ok{color:#137333}.warn{color:#a15c00}.fail,.down,.drain,.unreachable,.timeout{color:#b3261e;font-weight:600}
      .muted{color:#667085}h2{margin-top:28px}""";

  private FleetHtml() {}

  static String render(FleetReport r) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>envdoctor fleet report</title><style>" + CSS + "</style></head><body>\n");
    b.append("<h1>envdoctor fleet report</h1>\n<p>").append(FleetText.xml(FleetText.summary(r))).append(" · gathered by ")
        .append(FleetText.xml(r.scheduler())).append(" · ").append(FleetText.xml(r.createdAt()));
    if (r.baseline() != null) {
      b.append(" · baseline ").append(FleetText.xml(r.baseline()));
    }
    b.append("</p>\n");
    b.append("<h2>Performance by hardware class</h2>\n");
    if (r.classes().isEmpty()) {
      b.append("<p class=\"muted\">No calibration figures in these reports.</p>\n");
    }
    for (FigureClass c : r.classes()) {
      b.append("<h3>").append(FleetText.xml(c.classKey())).append("</h3>\n<p class=\"muted\">median ")
          .append(FleetText.rate(c.median())).append(" · MAD ").append(FleetText.num(c.mad())).append(" · ")
          .append(c.threshold() == null ? "not judged: fewer than 3 nodes and no baseline"
              : "flagged below " + FleetText.rate(c.threshold()) + " (and beyond each node's own noise)")
          .append(c.outliers().isEmpty() ? "" : " · <b class=\"fail\">outliers: " + FleetText.xml(String.join(", ", c.outliers())) + "</b>")
          .append("</p>\n").append(FleetChart.svg(c)).append("\n");
    }
    b.append("<h2>Nodes</h2>\n");
    List<String> cols = FleetText.versionColumns(r);
    b.append("<table><tr><th>node</th><th>status</th><th>why</th><th>verdict</th>");
    cols.forEach(c -> b.append("<th>").append(FleetText.xml(c)).append("</th>"));
    b.append("<th>throughput (worst device)</th></tr>\n");
    for (FleetNode n : r.nodes()) {
      b.append("<tr><td>").append(FleetText.xml(n.name())).append("</td><td class=\"").append(n.status().json()).append("\">")
          .append(n.status().json()).append("</td><td>").append(FleetText.xml(String.join("; ", n.reasons())))
          .append("</td><td>").append(FleetText.xml(n.verdict() == null ? "—" : n.verdict())).append("</td>");
      cols.forEach(c -> b.append("<td>").append(FleetText.xml(FleetText.version(n, c))).append("</td>"));
      b.append("<td>").append(FleetText.xml(FleetText.figures(n))).append("</td></tr>\n");
    }
    b.append("</table>\n");
    List<FleetGpuFigures.Row> gpu = FleetGpuFigures.rows(r.nodes());
    if (!gpu.isEmpty()) {
      b.append("<h2>GPU figures against their reference ranges</h2>\n<table><tr><th>node</th><th>figure</th>"
          + "<th>is it normal?</th></tr>\n");
      for (FleetGpuFigures.Row g : gpu) {
        b.append("<tr><td>").append(FleetText.xml(g.node())).append("</td><td>").append(FleetText.xml(g.figure()))
            .append("</td><td").append(g.below() ? " class=\"warn\"" : "").append(">").append(FleetText.xml(g.verdict()))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    if (!r.drift().isEmpty()) {
      b.append("<h2>Version drift</h2>\n<table><tr><th>component</th><th>node</th><th>value</th><th>expected</th><th>against</th></tr>\n");
      for (Drift d : r.drift()) {
        b.append("<tr><td>").append(FleetText.xml(d.key())).append("</td><td>").append(FleetText.xml(d.node()))
            .append("</td><td>").append(FleetText.xml(d.value())).append("</td><td>")
            .append(FleetText.xml(d.expected() == null ? "no majority" : d.expected())).append("</td><td>")
            .append(FleetText.xml(d.against())).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    return b.append("</body></html>\n").toString();
  }
}
