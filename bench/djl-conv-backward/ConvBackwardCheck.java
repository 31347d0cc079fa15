import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Random;

/**
 * Two 3x3 convolutions with tanh between them, backward, on the CPU: the first convolution's weight
 * gradient needs the second one's gradient with respect to its input. Prints the largest difference
 * between the float32 and the float64 result for several runs (rounding alone gives ~1e-9).
 */
public class ConvBackwardCheck {

  static float[] uniform(Random r, int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
    return v;
  }

  static double[] grad(DataType type) {
    Random r = new Random(42);
    float[] xv = uniform(r, 2 * 3 * 8 * 8, 1);
    float[] av = uniform(r, 4 * 27, 0.2);
    float[] bv = uniform(r, 4 * 36, 0.17);
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      NDArray x = m.create(xv, new Shape(2, 3, 8, 8)).toType(type, true);
      NDArray a = m.create(av, new Shape(4, 3, 3, 3)).toType(type, true);
      NDArray b = m.create(bv, new Shape(4, 4, 3, 3)).toType(type, true);
      a.setRequiresGradient(true);
      b.setRequiresGradient(true);
      Shape one = new Shape(1, 1);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray h = Conv2d.conv2d(x, a, null, one, one, one, 1).singletonOrThrow().tanh();
        NDArray o = Conv2d.conv2d(h, b, null, one, one, one, 1).singletonOrThrow();
        gc.backward(o.square().mean());
      }
      return a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", "true");
    for (int run = 0; run < 5; run++) {
      double[] ref = grad(DataType.FLOAT64);
      double[] f32 = grad(DataType.FLOAT32);
      double max = 0;
      for (int i = 0; i < ref.length; i++) {
        max = Math.max(max, Math.abs(ref[i] - f32[i]));
        if (Double.isNaN(f32[i])) {
          max = Double.NaN;
          break;
        }
      }
      System.out.printf("run %d: max |float32 - float64| of the first conv's weight gradient = %.3g%n", run, max);
    }
  }
}
