package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.ProjectionPlan;
import org.junit.jupiter.api.Test;

/** Which jobs every backend times itself (ProjectionPlan.everyBackend). */
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
}
