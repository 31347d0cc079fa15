package dev.envdoctor.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

/**
 * The guard of the YOLO step ({@link YoloCalibrator#clip}) on the real PyTorch engine: a finite
 * gradient is clipped to a total norm of 10, as Ultralytics' trainer clips it; a NaN gradient is
 * zeroed and the update skipped. The NaN case is the one the development VM's CPU produces now and
 * then in the YOLOv8 backward; here it is planted through the input, so that it happens every time.
 */
class YoloStepGuardTest {

  @Test
  void aLargeGradientIsClippedToTheTrainersNorm() {
    try (Model model = linear(); Trainer t = model.newTrainer(config())) {
      t.initialize(new Shape(2, 8));
      backward(t, t.getManager().ones(new Shape(2, 8)).mul(1e4f));
      assertTrue(norm(t) > 100, "the planted gradient is large: " + norm(t));
      try (NDManager scratch = t.getManager().newSubManager()) {
        assertTrue(YoloCalibrator.clip(t, scratch));
      }
      assertEquals(YoloCalibrator.MAX_GRAD_NORM, norm(t), 1e-3);
    }
  }

  @Test
  void aNanGradientIsZeroedAndTheUpdateSkipped() {
    try (Model model = linear(); Trainer t = model.newTrainer(config())) {
      t.initialize(new Shape(2, 8));
      NDArray x = t.getManager().ones(new Shape(2, 8));
      x.set(new ai.djl.ndarray.index.NDIndex("0, 0"), Float.NaN);
      backward(t, x);
      assertTrue(Double.isNaN(norm(t)), "the planted gradient is NaN");
      try (NDManager scratch = t.getManager().newSubManager()) {
        assertFalse(YoloCalibrator.clip(t, scratch));
      }
      assertEquals(0.0, norm(t), 0.0, "zeroed by assignment (DJL's own zeroing subtracts, which keeps a NaN)");
      // the next step's gradient is sound again: nothing of the NaN stayed behind
      backward(t, t.getManager().ones(new Shape(2, 8)));
      assertTrue(Double.isFinite(norm(t)) && norm(t) > 0, "a sound gradient after the skipped one: " + norm(t));
    }
  }

  private static Model linear() {
    Model m = Model.newInstance("guard", Device.cpu());
    m.setBlock(Linear.builder().setUnits(4).build());
    return m;
  }

  private static DefaultTrainingConfig config() {
    return new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.001f)).build());
  }

  private static void backward(Trainer t, NDArray x) {
    try (GradientCollector gc = t.newGradientCollector()) {
      gc.backward(t.forward(new NDList(x)).singletonOrThrow().sum());
    }
  }

  private static double norm(Trainer t) {
    double s = 0;
    for (var p : t.getModel().getBlock().getParameters().values()) {
      NDArray w = p.getArray();
      if (w.hasGradient()) {
        try (NDArray g = w.getGradient()) {
          s += g.square().sum().getFloat();
        }
      }
    }
    return Math.sqrt(s);
  }
}
