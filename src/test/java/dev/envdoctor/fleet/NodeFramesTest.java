package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.probe.Recorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeFramesTest {

  /** The real output of two fleet node tasks through srun -l (recorded/slurm/SOURCES.md). */
  @Test
  void bothNodesReportsComeBackWholeFromRealSrunOutput() throws Exception {
    Map<String, NodeFrames.Frame> frames = NodeFrames.parse(Recorded.text("slurm/srun-fleet-node.out"));
    assertEquals(List.of("a", "b"), List.copyOf(frames.keySet()));
    for (NodeFrames.Frame f : frames.values()) {
      assertTrue(f.complete(), f.node());
      assertEquals(0, f.exitCode());
      Report r = ReportJson.read(f.json());
      assertEquals(Report.SCHEMA, r.schema());
      assertFalse(r.calibrations().isEmpty());
    }
  }

  @Test
  void interleavedLabelledLinesAreSortedByTaskAndACutReportIsTold() {
    List<String> a = NodeFrames.write("gpu01", "{\n  \"x\" : 1\n}", 0);
    List<String> b = NodeFrames.write("gpu02", "{\n  \"y\" : 2\n}", 1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      out.add("0: " + a.get(i));
      out.add("1: " + b.get(i));
    }
    out.add("2: " + NodeFrames.write("gpu03", "{\n  \"z\" : 3\n}", 0).get(0));
    out.add("2: {");
    Map<String, NodeFrames.Frame> f = NodeFrames.parse(String.join("\n", out));
    assertEquals("{\n  \"x\" : 1\n}", f.get("gpu01").json());
    assertEquals(1, f.get("gpu02").exitCode());
    assertFalse(f.get("gpu03").complete(), "began, never ended");
    assertNull(f.get("gpu03").json());
  }

  @Test
  void aLineLostInTheMiddleFailsTheChecksum() {
    List<String> lines = new ArrayList<>(NodeFrames.write("n1", "{\n  \"a\" : 1,\n  \"b\" : 2\n}", 0));
    lines.remove(2);
    assertFalse(NodeFrames.parse(String.join("\n", lines)).get("n1").complete());
  }

  @Test
  void progressLinesNameTheirNode() {
    assertArrayEquals(new String[] {"a", "doctor started"}, NodeFrames.parseProgress("0: " + NodeFrames.progress("a", "doctor started")));
    assertNull(NodeFrames.parseProgress("srun: error: b: task 1: Terminated"));
  }
}
