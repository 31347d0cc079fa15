package dev.envdoctor.worker;

import dev.envdoctor.model.WorkloadNames;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import dev.envdoctor.calibrate.Flops;
import java.util.List;

/** The workloads {@code mlp} and {@code cnn}, exactly as docs/calibration.md defines them. */
public final class Workloads {

  public static final int SEED = 42;
  public static final List<String> NAMES = WorkloadNames.ALL;
  /** Default image side of the cnn workload. */
  public static final int DEFAULT_IMGSZ = 64;

  private static final int[] CNN_CHANNELS = {3, 16, 32, 64, 128};
  private static final int CLASSES = 10;

  private Workloads() {}

  public static Workload of(String name) {
    return switch (name) {
      case "mlp" -> MLP;
      case "cnn" -> CNN;
      default -> throw new IllegalArgumentException("unknown workload '" + name + "': use " + String.join(", ", NAMES));
    };
  }

  /** 784→512→512→10 with ReLU. */
  static final Workload MLP = new Workload() {
    @Override public String name() {
      return "mlp";
    }

    @Override public int defaultBatch() {
      return 64;
    }

    @Override public Block block() {
      return new SequentialBlock()
          .add(Linear.builder().setUnits(512).build()).add(Activation::relu)
          .add(Linear.builder().setUnits(512).build()).add(Activation::relu)
          .add(Linear.builder().setUnits(CLASSES).build());
    }

    @Override public Shape inputShape(int batch, int imgsz) {
      return new Shape(batch, 784);
    }

    @Override public long macsPerSample(int imgsz) {
      return Flops.linearMacs(784, 512) + Flops.linearMacs(512, 512) + Flops.linearMacs(512, CLASSES);
    }

    @Override public boolean usesImages() {
      return false;
    }
  };

  /** Four conv3x3(stride 2)–batchnorm–SiLU blocks 3→16→32→64→128, global average pool, linear 128→10. */
  static final Workload CNN = new Workload() {
    @Override public String name() {
      return "cnn";
    }

    @Override public int defaultBatch() {
      return 16;
    }

    @Override public Block block() {
      SequentialBlock net = new SequentialBlock();
      for (int i = 1; i < CNN_CHANNELS.length; i++) {
        net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                .setFilters(CNN_CHANNELS[i]).optBias(false).build())
            // DJL keeps the fraction of the running statistics; its PyTorch engine passes 1 - 0.9 = torch's 0.1
            .add(BatchNorm.builder().optMomentum(0.9f).optEpsilon(1e-5f).build())
            .add(x -> Activation.swish(x, 1f)); // SiLU = swish with beta 1
      }
      return net.add(Pool.globalAvgPool2dBlock()).add(Linear.builder().setUnits(CLASSES).build());
    }

    @Override public Shape inputShape(int batch, int imgsz) {
      return new Shape(batch, 3, imgsz, imgsz);
    }

    @Override public long macsPerSample(int imgsz) {
      long macs = 0;
      int side = imgsz;
      for (int i = 1; i < CNN_CHANNELS.length; i++) {
        side = Flops.convOut(side, 3, 2, 1);
        macs += Flops.convMacs(side, CNN_CHANNELS[i - 1], CNN_CHANNELS[i], 3);
      }
      return macs + Flops.linearMacs(CNN_CHANNELS[CNN_CHANNELS.length - 1], CLASSES);
    }

    @Override public boolean usesImages() {
      return true;
    }
  };
}
