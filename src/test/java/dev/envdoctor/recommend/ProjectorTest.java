package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.cli.ExitCode;
import dev.envdoctor.cli.ExitException;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectorTest {

  static java.util.List<String> fixtures() {
    return RecordedReports.ALL;
  }

  /** Every projection, recomputed here from the arithmetic the assumptions state. */
  @ParameterizedTest
  @MethodSource("fixtures")
  void everyProjectionFollowsFromTheStatedArithmetic(String fixture) {
    Report r = RecordedReports.load(fixture);
    Workload w = Workloads.of("job", "yolov8m", 30, 12_000L, 512, 8, null);
    Recommendation rec = Verdict.decide(r, w);
    assertFalse(rec.projection().isEmpty(), fixture);
    double targetFlops = 3 * 78.9e9 * (512.0 / 640) * (512.0 / 640);
    for (Projection p : rec.projection()) {
      Calibration c = r.calibrations().stream().filter(k -> k.runtime().equals(p.runtime())
          && k.backend().equals(p.backend()) && k.device().equals(p.device()) && k.workload().equals("cnn"))
          .findFirst().orElseThrow();
      double imagesPerSecond = c.samplesPerSecond() * (c.flopsPerStep() / c.batch()) / targetFlops;
      double hours = 30.0 * 12_000 / imagesPerSecond / 3600;
      assertEquals(hours, p.hours(), hours * 1e-12, p.toString());
      assertEquals(hours * c.p10Ms() / c.medianMs(), p.hoursLow(), hours * 1e-12);
      assertEquals(hours * c.p90Ms() / c.medianMs(), p.hoursHigh(), hours * 1e-12);
      assertTrue(p.hoursLow() <= p.hours() && p.hours() <= p.hoursHigh(), p.toString());
    }
    assertTrue(rec.assumptions().contains("training ≈ 3 × forward (backward ≈ 2 × forward): 151.5 GFLOP per image"),
        rec.assumptions().toString());
    assertTrue(rec.assumptions().stream().anyMatch(a -> a.contains("× (512/640)² = 0.64 at 512 px")), rec.assumptions().toString());
  }

  @Test
  void theMacMpsProjectionForTheMotivatingJob() {
    Recommendation rec = Verdict.decide(RecordedReports.load(RecordedReports.MAC_M4_DOCKER_DESKTOP), Workloads.DEFAULT);
    Projection mps = rec.projection().get(0);
    assertEquals("mps", mps.device());
    // 1,449.28 samples/s × 1.5 GFLOP ÷ 236.7 GFLOP = 9.184 images/s; 50 × 69,000 ÷ 9.184 ÷ 3600 = 104.3 h
    assertEquals(104.3, mps.hours(), 0.05);
    assertTrue(rec.assumptions().contains(
        "calibration cnn: 24.00 GFLOP per step ÷ batch 16 = 1.500 GFLOP per sample; one target image = 157.8 calibration samples"),
        rec.assumptions().toString());
  }

  @Test
  void halfTheImageSizeIsAQuarterOfTheTime() {
    Calibration c = RecordedReports.load(RecordedReports.LINUX_CPU_ONLY).calibrations().get(0);
    double full = Projector.project(c, Workloads.of("a", "yolov8s", 10, 1000L, 640, 16, null)).hours();
    double half = Projector.project(c, Workloads.of("a", "yolov8s", 10, 1000L, 320, 16, null)).hours();
    assertEquals(4.0, full / half, 1e-12);
  }

  @Test
  void aModelOutsideTheTableNeedsItsGflops() {
    ExitException e = assertThrows(ExitException.class, () -> Workloads.of("x", "resnet50", 1, 1L, 224, 1, null));
    assertEquals(ExitCode.USAGE, e.status());
    assertTrue(e.getMessage().contains("--gflops"), e.getMessage());
    assertEquals(4.1, Workloads.of("x", "resnet50", 1, 1L, 224, 1, 4.1).forwardGflops());
    assertThrows(ExitException.class, () -> Workloads.of("x", "yolov8m", 0, 1L, 640, 1, null));
  }

  @Test
  void aProfilesWorkloadSectionStatesTheJob(@TempDir Path dir) throws Exception {
    Path profile = dir.resolve("yolov8m-69k.yaml");
    Files.writeString(profile, """
        name: yolov8m-69k
        checks: []
        workload:
          model: yolov8m
          epochs: 50
          images: 69000
          imgsz: 640
          batch: 16
        """);
    Workload w = Workloads.fromProfile(profile);
    assertEquals(Workloads.of("yolov8m-69k", "yolov8m", 50, 69_000L, 640, 16, null), w);
  }

  @Test
  void aProfileWithoutAWorkloadOrNotYamlIsBadInput(@TempDir Path dir) throws Exception {
    Path none = Files.writeString(dir.resolve("p.yaml"), "checks: []\n");
    assertTrue(assertThrows(ExitException.class, () -> Workloads.fromProfile(none)).getMessage().contains("no workload: section"));
    Path broken = Files.writeString(dir.resolve("q.yaml"), "workload: [unclosed\n");
    ExitException e = assertThrows(ExitException.class, () -> Workloads.fromProfile(broken));
    assertEquals(ExitCode.USAGE, e.status());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertThrows(ExitException.class, () -> Workloads.fromProfile(dir.resolve("missing.yaml")));
  }
}
