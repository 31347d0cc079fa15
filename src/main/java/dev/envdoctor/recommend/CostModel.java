package dev.envdoctor.recommend;

import dev.envdoctor.model.Calibration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How one device's training step of a network grows with the work: {@code t = a + b · imgsz² ·
 * batch}, fitted through the network's two projection calibrations (the smallest and the largest
 * pixels × batch). a is what a step costs whatever its size (kernel launches, the optimizer, the
 * loss's small ops), b the cost of a pixel. A fit whose slope comes out non-positive (noise, or a
 * single point) falls back to a line through the origin and the larger point, which leans long.
 *
 * @param small the calibration at fewer pixels × batch (null for a one-point model)
 * @param large the calibration at more pixels × batch
 */
public record CostModel(String model, Calibration small, Calibration large, double interceptMs, double msPerPixel) {

  /** The fit through a device's calibrations of one model, or null when none has a time. */
  public static CostModel fit(String model, List<Calibration> points) {
    List<Calibration> timed = points.stream()
        .filter(c -> c.medianMs() != null && c.medianMs() > 0 && c.imgsz() != null && c.batch() != null && c.diagnosis() == null)
        .sorted(Comparator.comparingLong(CostModel::pixels)).toList();
    if (timed.isEmpty()) {
      return null;
    }
    Calibration large = timed.get(timed.size() - 1);
    Calibration small = timed.get(0);
    if (small == large || pixels(small) == pixels(large)) {
      return new CostModel(model, null, large, 0, large.medianMs() / pixels(large));
    }
    double b = (large.medianMs() - small.medianMs()) / (pixels(large) - pixels(small));
    if (b <= 0) {
      return new CostModel(model, small, large, 0, large.medianMs() / pixels(large));
    }
    return new CostModel(model, small, large, small.medianMs() - b * pixels(small), b);
  }

  /** This device's calibrations of the model, from all of a report's. */
  public static List<Calibration> pointsOf(List<Calibration> all, String model, String runtime, String backend,
      String device) {
    return all.stream().filter(c -> Objects.equals(c.workload(), model) && Objects.equals(c.runtime(), runtime)
        && Objects.equals(c.backend(), backend) && Objects.equals(c.device(), device)).toList();
  }

  static long pixels(Calibration c) {
    return (long) c.imgsz() * c.imgsz() * c.batch();
  }

  /** Milliseconds of one step at imgsz and batch. */
  public double stepMs(int imgsz, int batch) {
    return interceptMs + msPerPixel * imgsz * (double) imgsz * batch;
  }

  /** The larger point's p10 and p90 over its median: the spread a projection carries. */
  public double[] spread() {
    double m = large.medianMs();
    return new double[] {large.p10Ms() != null ? large.p10Ms() / m : 1, large.p90Ms() != null ? large.p90Ms() / m : 1};
  }

  /** "yolov8m at 160 px × 2 (157 ms) and 256 px × 2 (305 ms): t = 62 ms + 1.85 ms per 1000 px" */
  public String describe() {
    String at = small == null ? point(large) : point(small) + " and " + point(large);
    String fit = small == null || interceptMs == 0
        ? "t = " + Format.number(msPerPixel * 1000, 3) + " ms per 1000 px × batch (through the origin"
            + (small == null ? ", one point)" : ": the two points gave no positive slope)")
        : "t = " + Format.number(interceptMs, 0) + " ms + " + Format.number(msPerPixel * 1000, 3) + " ms per 1000 px × batch";
    return model + " at " + at + ": " + fit;
  }

  private static String point(Calibration c) {
    return c.imgsz() + " px × " + c.batch() + " (" + Format.number(c.medianMs(), 0) + " ms)";
  }
}
