package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RenderersTest {

  @Test
  void theRegistryHasTheFourFormats() {
    assertEquals(List.of("json", "md", "html", "junit"), Renderers.all().stream().map(ReportRenderer::format).toList());
    assertEquals("xml", Renderers.byFormat("JUNIT").orElseThrow().extension());
    assertTrue(Renderers.byFormat("pdf").isEmpty());
  }

  @Test
  void everyFormatCopesWithAnEmptyReport() throws Exception {
    Report empty = Fixtures.empty();
    for (ReportRenderer r : Renderers.all()) {
      String out = r.render(empty);
      assertFalse(out.isBlank(), r.format());
      assertTrue(r.format().equals("json") || !out.contains("null"), r.format() + " prints null: " + out);
    }
    String md = Renderers.byFormat("md").orElseThrow().render(empty);
    assertTrue(md.contains("**Verdict:** Facts only: no verdict and no checks in this report"), md);
    assertTrue(md.contains("#### Host\n\nnot probed"), md);
    Document x = xml(Renderers.byFormat("junit").orElseThrow().render(empty));
    assertEquals("0", x.getDocumentElement().getAttribute("tests"));
  }

  /** Every value the model lets be null is null: no renderer may trip on any of them. */
  @Test
  void everyFormatCopesWithEveryFieldNull() throws Exception {
    com.fasterxml.jackson.databind.JsonNode tree = ReportJson.mapper().valueToTree(Fixtures.mac());
    nullLeaves(tree);
    Report sparse = ReportJson.mapper().treeToValue(tree, Report.class);
    assertEquals(null, sparse.devices().get(0).verified());
    for (ReportRenderer r : Renderers.all()) {
      assertFalse(r.render(sparse).isBlank(), r.format());
    }
    xml(Renderers.byFormat("junit").orElseThrow().render(sparse));
    assertEquals("[]", Fixtures.violations(Renderers.byFormat("json").orElseThrow().render(sparse)).toString());
    assertFalse(new Redactor(Identity.none()).redact(sparse).redaction().kinds().iterator().hasNext());
  }

  private static void nullLeaves(com.fasterxml.jackson.databind.JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
      var names = new java.util.ArrayList<String>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        var v = o.get(name);
        if (v.isValueNode() && !List.of("schema", "createdAt", "name", "version", "passed", "warned", "failed", "skipped",
            "errors", "millis", "applied").contains(name)) {
          o.putNull(name);
        } else {
          nullLeaves(v);
        }
      }
    } else if (node.isArray()) {
      node.forEach(RenderersTest::nullLeaves);
    }
  }

  @Test
  void jsonIsTheModelAndReadsBack() throws Exception {
    Report mac = Fixtures.mac();
    assertEquals(ReportJson.write(mac), ReportJson.write(ReportJson.read(Renderers.byFormat("json").orElseThrow().render(mac))));
  }

  @Test
  void markdownShowsTheSummaryFirstAndFoldsTheDetails() {
    Report r = Fixtures.read(java.nio.file.Path.of("src/test/resources/compare/constructed-other-linux-no-toolkit.json"));
    String md = Renderers.byFormat("md").orElseThrow().render(r);
    int verdict = md.indexOf("**Verdict:** Train natively on cuda:0: 22.7× faster than Docker (CPU only)");
    int failed = md.indexOf("- ✗ `docker.gpu` Containers reach the GPU");
    int accel = md.indexOf("**Accelerators:** NVIDIA GeForce RTX 4090 (24.0 GiB, 16384 cores, compute 8.9, driver 550.90.07)");
    int versions = md.indexOf("**Versions:** OS Ubuntu 22.04.4 LTS (x86_64) · JVM 17.0.11 Ubuntu (amd64) · Python 3.11.9 · torch 2.3.1+cu121, CUDA 12.1");
    int details = md.indexOf("<details><summary>");
    assertTrue(verdict > 0 && verdict < failed && failed < accel && accel < versions && versions < details,
        List.of(verdict, failed, accel, versions, details) + "\n" + md);
    for (String section : List.of("Host", "JVM", "Python / torch", "Engines", "Runtimes", "Devices", "Calibrations",
        "Peaks", "Recommendation", "Checks", "Stages")) {
      assertTrue(md.indexOf("#### " + section + "\n") > details, section);
    }
    assertTrue(md.indexOf("</details>") > md.indexOf("#### Stages"));
    assertTrue(md.contains("| docker/python/cuda:0 | — | ✗ |"), md);
    assertTrue(md.contains("| native/python/cuda:0 | matmul | bfloat16 | 148 TFLOP/s | 165 | 0.9 | — |"), md);
  }

  @Test
  void theDeploymentAdviceIsLabelledOnce() {
    for (Report r : Fixtures.all()) {
      String md = Renderers.byFormat("md").orElseThrow().render(r);
      String html = Renderers.byFormat("html").orElseThrow().render(r);
      assertFalse(md.contains("Deployment: Deploy:"), md);
      assertFalse(html.contains("<dt>Deployment</dt><dd>Deploy:"), html);
    }
    // a verdict of today's Verdict, whose advice starts "Deploy: " for the console
    Report r = dev.envdoctor.recommend.RecordedReports.load(dev.envdoctor.recommend.RecordedReports.LINUX_CPU_ONLY);
    r = r.withRecommendation(dev.envdoctor.recommend.Verdict.decide(r, dev.envdoctor.recommend.Workloads.DEFAULT));
    assertTrue(r.recommendation().deployment().startsWith("Deploy: "), r.recommendation().deployment());
    String md = Renderers.byFormat("md").orElseThrow().render(r);
    assertTrue(md.contains("Deployment: ship a container image"), md);
    assertTrue(Renderers.byFormat("html").orElseThrow().render(r).contains("<dt>Deployment</dt><dd>ship a container image"));
  }

  @Test
  void htmlIsOneSelfContainedPage() {
    for (Report r : Fixtures.all()) {
      String html = Renderers.byFormat("html").orElseThrow().render(r);
      assertTrue(html.startsWith("<!DOCTYPE html>"));
      assertFalse(html.contains("<script"), "no script");
      assertFalse(html.matches("(?s).*\\b(src|href)\\s*=.*"), "nothing linked or fetched");
      assertFalse(html.contains("url("), "no CSS fetch");
      assertFalse(html.contains("@import"));
      assertTrue(html.contains("<style>"));
    }
    String mac = Renderers.byFormat("html").orElseThrow().render(Fixtures.mac());
    assertTrue(mac.contains("<div class=\"verdict warn\" id=\"verdict\">Train natively on MPS: 4.3× faster than Docker (CPU only)</div>"), mac);
  }

  @Test
  void theChartDrawsEveryStepOfEveryCalibration() {
    Report mac = Fixtures.mac();
    String svg = StepTimeChart.svg(mac.calibrations());
    int steps = mac.calibrations().stream().mapToInt(c -> c.stepTimesMs().size()).sum();
    assertEquals(steps, svg.split("<circle ", -1).length - 1);
    assertEquals(mac.calibrations().size(), svg.split("class=\"median\"", -1).length - 1);
    assertTrue(svg.contains("(log scale)"), "MPS and CPU differ by more than 4×: " + svg);
    assertTrue(svg.contains(">native/djl/mps · cnn</text>"));
    assertTrue(StepTimeChart.svg(List.of()).contains("No calibration step times"));
  }

  @Test
  void junitMapsStatusesAndDevices() throws Exception {
    Report r = Fixtures.read(java.nio.file.Path.of("src/test/resources/compare/constructed-other-linux-no-toolkit.json"));
    Document x = xml(Renderers.byFormat("junit").orElseThrow().render(r));
    Element root = x.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals(String.valueOf(r.checks().size() + r.devices().size()), root.getAttribute("tests"));
    NodeList suites = root.getElementsByTagName("testsuite");
    Element checks = (Element) suites.item(0);
    Element devices = (Element) suites.item(1);
    assertEquals("1", checks.getAttribute("failures"));
    assertEquals("1", devices.getAttribute("failures"));
    Element failure = (Element) checks.getElementsByTagName("failure").item(0);
    assertTrue(((Element) failure.getParentNode()).getAttribute("name").startsWith("docker.gpu: "));
    assertTrue(failure.getTextContent().contains("fix: Install the NVIDIA Container Toolkit"));
    Report mac = Fixtures.mac();
    Document m = xml(Renderers.byFormat("junit").orElseThrow().render(mac));
    assertEquals(1, m.getElementsByTagName("skipped").getLength());
    assertEquals(1, m.getElementsByTagName("system-out").getLength(), "the warning");
    assertEquals("1", ((Element) m.getElementsByTagName("testsuite").item(1)).getAttribute("failures"), "docker/djl/mps");
  }

  @Test
  void junitEscapesWhatXmlForbids() throws Exception {
    String nasty = "a <b> & \"c\" 'd' \u0001 end";
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;  end", JunitRenderer.xml(nasty));
  }

  static Document xml(String text) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
