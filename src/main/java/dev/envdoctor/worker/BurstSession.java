package dev.envdoctor.worker;

import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.protocol.SideSettings;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * The verdict's workload kept ready between bursts (docs/calibration.md, "Interleaved bursts"):
 * one model and trainer, the same input, timed in short bursts while the other sides wait. The
 * workload is mlp or cnn, or for a job the user named its own network at a point (issue #29).
 */
final class BurstSession implements AutoCloseable {

  private final Model model;
  private final Trainer trainer;
  private final DoubleSupplier step;

  private BurstSession(Model model, Trainer trainer, DoubleSupplier step) {
    this.model = model;
    this.trainer = trainer;
    this.step = step;
  }

  /** mlp or cnn on {@code device}. */
  static BurstSession of(Workload w, Device device, SideSettings req) {
    int batch = req.batch() != null ? req.batch() : w.defaultBatch();
    Model model = Model.newInstance(w.name(), device);
    try {
      model.setBlock(w.block());
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
          .optDevices(new Device[] {device});
      Trainer trainer = model.newTrainer(config);
      var shape = w.inputShape(batch, req.imgsz());
      trainer.initialize(shape);
      NDManager m = trainer.getManager();
      Random r = new Random(Workloads.SEED);
      float[] v = new float[(int) shape.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextFloat() * 2 - 1;
      }
      float[] labels = new float[batch];
      for (int i = 0; i < batch; i++) {
        labels[i] = r.nextInt(10);
      }
      NDArray x = m.create(v, shape).toType(DataType.FLOAT32, true);
      NDArray y = m.create(labels).toType(DataType.INT64, false);
      return new BurstSession(model, trainer, () -> Calibrator.step(trainer, x, y));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The job's network at point {@code p} on {@code device}: the step YoloCalibrator times, in float32. */
  static BurstSession of(ProjectionPoint p, Device device) {
    Model model = Model.newInstance(p.model(), device);
    try {
      model.setBlock(new YoloNet(p.model()));
      Trainer trainer = model.newTrainer(YoloCalibrator.config(device));
      Shape shape = new Shape(p.batch(), 3, p.imgsz(), p.imgsz());
      trainer.initialize(shape);
      NDManager m = trainer.getManager();
      Random r = new Random(Workloads.SEED);
      float[] pixels = new float[(int) shape.size()];
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = r.nextFloat();
      }
      NDArray x = m.create(pixels, shape);
      NDList truth = YoloLoss.targets(m, r, p.batch(), p.imgsz());
      YoloLoss loss = new YoloLoss(m, p.imgsz());
      int[] skipped = new int[1];
      return new BurstSession(model, trainer, () -> YoloCalibrator.step(trainer, loss, x, truth, skipped));
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** A few untimed steps: the new model's first steps allocate. */
  void warmup() {
    List<Double> warm = new ArrayList<>();
    while (warm.size() < Calibrator.MIN_WARMUP || (warm.size() < Calibrator.MAX_WARMUP / 2 && !Calibrator.settled(warm))) {
      warm.add(step.getAsDouble());
    }
  }

  /** Timed steps for {@code seconds}, at least {@code min}, at most {@code max}. */
  List<Double> burst(double seconds, int min, int max) {
    List<Double> times = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (times.size() < max && (times.size() < min || System.nanoTime() < end)) {
      times.add(step.getAsDouble());
    }
    return times;
  }

  @Override
  public void close() {
    trainer.close();
    model.close();
  }
}
