package dev.envdoctor.recommend;

import dev.envdoctor.model.Backend;
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
  public static List<Calibration> pointsOf(List<Calibration> all, String model, String runtime, Backend backend,
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

  /**
   * What moves a whole worker process's steps between runs on a quiet 2-vCPU VM, beyond its steps'
   * own spread (log sd; docs/benchmarks.md, "Projection repeatability"): it scales both points alike,
   * so it carries to the job's step once. Two identical workers side by side differ by 2-5% for their
   * whole lives (Decision's A/A); runs minutes apart drift further.
   */
  static final double RUN_FLOOR = 0.05;

  /** What moves one point apart from the other between runs (log sd): the fit amplifies it. */
  static final double POINT_FLOOR = 0.02;

  /**
   * The projection's p10 and p90 at imgsz and batch, as factors of its figure: {@link #RUN_FLOOR},
   * and each point's own uncertainty ({@link #POINT_FLOOR}, its steps' spread over √steps) carried
   * through the fit. The job's step is w_s·t_s + w_l·t_l with w_l = (P − p_s)/(p_l − p_s), w_s = 1 −
   * w_l, so a job far past the points amplifies their noise: at 640 px × 16 from 96 and 224 px × 4,
   * w_l ≈ 40 and w_s ≈ −39 (from 96 and 160 px, 99 and −98).
   */
  public double[] spread(int imgsz, int batch) {
    double sdL = pointSd(large);
    if (small == null || interceptMs == 0) {
      return Ranges.of(Math.hypot(RUN_FLOOR, sdL));
    }
    double job = stepMs(imgsz, batch);
    double wl = ((double) imgsz * imgsz * batch - pixels(small)) / (pixels(large) - pixels(small));
    double s = (1 - wl) * small.medianMs() * pointSd(small);
    double l = wl * large.medianMs() * sdL;
    return Ranges.of(Math.hypot(RUN_FLOOR, Math.hypot(s, l) / job));
  }

  /** A point's own log sd: POINT_FLOOR and its steps' spread (from p10–p90) over √steps. */
  static double pointSd(Calibration c) {
    double steps = c.steps() == null || c.steps() < 1 ? 1 : c.steps();
    double own = c.p10Ms() == null || c.p90Ms() == null || c.p10Ms() <= 0 ? 0
        : Math.log(c.p90Ms() / c.p10Ms()) / (2 * Ranges.Z90);
    return Math.hypot(POINT_FLOOR, own / Math.sqrt(steps));
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
