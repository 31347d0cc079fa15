package dev.envdoctor.calibrate;

import java.util.Locale;
import java.util.Map;

/**
 * Forward cost per image of models a projection can name, at the image size their table states.
 * YOLOv8 detection: the Ultralytics model table (docs.ultralytics.com/models/yolov8, "FLOPs (B)"
 * at 640 px). A model not listed is given with --gflops.
 */
public final class Models {

  public static final int TABLE_IMGSZ = 640;
  public static final String SOURCE = "Ultralytics YOLOv8 model table, FLOPs (B) at 640 px";

  private static final Map<String, Double> FORWARD_GFLOPS_640 = Map.of(
      "yolov8n", 8.7,
      "yolov8s", 28.6,
      "yolov8m", 78.9,
      "yolov8l", 165.2,
      "yolov8x", 257.8);

  private Models() {}

  /** Forward GFLOPs per image at 640 px, or null for a model not in the table. */
  public static Double forwardGflops(String model) {
    return model == null ? null : FORWARD_GFLOPS_640.get(model.toLowerCase(Locale.ROOT));
  }

  public static java.util.Set<String> names() {
    return new java.util.TreeSet<>(FORWARD_GFLOPS_640.keySet());
  }
}
