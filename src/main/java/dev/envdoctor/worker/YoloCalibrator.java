package dev.envdoctor.worker;

import dev.envdoctor.protocol.SideSettings;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.model.Calibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times training steps of a YOLOv8 scale at one (imgsz, batch) point: the projection's calibration
 * (docs/calibration.md, "Projection"), apart from the verdict's workloads. SGD with momentum 0.937
 * (DJL's SGD has no Nesterov variant), the detection loss of {@link YoloLoss}; the warm-up and stop
 * rules of {@link Calibrator}, with the fewer steps of {@link ProjectionPoint}.
 */
public final class YoloCalibrator {

  private YoloCalibrator() {}

  /** A point's calibration, and how many of its steps (warm-up included) had their update skipped. */
  record Timed(Calibration calibration, int skipped, int steps) {}

  public static Timed calibrate(ProjectionPoint p, String name, Device device, SideSettings req) {
    double flops = p.trainFlopsPerStep();
    long t0 = System.nanoTime();
    try (Model model = Model.newInstance(p.model(), device)) {
      model.setBlock(new YoloNet(p.model()));
      try (Trainer trainer = model.newTrainer(config(device))) {
        trainer.initialize(new ai.djl.ndarray.types.Shape(p.batch(), 3, p.imgsz(), p.imgsz()));
        NDManager m = trainer.getManager();
        Random r = new Random(Workloads.SEED);
        float[] pixels = new float[p.batch() * 3 * p.imgsz() * p.imgsz()];
        for (int i = 0; i < pixels.length; i++) {
          pixels[i] = r.nextFloat();
        }
        NDArray x = m.create(pixels, new ai.djl.ndarray.types.Shape(p.batch(), 3, p.imgsz(), p.imgsz()));
        NDList truth = YoloLoss.targets(m, r, p.batch(), p.imgsz());
        YoloLoss loss = new YoloLoss(m, p.imgsz());
        List<Double> warmup = new ArrayList<>();
        int[] skipped = new int[1];
        long warmupEnd = System.nanoTime() + (long) (req.seconds() * 1e9);
        while (warmup.size() < ProjectionPoint.MIN_WARMUP
            || (warmup.size() < Calibrator.MAX_WARMUP && !Calibrator.settled(warmup) && System.nanoTime() < warmupEnd)) {
          warmup.add(step(trainer, loss, x, truth, skipped));
        }
        List<Double> times = new ArrayList<>();
        long budgetEnd = System.nanoTime() + (long) (req.seconds() * 1e9);
        while (times.size() < req.steps() && (times.size() < ProjectionPoint.MIN_STEPS || System.nanoTime() < budgetEnd)) {
          times.add(step(trainer, loss, x, truth, skipped));
        }
        Calibration c = Calibrator.timed(Calibrator.shape(name, p.model(), p.batch(), p.imgsz(), flops), warmup.size(),
            times, Calibrator.threadsInUse(req), t0);
        return new Timed(c, skipped[0], warmup.size() + times.size());
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return new Timed(Calibrator.failed(Calibrator.shape(name, p.model(), p.batch(), p.imgsz(), flops), req, t0, msg),
          0, 0);
    }
  }

  /** SGD with momentum 0.937 on {@code device}; the loss is computed by YoloLoss, the config wants one anyway. */
  static DefaultTrainingConfig config(Device device) {
    return new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.001f)).optMomentum(0.937f).build())
        .optDevices(new Device[] {device});
  }

  /** Ultralytics' trainer clips the gradients' total norm to 10 before each update; so does this step. */
  static final float MAX_GRAD_NORM = 10f;

  /**
   * One step in milliseconds, the loss read back to the host (the device sync) before the clock
   * stops: forward, the detection loss, backward, the gradients clipped to a total
   * norm of {@link #MAX_GRAD_NORM}, the update; where that norm is not finite the update is skipped and
   * counted in {@code skipped[0]}, as a gradient scaler skips one. On the development VM's CPU
   * libtorch 2.7.1's float32 backward hands back a NaN or a 1e13-1e33 gradient now and then
   * (ConvBackwardCheck warns of it at verify). Unguarded, one such update turned every later step's loss
   * NaN within 4-8 steps, and a NaN network's steps ran 15-20% slower than a sound one's, so a
   * calibration or a real run timed a broken training (docs/benchmarks.md, "YOLOv8 projection, third pass").
   */
  static double step(Trainer trainer, YoloLoss loss, NDArray x, NDList truth, int[] skipped) {
    long t = System.nanoTime();
    try (NDManager scratch = trainer.getManager().newSubManager()) {
      x.tempAttach(scratch);
      truth.forEach(a -> a.tempAttach(scratch));
      NDArray value;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        value = loss.loss(trainer.forward(new NDList(x)), truth.get(0), truth.get(1));
        gc.backward(value);
      }
      if (clip(trainer, scratch)) {
        trainer.step();
      } else {
        skipped[0]++;
      }
      value.getFloat();
    }
    return (System.nanoTime() - t) / 1e6;
  }

  /**
   * Clips the gradients to a total L2 norm of {@link #MAX_GRAD_NORM}; where the norm is not finite,
   * zeroes them instead (by assignment: DJL zeroes by subtracting a gradient from itself, which leaves a
   * NaN). The gradient handles and norms are closed with {@code scratch}.
   */
  static boolean clip(Trainer trainer, NDManager scratch) {
    List<NDArray> grads = new ArrayList<>();
    for (var p : trainer.getModel().getBlock().getParameters().values()) {
      NDArray w = p.getArray();
      if (w.hasGradient()) {
        NDArray g = w.getGradient();
        g.attach(scratch);
        grads.add(g);
      }
    }
    NDList norms = new NDList();
    for (NDArray g : grads) {
      norms.add(g.norm());
    }
    NDArray total = NDArrays.stack(norms).norm();
    total.attach(scratch);
    float norm = total.getFloat();
    if (!Float.isFinite(norm)) {
      grads.forEach(g -> g.set(new NDIndex("..."), 0f));
      return false;
    }
    if (norm > MAX_GRAD_NORM) {
      float scale = MAX_GRAD_NORM / norm;
      grads.forEach(g -> g.muli(scale));
    }
    return true;
  }
}
