package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Recommendation;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    // the arithmetic in words (3 × forward: 151.5 GFLOP per image; × (512/640)² = 0.64 at 512 px)
    RecommendGoldenTest.assertView("projector/" + fixture.replace(".json", ".txt"), rec);
  }

  @Test
  void theMacMpsProjectionForTheMotivatingJob() {
    Recommendation rec = Verdict.decide(RecordedReports.load(RecordedReports.MAC_M4_DOCKER_DESKTOP), Workloads.DEFAULT);
    Projection mps = rec.projection().get(0);
    assertEquals("mps", mps.device());
    // 15,625 samples/s × 0.09556 GFLOP ÷ 236.7 GFLOP = 6.308 images/s; 50 × 69,000 ÷ 6.308 ÷ 3600 = 151.9 h
    assertEquals(151.9, mps.hours(), 0.05);
    // the assumption that states it (3.06 GFLOP per step ÷ batch 32 ...): golden/recommend/reports/mac-m4-docker-desktop.txt
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
    RunFailure e = assertThrows(RunFailure.class, () -> Workloads.of("x", "resnet50", 1, 1L, 224, 1, null));
    assertEquals(ExitCode.USAGE, e.status());
    assertTrue(e.getMessage().contains("--gflops"), e.getMessage());
    assertEquals(4.1, Workloads.of("x", "resnet50", 1, 1L, 224, 1, 4.1).forwardGflops());
    assertThrows(RunFailure.class, () -> Workloads.of("x", "yolov8m", 0, 1L, 640, 1, null));
  }

  @Test
  void aProfilesWorkloadSectionStatesTheJobAndItsNameTheModel(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("checks"));
    Files.writeString(dir.resolve("checks/yolov8m-69k.yaml"), """
        description: the shipped profile's shape
        include: [default]
        workload:
          name: yolov8m
          epochs: 50
          images: 69000
          imgsz: 640
          batch: 16
        checks: []
        """);
    Workload w = Workloads.complete(ProfileWorkloads.find("yolov8m-69k", dir).orElseThrow());
    assertEquals(Workloads.of("yolov8m", "yolov8m", 50, 69_000L, 640, 16, null), w);
  }

  @Test
  void aWorkloadIsFoundThroughIncludesAndAnUnknownNameAssumesYolov8m(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("base.yaml"), "workload: {name: my-detector, epochs: 10, images: 500, imgsz: 320, batch: 8}\nchecks: []\n");
    Path top = Files.writeString(dir.resolve("top.yaml"), "include: [base]\nchecks: []\n");
    Workload w = Workloads.complete(ProfileWorkloads.find(top.toString(), dir).orElseThrow());
    assertEquals(10, w.epochs());
    assertEquals("yolov8m", w.model());
    assertTrue(w.gflopsSource().contains("the name 'my-detector' names no model of the table: assumed yolov8m"), w.gflopsSource());
    assertEquals("yolov8l", Workloads.complete(new Workload("yolov8l-coco", 1, 1L, 640, 1)).model());
    Path stated = Files.writeString(dir.resolve("rtdetr.yaml"),
        "workload: {name: rtdetr, model: rtdetr-l, gflops: 110.0, epochs: 1, images: 10, imgsz: 320, batch: 4}\nchecks: []\n");
    Workload r = Workloads.complete(ProfileWorkloads.find(stated.toString(), dir).orElseThrow());
    assertEquals(List.of("rtdetr-l", 110.0, 640), List.of(r.model(), r.forwardGflops(), r.gflopsImgsz()));
    assertTrue(Workloads.isStated(r));
    assertEquals(3 * 110e9 / 4, Projector.trainFlopsPerImage(r), 1);
    Path none = Files.writeString(dir.resolve("none.yaml"), "checks: []\n");
    assertTrue(ProfileWorkloads.find(none.toString(), dir).isEmpty());
  }

  @Test
  void aMissingOrBrokenProfileIsBadInput(@TempDir Path dir) throws Exception {
    RunFailure missing = assertThrows(RunFailure.class, () -> ProfileWorkloads.find("nope", dir));
    assertEquals(ExitCode.USAGE, missing.status());
    assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
    Path broken = Files.writeString(dir.resolve("q.yaml"), "workload: [unclosed\nchecks: []\n");
    RunFailure e = assertThrows(RunFailure.class, () -> ProfileWorkloads.find(broken.toString(), dir));
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    Path half = Files.writeString(dir.resolve("h.yaml"), "workload: {epochs: 5}\nchecks: []\n");
    assertTrue(assertThrows(RunFailure.class, () -> ProfileWorkloads.find(half.toString(), dir)).getMessage()
        .contains("h.yaml:1:11: workload needs 'images:'"));
  }
}
