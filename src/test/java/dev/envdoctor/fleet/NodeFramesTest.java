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

  /** A report with many chunks: lines of 3000 characters, as a plain doctor's report has (issue 26). */
  private static String longReport() {
    StringBuilder b = new StringBuilder("{\n");
    for (int i = 0; i < 40; i++) {
      b.append("  \"k").append(i).append("\" : \"").append(Integer.toHexString(i * 7919).repeat(3000 / 4)).append("\",\n");
    }
    return b.append("  \"end\" : 1\n}").toString();
  }

  @Test
  void everyLineStaysShortWhateverTheReportsLinesAndAChunkLostFailsTheChecksum() {
    String json = longReport();
    List<String> lines = new ArrayList<>(NodeFrames.write("n1", json, 0));
    assertTrue(lines.size() > 3, "several data lines: " + lines.size());
    assertTrue(lines.stream().allMatch(x -> x.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 1024), "short lines");
    assertEquals(json, NodeFrames.parse(String.join("\n", lines)).get("n1").json());
    lines.remove(2);
    NodeFrames.Frame cut = NodeFrames.parse(String.join("\n", lines)).get("n1");
    assertFalse(cut.complete());
    assertNull(cut.json());
  }

  /** The real cut (recorded/slurm/SOURCES.md): srun -l splits a 3000-character line into labelled pieces of 1024, 1024 and 952. */
  @Test
  void srunCutsALongLineAtTenTwentyFourBytesAsRecordedAndTheTestsCutDoesTheSame() throws Exception {
    List<String> real = Recorded.text("slurm/srun-long-line.out").lines().filter(l -> l.startsWith("0: ")).toList();
    assertEquals(List.of(10, 1027, 1027, 955, 8), real.stream().map(String::length).toList());
    assertEquals(String.join("\n", real), srunCut(List.of("begin a", "x".repeat(3000), "end a")));
  }

  /**
   * srun (Slurm 22.05) cuts a task's line after 1024 bytes and labels the rest as a new line
   * (recorded above): the first framing lost every plain doctor's report that way; the encoded one
   * has no line long enough to be cut. Both outputs are made here by the recorded cut, the first
   * framing's written as version 1 wrote it.
   */
  @Test
  void srunsCutAtTenTwentyFourBytesBreaksTheFirstFramingButNotTheEncodedOne() {
    String json = longReport();
    List<String> first = new ArrayList<>();
    first.add(NodeFrames.MARK + " begin a");
    first.addAll(json.lines().toList());
    first.add(NodeFrames.MARK + " end a exit=0 sha256=" + sha256Lines(json));
    assertTrue(NodeFrames.parse(labelled(first)).get("a").complete(), "the first framing reads where nothing cuts");
    assertFalse(NodeFrames.parse(srunCut(first)).get("a").complete(), "srun's cut breaks it");
    assertEquals(json, NodeFrames.parse(srunCut(NodeFrames.write("a", json, 0))).get("a").json());
  }

  @Test
  void dataLinesOfTwoNodesMayInterleaveWithoutLabelsAndStrayLinesAreIgnored() {
    List<String> a = NodeFrames.write("a", longReport(), 0);
    List<String> b = NodeFrames.write("b", "{ }", 1);
    List<String> out = new ArrayList<>(a.subList(0, 2));
    out.addAll(b);
    out.add("some library printed this on stdout");
    out.addAll(a.subList(2, a.size()));
    Map<String, NodeFrames.Frame> f = NodeFrames.parse(String.join("\n", out));
    assertEquals(longReport(), f.get("a").json());
    assertEquals("{ }", f.get("b").json());
    assertEquals(1, f.get("b").exitCode());
  }

  private static String labelled(List<String> lines) {
    return String.join("\n", lines.stream().map(x -> "0: " + x).toList());
  }

  /** What srun -l makes of a task's lines: each cut into labelled pieces of at most 1024 bytes. */
  private static String srunCut(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String x : lines) {
      for (int i = 0; i < x.length(); i += 1024) {
        out.add("0: " + x.substring(i, Math.min(x.length(), i + 1024)));
      }
    }
    return String.join("\n", out);
  }

  private static String sha256Lines(String json) {
    try {
      var md = java.security.MessageDigest.getInstance("SHA-256");
      json.lines().forEach(l -> md.update((l + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void progressLinesNameTheirNode() {
    assertArrayEquals(new String[] {"a", "doctor started"}, NodeFrames.parseProgress("0: " + NodeFrames.progress("a", "doctor started")));
    assertNull(NodeFrames.parseProgress("srun: error: b: task 1: Terminated"));
  }
}
