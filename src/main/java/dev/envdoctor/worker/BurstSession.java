package dev.envdoctor.worker;

import dev.envdoctor.protocol.SideSettings;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The verdict's workload kept ready between bursts (docs/calibration.md, "Interleaved bursts"):
 * one model and trainer, the same input, timed in short bursts while the other sides wait.
 */
final class BurstSession implements AutoCloseable {

  private final Model model;
  private final Trainer trainer;
  private final NDArray x;
  private final NDArray y;

  BurstSession(Workload w, String name, Device device, SideSettings req) {
    int batch = req.batch() != null ? req.batch() : w.defaultBatch();
    model = Model.newInstance(w.name(), device);
    try {
      model.setBlock(w.block());
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
          .optDevices(new Device[] {device});
      trainer = model.newTrainer(config);
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
      x = m.create(v, shape).toType(DataType.FLOAT32, true);
      y = m.create(labels).toType(DataType.INT64, false);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** A few untimed steps: the new model's first steps allocate. */
  void warmup() {
    List<Double> warm = new ArrayList<>();
    while (warm.size() < Calibrator.MIN_WARMUP || (warm.size() < Calibrator.MAX_WARMUP / 2 && !Calibrator.settled(warm))) {
      warm.add(Calibrator.step(trainer, x, y));
    }
  }

  /** Timed steps for {@code seconds}, at least {@code min}, at most {@code max}. */
  List<Double> burst(double seconds, int min, int max) {
    List<Double> times = new ArrayList<>();
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (times.size() < max && (times.size() < min || System.nanoTime() < end)) {
      times.add(Calibrator.step(trainer, x, y));
    }
    return times;
  }

  @Override
  public void close() {
    trainer.close();
    model.close();
  }
}
