package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;

/** {@code recommendation.*}: the verdict, the evidence it cites and the projection for a workload. */
@RecordBuilder
public record Recommendation(
    Choice train,
    Double speedup,
    List<Double> speedupCi95,
    String verdict,
    String reason,
    String deployment,
    List<Evidence> evidence,
    Workload workload,
    List<Projection> projection,
    List<String> assumptions,
    Confidence confidence,
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) Measurement measurement) {

  /** A verdict without a measurement record (one side, none, an older report). */
  public Recommendation(Choice train, Double speedup, List<Double> speedupCi95, String verdict, String reason,
      String deployment, List<Evidence> evidence, Workload workload, List<Projection> projection,
      List<String> assumptions, Confidence confidence) {
    this(train, speedup, speedupCi95, verdict, reason, deployment, evidence, workload, projection, assumptions,
        confidence, null);
  }

  /**
   * {@code recommendation.measurement}: how the verdict's ratio was measured and what the machine
   * did meanwhile.
   *
   * @param method "paired-bursts" (interleaved bursts, an interval over the pairs) or "step-times" (a bootstrap over one run of each side)
   * @param pairs the pairs of bursts the interval is made of (paired-bursts)
   * @param pairsLeftOut pairs left out because other processes took a quarter CPU or more during them
   *     (only when at least three quiet pairs remained)
   * @param bandLow the parity band's lower edge (a ratio)
   * @param bandHigh its upper edge
   * @param decision parity, a-faster, b-faster or undecided (the verdict's a is the side it names)
   * @param noisyBecause what made an undecided run noisy, in words; null otherwise
   * @param contention what else used the CPUs during the calibration, in words; null when nothing did
   * @param contended whether that was enough that the projection is not a figure to plan by
   * @param comparedBackend the stack (python, djl) the verdict compared the sides on; null when unknown
   * @param userBackend the stack the user trains with: python when their Python env was timed natively, else
   *     null (unknown)
   * @param userBackendCompared whether the user's stack was timed in the container the verdict compared; null
   *     when userBackend is
   * @param speedupCi95TooWide true when the verdict's 95% interval had ends more than ten times apart (a
   *     contended run's 1.84e-09–2.53e+07): it means nothing, so speedupCi95 is left empty; null otherwise
   *     (reports before it may keep such an interval: readers apply the same test, Ranges.meaningful)
   */
  @RecordBuilder
  public record Measurement(String method, Integer pairs, Integer pairsLeftOut, Double bandLow, Double bandHigh, String decision,
      String noisyBecause, String contention, Boolean contended, Backend comparedBackend, Backend userBackend,
      Boolean userBackendCompared,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Boolean speedupCi95TooWide) {

    /** With the stacks, the interval as it was. */
    public Measurement(String method, Integer pairs, Integer pairsLeftOut, Double bandLow, Double bandHigh, String decision,
        String noisyBecause, String contention, Boolean contended, Backend comparedBackend, Backend userBackend,
        Boolean userBackendCompared) {
      this(method, pairs, pairsLeftOut, bandLow, bandHigh, decision, noisyBecause, contention, contended, comparedBackend,
          userBackend, userBackendCompared, null);
    }

    /** This measurement, its speed-up interval left out as meaningless. */
    public Measurement withIntervalTooWide() {
      return RecommendationMeasurementBuilder.builder(this).speedupCi95TooWide(true).build();
    }

    /** Without the stacks (an older report, a verdict without two sides). */
    public Measurement(String method, Integer pairs, Integer pairsLeftOut, Double bandLow, Double bandHigh, String decision,
        String noisyBecause, String contention, Boolean contended) {
      this(method, pairs, pairsLeftOut, bandLow, bandHigh, decision, noisyBecause, contention, contended, null, null, null);
    }
  }

  public Recommendation {
    speedupCi95 = speedupCi95 == null ? List.of() : List.copyOf(speedupCi95);
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    projection = projection == null ? List.of() : List.copyOf(projection);
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
  }

  public record Choice(String runtime, Backend backend, String device) {}

  public record Evidence(String runtime, Backend backend, String device, String workload,
      Double medianMs, Double samplesPerSecond, Double ratio) {}

  /**
   * The training job projected: epochs × images at imgsz. forwardGflops is the model's forward
   * cost per image at gflopsImgsz pixels, as its model table states it (gflopsSource says where).
   */
  @RecordBuilder
  public record Workload(String name, Integer epochs, Long images, Integer imgsz, Integer batch,
      String model, Double forwardGflops, Integer gflopsImgsz, String gflopsSource, Boolean stated,
      @JsonInclude(JsonInclude.Include.NON_NULL) String trainer,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer threads,
      @JsonInclude(JsonInclude.Include.NON_NULL) Integer workers,
      @JsonInclude(JsonInclude.Include.NON_NULL) String precision,
      @JsonInclude(JsonInclude.Include.NON_NULL) Long valImages,
      @JsonInclude(JsonInclude.Include.NON_NULL) String sourceSize,
      @JsonInclude(JsonInclude.Include.NON_NULL) String data) {

    /** The trainer's settings the user stated (--threads, --workers, --precision), each null where the trainer decides. */
    public TrainerSettings.Overrides overrides() {
      return new TrainerSettings.Overrides(threads, workers, precision);
    }

    /** The validation share: valImages, else 10% of the training images. */
    public long validationImages() {
      return valImages != null ? valImages : images == null ? 0 : Math.round(images * 0.1);
    }

    /** The JPEGs the input pipeline is timed on when no folder is given: BDD100k's 1280 × 720. */
    public static final String SOURCE_SIZE = "1280x720";

    /** The source the pipeline is timed on: the user's folder, else synthetic JPEGs of sourceSize. */
    public String pipelineSource() {
      return sourceSize != null ? sourceSize : SOURCE_SIZE;
    }

    /** A job as before the trainer's fields (issue #29). */
    public Workload(String name, Integer epochs, Long images, Integer imgsz, Integer batch,
        String model, Double forwardGflops, Integer gflopsImgsz, String gflopsSource, Boolean stated) {
      this(name, epochs, images, imgsz, batch, model, forwardGflops, gflopsImgsz, gflopsSource, stated, null, null, null,
          null, null, null, null);
    }

    /** The name of doctor's example job (recommend's Workloads.DEFAULT), the one nobody asked about. */
    public static final String EXAMPLE = "yolov8m-69k";

    /** A job without the {@code stated} flag: see {@link #statedByUser()}. */
    public Workload(String name, Integer epochs, Long images, Integer imgsz, Integer batch,
        String model, Double forwardGflops, Integer gflopsImgsz, String gflopsSource) {
      this(name, epochs, images, imgsz, batch, model, forwardGflops, gflopsImgsz, gflopsSource, null);
    }

    /**
     * Whether the user stated this job (job options, a profile's workload) rather than taking
     * doctor's example: by the flag, since a stated job may well be named yolov8m-69k; a report
     * from before the flag (null) by the name.
     */
    public boolean statedByUser() {
      return stated != null ? stated : !EXAMPLE.equals(name);
    }

    public Workload withStated(boolean s) {
      return RecommendationWorkloadBuilder.builder(this).stated(s).build();
    }

    /** A job as a profile states it (name, epochs, images, imgsz, batch); the verdict completes the cost. */
    public Workload(String name, Integer epochs, Long images, Integer imgsz, Integer batch) {
      this(name, epochs, images, imgsz, batch, null, null, null, null);
    }
  }

  /**
   * One side's projected wall time. method: {@link #CALIBRATED} (the job's own network timed at two
   * sizes, its step time fitted and extended to the job's size), {@link #CALIBRATED_SCALED} (that of
   * the native side, scaled by this side's measured speed on the verdict's workload) or
   * {@link #FLOP_RATE} (the verdict's small calibration network's FLOP rate, the rougher path);
   * basis says what was timed and how it was scaled, with the numbers. {@link #PAIRED}: native's
   * projection on the same backend and device × the verdict's paired ratio (pairedRatio, null for
   * any other method). contended: the run was contended, so no figure to plan by (null or false
   * otherwise). hoursLow and hoursHigh are the p10 and p90, null where no range means anything.
   */
  @RecordBuilder
  public record Projection(String runtime, Backend backend, String device, Double hours,
      Double hoursLow, Double hoursHigh, String method, Double secondsPerImage, String basis, Double pairedRatio,
      Boolean contended,
      @JsonInclude(JsonInclude.Include.NON_NULL) TrainerSettings settings,
      @JsonInclude(JsonInclude.Include.NON_NULL) Parts parts,
      @JsonInclude(JsonInclude.Include.NON_NULL) Pooled pooled) {

    /** A row as before the trainer's settings and the job's parts (issue #29). */
    public Projection(String runtime, Backend backend, String device, Double hours, Double hoursLow, Double hoursHigh,
        String method, Double secondsPerImage, String basis, Double pairedRatio, Boolean contended) {
      this(runtime, backend, device, hours, hoursLow, hoursHigh, method, secondsPerImage, basis, pairedRatio, contended,
          null, null, null);
    }

    /**
     * A row whose points were pooled with earlier runs' at the same settings on this machine
     * ({@code history[]}; docs/calibration.md, "Pooled over runs"): each point is the median of the runs'.
     *
     * @param runs the runs pooled, this one included
     * @param hoursThisRun what this run's points alone project
     * @param pointSpread the larger point's slowest run over its fastest: how far this machine's speed moved
     * @param since when the oldest pooled run timed its points
     */
    public record Pooled(Integer runs, Double hoursThisRun, Double pointSpread, String since) {}

    /**
     * The job's step put together (issue #29), in ms per step of the job's batch: the training step,
     * the batch's images from the input pipeline, how the two combine ({@code bound}), and the
     * validation pass per epoch. {@code measured} and {@code notMeasured} name the parts.
     *
     * @param stepMs the training step at the job's size, batch and the trainer's settings
     * @param dataMs one process's time to make the batch's images (null: not measured)
     * @param workers DataLoader workers making them (0: the training process, serially with the step)
     * @param jobStepMs what one step of the whole job costs
     * @param bound compute-bound, input-bound, serial (workers 0) or shared (workers on the step's CPUs)
     * @param boundWords the bound in words, with its share of the step
     * @param validationSeconds the validation pass per epoch (null: not measured)
     * @param validationImages the images it runs over
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parts(Double stepMs, Double dataMs, Integer workers, Double jobStepMs, String bound, String boundWords,
        Double validationSeconds, Long validationImages, List<String> measured, List<String> notMeasured) {

      public Parts {
        measured = measured == null ? List.of() : List.copyOf(measured);
        notMeasured = notMeasured == null ? List.of() : List.copyOf(notMeasured);
      }
    }

    public static final String CALIBRATED = "calibrated";
    public static final String CALIBRATED_SCALED = "calibrated-scaled";
    public static final String PAIRED = "paired";
    public static final String FLOP_RATE = "flop-rate";

    public Projection(String runtime, Backend backend, String device, Double hours, Double hoursLow, Double hoursHigh,
        String method, Double secondsPerImage, String basis) {
      this(runtime, backend, device, hours, hoursLow, hoursHigh, method, secondsPerImage, basis, null, null, null, null,
          null);
    }

    /** The same row marked as from a contended run. */
    public Projection markedContended() {
      return RecommendationProjectionBuilder.builder(this).contended(true).build();
    }

    /** A projection by FLOP rate, as reports before the method field were made. */
    public Projection(String runtime, Backend backend, String device, Double hours, Double hoursLow, Double hoursHigh) {
      this(runtime, backend, device, hours, hoursLow, hoursHigh, null, null, null);
    }
  }
}
