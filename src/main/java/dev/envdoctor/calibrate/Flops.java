package dev.envdoctor.calibrate;

/**
 * FLOPs of one training step, counted analytically from layer shapes (docs/calibration.md): a
 * multiply-accumulate is 2 FLOPs; only convolutions and linear layers count; a training step is 3×
 * the forward pass (backward computes gradients for the inputs and for the weights, each about one
 * forward).
 */
public final class Flops {

  /** Training step = forward + backward ≈ 3 × forward. */
  public static final int TRAINING_FACTOR = 3;

  private Flops() {}

  /** MACs of a linear layer, per sample. */
  public static long linearMacs(int in, int out) {
    return (long) in * out;
  }

  /** MACs of a square conv, per sample, given its output side. */
  public static long convMacs(int outSide, int cin, int cout, int kernel) {
    return (long) outSide * outSide * cout * cin * kernel * kernel;
  }

  /** Output side of a conv: floor((in + 2·pad − k) / stride) + 1. */
  public static int convOut(int in, int kernel, int stride, int pad) {
    return (in + 2 * pad - kernel) / stride + 1;
  }

  /** FLOPs of a training step from the MACs of one sample's forward pass. */
  public static double trainingStep(long macsPerSample, int batch) {
    return 2.0 * macsPerSample * batch * TRAINING_FACTOR;
  }
}
