package dev.envdoctor.fleet.render;

import dev.envdoctor.fleet.Drift;
import dev.envdoctor.fleet.FigureClass;
import dev.envdoctor.fleet.FleetNode;
import dev.envdoctor.fleet.FleetReport;
import java.util.List;

/** The fleet report for an issue tracker: the summary, one row per node, then drift and classes. */
final class FleetMarkdown {

  private FleetMarkdown() {}

  static String render(FleetReport r) {
    StringBuilder b = new StringBuilder("# envdoctor fleet report\n\n");
    b.append(FleetText.summary(r)).append(" · gathered by ").append(r.scheduler()).append(" · ").append(r.createdAt());
    if (r.baseline() != null) {
      b.append(" · baseline ").append(r.baseline());
    }
    b.append("\n\n");
    List<String> cols = FleetText.versionColumns(r);
    // one list of headers, so the separator always has as many cells (no versions: no empty header)
    List<String> headers = new java.util.ArrayList<>(List.of("node", "status", "failed checks", "verdict"));
    headers.addAll(cols);
    headers.add("throughput (worst device)");
    b.append("| ").append(String.join(" | ", headers)).append(" |\n|").append("---|".repeat(headers.size())).append("\n");
    for (FleetNode n : r.nodes()) {
      b.append("| ").append(FleetText.md(n.name())).append(" | **").append(n.status().json()).append("** | ")
          .append(n.failedChecks().isEmpty() ? "—" : FleetText.md(String.join(", ", n.failedChecks()))).append(" | ")
          .append(FleetText.md(n.verdict())).append(" | ");
      for (String c : cols) {
        b.append(FleetText.md(FleetText.version(n, c))).append(" | ");
      }
      b.append(FleetText.md(FleetText.figures(n))).append(" |\n");
    }
    b.append("\n## Why\n\n");
    for (FleetNode n : r.nodes()) {
      if (!n.reasons().isEmpty()) {
        b.append("- **").append(FleetText.md(n.name())).append("** (").append(n.status().json()).append("): ")
            .append(FleetText.md(String.join("; ", n.reasons()))).append("\n");
      }
    }
    List<FleetGpuFigures.Row> gpu = FleetGpuFigures.rows(r.nodes());
    if (!gpu.isEmpty()) {
      b.append("\n## GPU figures against their reference ranges\n\n| node | figure | is it normal? |\n|---|---|---|\n");
      for (FleetGpuFigures.Row g : gpu) {
        b.append("| ").append(FleetText.md(g.node())).append(" | ").append(FleetText.md(g.figure())).append(" | ")
            .append(g.below() ? "**" + FleetText.md(g.verdict()) + "**" : FleetText.md(g.verdict())).append(" |\n");
      }
    }
    if (!r.drift().isEmpty()) {
      b.append("\n## Version drift\n\n| component | node | value | expected | against |\n|---|---|---|---|---|\n");
      for (Drift d : r.drift()) {
        b.append("| ").append(d.key()).append(" | ").append(FleetText.md(d.node())).append(" | ").append(FleetText.md(d.value()))
            .append(" | ").append(d.expected() == null ? "no majority" : FleetText.md(d.expected())).append(" | ").append(d.against()).append(" |\n");
      }
    }
    if (!r.classes().isEmpty()) {
      b.append("\n## Performance by hardware class\n\n| class | nodes | median | MAD | flagged below | outliers |\n|---|---|---|---|---|---|\n");
      for (FigureClass c : r.classes()) {
        b.append("| ").append(FleetText.md(c.classKey())).append(" | ").append(c.nodes()).append(" | ")
            .append(FleetText.rate(c.median())).append(" | ").append(FleetText.num(c.mad())).append(" | ")
            .append(c.threshold() == null ? "not judged (fewer than 3 nodes, no baseline)" : FleetText.rate(c.threshold()))
            .append(" | ").append(c.outliers().isEmpty() ? "none" : String.join(", ", c.outliers())).append(" |\n");
      }
    }
    return b.toString();
  }
}
