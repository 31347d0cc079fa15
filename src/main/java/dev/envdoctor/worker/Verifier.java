package dev.envdoctor.worker;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.DeviceResultBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Proves a device computes: a small conv + linear network, forward and backward, and a matrix
 * product, run on the device in float32 and on the CPU in float64 from the same float32 weights and
 * inputs. The device is verified when every output, the loss and every gradient agree within
 * {@link #TOLERANCE}; NaN anywhere fails. (The CPU in float64, not float32, is the reference so that
 * the CPU's own figure is a real rounding error rather than a trivial zero.)
 */
public final class Verifier {

  /**
   * Largest absolute difference accepted, on values of order 1. A device that does not work gives
   * errors of order 1, NaN or a crash; 1e-2 leaves room for the TF32 convolutions cuDNN uses by
   * default on Ampere and newer (~1e-3), while float32 on a CPU lands near 1e-7.
   */
  public static final double TOLERANCE = 1e-2;

  private static final long SEED = 42;

  private Verifier() {}

  public static DeviceResult verify(String name, Device device) {
    Inputs in = Inputs.random(new Random(SEED));
    try {
      double[] reference = run(in, Device.cpu(), DataType.FLOAT64);
      double[] onDevice = run(in, device, DataType.FLOAT32);
      double err = maxAbsError(reference, onDevice);
      boolean ok = !Double.isNaN(err) && err <= TOLERANCE;
      if (ok) { // the detection loss's ops (DetectionOps): a device can convolve right and train a detector wrong
        Map<String, Double> ops = DetectionOps.check(device, null);
        String wrong = DetectionOps.diagnosis(name, DetectionOps.failures(ops));
        err = Math.max(err, ops.values().stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).max().orElse(0));
        if (wrong != null) {
          return result(name).verified(false).maxAbsError(err).diagnosis(wrong)
              .fix("do not train a detector on " + name + ": update its driver/runtime, or use the CPU").build();
        }
      }
      if (ok && name.equals("cpu")) {
        var warning = ConvBackwardCheck.onCpu();
        if (warning != null) {
          return result(name).verified(true).maxAbsError(err).diagnosis(warning.line()).fix(warning.fix()).build();
        }
      }
      return result(name).verified(ok).maxAbsError(Double.isNaN(err) ? null : err)
          .diagnosis(ok ? null : Double.isNaN(err) ? "the device returned NaN where the CPU computed numbers"
              : String.format("the device's results differ from the CPU's by %.3g (tolerance %.0e)", err, TOLERANCE))
          .fix(ok ? null : "do not train on " + name + ": update its driver/runtime, or use the CPU").build();
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
      var d = DeviceErrors.explain(name, msg);
      return result(name).verified(false).diagnosis(d.line()).fix(d.fix()).build();
    }
  }

  /** A DJL verification of {@code device} against the CPU, at this class's tolerance, before its outcome. */
  private static DeviceResultBuilder result(String device) {
    return DeviceResultBuilder.builder().backend(Backend.DJL).device(device).tolerance(TOLERANCE).stderrTail(List.of());
  }

  /** Every figure of one run, in a fixed order: outputs, loss, gradients, matrix product. */
  static double[] run(Inputs in, Device device, DataType type) {
    try (NDManager m = NDManager.newBaseManager(device)) {
      NDArray x = put(m, in.x, new Shape(2, 3, 8, 8), type);
      NDArray convW = put(m, in.convW, new Shape(4, 3, 3, 3), type);
      NDArray convB = put(m, in.convB, new Shape(4), type);
      NDArray linW = put(m, in.linW, new Shape(5, 256), type);
      NDArray linB = put(m, in.linB, new Shape(5), type);
      NDArray target = put(m, in.target, new Shape(2, 5), type);
      // the input's own gradient is left out: DJL 0.36 on this CPU returned it wrong or NaN in about
      // half of the float32 runs (weights' gradients always right); no training step needs it
      for (NDArray p : List.of(convW, convB, linW, linB)) {
        p.setRequiresGradient(true);
      }
      NDArray out;
      NDArray loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray h = Conv2d.conv2d(x, convW, convB, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
            .singletonOrThrow().tanh().reshape(2, 256);
        out = Linear.linear(h, linW, linB).singletonOrThrow();
        loss = out.sub(target).square().mean();
        gc.backward(loss);
      }
      NDArray a = put(m, in.a, new Shape(64, 128), type);
      NDArray b = put(m, in.b, new Shape(128, 32), type);
      NDList all = new NDList(out, loss.reshape(1), convW.getGradient(), convB.getGradient(),
          linW.getGradient(), linB.getGradient(), a.matMul(b));
      List<Double> values = new ArrayList<>();
      for (NDArray r : all) {
        for (double v : r.toDevice(Device.cpu(), false).toType(DataType.FLOAT64, false).toDoubleArray()) {
          values.add(v);
        }
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }

  private static NDArray put(NDManager m, float[] values, Shape shape, DataType type) {
    // a copy libtorch owns: an array made straight from a Java buffer gave an intermittently wrong
    // input gradient here (DJL 0.36 / libtorch 2.7.1 on CPU)
    return m.create(values, shape).toType(type, true);
  }

  /** The largest |a-b|; NaN when either holds a NaN or they differ in length. */
  static double maxAbsError(double[] a, double[] b) {
    if (a.length != b.length) {
      return Double.NaN;
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (Double.isNaN(d)) {
        return Double.NaN;
      }
      max = Math.max(max, d);
    }
    return max;
  }

  /** The weights and inputs, drawn once in float32 and shared by both runs; scaled to keep values near 1. */
  record Inputs(float[] x, float[] convW, float[] convB, float[] linW, float[] linB, float[] target, float[] a, float[] b) {
    static Inputs random(Random r) {
      return new Inputs(uniform(r, 2 * 3 * 8 * 8, 1), uniform(r, 4 * 27, 1 / Math.sqrt(27)), uniform(r, 4, 0.1),
          uniform(r, 5 * 256, 1 / Math.sqrt(256)), uniform(r, 5, 0.1), uniform(r, 10, 1),
          uniform(r, 64 * 128, 1), uniform(r, 128 * 32, 1 / Math.sqrt(128)));
    }

    private static float[] uniform(Random r, int n, double scale) {
      float[] v = new float[n];
      for (int i = 0; i < n; i++) {
        v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
      }
      return v;
    }
  }
}
