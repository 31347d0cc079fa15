package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #25's repeatability end to end: real doctors (native, Debian's torch at /usr/bin/python3) in
 * one envdoctor folder. The second run's projection is pooled with the first's points, which the
 * test reads back from the first run's own report, not from envdoctor's file; --no-history leaves
 * the file alone and projects from its run only.
 */
class PooledProjectionIT {

  /** Debian's python3-torch, as PythonScriptIT's (CI installs it: ../shared/ENVIRONMENT.md). */
  private static final String TORCH_PYTHON = "/usr/bin/python3";

  @TempDir Path home;

  private Report doctor(String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("doctor", "--python", TORCH_PYTHON,
        "--runtime", "native", "--backend", "python", "--json", "--out", home.resolve("reports").toString()));
    args.addAll(List.of(more));
    var r = new CliHarness().env("ENVDOCTOR_HOME", home.toString()).env(PointHistory.ENV, null).run(args.toArray(String[]::new));
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
    return ReportJson.read(r.out());
  }

  private static List<Calibration> points(Report r) {
    return r.calibrations().stream().filter(c -> "yolov8m".equals(c.workload()))
        .sorted(Comparator.comparingInt(c -> c.imgsz() * c.imgsz() * c.batch())).toList();
  }

  private static Projection python(Report r) {
    return r.recommendation().projection().stream().filter(p -> p.backend() == Backend.PYTHON).findFirst().orElseThrow();
  }

  @Test
  void theSecondRunPoolsTheFirstsPointsAndNoHistoryStandsAlone() throws Exception {
    Report first = doctor();
    assertNull(python(first).pooled(), "nothing earlier to pool with");
    Path file = home.resolve(PointHistory.FILE);
    List<String> kept = Files.readAllLines(file);
    assertEquals(points(first).size(), kept.size(), String.join("\n", kept));

    Report second = doctor();
    Projection p = python(second);
    assertNotNull(p.pooled(), p.basis());
    assertEquals(2, p.pooled().runs());
    assertEquals(2, second.history().size(), second.history().toString());
    // each point the mean of the two runs' (the median of two), as the two reports say
    CostModel m = Projections.own(points(second).get(1), second.recommendation().workload(), second.calibrations(),
        second.history());
    for (int i = 0; i < 2; i++) {
      double mean = (points(first).get(i).medianMs() + points(second).get(i).medianMs()) / 2;
      assertEquals(mean, (i == 0 ? m.small() : m.large()).medianMs(), 1e-6 * mean);
    }
    double larger = Math.max(points(first).get(1).medianMs(), points(second).get(1).medianMs())
        / Math.min(points(first).get(1).medianMs(), points(second).get(1).medianMs());
    assertEquals(larger, p.pooled().pointSpread(), 1e-9);
    assertTrue(p.basis().startsWith("pooled over 2 runs here"), p.basis());

    Report alone = doctor("--no-history");
    assertNull(python(alone).pooled());
    assertTrue(alone.history().isEmpty());
    assertEquals(2 * kept.size(), Files.readAllLines(file).size(), "--no-history keeps nothing");
  }
}
