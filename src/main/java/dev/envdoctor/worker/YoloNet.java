package dev.envdoctor.worker;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * YOLOv8 detection in DJL's blocks, as envdoctor_yolo.py builds it in torch (docs/calibration.md,
 * "yolov8"): Conv-BN-SiLU units, C2f, SPPF, the PAN-FPN neck and the decoupled head with reg_max 16
 * box bins. The graph is written once ({@link #graph}) over a {@link Flow}: run on arrays it is the
 * forward pass, run on shapes it initialises the units and counts the convolutions' work.
 */
public final class YoloNet extends AbstractBlock {

  public static final int REG_MAX = 16;
  public static final int CLASSES = 80;

  /** depth, width, max channels of each scale. */
  public record Scale(double depth, double width, int maxChannels) {
    public static Scale of(String model) {
      return switch (model) {
        case "yolov8n" -> new Scale(0.33, 0.25, 1024);
        case "yolov8s" -> new Scale(0.33, 0.50, 1024);
        case "yolov8m" -> new Scale(0.67, 0.75, 768);
        case "yolov8l" -> new Scale(1.00, 1.00, 512);
        case "yolov8x" -> new Scale(1.00, 1.25, 512);
        default -> throw new IllegalArgumentException("unknown yolov8 scale '" + model + "'");
      };
    }

    int ch(int c) {
      return (int) Math.ceil(Math.min(c, maxChannels) * width / 8) * 8;
    }

    int reps(int n) {
      return Math.max((int) Math.round(n * depth), 1);
    }
  }

  /** The graph's operations, on arrays (the forward) or on shapes (initialisation and counting). */
  interface Flow<T> {
    T unit(Block b, T x);

    T cat(List<T> xs);

    List<T> chunk2(T x);

    T add(T a, T b);

    T up(T x);

    T pool(T x);
  }

  private record C2f(Block cv1, Block cv2, List<Block[]> m, boolean shortcut) {}

  private final List<Block> backbone = new ArrayList<>();
  private final List<C2f> c2fs = new ArrayList<>();
  private final Block[] sppf = new Block[2];
  private final List<Block> heads = new ArrayList<>();
  private int units;

  public YoloNet(String model) {
    Scale s = Scale.of(model);
    int c64 = s.ch(64);
    int c128 = s.ch(128);
    int c256 = s.ch(256);
    int c512 = s.ch(512);
    int c1024 = s.ch(1024);
    backbone.add(conv(c64, 3, 2));
    backbone.add(conv(c128, 3, 2));
    backbone.add(conv(c256, 3, 2));
    backbone.add(conv(c512, 3, 2));
    backbone.add(conv(c1024, 3, 2));
    backbone.add(conv(c256, 3, 2)); // neck, P3 -> P4
    backbone.add(conv(c512, 3, 2)); // neck, P4 -> P5
    int[][] c2f = {{c128, 3, 1}, {c256, 6, 1}, {c512, 6, 1}, {c1024, 3, 1}, {c512, 3, 0}, {c256, 3, 0}, {c512, 3, 0},
        {c1024, 3, 0}};
    for (int[] c : c2f) {
      c2fs.add(c2f(c[0], s.reps(c[1]), c[2] == 1));
    }
    sppf[0] = conv(c1024 / 2, 1, 1);
    sppf[1] = conv(c1024, 1, 1);
    int c2 = Math.max(16, Math.max(c256 / 4, REG_MAX * 4));
    int c3 = Math.max(c256, Math.min(CLASSES, 100));
    for (int level = 0; level < 3; level++) {
      heads.add(add(new SequentialBlock().add(unit(c2, 3, 1)).add(unit(c2, 3, 1)).add(plain(4 * REG_MAX))));
      heads.add(add(new SequentialBlock().add(unit(c3, 3, 1)).add(unit(c3, 3, 1)).add(plain(CLASSES))));
    }
  }

  private <B extends Block> B add(B b) {
    return addChildBlock("u" + units++, b);
  }

  private Block conv(int filters, int k, int stride) {
    return add(unit(filters, k, stride));
  }

  /** Conv (no bias) - batch-norm (torch's eps 1e-3, momentum 0.03) - SiLU. */
  static Block unit(int filters, int k, int stride) {
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(k, k)).optStride(new Shape(stride, stride))
            .optPadding(new Shape(k / 2, k / 2)).setFilters(filters).optBias(false).build())
        // DJL keeps the fraction of the running statistics: 1 - 0.03
        .add(BatchNorm.builder().optMomentum(0.97f).optEpsilon(1e-3f).build())
        .add(x -> Activation.swish(x, 1f)); // SiLU = swish with beta 1
  }

  private static Block plain(int filters) {
    return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).build();
  }

  private C2f c2f(int c2, int n, boolean shortcut) {
    Block cv1 = conv(c2, 1, 1);
    List<Block[]> m = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      m.add(new Block[] {conv(c2 / 2, 3, 1), conv(c2 / 2, 3, 1)});
    }
    return new C2f(cv1, conv(c2, 1, 1), m, shortcut);
  }

  private static <T> T c2f(Flow<T> f, C2f c, T x) {
    List<T> y = new ArrayList<>(f.chunk2(f.unit(c.cv1, x)));
    for (Block[] b : c.m) {
      T last = y.get(y.size() - 1);
      T z = f.unit(b[1], f.unit(b[0], last));
      y.add(c.shortcut ? f.add(last, z) : z);
    }
    return f.unit(c.cv2, f.cat(y));
  }

  /** The network: backbone, SPPF, the top-down and bottom-up paths, one head output per level. */
  <T> List<T> graph(Flow<T> f, T x) {
    T p3 = c2f(f, c2fs.get(1), f.unit(backbone.get(2), c2f(f, c2fs.get(0), f.unit(backbone.get(1),
        f.unit(backbone.get(0), x)))));
    T p4 = c2f(f, c2fs.get(2), f.unit(backbone.get(3), p3));
    T p5 = c2f(f, c2fs.get(3), f.unit(backbone.get(4), p4));
    List<T> spp = new ArrayList<>(List.of(f.unit(sppf[0], p5)));
    for (int i = 0; i < 3; i++) {
      spp.add(f.pool(spp.get(i)));
    }
    p5 = f.unit(sppf[1], f.cat(spp));
    T n4 = c2f(f, c2fs.get(4), f.cat(List.of(f.up(p5), p4)));
    T n3 = c2f(f, c2fs.get(5), f.cat(List.of(f.up(n4), p3)));
    n4 = c2f(f, c2fs.get(6), f.cat(List.of(f.unit(backbone.get(5), n3), n4)));
    T n5 = c2f(f, c2fs.get(7), f.cat(List.of(f.unit(backbone.get(6), n4), p5)));
    List<T> levels = List.of(n3, n4, n5);
    List<T> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      out.add(f.cat(List.of(f.unit(heads.get(2 * i), levels.get(i)), f.unit(heads.get(2 * i + 1), levels.get(i)))));
    }
    return out;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Flow<NDArray> f = new Flow<>() {
      @Override public NDArray unit(Block b, NDArray x) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
      }

      @Override public NDArray cat(List<NDArray> xs) {
        return NDArrays.concat(new NDList(xs), 1);
      }

      @Override public List<NDArray> chunk2(NDArray x) {
        return x.split(2, 1);
      }

      @Override public NDArray add(NDArray a, NDArray b) {
        return a.add(b);
      }

      @Override public NDArray up(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2); // nearest-neighbour upsampling by 2
      }

      @Override public NDArray pool(NDArray x) {
        return Pool.maxPool2d(x, new Shape(5, 5), new Shape(1, 1), new Shape(2, 2), false);
      }
    };
    return new NDList(graph(f, inputs.singletonOrThrow()));
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    graph(new ShapeFlow(manager, dataType), inputShapes[0]);
    // the published bias init: box bins 1, classes log(5 / nc / (640 / stride)²), i.e. few objects per image
    for (int level = 0; level < 3; level++) {
      heads.get(2 * level).getChildren().get(2).getValue().getParameters().get("bias").getArray().set(
          new NDIndex(":"), 1f);
      double cls = Math.log(5.0 / CLASSES / Math.pow(640.0 / YoloLoss.STRIDES[level], 2));
      heads.get(2 * level + 1).getChildren().get(2).getValue().getParameters().get("bias").getArray().set(
          new NDIndex(":"), (float) cls);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return graph(new ShapeFlow(null, null), inputShapes[0]).toArray(new Shape[0]);
  }

  /** Parameters with batch-norm folded, and forward multiply-adds per image at imgsz, of this built network. */
  public long[] counts(int imgsz) {
    ShapeFlow f = new ShapeFlow(null, null);
    graph(f, new Shape(1, 3, imgsz, imgsz));
    return new long[] {f.params, f.macs};
  }
}
