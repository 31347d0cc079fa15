package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Projects the wall time of a full training run from a calibration: the calibration's samples/s
 * scaled by its FLOPs per sample over the target's FLOPs per image, i.e. the device is assumed
 * to sustain the FLOP rate it reached on the calibration network. The range comes from the
 * calibration's p10 and p90 step times.
 */
public final class Projector {

  /** A training step costs about three forward passes: forward, and a backward of about twice that. */
  public static final double TRAIN_OVER_FORWARD = 3.0;

  /** Beyond this ratio of target to calibration work per sample, GPU figures understate the device. */
  static final double SMALL_CALIBRATION = 100;

  private Projector() {}

  /** Training FLOPs per image of the target: 3 × forward GFLOPs × (imgsz / table imgsz)². */
  public static double trainFlopsPerImage(Workload w) {
    double scale = Math.pow((double) w.imgsz() / w.gflopsImgsz(), 2);
    return TRAIN_OVER_FORWARD * w.forwardGflops() * 1e9 * scale;
  }

  /** Training FLOPs per sample of the calibration: its analytic FLOPs per step ÷ batch. */
  public static double flopsPerSample(Calibration c) {
    return c.flopsPerStep() / c.batch();
  }

  /** The projection for one calibration, or null when it has no FLOP count or batch. */
  public static Projection project(Calibration c, Workload w) {
    if (c.flopsPerStep() == null || c.batch() == null || c.batch() <= 0 || c.medianMs() == null) {
      return null;
    }
    double samplesPerSecond = c.samplesPerSecond() != null ? c.samplesPerSecond() : c.batch() * 1000.0 / c.medianMs();
    double imagesPerSecond = samplesPerSecond * flopsPerSample(c) / trainFlopsPerImage(w);
    double hours = (double) w.epochs() * w.images() / imagesPerSecond / 3600.0;
    double p10 = c.p10Ms() != null ? c.p10Ms() : quantile(c, 0.1);
    double p90 = c.p90Ms() != null ? c.p90Ms() : quantile(c, 0.9);
    return new Projection(c.runtime(), c.backend(), c.device(), hours, hours * p10 / c.medianMs(),
        hours * p90 / c.medianMs());
  }

  /** One projection per device of each side's figure backend, best side first. */
  public static List<Projection> projections(List<Side> ranked, Workload w) {
    List<Projection> out = new ArrayList<>();
    for (Side s : ranked) {
      for (Calibration c : s.figureBackendDevices()) {
        Projection p = project(c, w);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /** The arithmetic and what it leaves out, in words, with the numbers of this projection. */
  public static List<String> assumptions(Workload w, Calibration reference) {
    List<String> a = new ArrayList<>();
    double scale = Math.pow((double) w.imgsz() / w.gflopsImgsz(), 2);
    a.add("workload " + w.name() + ": " + w.model() + ", " + w.epochs() + " epochs × "
        + Format.number(w.images(), 0) + " images at " + w.imgsz() + " px, batch " + w.batch());
    a.add(w.model() + ": " + Format.number(w.forwardGflops(), 1) + " GFLOPs forward per image at "
        + w.gflopsImgsz() + " px (" + w.gflopsSource() + "), × (" + w.imgsz() + "/" + w.gflopsImgsz()
        + ")² = " + Format.number(scale, 2) + " at " + w.imgsz() + " px");
    a.add("training ≈ " + Format.number(TRAIN_OVER_FORWARD, 0) + " × forward (backward ≈ 2 × forward): "
        + Format.number(trainFlopsPerImage(w) / 1e9, 1) + " GFLOP per image");
    if (reference != null && reference.flopsPerStep() != null && reference.batch() != null) {
      double perSample = flopsPerSample(reference);
      a.add("calibration " + reference.workload() + ": " + Format.number(reference.flopsPerStep() / 1e9, 2)
          + " GFLOP per step ÷ batch " + reference.batch() + " = " + Format.number(perSample / 1e9, 3)
          + " GFLOP per sample; one target image = " + Format.number(trainFlopsPerImage(w) / perSample, 1)
          + " calibration samples");
      if (trainFlopsPerImage(w) / perSample > SMALL_CALIBRATION) {
        a.add("the calibration network is " + Format.number(trainFlopsPerImage(w) / perSample, 0)
            + "× smaller per image than the job's: a GPU runs so small a network below its throughput "
            + "(kernel launches dominate), so GPU projections lean long; `calibrate --full` or a larger --imgsz narrows it");
      }
      if (!reference.batch().equals(w.batch())) {
        a.add("batch " + w.batch() + " in the job vs " + reference.batch() + " in the calibration: larger batches "
            + "usually use a GPU better, so on a GPU the projection leans " + (w.batch() > reference.batch() ? "long" : "short"));
      }
    }
    a.add("hours = epochs × images ÷ (samples/s × calibration GFLOP per sample ÷ target GFLOP per image) ÷ 3600; "
        + "range from the calibration's p10–p90 step times");
    a.add("assumes the device sustains the calibration's FLOP rate on the target network; "
        + "data loading, augmentation, validation and checkpoints are not included");
    return a;
  }

  private static double quantile(Calibration c, double q) {
    return c.stepTimesMs().isEmpty() ? c.medianMs() : RatioEstimate.quantile(c.stepTimesMs(), q);
  }
}
