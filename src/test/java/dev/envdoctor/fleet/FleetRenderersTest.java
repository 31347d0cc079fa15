package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.fleet.render.FleetRenderer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The fleet formats drawn from one fleet (FleetSchemaTest.everything: real reports and constructed GPU nodes). */
class FleetRenderersTest {

  private static String render(String format) {
    return FleetRenderer.byFormat(format).orElseThrow().render(FleetSchemaTest.everything());
  }

  @Test
  void markdownHasOneRowPerNodeAndNamesTheOutlierAndTheDrift() {
    String md = render("md");
    for (String node : new String[] {"a", "gpu01", "gpu04", "b"}) {
      assertTrue(md.contains("| " + node + " | **"), node);
    }
    assertTrue(md.contains("| **down** |"));
    assertTrue(md.contains("| driver | gpu04 | 535.1 | 580.159.04 | majority |"), md);
    assertTrue(md.contains("| gpu04 |\n") || md.contains("| gpu04 |"), md);
  }

  /** Every markdown table has as many cells in each row as in its header (issue 26: 6 headers over 5 separators). */
  @Test
  void everyMarkdownTableRowHasAsManyCellsAsItsHeaderAlsoWithNoVersionColumns() {
    var onlyMissing = FleetAnalysis.analyse(java.util.List.of(NodeInput.missing("b", NodeStatus.DOWN, java.util.List.of("slurm state down: x"))),
        null, null, "slurm", new dev.envdoctor.model.Tool("envdoctor", "t"), "2026-12-01T00:00:00Z");
    for (String md : new String[] {render("md"), FleetRenderer.byFormat("md").orElseThrow().render(onlyMissing)}) {
      int header = -1;
      for (String line : md.split("\n")) {
        if (!line.startsWith("|")) {
          header = -1;
          continue;
        }
        int cells = line.split("(?<!\\\\)\\|", -1).length - 2;
        if (header < 0) {
          header = cells;
        }
        assertEquals(header, cells, line + "\n" + md);
      }
    }
  }

  @Test
  void junitHasOneCasePerNodeAndFailsTheFailedAndTheMissing() throws Exception {
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(render("junit").getBytes(StandardCharsets.UTF_8)));
    assertEquals(6, d.getElementsByTagName("testcase").getLength());
    assertEquals(2, d.getElementsByTagName("failure").getLength(), "gpu04 (slow) and b (down)");
    assertEquals("2", d.getDocumentElement().getAttribute("failures"));
  }

  @Test
  void htmlIsSelfContainedWithAChartPerClassAndTheOutlierMarked() {
    String html = render("html");
    assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no network");
    assertTrue(html.contains("<svg"));
    assertTrue(html.contains("outliers: gpu04"), "the class names its outlier");
    assertTrue(html.contains(">gpu04</text>"));
    assertTrue(html.contains("outlier</text>"), "the point is marked");
    assertTrue(html.contains("flagged below"));
  }
}
