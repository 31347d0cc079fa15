package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fixtures are whole v1 documents the model reads without loss, with consistent statistics. */
class RecordedReportsTest {

  static List<String> fixtures() {
    return RecordedReports.ALL;
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everySectionTheStagesFillIsThere(String name) {
    Report r = RecordedReports.load(name);
    assertEquals(Report.SCHEMA, r.schema());
    assertNotNull(r.host().os().family(), name);
    assertNotNull(r.host().cpu().logicalCores(), name);
    assertNotNull(r.jvm().arch(), name);
    assertNotNull(r.python().torch().version(), name);
    assertFalse(r.runtimes().isEmpty(), name);
    assertFalse(r.devices().isEmpty(), name);
    assertFalse(r.calibrations().isEmpty(), name);
    assertFalse(r.stages().isEmpty(), name);
    assertFalse(r.engines().isEmpty(), name);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void everyFieldOfTheFileIsAFieldOfTheModel(String name) throws Exception {
    JsonNode file = ReportJson.mapper().readTree(RecordedReports.text(name));
    JsonNode back = ReportJson.mapper().readTree(ReportJson.write(RecordedReports.load(name)));
    assertEquals(fieldPaths(file, ""), fieldPaths(back, ""), name);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void statisticsFollowFromTheStepTimes(String name) {
    for (Calibration c : RecordedReports.load(name).calibrations()) {
      List<Double> sorted = new ArrayList<>(c.stepTimesMs());
      Collections.sort(sorted);
      assertEquals(c.steps(), sorted.size(), name);
      double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
          : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
      assertEquals(median, c.medianMs(), 0.001, name);
      assertEquals(c.batch() * 1000.0 / c.medianMs(), c.samplesPerSecond(), 0.01, name);
      assertEquals(c.flopsPerStep() / c.medianMs() / 1e6, c.achievedGflops(), 0.1, name);
      assertTrue(c.p10Ms() <= c.medianMs() && c.medianMs() <= c.p90Ms(), name);
    }
  }

  private static List<String> fieldPaths(JsonNode node, String at) {
    List<String> paths = new ArrayList<>();
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        paths.add(at + "." + f);
        paths.addAll(fieldPaths(node.get(f), at + "." + f));
      }
    } else if (node.isArray() && node.size() > 0) {
      paths.addAll(fieldPaths(node.get(0), at + "[]"));
    }
    Collections.sort(paths);
    return paths;
  }
}
