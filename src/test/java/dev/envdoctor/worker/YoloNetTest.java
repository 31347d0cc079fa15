package dev.envdoctor.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The DJL network of each YOLOv8 scale, built and initialised by the real PyTorch engine, against
 * Ultralytics' model table (80 classes, 640 px): parameters with batch-norm folded and forward
 * GFLOPs (2 × the convolutions' multiply-adds) counted from the built network, within 2%.
 */
class YoloNetTest {

  @ParameterizedTest
  @CsvSource({"yolov8n, 3.2, 8.7", "yolov8s, 11.2, 28.6", "yolov8m, 25.9, 78.9", "yolov8l, 43.7, 165.2",
      "yolov8x, 68.2, 257.8"})
  void eachScaleMatchesTheTable(String model, double millions, double gflops) {
    try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
      YoloNet net = new YoloNet(model);
      net.initialize(m, DataType.FLOAT32, new Shape(1, 3, 64, 64));
      long[] counts = net.counts(640);
      assertEquals(millions, counts[0] / 1e6, 0.02 * millions, model + " parameters " + counts[0]);
      assertEquals(gflops, 2.0 * counts[1] / 1e9, 0.02 * gflops, model + " GFLOPs " + 2.0 * counts[1] / 1e9);
      // the built network's own parameters agree with the count: conv weights + one bias (or BN) per channel
      long direct = net.getParameters().stream().filter(p -> p.getValue().getType() == ai.djl.nn.Parameter.Type.WEIGHT)
          .mapToLong(p -> p.getValue().getArray().size()).sum();
      assertTrue(direct < counts[0] && counts[0] - direct < 0.01 * counts[0], "weights " + direct);
      if (model.equals("yolov8n")) { // the forward pass runs and gives the three levels' outputs
        NDList out = net.forward(new ParameterStore(m, false), new NDList(m.zeros(new Shape(1, 3, 64, 64))), false);
        assertEquals(new Shape(1, 144, 8, 8), out.get(0).getShape());
        assertEquals(new Shape(1, 144, 2, 2), out.get(2).getShape());
      }
    }
  }
}
