package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Confidence;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.recommend.Format;
import dev.envdoctor.recommend.Verdict;
import dev.envdoctor.recommend.Workloads;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #25, items 6 and 8: a contended run's figures carry the mark in md, HTML and JSON, intervals
 * that mean nothing are not printed, and a projection reads in the console's unit in every format.
 * On a real run beside a CPU hog (recorded/bursts/docker-native-hog.json, SOURCES.md there). Each
 * failed before: the md showed bare hours (`| docker/djl/cpu | 40848 | ...`) and no mark.
 */
class ContendedFilesTest {

  private static Report decided(String name) throws Exception {
    Report r = ReportJson.read(Path.of("src/test/resources/recorded/bursts/" + name + ".json"));
    return r.withRecommendation(Verdict.decide(r, Workloads.DEFAULT));
  }

  @Test
  void aContendedRunsFiguresCarryTheMarkInEveryFormat() throws Exception {
    Report r = decided("docker-native-hog");
    Recommendation rec = r.recommendation();
    assertTrue(rec.measurement().contended());
    assertTrue(rec.projection().stream().allMatch(p -> Boolean.TRUE.equals(p.contended())), rec.projection().toString());
    String md = Renderers.byFormat("md").orElseThrow().render(r);
    String html = Renderers.byFormat("html").orElseThrow().render(r);
    String json = Renderers.byFormat("json").orElseThrow().render(r);
    for (String out : List.of(md, html)) {
      assertTrue(out.contains(Fmt.CONTENDED.replace("[", "").replace("]", "")), out);
      int from = out.indexOf("Speed-up");
      int to = out.indexOf(out == md ? "####" : "<h2", from);
      String section = out.substring(from, to < 0 ? out.length() : to);
      assertFalse(section.matches("(?s).*\\de[+-]\\d.*"), "no verdict figure in exponent notation: " + section);
    }
    assertTrue(json.contains("\"contended\" : true") || json.contains("\"contended\":true"), json);
    assertEquals("[]", Fixtures.violations(json).toString());
  }

  @Test
  void aMeaninglessSpeedUpIntervalIsNotPrinted() {
    Recommendation rec = new Recommendation(null, 0.216, List.of(1.84e-09, 2.53e+07), "v", "r", "d", List.of(),
        null, List.of(), List.of(), Confidence.NOISY);
    assertEquals("0.216× (interval too wide to mean anything)", Fmt.speedup(rec));
  }

  @Test
  void aProjectionReadsInTheConsolesUnitInEveryFormat() throws Exception {
    Report r = decided("plain-doctor-0030");
    var p = r.recommendation().projection().get(0);
    String cell = Format.hours(p.hours());
    assertTrue(cell.endsWith(" days"), cell);
    assertEquals(cell, Fmt.projection(p).get(1));
    assertTrue(Renderers.byFormat("md").orElseThrow().render(r).contains("| " + cell + " | "));
    assertTrue(Renderers.byFormat("html").orElseThrow().render(r).contains(cell));
  }

  /** race's `full job 0.0 h` for 2.42 s × 50: in the one unit, which reads minutes and seconds too. */
  @Test
  void aShortFullJobReadsInMinutes() {
    assertEquals("2 min", Format.hours(2.42 * 50 / 3600));
    assertEquals("40 s", Format.hours(40 / 3600.0));
  }
}
