package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/**
 * {@code jobs[]} (issue #29): what one side measured of the whole job beyond its training step, in
 * the settings the job's trainer would use there: the input pipeline, a validation forward and,
 * where DataLoader workers share the CPUs with a CPU step, a short real loop of both together. The
 * projection puts these together with the step ({@code projection[].parts}). A part this side could
 * not measure is null, and {@code notMeasured} says why.
 *
 * @param runtime native, docker, podman, ...
 * @param backend python or djl
 * @param device cpu, cuda:N, mps
 * @param settings the trainer's threads, workers and precision on this side, and where each comes from
 * @param data the input pipeline: seconds per training image in one process
 * @param validation a forward pass at batch × 2 beside the training step at the same size
 * @param loop the step and its workers together, where they share the CPUs
 * @param notMeasured each part left out, with why
 */
@RecordBuilder
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobTiming(String runtime, Backend backend, String device, TrainerSettings settings, Data data,
    Validation validation, Loop loop, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notMeasured,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Better> better) {

  public JobTiming {
    notMeasured = notMeasured == null ? List.of() : List.copyOf(notMeasured);
    better = better == null ? List.of() : List.copyOf(better);
  }

  /** Without trials of a better setting. */
  public JobTiming(String runtime, Backend backend, String device, TrainerSettings settings, Data data,
      Validation validation, Loop loop, List<String> notMeasured) {
    this(runtime, backend, device, settings, data, validation, loop, notMeasured, null);
  }

  /**
   * A setting better than the trainer's, timed in the same run on the same point: {@code gain} is the
   * trainer's step (or loop) time over this one's.
   *
   * @param setting what the trainer uses ("1 thread", "fp32", "workers 0")
   * @param better what was timed instead ("2 threads", "amp", "8 workers")
   * @param gain how many times faster the better one ran, measured here
   * @param at where: "yolov8n at 320 px × 8"
   * @param fix the exact change in the user's training code
   */
  public record Better(String setting, String better, Double gain, String at, String fix) {}

  /**
   * How long one process takes to make one training image (decode, resize, mosaic of 4, random
   * affine, flip): a DataLoader worker's work, or the trainer's own with workers 0.
   *
   * @param secondsPerImage median over {@code images}
   * @param library OpenCV or PIL, with its version
   * @param source {@code 1280x720} (synthetic JPEGs of that size) or {@code dir:FOLDER} (the user's files)
   * @param imgsz the training image's side
   * @param skipped files of the user's folder left out, each with why
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Data(Double secondsPerImage, Integer images, String library, String source, Integer imgsz,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> skipped) {

    public Data {
      skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }
  }

  /**
   * A validation forward (eval, no gradients) at {@code imgsz} and {@code batch} (the job's × 2),
   * and the training step timed at the same size with the job's batch, so their ratio per image
   * carries to the job's size.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Validation(Integer imgsz, Integer batch, String precision, Double forwardMs, Integer trainBatch,
      Double trainMs) {

    /** A forward's cost per image over a training step's, or null. */
    public Double perImageRatio() {
      if (forwardMs == null || trainMs == null || batch == null || trainBatch == null || trainMs <= 0 || batch <= 0) {
        return null;
      }
      return (forwardMs / batch) / (trainMs / trainBatch);
    }
  }

  /**
   * The step fed by {@code workers} DataLoader workers, on the same CPUs, for a few steps: {@code
   * loopMs} per step against the step alone on a resident batch ({@code stepMs}), both in one command.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Loop(Integer imgsz, Integer batch, Integer workers, Double loopMs, Double stepMs, Double dataWaitMs,
      Integer steps) {}
}
