package dev.envdoctor.calibrate;

import dev.envdoctor.model.Recommendation.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Which sizes a projection calibrates the job's own network at (docs/calibration.md, "Projection"):
 * two image sizes at a small batch, below the job's, so that they fit the run's time budget on a
 * CPU and the memory of any device. --quick takes 128 and 192 px at batch 2 (a YOLOv8m step of
 * about 0.1-0.2 s on the 2-core development VM); --full 192 and 320 px at batch 4. Sizes never pass
 * the job's own; only a model envdoctor builds (a YOLOv8 scale) is calibrated.
 */
public final class ProjectionPlan {

  static final int[] QUICK_SIZES = {128, 192};
  static final int[] FULL_SIZES = {192, 320};
  static final int QUICK_BATCH = 2;
  static final int FULL_BATCH = 4;

  private ProjectionPlan() {}

  /** The points, or none for no workload or a model envdoctor does not build. */
  public static List<ProjectionPoint> points(Workload w, boolean full) {
    if (w == null || w.model() == null || w.imgsz() == null || w.batch() == null
        || !w.model().matches("yolov8[nsmlx]") || "stated (--gflops, or the profile's gflops)".equals(w.gflopsSource())) {
      return List.of();
    }
    int batch = Math.min(w.batch(), full ? FULL_BATCH : QUICK_BATCH);
    int cap = Math.max(32, w.imgsz() / 32 * 32);
    List<ProjectionPoint> out = new ArrayList<>();
    for (int size : full ? FULL_SIZES : QUICK_SIZES) {
      ProjectionPoint p = new ProjectionPoint(w.model(), Math.min(size, cap), batch);
      if (!out.contains(p)) {
        out.add(p);
      }
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
    int own = Math.max(32, w.imgsz() / 32 * 32);
    int half = Math.max(32, own / 2 / 32 * 32);
    return half == own ? List.of(new ProjectionPoint(w.model(), own, w.batch()))
        : List.of(new ProjectionPoint(w.model(), half, w.batch()), new ProjectionPoint(w.model(), own, w.batch()));
  }

  /** {@code --project yolov8m@128x2,yolov8m@192x2} for the script and the worker, or nothing. */
  public static List<String> args(Workload w, boolean full) {
    List<ProjectionPoint> p = points(w, full);
    return p.isEmpty() ? List.of() : List.of("--project", join(p));
  }

  /** The script's: {@link #args} and, for its GPUs, {@code --project-gpu} with {@link #gpuPoints}. */
  public static List<String> scriptArgs(Workload w, boolean full) {
    List<String> a = new ArrayList<>(args(w, full));
    if (!a.isEmpty()) {
      a.addAll(List.of("--project-gpu", join(gpuPoints(w))));
    }
    return a;
  }

  private static String join(List<ProjectionPoint> p) {
    return String.join(",", p.stream().map(ProjectionPoint::toString).toList());
  }
}
