package dev.envdoctor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.Recommendation.Projection.Parts;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.RecommendationWorkloadBuilder;
import dev.envdoctor.model.TrainerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job's step from its parts (issue #29), on figures chosen so that each rule's arithmetic shows. */
class JobStepTest {

  private static final Workload JOB = RecommendationWorkloadBuilder.builder(Workloads.of("j", "yolov8n", 2, 80, 320, 8, null))
      .valImages(100L).build();

  private static TrainerSettings settings(int workers) {
    return new TrainerSettings("torch", 2, workers, "fp32", false, List.of("stated"));
  }

  private static JobTiming job(String device, int workers, Double dataSeconds, JobTiming.Validation v, JobTiming.Loop loop) {
    return new JobTiming("native", Backend.PYTHON, device, settings(workers),
        dataSeconds == null ? null : new JobTiming.Data(dataSeconds, 8, "PIL 9.4", "1280x720", 320, List.of()), v, loop,
        List.of());
  }

  @Test
  void withWorkersZeroTheTrainerLoadsItsBatchThenSteps() {
    Parts p = JobStep.compose(100, JOB, job("cpu", 0, 0.01, null, null));
    assertEquals(80, p.dataMs(), 1e-9, "0.01 s per image x batch 8");
    assertEquals(180, p.jobStepMs(), 1e-9);
    assertEquals("serial", p.bound());
    assertEquals("data loading serial with the step: 44% of each step", p.boundWords());
  }

  @Test
  void workersOnAGpuHostMakeBatchesWhileItStepsSoTheSlowerOfTheTwoCounts() {
    Parts fast = JobStep.compose(60, JOB, job("cuda:0", 8, 0.01, null, null));
    assertEquals(60, fast.jobStepMs(), 1e-9, "80 ms of images over 8 workers is 10 ms a batch");
    assertEquals("compute-bound", fast.bound());
    assertEquals("compute-bound: 8 workers make a batch in 17% of a step", fast.boundWords());
    Parts slow = JobStep.compose(60, JOB, job("cuda:0", 2, 0.1, null, null));
    assertEquals(400, slow.jobStepMs(), 1e-9, "800 ms of images over 2 workers");
    assertEquals("input-bound", slow.bound());
    assertEquals("input-bound: the GPU waits about 85% of each step for its 2 workers", slow.boundWords());
  }

  @Test
  void workersSharingTheCpusOfACpuStepAreScaledByTheLoopThatRanBothTogether() {
    // at the loop's size: the step alone 100 ms, 80 ms of images over 2 workers = 40 ms; together 150 ms
    JobTiming.Loop loop = new JobTiming.Loop(320, 8, 2, 150.0, 100.0, 5.0, 5);
    Parts p = JobStep.compose(200, JOB, job("cpu", 2, 0.01, null, loop));
    assertEquals(300, p.jobStepMs(), 1e-9, "max(200, 40) x 150/100");
    assertEquals("shared", p.bound());
    assertTrue(p.measured().contains("the step with its workers together"));
    Parts unmeasured = JobStep.compose(200, JOB, job("cpu", 2, 0.01, null, null));
    assertEquals(200, unmeasured.jobStepMs(), 1e-9);
    assertTrue(unmeasured.notMeasured().contains("the step with its workers together (their share of the CPUs)"));
  }

  @Test
  void validationIsTheStepsCostPerImageTimesTheForwardOverStepRatioOverTheValidationShare() {
    // forward 100 ms at batch 16 against a step of 150 ms at batch 8: 6.25 / 18.75 ms per image = 1/3
    JobTiming.Validation v = new JobTiming.Validation(320, 16, "fp32", 100.0, 8, 150.0);
    Parts p = JobStep.compose(160, JOB, job("cpu", 0, 0.01, v, null));
    assertEquals(100 * 0.020 / 3, p.validationSeconds(), 1e-9, "100 images x 20 ms per image x 1/3");
    assertEquals(2 * (10 * (160 + 80) / 1000.0 + 100 * 0.020 / 3) / 3600, JobStep.hours(JOB, p), 1e-12,
        "epochs x (images / batch x the job's step + validation)");
  }

  @Test
  void aSideThatTimedNoPipelineIsTheStepAloneAndSaysSo() {
    JobTiming djl = new JobTiming("native", Backend.DJL, "cpu", settings(0), null, null, null, List.of("no Python"));
    Parts p = JobStep.compose(100, JOB, djl);
    assertEquals(100, p.jobStepMs(), 1e-9);
    assertNull(p.dataMs());
    assertNull(p.validationSeconds());
    assertEquals(List.of("the input pipeline", "validation", "checkpoints"), p.notMeasured());
  }
}
