package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a trainer would use on one side (issue #29): intra-op threads, DataLoader workers, precision
 * and pinned memory, worked out from that side's own facts (its usable CPUs, torch's default thread
 * count there, the device) and the user's overrides. Pure.
 *
 * <p>Ultralytics, from its source ({@code engine/trainer.py}, {@code utils/torch_utils.py},
 * {@code utils/checks.py}, {@code data/build.py}): on cpu and mps {@code workers = 0} and
 * {@code torch.set_num_threads(min(8, max(1, cpus - 1)))}; AMP (fp16 autocast and a gradient scaler)
 * on CUDA only, not on GPUs its check_amp knows to misbehave (GTX 16xx); on CUDA DataLoader workers
 * {@code min(cpus per GPU, batch, 8)} and pinned memory. Plain torch: its own default threads, workers
 * 0, float32.
 *
 * @param trainer ultralytics or torch
 * @param threads intra-op threads
 * @param workers DataLoader worker processes; 0: the training process loads its own data
 * @param precision fp32, tf32 or amp
 * @param pinMemory whether the batches go through pinned memory
 * @param why where each figure comes from, in words
 * @param trainerThreads the trainer's own thread count where the row was timed at other threads
 *     (doctor's quick example job: the side's own, since a YOLOv8m step at one thread of a slow CPU
 *     costs seconds); null where it was timed at the trainer's
 */
public record TrainerSettings(String trainer, int threads, int workers, String precision, boolean pinMemory, List<String> why,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer trainerThreads) {

  public TrainerSettings(String trainer, int threads, int workers, String precision, boolean pinMemory, List<String> why) {
    this(trainer, threads, workers, precision, pinMemory, why, null);
  }

  public static final String ULTRALYTICS = "ultralytics";
  public static final String TORCH = "torch";
  /** The precisions a job may be timed in (tf32 and amp on CUDA only). */
  public static final List<String> PRECISIONS = List.of("fp32", "tf32", "amp");

  public TrainerSettings {
    why = List.copyOf(why);
  }

  /** What the user stated, each null where the trainer decides. */
  public record Overrides(Integer threads, Integer workers, String precision) {

    public static final Overrides NONE = new Overrides(null, null, null);
  }

  /**
   * @param trainer ultralytics or torch (null: ultralytics for a YOLO model, else torch)
   * @param model the job's model (yolov8m, ...), or null
   * @param device cpu, mps, cuda:N
   * @param gpuName the CUDA device's name, or null
   * @param gpus CUDA devices on the machine (for the workers per GPU)
   * @param cpus the CPUs this side may use
   * @param torchDefault torch's own thread count on this side, or null where unknown
   * @param batch the job's batch
   */
  public static TrainerSettings of(String trainer, String model, String device, String gpuName, int gpus, int cpus,
      Integer torchDefault, int batch, Overrides o) {
    String t = trainer != null ? trainer : model != null && model.startsWith("yolo") ? ULTRALYTICS : TORCH;
    boolean cuda = device.startsWith("cuda");
    List<String> why = new ArrayList<>();
    int threads;
    int workers;
    String precision;
    if (t.equals(ULTRALYTICS)) {
      if (cuda) {
        threads = torchDefault != null ? torchDefault : cpus;
        int perGpu = Math.max(1, cpus / Math.max(1, gpus));
        workers = Math.min(Math.min(perGpu, batch), 8);
        boolean ampBroken = gpuName != null && gpuName.toUpperCase(Locale.ROOT).matches(".*GTX 16\\d\\d.*");
        precision = ampBroken ? "fp32" : "amp";
        why.add("Ultralytics on CUDA: workers min(" + perGpu + " CPUs per GPU, batch " + batch + ", 8) = " + workers);
        why.add(ampBroken ? "AMP off: its check_amp turns it off on a " + gpuName : "AMP: fp16 autocast and a gradient scaler");
      } else {
        threads = Math.min(8, Math.max(1, cpus - 1));
        workers = 0;
        precision = "fp32";
        why.add("Ultralytics on " + device + ": min(8, " + cpus + " CPUs - 1) = " + threads + " thread" + (threads == 1 ? "" : "s")
            + ", data loaded in the training process (workers 0), float32");
      }
    } else {
      threads = torchDefault != null ? torchDefault : cpus;
      workers = 0;
      precision = "fp32";
      why.add("plain torch: " + (torchDefault != null ? "its default of " + threads + " thread" + (threads == 1 ? "" : "s") + " here"
          : threads + " threads (torch's default here is not known)") + ", DataLoader workers 0, float32");
    }
    if (o.threads() != null) {
      threads = o.threads();
      why.add("--threads " + threads + " (yours)");
    }
    if (o.workers() != null) {
      workers = o.workers();
      why.add("--workers " + workers + " (yours)");
    }
    if (o.precision() != null) {
      precision = o.precision();
      why.add("--precision " + precision + " (yours)");
    }
    if (!cuda && !precision.equals("fp32")) {
      why.add(precision + " is CUDA's: timed float32 on " + device);
      precision = "fp32";
    }
    return new TrainerSettings(t, threads, workers, precision, cuda && t.equals(ULTRALYTICS), why);
  }

  /** These settings timed in float32, {@code why} said, where the trainer would use another precision. */
  public TrainerSettings inFloat32(String why) {
    if (precision.equals("fp32")) {
      return this;
    }
    List<String> w = new ArrayList<>(this.why);
    w.add(why);
    return new TrainerSettings(trainer, threads, workers, "fp32", pinMemory, w, trainerThreads);
  }

  /**
   * These settings timed at {@code n} threads instead of the trainer's, {@code why} said; the
   * trainer's count stays in {@link #trainerThreads}.
   */
  public TrainerSettings atThreads(int n, String why) {
    if (n == threads) {
      return this;
    }
    List<String> w = new ArrayList<>(this.why);
    w.add(why);
    return new TrainerSettings(trainer, n, workers, precision, pinMemory, w, threads);
  }

  /** "1 thread, data in the training process, fp32"; "2 threads (the trainer's 1 not timed), ...". */
  public String describe() {
    return threads + " thread" + (threads == 1 ? "" : "s")
        + (trainerThreads == null ? "" : " (not the trainer's " + trainerThreads + ": the example job)") + ", "
        + (workers == 0 ? "data in the training process" : workers + " DataLoader worker" + (workers == 1 ? "" : "s")) + ", " + precision;
  }
}
