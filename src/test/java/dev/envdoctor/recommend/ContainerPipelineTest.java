package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.JobTimingBuilder;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.RecommendationProjectionBuilder;
import dev.envdoctor.model.TrainerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A container row on native's × the paired ratio takes the container's own input pipeline where its
 * Python timed one (issue #29): on constructed rows and timings (made-up figures), since no recorded
 * report has a container Python beside a named job.
 */
class ContainerPipelineTest {

  private static final Workload JOB = Workloads.of("job", "yolov8n", 1, 1000L, 320, 8, null);

  private static final TrainerSettings ULTRALYTICS_CPU = TrainerSettings.of("ultralytics", "yolov8n", "cpu", null, 0, 2, 1, 8,
      TrainerSettings.Overrides.NONE);

  private static JobTiming data(String runtime, double secondsPerImage, String library) {
    return JobTimingBuilder.builder().runtime(runtime).backend(Backend.PYTHON).device("cpu")
        .data(new JobTiming.Data(secondsPerImage, 8, library, "1280x720", 320, List.of())).build();
  }

  /** Native's parts: its own pipeline 0.065 s per image, serial, a validation forward at 3/4 of a step. */
  private static final JobTiming NATIVE = JobTimingBuilder.builder(data("native", 0.065, "PIL 9.4")).settings(ULTRALYTICS_CPU)
      .validation(new JobTiming.Validation(160, 16, "fp32", 3000.0, 8, 4000.0)).build();

  /** Native's row: a 4000 ms step and {@link #NATIVE}'s parts. */
  private static Projection nativeRow() {
    var parts = JobStep.compose(4000, JOB, NATIVE);
    return RecommendationProjectionBuilder.builder().runtime("native").backend(Backend.PYTHON).device("cpu")
        .hours(JobStep.hours(JOB, parts)).hoursLow(1.0).hoursHigh(2.0).method(Projection.CALIBRATED).basis("native")
        .settings(ULTRALYTICS_CPU).parts(parts).build();
  }

  private static Projection paired(Projection base, double ratio) {
    return RecommendationProjectionBuilder.builder().runtime("docker").backend(Backend.PYTHON).device("cpu")
        .hours(base.hours() * ratio).hoursLow(base.hoursLow() * ratio).hoursHigh(base.hoursHigh() * ratio)
        .method(Projection.PAIRED).pairedRatio(ratio).basis("native python's projection × " + ratio).build();
  }

  @Test
  void theContainersOwnPipelineReplacesNativesScaledOne() {
    Projection base = nativeRow();
    Projection row = ScaledRows.withOwnPipeline(paired(base, 1.05), base, JOB, data("docker", 0.120, "OpenCV 4.8"), NATIVE);
    double step = 4000 * 1.05;
    double data = 0.120 * 1000 * 8;
    assertEquals(step, row.parts().stepMs(), 1e-9);
    assertEquals(data, row.parts().dataMs(), 1e-9);
    assertEquals(step + data, row.parts().jobStepMs(), 1e-9);
    assertEquals("serial", row.parts().bound());
    assertEquals(base.parts().validationSeconds() * 1.05, row.parts().validationSeconds(), 1e-9);
    double hours = (Math.ceil(1000 / 8.0) * (step + data) / 1000 + base.parts().validationSeconds() * 1.05) / 3600;
    assertEquals(hours, row.hours(), 1e-12);
    assertEquals(row.hoursHigh() / row.hoursLow(), base.hoursHigh() / base.hoursLow(), 1e-9);
    assertEquals(ULTRALYTICS_CPU, row.settings());
    assertTrue(row.basis().contains("its own input pipeline (OpenCV 4.8, 120 ms per image in this image's Python)"), row.basis());
    // a slower pipeline in the image costs more than native's scaled by the step's ratio
    assertTrue(row.hours() > base.hours() * 1.05);
  }

  /**
   * A container's Python outside the turns: its row is native's × its own step over native's (timed apart),
   * and its own pipeline goes in at the trainer's settings as that container sees its CPUs (here 4 CPUs:
   * Ultralytics' 3 threads), not native's.
   */
  @Test
  void aContainerTimedApartTakesItsOwnSettingsWithItsPipeline() {
    Projection base = RecommendationProjectionBuilder.builder(nativeRow()).secondsPerImage(0.5).build();
    Projection apart = RecommendationProjectionBuilder.builder().runtime("docker").backend(Backend.PYTHON).device("cpu")
        .hours(base.hours() * 1.3).hoursLow(base.hoursLow() * 1.3).hoursHigh(base.hoursHigh() * 1.3)
        .method(Projection.CALIBRATED_SCALED).secondsPerImage(0.5 * 1.3).basis("timed apart").build();
    TrainerSettings four = TrainerSettings.of("ultralytics", "yolov8n", "cpu", null, 0, 4, 1, 8, TrainerSettings.Overrides.NONE);
    JobTiming own = JobTimingBuilder.builder(data("docker", 0.120, "PIL 9.4")).settings(four).build();
    Projection row = ScaledRows.withOwnPipeline(apart, base, JOB, own, NATIVE);
    assertEquals(4000 * 1.3, row.parts().stepMs(), 1e-9);
    assertEquals(0.120 * 1000 * 8, row.parts().dataMs(), 1e-9);
    assertEquals(four, row.settings(), "the container's own settings");
    assertEquals(3, row.settings().threads());
    assertEquals(Projection.CALIBRATED_SCALED, row.method());
  }

  @Test
  void aContainerWithoutItsOwnPipelineOrANativeRowWithoutPartsKeepsTheScaledRow() {
    Projection base = nativeRow();
    Projection row = paired(base, 1.05);
    assertSame(row, ScaledRows.withOwnPipeline(row, base, JOB, null, NATIVE));
    JobTiming djl = JobTimingBuilder.builder().runtime("docker").backend(Backend.DJL).device("cpu").build();
    assertSame(row, ScaledRows.withOwnPipeline(row, base, JOB, djl, NATIVE));
    Projection bare = RecommendationProjectionBuilder.builder(base).parts(null).build();
    assertSame(row, ScaledRows.withOwnPipeline(row, bare, JOB, data("docker", 0.12, "PIL"), NATIVE));
  }
}
