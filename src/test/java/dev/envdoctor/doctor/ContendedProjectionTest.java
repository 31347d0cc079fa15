package dev.envdoctor.doctor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.recommend.Verdict;
import dev.envdoctor.recommend.Workloads;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The doctor's projection line on a recorded contended run (recorded/bursts/SOURCES.md) and on a quiet fixture. */
class ContendedProjectionTest {

  private static String projectionLine(String report) throws Exception {
    Recommendation rec = Verdict.decide(ReportJson.read(Path.of(report)), Workloads.DEFAULT);
    return Areas.projectionLine(rec).orElseThrow();
  }

  @Test
  void aContendedRunPrintsNoFigureToPlanBy() throws Exception {
    String line = projectionLine("src/test/resources/recorded/bursts/docker-native-hog.json");
    assertTrue(line.contains("no projection to plan by from this run") && line.contains("envdoctor-hog"), line);
    assertTrue(!line.contains(" days"), line);
  }

  @Test
  void aRunWithoutContentionPrintsItsFigures() throws Exception {
    String line = projectionLine("src/test/resources/reports/mac-m4-docker-desktop.json");
    assertTrue(line.contains("natively mps") && line.contains(" days"), line);
  }
}
