package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.Models;
import dev.envdoctor.model.RecommendationWorkloadBuilder;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.model.Recommendation.Workload;
import java.util.Comparator;
import java.util.Locale;

/**
 * The training job a projection is made for: from the options, from the {@code workload:} section
 * of a profile, or the case that motivated this tool (YOLOv8m, 69,000 images at 640 px, 50
 * epochs, batch 16) when none is stated.
 */
public final class Workloads {

  public static final Workload DEFAULT = of("yolov8m-69k", "yolov8m", 50, 69_000L, 640, 16, null);

  static final String STATED = "stated (--gflops, or the profile's gflops)";

  private Workloads() {}

  /** Whether the workload's GFLOPs were stated rather than taken from the model table. */
  public static boolean isStated(Workload w) {
    return STATED.equals(w.gflopsSource());
  }

  /**
   * A workload for a model of the table, or any model with its forward GFLOPs at 640 px given.
   * Throws a one-line bad-input error for an unknown model without GFLOPs or a non-positive size.
   */
  public static Workload of(String name, String model, int epochs, long images, int imgsz, int batch,
      Double forwardGflops640) {
    if (epochs <= 0 || images <= 0 || imgsz <= 0 || batch <= 0) {
      throw RunFailure.badInput("workload: epochs, images, imgsz and batch must be positive (got "
          + epochs + ", " + images + ", " + imgsz + ", " + batch + ")");
    }
    Double gflops = forwardGflops640 != null ? forwardGflops640 : Models.forwardGflops(model);
    if (gflops == null || gflops <= 0) {
      throw RunFailure.badInput("workload: unknown model '" + model + "': use one of "
          + Models.names() + " or give its forward GFLOPs per image at 640 px with --gflops");
    }
    String source = forwardGflops640 != null ? STATED : Models.SOURCE;
    return RecommendationWorkloadBuilder.builder().name(name == null ? model : name).epochs(epochs).images(images)
        .imgsz(imgsz).batch(batch).model(model).forwardGflops(gflops).gflopsImgsz(Models.TABLE_IMGSZ)
        .gflopsSource(source).build();
  }

  /**
   * A job as a profile states it (name, epochs, images, imgsz, batch) with its model's cost: the
   * model is the name, or the table's model the name starts with ("yolov8m-69k"), else YOLOv8m,
   * said so in the source.
   */
  public static Workload complete(Workload w) {
    if (w.forwardGflops() != null) {
      return w.gflopsImgsz() != null ? w : RecommendationWorkloadBuilder.builder().name(w.name()).epochs(w.epochs())
          .images(w.images()).imgsz(w.imgsz()).batch(w.batch()).model(w.model() != null ? w.model() : w.name())
          .forwardGflops(w.forwardGflops()).gflopsImgsz(Models.TABLE_IMGSZ).gflopsSource(STATED).stated(w.stated())
          .build();
    }
    String model = w.model() != null ? w.model() : modelOf(w.name());
    String source = Models.SOURCE;
    if (model == null) {
      model = DEFAULT.model();
      source = "the name '" + w.name() + "' names no model of the table: assumed " + model + " ("
          + Models.SOURCE + "); state --model or --gflops";
    }
    Workload full = of(w.name(), model, w.epochs(), w.images(), w.imgsz(), w.batch(), null);
    return RecommendationWorkloadBuilder.builder().name(full.name()).epochs(full.epochs()).images(full.images())
        .imgsz(full.imgsz()).batch(full.batch()).model(full.model()).forwardGflops(full.forwardGflops())
        .gflopsImgsz(full.gflopsImgsz()).gflopsSource(source).stated(w.stated()).build();
  }

  private static String modelOf(String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return Models.names().stream().filter(n::startsWith).max(Comparator.comparingInt(String::length)).orElse(null);
  }
}
