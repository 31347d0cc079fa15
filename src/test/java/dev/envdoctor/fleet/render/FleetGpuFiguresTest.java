package dev.envdoctor.fleet.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.fleet.FleetAnalysis;
import dev.envdoctor.fleet.FleetReport;
import dev.envdoctor.fleet.NodeInput;
import dev.envdoctor.model.Peak;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fleet report holds each node's GPU figures against the reference ranges the doctor report and
 * compare use: the real H100 run of docs/gpu-runs as node h100a, and the same report with its peaks
 * at 80% (constructed) as node h100b.
 */
class FleetGpuFiguresTest {

  private static Report h100() throws Exception {
    return ReportJson.read(Files.readString(Path.of("docs/gpu-runs/h100-2026-11-25/calibrate-full.json")));
  }

  private static FleetReport fleet() throws Exception {
    Report real = h100();
    Report slow = real.withPeaks(real.peaks().stream().map(p -> new Peak(p.runtime(), p.backend(), p.device(), p.test(),
        p.dtype(), p.achieved() == null ? null : p.achieved() * 0.8, p.unit(), p.datasheetPeak(), null, null)).toList());
    return FleetAnalysis.analyse(List.of(NodeInput.reported("h100a", real), NodeInput.reported("h100b", slow)), null,
        null, "slurm", new Tool("envdoctor", "t"), "2026-12-07T00:00:00Z");
  }

  @Test
  void eachNodesPeaksAreJudgedAgainstTheirModelsRange() throws Exception {
    List<FleetGpuFigures.Row> rows = FleetGpuFigures.rows(fleet().nodes());
    FleetGpuFigures.Row a = rows.stream().filter(r -> r.node().equals("h100a") && r.figure().startsWith("bf16 matmul"))
        .findFirst().orElseThrow();
    assertEquals("bf16 matmul 726.8 TFLOP/s (cuda:0)", a.figure());
    assertTrue(a.verdict().startsWith("normal for an NVIDIA H100 80GB HBM3 (690-837 TFLOP/s"), a.verdict());
    FleetGpuFigures.Row b = rows.stream().filter(r -> r.node().equals("h100b") && r.figure().startsWith("bf16 matmul"))
        .findFirst().orElseThrow();
    assertTrue(b.below(), b.verdict());
    FleetGpuFigures.Row copy = rows.stream().filter(r -> r.node().equals("h100a") && r.figure().startsWith("fp32 copy"))
        .findFirst().orElseThrow();
    assertEquals("no reference range for fp32 copy on an NVIDIA H100 80GB HBM3", copy.verdict());
  }

  @Test
  void markdownAndHtmlShowTheSameVerdicts() throws Exception {
    FleetReport r = fleet();
    String md = FleetRenderer.byFormat("md").orElseThrow().render(r);
    assertTrue(md.contains("## GPU figures against their reference ranges"), md);
    assertTrue(md.contains("| h100a | bf16 matmul 726.8 TFLOP/s (cuda:0) | normal for an NVIDIA H100 80GB HBM3"), md);
    assertTrue(md.contains("| h100b | bf16 matmul 581.4 TFLOP/s (cuda:0) | **below its normal range for an NVIDIA H100"),
        md);
    String html = FleetRenderer.byFormat("html").orElseThrow().render(r);
    assertTrue(html.contains("<td class=\"warn\">below its normal range for an NVIDIA H100 80GB HBM3"), html);
  }
}
