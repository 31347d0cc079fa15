package dev.envdoctor.worker;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * The ops a detector's training runs beyond convolutions (the detection loss of {@link YoloLoss},
 * the neck's upsampling and concatenations), each forward and backward on the device in float32
 * against the CPU in float64, from the same inputs: a device can convolve right and still train a
 * detector wrong (Ultralytics issues 2794, 5717: box and DFL losses stuck at 0 on MPS).
 */
final class DetectionOps {

  /** An op: its name, input shapes, and the output from the inputs and a fixed integer index. */
  private record Op(String name, Shape[] shapes, BiFunction<NDList, NDArray, NDArray> fn) {}

  static final List<String> NAMES = List.of("upsample-nearest", "cat-chunk", "topk", "gather", "scatter",
      "index_put", "cross-entropy-dfl", "bce-with-logits", "iou");

  private DetectionOps() {}

  private static List<Op> ops() {
    int r = YoloNet.REG_MAX;
    return List.of(
        new Op("upsample-nearest", shapes(new Shape(2, 3, 4, 4)), (x, ix) -> x.get(0).repeat(2, 2).repeat(3, 2)),
        new Op("cat-chunk", shapes(new Shape(2, 4, 3), new Shape(2, 2, 3)), (x, ix) -> {
          NDList halves = NDArrays.concat(x, 1).split(2, 1);
          return NDArrays.concat(new NDList(halves.get(1), halves.get(0)), 2);
        }),
        new Op("topk", shapes(new Shape(6, 12)), (x, ix) -> x.get(0).topK(4, 1, true, true).get(0)),
        new Op("gather", shapes(new Shape(6, 12)), (x, ix) -> x.get(0).gather(ix, 1)),
        new Op("scatter", shapes(new Shape(6, 5)), (x, ix) -> x.get(0).getManager().zeros(new Shape(6, 12), x.get(0)
            .getDataType()).scatter(ix, x.get(0), 1)),
        // rows 0, 2, 3, 5 at the distinct columns of the index's first row, as flat positions of a 6 × 12 array
        new Op("index_put", shapes(new Shape(4)), (x, ix) -> x.get(0).getManager().zeros(new Shape(72), x.get(0)
            .getDataType()).put(ix.get("0, :4").add(x.get(0).getManager().create(new long[] {0, 24, 36, 60})), x.get(0))),
        new Op("cross-entropy-dfl", shapes(new Shape(24, r)), (x, ix) -> {
          NDArray logp = x.get(0).mul(3).logSoftmax(1);
          NDArray bins = ix.flatten().get(":24").mod(r - 1);
          return logp.mul(bins.oneHot(r, DataType.FLOAT32).toType(logp.getDataType(), false)).sum(new int[] {1})
              .add(logp.mul(bins.add(1).oneHot(r, DataType.FLOAT32).toType(logp.getDataType(), false)).sum(new int[] {1}))
              .neg();
        }),
        new Op("bce-with-logits", shapes(new Shape(6, 10)), (x, ix) -> {
          NDArray z = x.get(0).mul(4);
          NDArray t = ix.get(":, :5").div(11f).toType(z.getDataType(), false).repeat(1, 2);
          return z.maximum(0f).sub(z.mul(t)).add(z.abs().neg().exp().add(1f).log());
        }),
        new Op("iou", shapes(new Shape(8, 4), new Shape(8, 4)), (x, ix) -> {
          NDArray a = NDArrays.concat(new NDList(x.get(0).get(":, :2"), x.get(0).get(":, :2").add(x.get(0).get(":, 2:").abs().add(0.5f))), 1);
          NDArray b = NDArrays.concat(new NDList(x.get(1).get(":, :2"), x.get(1).get(":, :2").add(x.get(1).get(":, 2:").abs().add(0.5f))), 1);
          return YoloLoss.iou(a.expandDims(1), b.expandDims(0));
        }));
  }

  private static Shape[] shapes(Shape... s) {
    return s;
  }

  /** Each op's largest error (output and input gradients; NaN for a non-finite result). */
  static Map<String, Double> check(Device device, String plant) {
    return errors(device, plant);
  }

  /** The ops whose error passes the tolerance (or is NaN), with their errors; empty when all agree. */
  static Map<String, Double> failures(Map<String, Double> errors) {
    Map<String, Double> bad = new LinkedHashMap<>();
    errors.forEach((k, v) -> {
      if (Double.isNaN(v) || v > Verifier.TOLERANCE) {
        bad.put(k, v);
      }
    });
    return bad;
  }

  /** The diagnosis naming the ops that diverged, or null. */
  static String diagnosis(String device, Map<String, Double> bad) {
    if (bad.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    bad.forEach((k, v) -> parts.add(k + (Double.isNaN(v) ? " (NaN)" : String.format(" (off by %.3g)", v))));
    return device + " computes a detection loss's op wrong against the CPU's float64, forward or backward: "
        + String.join(", ", parts) + String.format(" (tolerance %.0e)", Verifier.TOLERANCE);
  }

  private static Map<String, Double> errors(Device device, String plant) {
    Random rnd = new Random(Workloads.SEED);
    // distinct indices per row: a scatter with repeats keeps an unspecified one of the values on a GPU
    long[] index = new long[6 * 5];
    for (int row = 0; row < 6; row++) {
      List<Long> perm = new ArrayList<>();
      for (long i = 0; i < 12; i++) {
        perm.add(i);
      }
      java.util.Collections.shuffle(perm, rnd);
      for (int k = 0; k < 5; k++) {
        index[row * 5 + k] = perm.get(k);
      }
    }
    Map<String, Double> errors = new LinkedHashMap<>();
    for (Op op : ops()) {
      List<float[]> inputs = new ArrayList<>();
      for (Shape s : op.shapes) {
        float[] v = new float[(int) s.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = rnd.nextFloat() * 2 - 1;
        }
        inputs.add(v);
      }
      long[] wrong = index.clone();
      if (op.name.equals(plant)) { // tests: the device's run gets a shuffled index
        for (int i = 0; i < wrong.length; i++) {
          wrong[i] = index[(i * 7 + 3) % index.length];
        }
      }
      double[] ref = run(op, inputs, index, Device.cpu(), DataType.FLOAT64);
      double[] got = run(op, inputs, wrong, device, DataType.FLOAT32);
      errors.put(op.name, Verifier.maxAbsError(ref, got));
    }
    return errors;
  }

  private static double[] run(Op op, List<float[]> inputs, long[] index, Device device, DataType type) {
    try (NDManager m = NDManager.newBaseManager(device)) {
      NDList xs = new NDList();
      for (int i = 0; i < inputs.size(); i++) {
        NDArray x = m.create(inputs.get(i), op.shapes[i]).toType(type, true);
        x.setRequiresGradient(true);
        xs.add(x);
      }
      NDArray ix = m.create(index, new Shape(6, 5));
      NDArray out;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        out = op.fn.apply(xs, ix);
        NDArray weight = m.linspace(-1f, 1f, (int) out.size()).reshape(out.getShape()).toType(type, false);
        gc.backward(out.mul(weight).sum());
      }
      List<Double> values = new ArrayList<>();
      NDList all = new NDList(out);
      xs.forEach(x -> all.add(x.getGradient()));
      for (NDArray a : all) {
        for (double v : a.toDevice(Device.cpu(), false).toType(DataType.FLOAT64, false).toDoubleArray()) {
          values.add(v);
        }
      }
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
