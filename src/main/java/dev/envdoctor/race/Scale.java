package dev.envdoctor.race;

import dev.envdoctor.run.RunFailure;

/**
 * From the measured run to the full job: --scale F as given, or the motivating case's arithmetic,
 * (epochs × images) over (measured epochs × measured images): a 100-image epoch to 50 epochs of 69K
 * is 34,500.
 */
public final class Scale {

  private Scale() {}

  /** Null when nothing was stated; bad input (exit 2) for a half-stated or non-positive job. */
  public static Double of(Double scale, Integer epochs, Long images, Integer measuredEpochs, Long measuredImages) {
    boolean job = epochs != null || images != null || measuredEpochs != null || measuredImages != null;
    if (scale != null && job) {
      throw RunFailure.badInput("race: give --scale or --epochs/--images with --measured-epochs/--measured-images, not both");
    }
    if (scale != null) {
      if (!(scale > 0)) {
        throw RunFailure.badInput("race: --scale must be above 0 (got " + scale + ")");
      }
      return scale;
    }
    if (!job) {
      return null;
    }
    long e = epochs == null ? 1 : epochs;
    long me = measuredEpochs == null ? 1 : measuredEpochs;
    if (images == null || measuredImages == null) {
      throw RunFailure.badInput("race: --images needs --measured-images (the images the measured run trained on), and back");
    }
    if (e <= 0 || me <= 0 || images <= 0 || measuredImages <= 0) {
      throw RunFailure.badInput("race: --epochs, --images, --measured-epochs and --measured-images must be above 0");
    }
    return (double) (e * images) / (double) (me * measuredImages);
  }
}
