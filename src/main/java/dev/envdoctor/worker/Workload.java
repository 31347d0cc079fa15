package dev.envdoctor.worker;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/** A small network that stands for a training job (docs/calibration.md is its spec, shared with Python). */
public interface Workload {

  String name();

  int defaultBatch();

  /** A fresh, uninitialised network. */
  Block block();

  /** The input of one batch: [batch, 784] or [batch, 3, imgsz, imgsz]. */
  Shape inputShape(int batch, int imgsz);

  /** Multiply-accumulates of one sample's forward pass through the convolutions and linear layers. */
  long macsPerSample(int imgsz);

  /** Whether the image size matters (for the report's imgsz field). */
  boolean usesImages();
}
