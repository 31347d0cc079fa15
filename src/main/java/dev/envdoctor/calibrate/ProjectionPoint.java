package dev.envdoctor.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One point of a projection's calibration: a model envdoctor builds (a YOLOv8 scale) trained at
 * one image size and batch, written {@code yolov8n@160x2} in the sides' {@code project} command.
 * Apart from the verdict's workloads: these steps are long, so fewer of them.
 */
public record ProjectionPoint(String model, int imgsz, int batch) {

  /** Warm-up steps at least (the first pays for allocation and kernel choice). */
  public static final int MIN_WARMUP = 2;
  /** Timed steps at least: a step of a real network is long, its median of three is steady enough. */
  public static final int MIN_STEPS = 3;

  private static final Pattern FORM = Pattern.compile("(yolov8[nsmlx])@(\\d+)x(\\d+)");

  public ProjectionPoint {
    if (Models.forwardGflops(model) == null || !model.startsWith("yolov8") || imgsz < 32 || imgsz % 32 != 0 || batch < 1) {
      throw new IllegalArgumentException("projection point " + model + "@" + imgsz + "x" + batch
          + ": a yolov8 scale (n, s, m, l, x), an image size that is a multiple of 32, a batch >= 1");
    }
  }

  /** {@code yolov8n@160x2}; IllegalArgumentException otherwise. */
  public static ProjectionPoint parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("projection point '" + text + "': write MODEL@IMGSZxBATCH, e.g. yolov8n@160x2");
    }
    return new ProjectionPoint(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
  }

  /**
   * A point of the plan: always timed, or, with {@code capMs}, only where the point timed before it,
   * scaled by pixels × batch, says its step costs at most that ({@code yolov8n@640x4~2000}). The
   * scaling leans long (a step's fixed cost does not grow), so the cap holds.
   */
  public record Planned(ProjectionPoint point, Double capMs) {

    /** Whether the step timed before it ({@code before}, in ms, at {@code at}) lets it run. */
    public boolean affordable(Double beforeMs, ProjectionPoint at) {
      return capMs == null || (beforeMs != null && at != null && beforeMs * point.pixels() / at.pixels() <= capMs);
    }

    @Override
    public String toString() {
      return point + (capMs == null ? "" : "~" + Math.round(capMs));
    }
  }

  /** The cap of {@code item} (its text after the {@code ~}): a number of ms above 0. */
  private static double capMs(String text, String item) {
    try {
      double cap = Double.parseDouble(text);
      if (cap > 0) {
        return cap;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new IllegalArgumentException("projection point '" + item + "': write MODEL@IMGSZxBATCH~MS with MS > 0, e.g. yolov8n@640x4~2000");
  }

  /** A plan written as points, each with its cap after a {@code ~} ({@code yolov8n@640x4~2000}). */
  public static List<Planned> parsePlan(List<String> texts) {
    List<Planned> out = new ArrayList<>();
    for (String t : texts) {
      if (t.isBlank()) {
        continue;
      }
      String[] parts = t.trim().split("~", 2);
      out.add(new Planned(parse(parts[0]), parts.length == 2 ? capMs(parts[1], t) : null));
    }
    return out;
  }

  /** Pixels of one step: imgsz² × batch, the cost model's variable. */
  public long pixels() {
    return (long) imgsz * imgsz * batch;
  }

  /** 3 × the table's forward FLOPs at 640 px scaled by area, × batch: for the report's GFLOP/s figure. */
  public double trainFlopsPerStep() {
    return 3.0 * Models.forwardGflops(model) * 1e9 * Math.pow(imgsz / (double) Models.TABLE_IMGSZ, 2) * batch;
  }

  @Override
  public String toString() {
    return model + "@" + imgsz + "x" + batch;
  }
}
