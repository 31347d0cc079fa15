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

  @Option(names = "--no-history",
      description = "Project from this run alone: do not pool its points with earlier runs' on this machine, nor keep them.")
  boolean noHistory;

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

  @Option(names = "--trainer", paramLabel = "NAME",
      description = "What trains your job: ultralytics (its settings: on cpu/mps min(8, CPUs - 1) threads and data loaded in the"
          + " training process, on CUDA AMP and up to 8 workers) or torch (plain PyTorch defaults). Default: ultralytics for a"
          + " YOLO model, else torch.")
  String trainer;

  @Option(names = "--threads", paramLabel = "N", description = "torch's intra-op threads in your job (default: the trainer's choice on each side).")
  Integer threads;

  @Option(names = "--workers", paramLabel = "N", description = "DataLoader workers in your job; 0 loads data in the training process (default: the trainer's choice).")
  Integer workers;

  @Option(names = "--precision", paramLabel = "P", description = "fp32, tf32 or amp (CUDA only; default: the trainer's choice).")
  String precision;

  @Option(names = "--val-images", paramLabel = "N", description = "Validation images per epoch (default: 10% of --images).")
  Long valImages;

  @Option(names = "--source-size", paramLabel = "WxH",
      description = "Size of your training images on disk, for the input pipeline's timing on synthetic JPEGs (default: 1280x720).")
  String sourceSize;

  @Option(names = "--data", paramLabel = "DIR",
      description = "A folder of your training images (JPEG or PNG): the input pipeline is timed on its first files; nothing is written there.")
  Path data;

  /** The job: the profile's workload (or the default) with every stated option applied. Bad input exits 2. */
  public Workload resolve(String profile) {
    return resolve(profile, null);
  }

  /**
   * As {@link #resolve(String)}, the options applied over {@code saved} (a saved report's own job, for
   * {@code recommend --from}) where no profile is named.
   */
  public Workload resolve(String profile, Workload saved) {
    // stated: the user's own job (options, a profile's workload), even one named like doctor's example
    Workload base = profile == null || profile.isBlank() ? (saved != null ? saved : Workloads.DEFAULT.withStated(false))
        : ProfileWorkloads.find(profile, Path.of("").toAbsolutePath()).map(w -> Workloads.complete(w).withStated(true))
            .orElse(Workloads.DEFAULT.withStated(false));
    boolean stated = epochs != null || images != null || imgsz != null || batch != null || model != null || gflops != null;
    Workload job = !stated ? base : Workloads.of(model != null ? model : base.model(), model != null ? model : base.model(),
        or(epochs, base.epochs()), images != null ? images : base.images(), or(imgsz, base.imgsz()), or(batch, base.batch()),
        gflops != null ? gflops : model != null ? null : statedGflops(base)).withStated(true);
    return Workloads.withTrainer(job, trainer != null ? trainer : base.trainer(), threads != null ? threads : base.threads(),
        workers != null ? workers : base.workers(), precision != null ? precision : base.precision(),
        valImages != null ? valImages : base.valImages(), sourceSize != null ? sourceSize : base.sourceSize(),
        data != null ? data.toString() : base.data());
  }

  /** --gflops given for the base carries over while the model is not changed. */
  private static Double statedGflops(Workload w) {
    return Workloads.isStated(w) ? w.forwardGflops() : null;
  }

  private static int or(Integer v, Integer dflt) {
    return v != null ? v : dflt;
  }
}
