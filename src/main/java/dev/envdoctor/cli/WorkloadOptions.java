package dev.envdoctor.cli;

import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.recommend.ProfileWorkloads;
import dev.envdoctor.recommend.Workloads;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The training job to project (recommend, doctor): these options over the workload of the
 * --profile (when it states one) over the default job.
 */
public final class WorkloadOptions {

  @Option(names = "--epochs", paramLabel = "N", description = "Epochs of your training job (default: 50).")
  Integer epochs;

  @Option(names = "--images", paramLabel = "N", description = "Training images per epoch (default: 69000).")
  Long images;

  @Option(names = "--imgsz", paramLabel = "PX", description = "Training image size in pixels (default: 640).")
  Integer imgsz;

  @Option(names = "--batch", paramLabel = "N", description = "Batch size of your job (default: 16).")
  Integer batch;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Model of your job, for its FLOPs: yolov8n|yolov8s|yolov8m|yolov8l|yolov8x (default: yolov8m).")
  String model;

  @Option(names = "--gflops", paramLabel = "G",
      description = "Forward GFLOPs per image at 640 px of a model not in the table.")
  Double gflops;

  /** The job: the profile's workload (or the default) with every stated option applied. Bad input exits 2. */
  public Workload resolve(String profile) {
    // stated: the user's own job (options, a profile's workload), even one named like doctor's example
    Workload base = profile == null || profile.isBlank() ? Workloads.DEFAULT.withStated(false)
        : ProfileWorkloads.find(profile, Path.of("").toAbsolutePath()).map(w -> Workloads.complete(w).withStated(true))
            .orElse(Workloads.DEFAULT.withStated(false));
    boolean stated = epochs != null || images != null || imgsz != null || batch != null || model != null || gflops != null;
    if (!stated) {
      return base;
    }
    String m = model != null ? model : base.model();
    return Workloads.of(m, m, or(epochs, base.epochs()), images != null ? images : base.images(),
        or(imgsz, base.imgsz()), or(batch, base.batch()), gflops != null ? gflops : model != null ? null : statedGflops(base))
        .withStated(true);
  }

  /** --gflops given for the base carries over while the model is not changed. */
  private static Double statedGflops(Workload w) {
    return Workloads.isStated(w) ? w.forwardGflops() : null;
  }

  private static int or(Integer v, Integer dflt) {
    return v != null ? v : dflt;
  }
}
