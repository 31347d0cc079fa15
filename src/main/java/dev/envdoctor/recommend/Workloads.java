package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.Models;
import dev.envdoctor.model.RecommendationWorkloadBuilder;
import dev.envdoctor.run.RunFailure;
import dev.envdoctor.model.Recommendation.Workload;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import dev.envdoctor.calibrate.DataFolder;
import dev.envdoctor.model.TrainerSettings;

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
      return w.gflopsImgsz() != null ? w : RecommendationWorkloadBuilder.builder(w).model(w.model() != null ? w.model() : w.name())
          .gflopsImgsz(Models.TABLE_IMGSZ).gflopsSource(STATED).build();
    }
    String model = w.model() != null ? w.model() : modelOf(w.name());
    String source = Models.SOURCE;
    if (model == null) {
      model = DEFAULT.model();
      source = "the name '" + w.name() + "' names no model of the table: assumed " + model + " ("
          + Models.SOURCE + "); state --model or --gflops";
    }
    Workload full = of(w.name(), model, w.epochs(), w.images(), w.imgsz(), w.batch(), null);
    return RecommendationWorkloadBuilder.builder(w).name(full.name()).model(full.model()).forwardGflops(full.forwardGflops())
        .gflopsImgsz(full.gflopsImgsz()).gflopsSource(source).build();
  }

  /** The trainers a job may name. */
  public static final List<String> TRAINERS = List.of(TrainerSettings.ULTRALYTICS, TrainerSettings.TORCH);

  /**
   * The job with the trainer's settings the user stated (options or a profile), each checked: a bad
   * one is bad input (exit 2) with one line. A --data folder must exist and hold a JPEG or PNG.
   */
  public static Workload withTrainer(Workload w, String trainer, Integer threads, Integer workers, String precision,
      Long valImages, String sourceSize, String data) {
    if (trainer != null && !TRAINERS.contains(trainer)) {
      throw RunFailure.badInput("--trainer " + trainer + ": use ultralytics or torch");
    }
    if (threads != null && (threads < 1 || threads > 1024)) {
      throw RunFailure.badInput("--threads " + threads + ": a count from 1 to 1024");
    }
    if (workers != null && (workers < 0 || workers > 256)) {
      throw RunFailure.badInput("--workers " + workers + ": a count from 0 (data in the training process) to 256");
    }
    if (precision != null && !TrainerSettings.PRECISIONS.contains(precision)) {
      throw RunFailure.badInput("--precision " + precision + ": use fp32, tf32 or amp");
    }
    if (valImages != null && valImages < 0) {
      throw RunFailure.badInput("--val-images " + valImages + ": a count of 0 or more");
    }
    if (sourceSize != null && !sourceSize.matches("[1-9]\\d{1,4}x[1-9]\\d{1,4}")) {
      throw RunFailure.badInput("--source-size " + sourceSize + ": write WIDTHxHEIGHT in pixels, e.g. 1280x720");
    }
    String folder = null;
    if (data != null) {
      DataFolder.Check c = DataFolder.check(Path.of(data), DATA_FILES);
      if (c.diagnosis() != null) {
        throw RunFailure.badInput("--data " + data + ": " + c.diagnosis() + (c.fix() == null ? "" : "; " + c.fix()));
      }
      folder = Path.of(data).toAbsolutePath().normalize().toString();
    }
    return RecommendationWorkloadBuilder.builder(w).trainer(trainer).threads(threads).workers(workers).precision(precision)
        .valImages(valImages).sourceSize(sourceSize).data(folder).build();
  }

  /** The user's files the input pipeline reads at most. */
  public static final int DATA_FILES = 64;

  private static String modelOf(String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return Models.names().stream().filter(n::startsWith).max(Comparator.comparingInt(String::length)).orElse(null);
  }
}
