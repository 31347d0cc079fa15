package dev.envdoctor.worker;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.CalibrationBuilder;
import dev.envdoctor.protocol.SideSettings;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.envdoctor.calibrate.Flops;
import dev.envdoctor.calibrate.StepStats;
import dev.envdoctor.model.Calibration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times training steps of one workload on one device (docs/calibration.md, "Measurement"): warm-up
 * until the step time settles, then timed steps until the step or time budget is spent. Each step
 * ends by reading the loss back to the host, which waits for the device's queued work.
 */
public final class Calibrator {

  static final int MIN_WARMUP = 2;
  static final int MAX_WARMUP = 20;
  static final int SETTLE_WINDOW = 3;
  static final double SETTLE_SPREAD = 0.15;
  static final int MIN_STEPS = 5;

  private Calibrator() {}

  public static Calibration calibrate(Workload w, String name, Device device, SideSettings req) {
    int batch = req.batch() != null ? req.batch() : w.defaultBatch();
    Integer imgsz = w.usesImages() ? req.imgsz() : null;
    double flops = Flops.trainingStep(w.macsPerSample(req.imgsz()), batch);
    long t0 = System.nanoTime();
    try (Model model = Model.newInstance(w.name(), device)) {
      model.setBlock(w.block());
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
          .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config)) {
        var shape = w.inputShape(batch, req.imgsz());
        trainer.initialize(shape);
        NDManager m = trainer.getManager();
        Random r = new Random(Workloads.SEED);
        NDArray x = m.create(uniform(r, (int) shape.size()), shape).toType(DataType.FLOAT32, true);
        NDArray y = m.create(labels(r, batch)).toType(DataType.INT64, false);
        List<Double> warmup = new ArrayList<>();
        // bounded in steps and in time (the run's own budget again): a busy machine never settles
        long warmupEnd = System.nanoTime() + (long) (req.seconds() * 1e9);
        while (warmup.size() < MIN_WARMUP
            || (warmup.size() < MAX_WARMUP && !settled(warmup) && System.nanoTime() < warmupEnd)) {
          warmup.add(step(trainer, x, y));
        }
        List<Double> times = new ArrayList<>();
        long budgetEnd = System.nanoTime() + (long) (req.seconds() * 1e9);
        while (times.size() < req.steps() && (times.size() < MIN_STEPS || System.nanoTime() < budgetEnd)) {
          times.add(step(trainer, x, y));
        }
        return timed(shape(name, w.name(), batch, imgsz, flops), warmup.size(), times, threadsInUse(req), t0);
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      return failed(shape(name, w.name(), batch, imgsz, flops), req, t0, msg);
    }
  }

  /** A DJL training step's calibration as far as its shape: device, workload, batch, image size, FLOPs a step. */
  static CalibrationBuilder shape(String device, String workload, int batch, Integer imgsz, double flops) {
    return CalibrationBuilder.builder().backend(Backend.DJL).device(device).workload(workload).batch(batch).imgsz(imgsz)
        .flopsPerStep(flops);
  }

  /** The shape with its timed steps, the threads that ran them, and the wall time since {@code t0} (nanoTime). */
  static Calibration timed(CalibrationBuilder shape, int warmupSteps, List<Double> times, int threads, long t0) {
    StepStats s = StepStats.of(times);
    Calibration c = shape.build();
    return shape.warmupSteps(warmupSteps).steps(times.size()).medianMs(s.medianMs()).p10Ms(s.p10Ms())
        .p90Ms(s.p90Ms()).cv(s.cv()).samplesPerSecond(s.samplesPerSecond(c.batch()))
        .achievedGflops(s.achievedGflops(c.flopsPerStep())).threads(threads).wallMs((System.nanoTime() - t0) / 1e6)
        .stepTimesMs(times).build();
  }

  /** The shape with why its step failed: no timings. */
  static Calibration failed(CalibrationBuilder shape, SideSettings req, long t0, String message) {
    Calibration c = shape.build();
    return shape.threads(req.threads()).wallMs((System.nanoTime() - t0) / 1e6).stepTimesMs(List.of())
        .diagnosis("the " + c.workload() + " step failed on " + c.device() + ": " + message).build();
  }

  /** The intra-op threads libtorch really uses (set from --threads at engine start), as it reports them. */
  static int threadsInUse(SideSettings req) {
    try {
      return ai.djl.pytorch.jni.JniUtils.getNumThreads();
    } catch (RuntimeException | LinkageError e) {
      return req.threads();
    }
  }

  /** One training step in milliseconds, the loss read back to the host before the clock stops. */
  static double step(Trainer trainer, NDArray x, NDArray y) {
    long t = System.nanoTime();
    try (NDManager scratch = trainer.getManager().newSubManager()) {
      x.tempAttach(scratch);
      y.tempAttach(scratch);
      NDArray loss;
      try (GradientCollector gc = trainer.newGradientCollector()) {
        NDList pred = trainer.forward(new NDList(x));
        loss = trainer.getLoss().evaluate(new NDList(y), pred);
        gc.backward(loss);
      }
      trainer.step();
      float value = loss.getFloat(); // the device sync: queued after the update, so it waits for it
      if (Float.isNaN(value)) {
        throw new IllegalStateException("the loss became NaN");
      }
    }
    return (System.nanoTime() - t) / 1e6;
  }

  /** The last {@link #SETTLE_WINDOW} warm-up steps lie within {@link #SETTLE_SPREAD} of their median. */
  static boolean settled(List<Double> times) {
    if (times.size() < SETTLE_WINDOW) {
      return false;
    }
    List<Double> last = new ArrayList<>(times.subList(times.size() - SETTLE_WINDOW, times.size()));
    last.sort(Double::compare);
    double median = last.get(SETTLE_WINDOW / 2);
    return last.stream().allMatch(t -> Math.abs(t - median) <= SETTLE_SPREAD * median);
  }

  private static float[] uniform(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextFloat() * 2 - 1;
    }
    return v;
  }

  private static float[] labels(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextInt(10);
    }
    return v;
  }
}
