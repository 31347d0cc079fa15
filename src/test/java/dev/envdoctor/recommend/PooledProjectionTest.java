package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.EarlierPoint;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The projection's points pooled with earlier runs' on the same machine (issue #25, item 2), on five
 * real plain doctors of the development VM run one after another (recorded/repeatability/SOURCES.md),
 * each pooled with the runs before it as the history would give them; and on constructed points
 * where a rule needs a case the recordings lack.
 */
class PooledProjectionTest {

  private static Report run(int i) {
    try (InputStream in = PooledProjectionTest.class.getResourceAsStream("/recorded/repeatability/doctor-run" + i + ".json")) {
      return ReportJson.read(new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What the history gives run k: every projection point of the runs before it, at their times. */
  private static List<EarlierPoint> before(int k) {
    List<EarlierPoint> out = new ArrayList<>();
    for (int j = 1; j < k; j++) {
      Report r = run(j);
      PointHistory.points(r).forEach(c -> out.add(EarlierPoint.of(r.createdAt(), c)));
    }
    return out;
  }

  private static Recommendation decide(Report r, List<EarlierPoint> history) {
    return Verdict.decide(r.withHistory(history), r.recommendation().workload());
  }

  private static Projection row(Recommendation rec, String runtime, Backend backend) {
    return rec.projection().stream().filter(p -> p.runtime().equals(runtime) && p.backend() == backend).findFirst()
        .orElseThrow();
  }

  /** Native Python's two yolov8m points in run i, smaller first, read from the JSON as it is. */
  private static List<Calibration> points(int i) {
    return run(i).calibrations().stream().filter(c -> c.runtime().equals("native") && c.backend() == Backend.PYTHON
        && "yolov8m".equals(c.workload())).sorted(java.util.Comparator.comparingInt(c -> c.imgsz() * c.imgsz() * c.batch()))
        .toList();
  }

  private static double median(List<Double> v) {
    List<Double> s = v.stream().sorted().toList();
    return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
  }

  @Test
  void theFifthRunPooledWithTheFourBeforeItFitsThroughEachPointsMedianAndSaysWhatItAloneProjects() {
    Report r5 = run(5);
    Recommendation alone = decide(r5, List.of());
    Recommendation pooled = decide(r5, before(5));
    Projection py = row(pooled, "native", Backend.PYTHON);
    assertNotNull(py.pooled());
    assertEquals(5, py.pooled().runs());
    assertEquals(row(alone, "native", Backend.PYTHON).hours(), py.pooled().hoursThisRun(), 1e-9);
    assertNull(row(alone, "native", Backend.PYTHON).pooled());
    // the fit through the medians, as the test reads the five files
    List<Double> small = new ArrayList<>();
    List<Double> large = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      small.add(points(i).get(0).medianMs());
      large.add(points(i).get(1).medianMs());
    }
    CostModel m = Projections.own(points(5).get(1), pooled.workload(), r5.calibrations(), before(5));
    assertEquals(median(small), m.small().medianMs(), 1e-9);
    assertEquals(median(large), m.large().medianMs(), 1e-9);
    assertEquals(large.stream().mapToDouble(d -> d).max().orElseThrow() / large.stream().mapToDouble(d -> d).min().orElseThrow(),
        py.pooled().pointSpread(), 1e-9);
    assertTrue(py.basis().startsWith("pooled over 5 runs here since 2026-12-07 21:16 UTC"), py.basis());
  }

  @Test
  void everyOtherRowStillFollowsNativePythonByTheRunsOwnPairedRatios() {
    Report r5 = run(5);
    Recommendation alone = decide(r5, List.of());
    Recommendation pooled = decide(r5, before(5));
    double scale = row(pooled, "native", Backend.PYTHON).hours() / row(alone, "native", Backend.PYTHON).hours();
    assertTrue(Math.abs(scale - 1) > 0.01, "pooling moved native python: " + scale);
    for (Projection p : alone.projection()) {
      Projection q = row(pooled, p.runtime(), p.backend());
      assertEquals(p.hours() * scale, q.hours(), 1e-6 * p.hours(), p.runtime() + " " + p.backend());
    }
  }

  @Test
  void runAfterRunThePooledFigureMovesLessThanEachRunAlone() {
    List<Double> alone = new ArrayList<>();
    List<Double> pooled = new ArrayList<>();
    for (int k = 1; k <= 5; k++) {
      alone.add(row(decide(run(k), List.of()), "native", Backend.PYTHON).hours());
      pooled.add(row(decide(run(k), before(k)), "native", Backend.PYTHON).hours());
    }
    double a = spread(alone);
    double p = spread(pooled);
    assertTrue(a > 1.35, "the recorded runs alone moved ×" + a);
    assertTrue(p < 1.2, "pooled ×" + p + " (alone ×" + a + ")");
  }

  /**
   * Pooled, every range is under the issue's ×1.3 and narrower than the run's alone; alone, a run
   * carries the assumed run-to-run sd and its own steps' spread: run 3's three 224 px steps spread
   * 1020-1292 ms and take it to ×1.302 (×1.30 as printed).
   */
  @Test
  void pooledRangesStayUnderTheIssuesWidthAndARunAloneNearIt() {
    for (int k = 1; k <= 5; k++) {
      double alone = width(row(decide(run(k), List.of()), "native", Backend.PYTHON));
      assertTrue(alone > 1.2 && alone < 1.305, "run " + k + " alone p90/p10 " + alone);
      if (k > 1) {
        double pooled = width(row(decide(run(k), before(k)), "native", Backend.PYTHON));
        assertTrue(pooled <= 1.3 && pooled < alone, "run " + k + " pooled p90/p10 " + pooled + ", alone " + alone);
      }
    }
  }

  private static double width(Projection p) {
    return p.hoursHigh() / p.hoursLow();
  }

  private static double spread(List<Double> v) {
    return v.stream().mapToDouble(d -> d).max().orElseThrow() / v.stream().mapToDouble(d -> d).min().orElseThrow();
  }

  // constructed points: rules the recordings do not reach

  private static Calibration point(int imgsz, double ms, int threads) {
    return CalibrationBuilder.builder().runtime("native").backend(Backend.PYTHON).device("cpu").workload("yolov8m")
        .imgsz(imgsz).batch(4).steps(3).medianMs(ms).p10Ms(ms * 0.97).p90Ms(ms * 1.03).threads(threads).precision("fp32")
        .build();
  }

  private static List<EarlierPoint> earlierRuns(int n, double small, double large, int threads) {
    List<EarlierPoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String at = String.format("2026-12-07T20:%02d:00Z", i);
      out.add(EarlierPoint.of(at, point(96, small, threads)));
      out.add(EarlierPoint.of(at, point(224, large, threads)));
    }
    return out;
  }

  @Test
  void pointsTimedAtOtherThreadsDoNotPool() {
    CostModel m = CostModel.fit("yolov8m", List.of(point(96, 350, 2), point(224, 1300, 2)), earlierRuns(3, 300, 1000, 1));
    assertNull(m.pool());
    assertEquals(1300, m.large().medianMs());
  }

  @Test
  void anEarlierRunWithOnlyOneOfThePointsIsNotCounted() {
    List<EarlierPoint> h = new ArrayList<>(earlierRuns(2, 330, 1200, 2));
    h.add(EarlierPoint.of("2026-12-07T20:30:00Z", point(224, 1000, 2)));
    CostModel m = CostModel.fit("yolov8m", List.of(point(96, 350, 2), point(224, 1300, 2)), h);
    assertEquals(3, m.pool().runs());
    assertEquals(1200, m.large().medianMs());
  }

  @Test
  void aRunFarFromTheEarlierOnesStandsAloneAndSaysSo() {
    CostModel m = CostModel.fit("yolov8m", List.of(point(96, 350, 2), point(224, 2100, 2)), earlierRuns(3, 330, 1300, 2));
    assertEquals(1, m.pool().runs());
    assertTrue(m.pool().leftOut());
    assertEquals(2100, m.large().medianMs());
    assertTrue(Pooling.words(m.pool(), 100).contains("has the machine or its setup changed"), Pooling.words(m.pool(), 100));
    assertEquals(CostModel.RUN_SD_PRIOR, m.runTerm(), 1e-12);
  }

  @Test
  void onlyTheNewestNineEarlierRunsPool() {
    List<EarlierPoint> h = new ArrayList<>(earlierRuns(9, 330, 1300, 2));
    // an older run, at 19:00, far slower: the tenth earlier one
    h.add(EarlierPoint.of("2026-12-07T19:00:00Z", point(96, 900, 2)));
    h.add(EarlierPoint.of("2026-12-07T19:00:00Z", point(224, 1900, 2)));
    CostModel m = CostModel.fit("yolov8m", List.of(point(96, 350, 2), point(224, 1300, 2)), h);
    assertEquals(10, m.pool().runs());
    assertEquals("2026-12-07T20:00:00Z", m.pool().since());
  }

  @Test
  void moreAgreeingRunsNarrowTheRange() {
    List<Calibration> now = List.of(point(96, 350, 2), point(224, 1300, 2));
    double alone = width(CostModel.fit("yolov8m", now));
    double three = width(CostModel.fit("yolov8m", now, earlierRuns(2, 350, 1300, 2)));
    double ten = width(CostModel.fit("yolov8m", now, earlierRuns(9, 350, 1300, 2)));
    assertTrue(alone > three && three > ten, alone + " " + three + " " + ten);
  }

  private static double width(CostModel m) {
    double[] r = m.spread(640, 16);
    return r[1] / r[0];
  }
}
