package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.Report;
import dev.envdoctor.testing.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The calibrated projection path on constructed calibrations (the figures are made up, said so by their names). */
class ProjectionsTest {

  private static Calibration yolo(String runtime, String backend, String model, int imgsz, int batch, double ms) {
    return new Calibration(runtime, Backend.parse(backend), "cpu", model, batch, imgsz, 2, 3, ms, ms * 0.9, ms * 1.2, 0.05,
        batch * 1000 / ms, null, new ProjectionPoint(model, imgsz, batch).trainFlopsPerStep(), 2, ms * 5, List.of(ms), null);
  }

  @Test
  void theCostModelGoesThroughBothPointsAndExtendsToTheJob() {
    CostModel m = CostModel.fit("yolov8m", List.of(yolo("native", "python", "yolov8m", 256, 2, 305),
        yolo("native", "python", "yolov8m", 160, 2, 157)));
    assertEquals(157, m.stepMs(160, 2), 1e-9);
    assertEquals(305, m.stepMs(256, 2), 1e-9);
    double b = (305.0 - 157) / (256 * 256 * 2 - 160 * 160 * 2);
    assertEquals(157 - b * 51200, m.interceptMs(), 1e-9);
    assertEquals(157 - b * 51200 + b * 320 * 320 * 4, m.stepMs(320, 4), 1e-9);
  }

  @Test
  void aNoisyPairWithoutPositiveSlopeFallsBackToTheOriginThroughTheLargerPoint() {
    CostModel m = CostModel.fit("yolov8n", List.of(yolo("native", "djl", "yolov8n", 128, 2, 300),
        yolo("native", "djl", "yolov8n", 192, 2, 200)));
    assertEquals(0, m.interceptMs());
    assertEquals(200.0 / (192 * 192 * 2), m.msPerPixel(), 1e-15);
    Golden.assertMatches("recommend/projections/through-the-origin.txt", m.describe() + "\n");
  }

  @Test
  void aReportWithProjectionCalibrationsProjectsFromThemAndKeepsThemOutOfTheVerdict() {
    Report base = RecordedReports.load("linux-cpu-only.json");
    List<Calibration> all = new ArrayList<>(base.calibrations());
    String backend = "python";
    all.add(yolo("native", backend, "yolov8n", 128, 2, 40));
    all.add(yolo("native", backend, "yolov8n", 192, 2, 70));
    Report r = base.withCalibrations(all);
    Workload job = Workloads.of("job", "yolov8n", 1, 1000L, 320, 8, null);
    Recommendation rec = Verdict.decide(r, job);
    Recommendation before = Verdict.decide(base, job);
    // the rows' bases and the model's assumption (t = a + b × imgsz² × batch) in words
    RecommendGoldenTest.assertView("projections/calibrated-yolov8n.txt", rec);
    assertEquals(before.verdict(), rec.verdict(), "the projection's calibrations do not change the verdict");
    assertEquals(before.evidence(), rec.evidence());
    Projection p = rec.projection().stream().filter(x -> "native".equals(x.runtime())).findFirst().orElseThrow();
    assertEquals(Projection.CALIBRATED, p.method());
    double b = 30.0 / (192 * 192 * 2 - 128 * 128 * 2);
    double step = 40 - b * 128 * 128 * 2 + b * 320 * 320 * 8;
    assertEquals(125 * step / 3.6e6, p.hours(), 1e-12); // ⌈1000 / 8⌉ steps
    assertEquals(step / 1000 / 8, p.secondsPerImage(), 1e-12);
    // native's other backend (djl, not timed on yolov8n in --quick) borrows python's model, × its cnn step over python's
    Calibration djlCnn = base.calibrations().stream().filter(c -> "native".equals(c.runtime()) && c.backend() == Backend.DJL
        && "cnn".equals(c.workload())).findFirst().orElseThrow();
    Calibration pyCnn = base.calibrations().stream().filter(c -> "native".equals(c.runtime()) && c.backend() == Backend.PYTHON
        && "cnn".equals(c.workload())).findFirst().orElseThrow();
    Projection djl = rec.projection().stream().filter(x -> "native".equals(x.runtime()) && x.backend() == Backend.DJL)
        .findFirst().orElseThrow();
    assertEquals(Projection.CALIBRATED_SCALED, djl.method());
    double slower = (djlCnn.medianMs() / djlCnn.batch()) / (pyCnn.medianMs() / pyCnn.batch());
    assertEquals(p.hours() * slower, djl.hours(), 1e-9);
    // a container side without its own points borrows native's model, scaled by its cnn step over native's
    rec.projection().stream().filter(x -> !"native".equals(x.runtime()) && x.backend() == Backend.parse(backend))
        .forEach(x -> assertEquals(Projection.CALIBRATED_SCALED, x.method(), x.toString()));
  }

  @Test
  void theMacReportHasNoYoloCalibrationsSoItsProjectionIsTheRougherFlopRatePath() {
    Recommendation rec = Verdict.decide(RecordedReports.load(RecordedReports.MAC_M4_DOCKER_DESKTOP), Workloads.DEFAULT);
    assertTrue(rec.projection().stream().allMatch(p -> Projection.FLOP_RATE.equals(p.method())), rec.projection().toString());
    // the assumption that says how rough that path is (it projected YOLOv8 too long) is in golden/recommend/reports
  }

  @Test
  void aStatedModelIsNotCalibratedAndTheQuickPlanStaysBelowTheJob() {
    assertEquals(List.of(), ProjectionPlan.points(Workloads.of("x", "mynet", 1, 10L, 640, 16, 50.0), false));
    assertEquals(List.of(), ProjectionPlan.points(null, false));
    assertEquals(List.of(new ProjectionPoint("yolov8m", 96, 4), new ProjectionPoint("yolov8m", 224, 4)),
        ProjectionPlan.points(Workloads.DEFAULT, false));
    assertEquals(List.of(new ProjectionPoint("yolov8m", 160, 8), new ProjectionPoint("yolov8m", 320, 8)),
        ProjectionPlan.points(Workloads.DEFAULT, true));
    // a named job at 128 px: the sizes (160, 320) collapse at its size; half of it comes first
    assertEquals(List.of(new ProjectionPoint("yolov8n", 64, 1), new ProjectionPoint("yolov8n", 128, 1)),
        ProjectionPlan.points(Workloads.of("x", "yolov8n", 1, 10L, 128, 1, null), false));
    assertEquals(List.of(new ProjectionPoint("yolov8m", 320, 16), new ProjectionPoint("yolov8m", 640, 16)),
        ProjectionPlan.gpuPoints(Workloads.DEFAULT));
    assertNull(Projections.own(RecordedReports.load("linux-cpu-only.json").calibrations().get(0),
        Workloads.of("x", "mynet", 1, 10L, 640, 16, 50.0), List.of()));
  }

  /**
   * A real report of the development VM with envdoctor and its native sides in half a CPU
   * (recorded/bursts/plain-doctor-half-cpu.json, SOURCES.md there): both native sides were
   * throttled, so native DJL's borrowed curve is scaled by the two cnn calibrations' step means, as
   * the verdict reads throttled pairs, not by their medians (1.64×: the median hides a quota's stalls).
   */
  @Test
  void aThrottledSideIsScaledByItsStepsMeansNotItsMedians() throws Exception {
    Report r = dev.envdoctor.model.ReportJson.read(java.nio.file.Path.of("src/test/resources/recorded/bursts/plain-doctor-half-cpu.json"));
    Calibration djl = cnn(r, "native", "djl");
    Calibration python = cnn(r, "native", "python");
    Calibration docker = cnn(r, "docker", "djl");
    assertTrue(djl.throttled() && !docker.throttled(), "the recording: native throttled, docker not");
    assertEquals(mean(djl) / mean(python), Projections.slower(djl, python, r.calibrations()), 1e-9);
    assertEquals(1.64, djl.medianMs() / python.medianMs(), 0.01, "what the medians said");
    // docker was not throttled, native was: the pair is read by both means
    assertEquals(mean(docker) / mean(djl), Projections.slower(docker, djl, r.calibrations()), 1e-9);
    // and a pair where neither side was throttled keeps the medians
    Calibration a = yolo("native", "djl", "yolov8n", 64, 16, 10);
    Calibration b = yolo("docker", "djl", "yolov8n", 64, 16, 12);
    assertEquals(1.2, Projections.slower(b, a, List.of(a, b)), 1e-9);
  }

  private static Calibration cnn(Report r, String runtime, String backend) {
    return r.calibrations().stream().filter(c -> "cnn".equals(c.workload()) && runtime.equals(c.runtime())
        && Backend.parse(backend) == c.backend()).findFirst().orElseThrow();
  }

  private static double mean(Calibration c) {
    return c.stepTimesMs().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }

  /**
   * A paired row's basis prints its pair's interval only where the verdict would: on the real contended
   * run recorded/bursts/docker-native-cgroup-half-contended.json (SOURCES.md there), the row scaled by
   * its native-over-docker pair says the interval means nothing. The base row is constructed. Before,
   * the basis printed "95% CI 0.00–714,448.42", an interval the verdict leaves out.
   */
  @Test
  void aPairedRowsBasisLeavesOutAnIntervalTheVerdictDrops() throws Exception {
    Report r = dev.envdoctor.model.ReportJson.read(
        java.nio.file.Path.of("src/test/resources/recorded/bursts/docker-native-cgroup-half-contended.json"));
    Calibration nat = r.calibrations().stream().filter(c -> "native".equals(c.runtime()) && !c.bursts().isEmpty())
        .findFirst().orElseThrow();
    Calibration box = r.calibrations().stream().filter(c -> "docker".equals(c.runtime()) && !c.bursts().isEmpty())
        .findFirst().orElseThrow();
    var pair = Paired.of(nat, box).orElseThrow();
    assertTrue(pair.hasInterval() && !Ranges.meaningful(pair.low(), pair.high()), pair.toString());
    Projection base = new Projection("native", nat.backend(), nat.device(), 100.0, 90.0, 110.0, Projection.CALIBRATED,
        1.0, "constructed");
    Projection row = ScaledRows.scaled(base, box, nat, r.calibrations());
    assertEquals(Projection.PAIRED, row.method());
    Golden.assertMatches("recommend/projections/paired-too-wide.txt", row.basis() + "\n");
  }
}
