package dev.envdoctor.recommend;

import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The projection rows of a verdict, from the job's own network where it was calibrated
 * (docs/calibration.md, "Projection"): a device's two projection calibrations of the job's model
 * give its {@link CostModel}, extended to the job's image size and batch; a side without them
 * borrows the native side's model on the same backend and device, scaled by how much slower it ran
 * the verdict's workload (a backend of the same side without them, the figure backend's, scaled
 * alike); a model envdoctor does not build, or a report without projection
 * calibrations, keeps the FLOP-rate path of {@link Projector}, the rougher one.
 */
public final class Projections {

  /** What the FLOP-rate path missed by, measured on the development VM (docs/benchmarks.md). */
  static final String FLOP_RATE_ERROR = "on a 2-core CPU it projected YOLOv8n and YOLOv8m 1.8–3.2× too long "
      + "(docs/benchmarks.md); on a GPU a small network is launch-bound and it leans long too";

  private Projections() {}

  /** Whether a report's calibration is one of the projection's (a network envdoctor builds), not a verdict workload. */
  public static boolean isProjectionCalibration(Calibration c) {
    return c.workload() != null && c.workload().startsWith("yolov8");
  }

  public static List<Projection> of(List<Side> ranked, Workload w, List<Calibration> all) {
    List<Projection> out = new ArrayList<>();
    for (Side s : ranked) {
      Set<String> backends = new LinkedHashSet<>();
      for (Calibration c : s.figureBackendDevices()) {
        backends.add(c.backend());
        Projection p = project(s, c, w, all, ranked);
        if (p != null) {
          out.add(p);
        }
      }
      // a side's other backend gets its row when it timed the job's network itself (DJL beside Python),
      // or borrows the figure backend's model on the same device, scaled by its cnn step over the figure's
      for (Calibration c : s.options()) {
        if (backends.contains(c.backend())) {
          continue;
        }
        Calibration ref = s.figureBackendDevices().stream().filter(f -> Objects.equals(f.device(), c.device()))
            .findFirst().orElse(null);
        CostModel borrowed = ref == null ? null : own(ref, w, all);
        if (own(c, w, all) != null) {
          backends.add(c.backend());
          out.add(calibrated(c, own(c, w, all), w, 1.0, null));
        } else if (borrowed != null) {
          backends.add(c.backend());
          out.add(calibrated(c, borrowed, w, slower(c, ref, all), ref));
        }
      }
    }
    return out;
  }

  private static Projection project(Side s, Calibration c, Workload w, List<Calibration> all, List<Side> ranked) {
    CostModel own = own(c, w, all);
    if (own != null) {
      return calibrated(c, own, w, 1.0, null);
    }
    Side nat = ranked.stream().filter(Side::isNative).findFirst().orElse(null);
    if (nat != null && nat != s) {
      Calibration ref = nat.options().stream().filter(n -> Objects.equals(n.backend(), c.backend())
          && Objects.equals(n.device(), c.device())).findFirst().orElse(null);
      CostModel borrowed = ref == null ? null : own(ref, w, all);
      if (borrowed != null) {
        return calibrated(c, borrowed, w, slower(c, ref, all), ref);
      }
    }
    Projection p = Projector.project(c, w);
    if (p == null) {
      return null;
    }
    double images = (double) w.epochs() * w.images();
    return new Projection(p.runtime(), p.backend(), p.device(), p.hours(), p.hoursLow(), p.hoursHigh(),
        Projection.FLOP_RATE, p.hours() * 3600 / images, "the " + c.workload() + " calibration's FLOP rate ("
        + Format.number(c.achievedGflops() == null ? 0 : c.achievedGflops(), 1) + " GFLOP/s) applied to "
        + w.model() + "'s table FLOPs: the rougher path");
  }

  /** The cost model of this calibration's runtime, backend and device for the job's model, or null. */
  static CostModel own(Calibration c, Workload w, List<Calibration> all) {
    if (w.model() == null || Workloads.isStated(w)) {
      return null;
    }
    return CostModel.fit(w.model(), CostModel.pointsOf(all, w.model(), c.runtime(), c.backend(), c.device()));
  }

  /**
   * How much slower {@code c}'s step is than {@code ref}'s, per sample: their medians, or both means
   * where a quota throttled either side ({@link Calibration#typicalMs}), as the verdict reads them.
   */
  static double slower(Calibration c, Calibration ref, List<Calibration> all) {
    boolean throttled = Calibration.sideThrottled(all, c) || Calibration.sideThrottled(all, ref);
    return (c.typicalMs(throttled) / c.batch()) / (ref.typicalMs(throttled) / ref.batch());
  }

  private static Projection calibrated(Calibration c, CostModel m, Workload w, double slower, Calibration ref) {
    double stepMs = m.stepMs(w.imgsz(), w.batch()) * slower;
    double steps = w.epochs() * Math.ceil((double) w.images() / w.batch());
    double hours = steps * stepMs / 3.6e6;
    double[] spread = m.spread();
    String basis = m.describe() + "; at " + w.imgsz() + " px × " + w.batch() + ": "
        + Format.number(stepMs / slower, 0) + " ms per step";
    if (ref != null) {
      basis = ref.runtime() + " " + ref.backend() + "'s " + basis + ", × " + Format.number(slower, 2) + " (this "
          + c.backend() + " " + c.workload() + " step over " + ref.runtime() + " " + ref.backend() + "'s)";
    }
    return new Projection(c.runtime(), c.backend(), c.device(), hours, hours * spread[0], hours * spread[1],
        ref == null ? Projection.CALIBRATED : Projection.CALIBRATED_SCALED, stepMs / 1000 / w.batch(), basis);
  }

  /**
   * The projection's assumptions: the calibrated path's cost model when a row used it, the FLOP-rate
   * path's arithmetic (named the rougher one, with its measured error) when a row used that.
   */
  public static List<String> assumptions(Workload w, Calibration reference, List<Side> ranked, List<Calibration> all) {
    List<Projection> rows = of(ranked, w, all);
    boolean flops = rows.isEmpty() || rows.stream().anyMatch(p -> Projection.FLOP_RATE.equals(p.method()));
    List<String> a = new ArrayList<>();
    if (rows.stream().anyMatch(p -> !Projection.FLOP_RATE.equals(p.method()))) {
      a.add("workload " + w.name() + ": " + w.model() + ", " + w.epochs() + " epochs × "
          + Format.number(w.images(), 0) + " images at " + w.imgsz() + " px, batch " + w.batch());
      a.add("projected from " + w.model() + " itself (envdoctor builds it: Conv-BN-SiLU, C2f, SPPF, PAN-FPN, "
          + "the DFL head and its detection loss), timed at two sizes up to the job's own per device; the step time is fitted as "
          + "t = a + b × imgsz² × batch and extended to the job's size; hours = epochs × ⌈images ÷ batch⌉ × t");
      rows.stream().filter(p -> !Projection.FLOP_RATE.equals(p.method()))
          .forEach(p -> a.add(p.runtime() + " " + p.backend() + " " + p.device() + ": " + p.basis()));
      a.add("synthetic images and boxes from a random init: data loading, augmentation, validation, "
          + "checkpoints and mixed precision are not included");
    }
    if (flops) {
      List<String> f = new ArrayList<>(Projector.assumptions(w, reference));
      f.add(0, "the rougher path (FLOP rate of the small calibration network" + (rows.isEmpty() ? "" : ", for "
          + String.join(", ", rows.stream().filter(p -> Projection.FLOP_RATE.equals(p.method()))
              .map(p -> p.runtime() + " " + p.device()).distinct().toList())) + "): " + FLOP_RATE_ERROR
          + "; " + (Workloads.isStated(w) ? "a model stated by --gflops is not built" : "`calibrate --full` or doctor "
          + "times " + w.model() + " itself"));
      a.addAll(f);
    }
    return a;
  }
}
