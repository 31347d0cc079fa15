package dev.envdoctor.calibrate;

import dev.envdoctor.model.Recommendation.Workload;
import java.util.ArrayList;
import java.util.List;
import dev.envdoctor.model.Calibration;

/**
 * Which sizes a projection calibrates the job's own network at (docs/calibration.md, "Projection"):
 * two image sizes at the job's batch up to a cap, so that they fit the run's time budget on a CPU
 * and the memory of any device. Doctor's example job in --quick takes 96 and 224 px at batch up to 4
 * (a YOLOv8m step of about 0.15-0.25 s on the 2-core development VM); a job the user named, and
 * --full, take 160 and 320 px at batch up to 8, so that a job at up to 320 px is timed at its own
 * size and only its per-pixel slope is extrapolated past it. The batch matters beyond pixels ×
 * batch: on that CPU YOLOv8n at batch 2 cost 0.69 µs per pixel at 192 px, at batch 8 and 320 px
 * 0.35, so points at batch 2 projected a batch-8 job 40-55% long. Sizes never pass the job's own;
 * only a model envdoctor builds (a YOLOv8 scale) is calibrated.
 */
public final class ProjectionPlan {

  /**
   * The example job's (640 px × 16): 96 and 224 px. The fit extends the points to the job as
   * t_job = w_s·t_s + w_l·t_l, which amplifies what moves one point and not the other between runs;
   * from 96 and 160 px w_l ≈ 99 and w_s ≈ −98, and two real quiet runs ten seconds apart (the small
   * point 139 then 184 ms, the large 319 then 346) moved the projection 10% (CostModel.spread). From
   * 224 px w_l ≈ 40, w_s ≈ −39: the same two shifts would move it about 1%, for about 1.4 s more
   * (a yolov8m step at 224 px × 4 is about 0.6 s on the 2-core VM).
   */
  static final int[] QUICK_SIZES = {96, 224};
  /**
   * A named job's and --full's: 160 and 320 px. Below about 160 px a step is mostly its fixed cost
   * (DJL's yolov8n: 64 ms at 96 px × 4, 72 ms at 160 px), so 96 and 160 px pinned the cost per pixel
   * down poorly (both backends projected 0.45-0.77 of the real step at 320 px × 8); 128 and 256 px
   * left DJL's yolov8m at 320 px × 4 at 0.67-1.10 of its real step over five rounds, each point's
   * few steps' noise doubled by the extrapolation to 320 px.
   */
  static final int[] SIZES = {160, 320};
  static final int QUICK_BATCH = 4;
  static final int BATCH = 8;

  /**
   * A named job's own size is timed as a third point when the largest point's step, scaled to the
   * job's pixels × batch, is at most this (ms): then the projection is the job's own step, not an
   * extrapolation. Past 320 px the fit extends 160 and 320 px 4× in pixels for a 640 px job,
   * t(640) = t(320) + 4 (t(320) − t(160)), and the real steps of DJL's yolov8n 640 × 4 read 0.52–1.26
   * of that on the development VM. Five steps at the cap cost a backend 10 s at most.
   */
  public static final double OWN_CAP_MS = 2000;

  /** Whether a calibration is one of the projection's points (a network envdoctor builds), not a verdict workload. */
  public static boolean isPoint(Calibration c) {
    return c.workload() != null && c.workload().startsWith("yolov8") && !isJobStep(c.workload());
  }

  /**
   * Whether a workload is a named job's step as the verdict's bursts time it (its point, {@code
   * yolov8n@64x2}), not a projection point (its model's name, with its size and batch beside it).
   */
  public static boolean isJobStep(String workload) {
    return workload != null && workload.contains("@");
  }

  /**
   * The point at which the verdict's paired bursts time a job the user named on {@code device}, in each
   * side's own trainer settings (issue #29, item 6), or null: doctor's example job, or a model envdoctor
   * does not build, keeps the cnn. On a CPU the job's network at 64 px × 2 (YOLOv8n about 75 ms a step at
   * one thread on the 2-core VM, YOLOv8m 440 ms: a burst of three steps stays short enough for rounds); on
   * a GPU half the job's size at its batch, where a step is the GPU's work rather than its launches.
   */
  public static ProjectionPoint burstPoint(Workload w, String device) {
    if (!asTrainer(w) || points(w, false).isEmpty()) {
      return null;
    }
    return "cpu".equals(device) ? new ProjectionPoint(w.model(), Math.min(BURST_SIZE, ownSize(w)), Math.min(BURST_BATCH, w.batch()))
        : gpuPoints(w).get(0);
  }

  /** Whether the verdict's bursts time the job's own step ({@link #burstPoint}): a job the user named that envdoctor builds. */
  public static boolean burstsJob(Workload w) {
    return burstPoint(w, "cpu") != null;
  }

  static final int BURST_SIZE = 64;
  static final int BURST_BATCH = 2;

  /** The name of doctor's example job (recommend's Workloads.DEFAULT), the one nobody asked about. */
  public static final String EXAMPLE = Workload.EXAMPLE;

  private ProjectionPlan() {}

  /**
   * Whether every backend times the job's network itself, DJL beside Python: with --full, and
   * whenever the user named the job (--model, --imgsz, a profile), since then the projection is the
   * answer they came for (borrowing Python's curve scaled by the cnn steps put DJL 0.49-1.29× off the
   * DJL network's real step). Doctor's example job in --quick leaves it to Python (doctor's time).
   */
  /**
   * Whether the job's points are timed in its trainer's settings (its threads; the findings' trials):
   * a job the user named. Doctor's example job, --full included, keeps the side's threads: at
   * Ultralytics' 1 thread a YOLOv8m step at 320 px × 8 costs about 30 s on the 2-core VM, and a
   * --full doctor's Python side ran past its 600 s and was stopped.
   */
  public static boolean asTrainer(Workload w) {
    return w != null && w.statedByUser();
  }

  public static boolean everyBackend(Workload w, boolean full) {
    return full || (w != null && w.statedByUser());
  }

  /** The points, or none for no workload or a model envdoctor does not build. */
  public static List<ProjectionPoint> points(Workload w, boolean full) {
    if (w == null || w.model() == null || w.imgsz() == null || w.batch() == null
        || !w.model().matches("yolov8[nsmlx]") || "stated (--gflops, or the profile's gflops)".equals(w.gflopsSource())) {
      return List.of();
    }
    // a named job's points at its batch up to 8: DJL timed at batch 4 projected batch-8 jobs 0.63-0.75
    // of their real step, at batch 8 (--full) 0.95
    boolean example = !everyBackend(w, full);
    int batch = Math.min(w.batch(), example ? QUICK_BATCH : BATCH);
    int cap = ownSize(w);
    List<ProjectionPoint> out = new ArrayList<>();
    for (int size : example ? QUICK_SIZES : SIZES) {
      ProjectionPoint p = new ProjectionPoint(w.model(), Math.min(size, cap), batch);
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    // a job at or below the first size: half its size first, so that there are still two points
    int half = Math.max(32, cap / 2 / 32 * 32);
    if (out.size() == 1 && half < cap) {
      out.add(0, new ProjectionPoint(w.model(), half, batch));
    }
    return out;
  }

  /**
   * The points on a GPU: half the job's image size and the job's own, at the job's batch. A GPU runs
   * the CPU's small points below its throughput (kernel launches dominate), so their slope says
   * little about the job; the job's own size costs a GPU a few seconds.
   */
  public static List<ProjectionPoint> gpuPoints(Workload w) {
    if (points(w, false).isEmpty()) {
      return List.of();
    }
    int own = ownSize(w);
    int half = Math.max(32, own / 2 / 32 * 32);
    return half == own ? List.of(new ProjectionPoint(w.model(), own, w.batch()))
        : List.of(new ProjectionPoint(w.model(), half, w.batch()), new ProjectionPoint(w.model(), own, w.batch()));
  }

  /**
   * The plan for a CPU: {@link #points}, then for a job the user named (or --full) its own size with
   * {@link #OWN_CAP_MS} ({@code yolov8n@160x4,yolov8n@320x4,yolov8n@640x4~2000}), where that is larger.
   */
  public static List<ProjectionPoint.Planned> plan(Workload w, boolean full) {
    List<ProjectionPoint> p = points(w, full);
    List<ProjectionPoint.Planned> out = new ArrayList<>(p.stream().map(x -> new ProjectionPoint.Planned(x, null)).toList());
    if (!p.isEmpty() && everyBackend(w, full)) {
      ProjectionPoint own = new ProjectionPoint(w.model(), ownSize(w), w.batch());
      if (own.pixels() > p.get(p.size() - 1).pixels()) {
        out.add(new ProjectionPoint.Planned(own, OWN_CAP_MS));
      }
    }
    return out;
  }

  /** The job's image size as a point's: a multiple of 32, at least 32. */
  private static int ownSize(Workload w) {
    return Math.max(32, w.imgsz() / 32 * 32);
  }
}
