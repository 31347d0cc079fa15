package dev.envdoctor.worker;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;

/** Shapes through the graph; with a manager each unit is initialised on the way, and conv MACs counted. */
final class ShapeFlow implements YoloNet.Flow<Shape> {
  private final NDManager manager;
  private final DataType type;
  long macs;
  long params;

  ShapeFlow(NDManager manager, DataType type) {
    this.manager = manager;
    this.type = type;
  }

  @Override public Shape unit(Block b, Shape x) {
    if (manager != null && !b.isInitialized()) {
      b.initialize(manager, type, x);
    }
    Shape out = b.getOutputShapes(new Shape[] {x})[0];
    if (b.isInitialized()) {
      count(b, x);
    }
    return out;
  }

  private void count(Block b, Shape in) {
    List<Block> convs = b instanceof Conv2d ? List.of(b) : b.getChildren().values().stream()
        .filter(c -> c instanceof Conv2d || c instanceof SequentialBlock).toList();
    Shape s = in;
    for (Block c : convs) {
      if (c instanceof Conv2d) {
        Shape w = c.getParameters().get("weight").getArray().getShape();
        Shape out = c.getOutputShapes(new Shape[] {s})[0];
        macs += out.get(1) * out.get(2) * out.get(3) * w.get(1) * w.get(2) * w.get(3);
        params += w.size() + w.get(0); // a folded batch-norm (or the conv's own bias) leaves one bias per channel
        s = out;
      } else {
        Shape before = s;
        s = c.getOutputShapes(new Shape[] {s})[0];
        count(c, before);
      }
    }
  }

  @Override public Shape cat(List<Shape> xs) {
    long c = xs.stream().mapToLong(x -> x.get(1)).sum();
    Shape a = xs.get(0);
    return new Shape(a.get(0), c, a.get(2), a.get(3));
  }

  @Override public List<Shape> chunk2(Shape x) {
    Shape half = new Shape(x.get(0), x.get(1) / 2, x.get(2), x.get(3));
    return List.of(half, half);
  }

  @Override public Shape add(Shape a, Shape b) {
    return a;
  }

  @Override public Shape up(Shape x) {
    return new Shape(x.get(0), x.get(1), x.get(2) * 2, x.get(3) * 2);
  }

  @Override public Shape pool(Shape x) {
    return x;
  }
}
