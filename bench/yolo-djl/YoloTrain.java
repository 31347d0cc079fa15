package dev.envdoctor.worker;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A real multi-step training run of envdoctor's DJL YOLOv8 network (YoloNet, YoloLoss) at a job's
 * own size, fresh synthetic images and boxes each step, through the calibration's own step
 * (YoloCalibrator.step) (bench/yolo-fidelity.sh). Prints one JSON line.
 * java -cp target/classes:target/lib/*:OUT dev.envdoctor.worker.YoloTrain MODEL IMGSZ BATCH [STEPS]
 */
public final class YoloTrain {
  public static void main(String[] a) {
    String model = a[0];
    int imgsz = Integer.parseInt(a[1]);
    int batch = Integer.parseInt(a[2]);
    int steps = a.length > 3 ? Integer.parseInt(a[3]) : 10;
    long started = System.nanoTime();
    try (Model m = Model.newInstance(model, Device.cpu())) {
      m.setBlock(new YoloNet(model));
      var cfg = new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(
          Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.001f)).optMomentum(0.937f).build());
      try (Trainer t = m.newTrainer(cfg)) {
        t.initialize(new Shape(batch, 3, imgsz, imgsz));
        NDManager nm = t.getManager();
        Random r = new Random(0);
        YoloLoss loss = new YoloLoss(nm, imgsz);
        List<Double> times = new ArrayList<>();
        int[] skipped = new int[1];
        for (int i = 0; i < steps + 3; i++) { // three warm-up steps, not timed
          try (NDManager s = nm.newSubManager()) {
            NDArray x = s.randomUniform(0f, 1f, new Shape(batch, 3, imgsz, imgsz));
            NDList truth = YoloLoss.targets(s, r, batch, imgsz);
            x.getFloat(0, 0, 0, 0);
            // the calibration's own step (YoloCalibrator.step): clipped, a non-finite update skipped
            double ms = YoloCalibrator.step(t, loss, x, truth, skipped);
            if (i >= 3) {
              times.add(ms / 1e3);
            }
          }
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(Double::compare);
        double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
            : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        System.out.printf("{\"model\":\"%s\",\"imgsz\":%d,\"batch\":%d,\"steps\":%d,\"backend\":\"djl\","
            + "\"medianSecondsPerImage\":%.5f,\"meanSecondsPerImage\":%.5f,\"wallSeconds\":%.1f,\"skippedUpdates\":%d,"
            + "\"stepSeconds\":[%s]}%n", model, imgsz, batch, steps, median / batch, mean / batch,
            (System.nanoTime() - started) / 1e9, skipped[0],
            String.join(",", times.stream().map(x -> String.format("%.4f", x)).toList()));
      }
    }
  }
}
