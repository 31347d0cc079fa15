package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.protocol.ThreadFacts;
import dev.envdoctor.sides.ThreadTrial;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadFindingTest {

  private static Calibration cnn(int threads, double ms) {
    return CalibrationBuilder.builder().backend(Backend.PYTHON).device("cpu").workload("cnn").threads(threads).medianMs(ms).build();
  }

  @Test
  void aDefaultBelowTheCpusWithAMeasuredGainIsAFindingWithItsFigures() {
    ThreadTrial trial = new ThreadTrial(new ThreadFacts(2, 2, 1, null, null), cnn(1, 21.4));
    PythonEnv.Threads t = ThreadFinding.of(trial, List.of(cnn(2, 11.2)));
    assertEquals(21.4 / 11.2, t.gain(), 1e-9);
    var f = ThreadFinding.of(t).orElseThrow();
    assertEquals("torch uses 1 thread of 2 usable CPUs here by default: the cnn training step ran 1.9× faster at 2 threads"
        + " (11.2 ms against 21.4 ms a step, measured in this run)", f.diagnosis());
    assertTrue(f.fix().startsWith("call torch.set_num_threads(2) before training, or set OMP_NUM_THREADS=2"), f.fix());
  }

  /** The trial on the detection step (both of its steps timed by the trial; the cnn calibration left alone). */
  @Test
  void theDetectionStepsTrialHoldsItsOwnTwoSteps() {
    Calibration one = CalibrationBuilder.builder().backend(Backend.PYTHON).device("cpu").workload("yolov8n").imgsz(64).batch(2)
        .threads(1).medianMs(129.3).build();
    Calibration two = CalibrationBuilder.builder(one).threads(2).medianMs(76.3).build();
    PythonEnv.Threads t = ThreadFinding.of(new ThreadTrial(new ThreadFacts(2, 2, 1, null, null), one, two), List.of(cnn(2, 1.0)));
    assertEquals(129.3 / 76.3, t.gain(), 1e-9, "not against the cnn's 1.0 ms");
    assertEquals("torch uses 1 thread of 2 usable CPUs here by default: the yolov8n (64 px × 2) training step ran 1.7× faster"
        + " at 2 threads (76.3 ms against 129.3 ms a step, measured in this run)", ThreadFinding.of(t).orElseThrow().diagnosis());
  }

  @Test
  void noFindingWithoutAMeasuredGainWorthSaying() {
    // the default is the CPUs: nothing timed at it, no gain, no finding
    PythonEnv.Threads same = ThreadFinding.of(new ThreadTrial(new ThreadFacts(2, 2, 2, null, null), null), List.of(cnn(2, 11.2)));
    assertNull(same.gain());
    assertTrue(ThreadFinding.of(same).isEmpty());
    // timed at both, but within the spread of two calibrations
    PythonEnv.Threads close = ThreadFinding.of(new ThreadTrial(new ThreadFacts(2, 2, 1, null, null), cnn(1, 11.9)), List.of(cnn(2, 11.2)));
    assertTrue(ThreadFinding.of(close).isEmpty(), "a 1.06x gain is no finding");
    // a failed step at the default: nothing measured, nothing claimed
    Calibration failed = CalibrationBuilder.builder(cnn(1, 30)).diagnosis("out of memory").build();
    assertNull(ThreadFinding.of(new ThreadTrial(new ThreadFacts(2, 2, 1, null, null), failed), List.of(cnn(2, 11.2))).gain());
    assertNull(ThreadFinding.of(null, List.of()), "not asked: nothing in the report");
  }

  @Test
  void theStepComparedIsTheOneTimedAtTheThreadsInEffect() {
    // a cnn calibration of another thread count (or backend) is not the one to compare with
    Calibration djl = CalibrationBuilder.builder(cnn(2, 5.0)).backend(Backend.DJL).build();
    PythonEnv.Threads t = ThreadFinding.of(new ThreadTrial(new ThreadFacts(2, 2, 1, null, null), cnn(1, 21.4)),
        List.of(djl, cnn(1, 21.0), cnn(2, 10.7)));
    assertEquals(10.7, t.timedMs());
    assertEquals(2.0, t.gain(), 1e-9);
  }
}
