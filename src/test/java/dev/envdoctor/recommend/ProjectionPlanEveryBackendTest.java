package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.calibrate.ProjectionPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which jobs every backend times itself (ProjectionPlan.everyBackend), at which points (the plan). */
class ProjectionPlanEveryBackendTest {

  @Test
  void theExampleNameIsTheDefaultJobs() {
    assertEquals(Workloads.DEFAULT.name(), ProjectionPlan.EXAMPLE);
  }

  @Test
  void aNamedJobIsTimedByEveryBackendAndTheExampleOnlyWithFull() {
    assertFalse(ProjectionPlan.everyBackend(Workloads.DEFAULT, false), "doctor's example job, --quick");
    assertTrue(ProjectionPlan.everyBackend(Workloads.DEFAULT, true));
    assertTrue(ProjectionPlan.everyBackend(Workloads.of("yolov8n", "yolov8n", 1, 1000L, 320, 8, null), false),
        "recommend --model yolov8n --imgsz 320 --batch 8");
    assertFalse(ProjectionPlan.everyBackend(null, false));
  }

  /**
   * Only a job the user named is timed at its trainer's threads: doctor's example job with --full at
   * Ultralytics' 1 thread (YOLOv8m at 320 px × 8, about 30 s a step on the 2-core VM) ran the Python
   * side past its 600 s.
   */
  @Test
  void onlyANamedJobIsTimedAsItsTrainerWould() {
    assertFalse(ProjectionPlan.asTrainer(Workloads.DEFAULT), "the example job, --quick or --full");
    assertTrue(ProjectionPlan.asTrainer(Workloads.of("yolov8m", "yolov8m", 1, 1000L, 640, 16, null)));
    assertFalse(ProjectionPlan.asTrainer(null));
  }

  @Test
  void aNamedJobIsTimedAtLargerPointsThanTheExample() {
    var named = Workloads.of("yolov8m", "yolov8m", 1, 1000L, 320, 4, null);
    assertEquals("[yolov8m@160x4, yolov8m@320x4]", ProjectionPlan.points(named, false).toString(),
        "a job at 320 px is timed at its own size");
    assertEquals("[yolov8m@96x4, yolov8m@224x4]", ProjectionPlan.points(Workloads.DEFAULT, false).toString());
    assertEquals("[yolov8m@160x4, yolov8m@320x4]", ProjectionPlan.points(named, true).toString());
    // never past the job's own size
    var small = Workloads.of("yolov8n", "yolov8n", 1, 1000L, 192, 16, null);
    assertEquals("[yolov8n@160x8, yolov8n@192x8]", ProjectionPlan.points(small, false).toString(), "batch up to 8");
    var large = Workloads.of("yolov8n", "yolov8n", 1, 1000L, 640, 16, null);
    assertEquals("[yolov8n@160x8, yolov8n@320x8]", ProjectionPlan.points(large, false).toString());
  }

  @Test
  void aNamedJobPastThePointsAddsItsOwnSizeUnderTheCap() {
    var large = Workloads.of("yolov8n", "yolov8n", 1, 1000L, 640, 4, null);
    assertEquals("[yolov8n@160x4, yolov8n@320x4, yolov8n@640x4~2000]", ProjectionPlan.plan(large, false).toString());
    // a job at 320 px is one of the points already; doctor's example job keeps its two quick points
    assertEquals("[yolov8m@160x4, yolov8m@320x4]",
        ProjectionPlan.plan(Workloads.of("yolov8m", "yolov8m", 1, 1000L, 320, 4, null), false).toString());
    assertEquals("[yolov8m@96x4, yolov8m@224x4]", ProjectionPlan.plan(Workloads.DEFAULT, false).toString());
    assertEquals("[yolov8m@160x8, yolov8m@320x8, yolov8m@640x16~2000]", ProjectionPlan.plan(Workloads.DEFAULT, true).toString());
  }

  @Test
  void theOwnPointRunsOnlyWhereThePointBeforeItScaledToItsPixelsFitsTheCap() {
    List<ProjectionPoint.Planned> plan = ProjectionPoint.parsePlan(List.of("yolov8n@160x4", "yolov8n@320x4", "yolov8n@640x4~2000"));
    assertEquals("[yolov8n@160x4, yolov8n@320x4, yolov8n@640x4~2000]", plan.toString());
    ProjectionPoint at = plan.get(1).point();
    assertTrue(plan.get(0).affordable(null, null), "a point without a cap always runs");
    assertTrue(plan.get(2).affordable(500.0, at), "500 ms at 320 px: about 2000 ms at 640 px");
    assertFalse(plan.get(2).affordable(501.0, at));
    assertFalse(plan.get(2).affordable(null, at), "nothing timed before it: not run");
    assertThrows(IllegalArgumentException.class, () -> ProjectionPoint.parsePlan(List.of("yolov8n@640x4~0")));
    assertThrows(IllegalArgumentException.class, () -> ProjectionPoint.parsePlan(List.of("yolov8n@640x4~fast")));
  }

  /**
   * A named job's step as the verdict's bursts time it (issue #29, item 6): its network at 64 px × 2 on a
   * CPU (a burst of three steps stays short at one thread), half its size at its batch on a GPU; none for
   * doctor's example job or a network envdoctor does not build, whose verdict keeps the cnn.
   */
  @Test
  void aNamedJobBurstsItsOwnNetworkAtASmallPointPerDeviceKind() {
    var named = Workloads.of("yolov8m", "yolov8m", 1, 1000L, 640, 16, null);
    assertEquals("yolov8m@64x2", ProjectionPlan.burstPoint(named, "cpu").toString());
    assertEquals("yolov8m@320x16", ProjectionPlan.burstPoint(named, "cuda:0").toString());
    assertEquals("yolov8m@320x16", ProjectionPlan.burstPoint(named, "mps").toString());
    var tiny = Workloads.of("yolov8n", "yolov8n", 1, 100L, 32, 1, null);
    assertEquals("yolov8n@32x1", ProjectionPlan.burstPoint(tiny, "cpu").toString(), "never past the job's own size and batch");
    assertTrue(ProjectionPlan.burstsJob(named));
    assertEquals(null, ProjectionPlan.burstPoint(Workloads.DEFAULT, "cpu"), "doctor's example job keeps the cnn");
    assertFalse(ProjectionPlan.burstsJob(Workloads.DEFAULT));
    assertFalse(ProjectionPlan.burstsJob(Workloads.of("resnet50", "resnet50", 1, 1000L, 224, 32, 4.1)), "a network envdoctor does not build");
    assertFalse(ProjectionPlan.burstsJob(null));
  }

  @Test
  void aJobStepIsTheVerdictsWorkloadNotAProjectionPoint() {
    assertTrue(ProjectionPlan.isJobStep("yolov8n@64x2"));
    assertFalse(ProjectionPlan.isJobStep("yolov8n"));
    assertFalse(ProjectionPlan.isJobStep("cnn"));
    assertFalse(ProjectionPlan.isJobStep(null));
  }
}
