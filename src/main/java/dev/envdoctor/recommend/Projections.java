package dev.envdoctor.recommend;

import dev.envdoctor.run.Words;
import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.EarlierPoint;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.Recommendation.Projection.Parts;
import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.model.Recommendation.Workload;
import dev.envdoctor.model.RecommendationProjectionBuilder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import dev.envdoctor.calibrate.ProjectionPlan;

/**
 * The projection rows of a verdict, from the job's own network where it was calibrated
 * (docs/calibration.md, "Projection"): a device's two projection calibrations of the job's model
 * give its {@link CostModel}, extended to the job's image size and batch. One set of figures: a
 * container whose calibration took turns with native's on the same backend and device is native's
 * row × their paired ratio (the verdict's one estimate of the two sides), so a parity verdict and its
 * rows agree; a side outside the pairs uses its own timing and says so; native's other backend is the
 * figure backend's row × their pairs ({@link ScaledRows}). A model envdoctor does not build, or a report without projection
 * calibrations, keeps the FLOP-rate path of {@link Projector}, the rougher one.
 */
public final class Projections {

  /** What the FLOP-rate path missed by, measured on the development VM (docs/benchmarks.md). */
  static final String FLOP_RATE_ERROR = "on a 2-core CPU it projected YOLOv8n and YOLOv8m 1.8–3.2× too long "
      + "(docs/benchmarks.md); on a GPU a small network is launch-bound and it leans long too";

  private Projections() {}

  /** Whether a report's calibration is one of the projection's (a network envdoctor builds), not a verdict workload. */
  public static boolean isProjectionCalibration(Calibration c) {
    return ProjectionPlan.isPoint(c);
  }

  /** The rows, each calibrated row's step put together with its side's other parts of the job ({@code jobs}, issue #29). */
  public static List<Projection> of(List<Side> ranked, Workload w, List<Calibration> all, List<JobTiming> jobs) {
    return of(ranked, w, all, jobs, List.of());
  }

  /**
   * As {@link #of(List, Workload, List, List)}, each side's points pooled with the earlier runs' at
   * the same settings on this machine ({@code history}, {@link CostModel#fit(String, List, List)}).
   */
  public static List<Projection> of(List<Side> ranked, Workload w, List<Calibration> all, List<JobTiming> jobs,
      List<EarlierPoint> history) {
    Timed t = new Timed(all, jobs, history == null ? List.of() : history);
    Side nat = ranked.stream().filter(Side::isNative).findFirst().orElse(null);
    List<Projection> natives = nat == null ? List.of() : rows(nat, w, t, List.of(), null);
    List<Projection> out = new ArrayList<>();
    for (Side s : ranked) {
      out.addAll(s == nat ? natives : rows(s, w, t, natives, nat));
    }
    return out;
  }

  /** What the rows are made from: the run's calibrations, its job parts, the earlier runs' points. */
  private record Timed(List<Calibration> all, List<JobTiming> jobs, List<EarlierPoint> history) {}

  /**
   * One side's rows: each device of its figure backend, then each other backend it timed (DJL beside
   * Python). A container row stands on native's same-backend row where it can ({@link #container}).
   */
  private static List<Projection> rows(Side s, Workload w, Timed t, List<Projection> natives, Side nat) {
    List<Calibration> figures = s.figureBackendDevices();
    List<Calibration> cs = new ArrayList<>(figures);
    Set<Backend> backends = new LinkedHashSet<>(cs.stream().map(Calibration::backend).toList());
    s.options().stream().filter(c -> backends.add(c.backend())).forEach(cs::add);
    List<Projection> out = new ArrayList<>();
    for (Calibration c : cs) {
      Projection p = nat == null ? nativeRow(s, c, w, t) : container(c, w, t, natives, nat);
      // another backend's row only where a calibrated path reaches it: its FLOP rate adds nothing
      if (p != null && (figures.contains(c) || !Projection.FLOP_RATE.equals(p.method()))) {
        out.add(p);
      }
    }
    return out;
  }

  /** Native: its own model of the job, or its figure backend's on that device × this backend's pairs with it. */
  private static Projection nativeRow(Side s, Calibration c, Workload w, Timed t) {
    CostModel own = own(c, w, t.all(), t.history());
    if (own != null) {
      return calibrated(c, own, w, job(t.jobs(), c));
    }
    Calibration ref = s.figureBackendDevices().stream().filter(f -> f != c && Objects.equals(f.device(), c.device()))
        .findFirst().orElse(null);
    CostModel borrowed = ref == null ? null : own(ref, w, t.all(), t.history());
    return borrowed == null ? flopRate(c, w) : ScaledRows.scaled(calibrated(ref, borrowed, w, job(t.jobs(), ref)), c, ref, t.all());
  }

  /**
   * A container: where its calibration took turns with native's on the same backend and device, native's
   * row × their paired ratio (the verdict's one figure for the two sides); outside the pairs its own
   * model of the job, or native's row × its own step over native's, labelled so; the FLOP rate only where
   * native has no row on that backend.
   */
  private static Projection container(Calibration c, Workload w, Timed t, List<Projection> natives, Side nat) {
    List<Calibration> all = t.all();
    Calibration ref = nat.options().stream().filter(n -> Objects.equals(n.backend(), c.backend())
        && Objects.equals(n.device(), c.device())).findFirst().orElse(null);
    Projection base = ref == null ? null : natives.stream().filter(p -> Objects.equals(p.backend(), c.backend())
        && Objects.equals(p.device(), c.device()) && !Projection.FLOP_RATE.equals(p.method())).findFirst().orElse(null);
    if (base != null && Paired.of(ref, c).isPresent()) {
      return ScaledRows.withOwnPipeline(ScaledRows.scaled(base, c, ref, all), base, w, job(t.jobs(), c), job(t.jobs(), ref));
    }
    CostModel own = own(c, w, all, t.history());
    if (own != null) {
      Projection p = calibrated(c, own, w, job(t.jobs(), c));
      return withBasis(p, p.basis() + "; its own timing: this side took no turns with native's " + c.backend());
    }
    return base == null ? flopRate(c, w) : ScaledRows.withOwnPipeline(ScaledRows.scaled(base, c, ref, all), base, w, job(t.jobs(), c), job(t.jobs(), ref));
  }

  private static Projection withBasis(Projection p, String basis) {
    return RecommendationProjectionBuilder.builder(p).basis(basis).build();
  }

  private static Projection flopRate(Calibration c, Workload w) {
    Projection p = Projector.project(c, w);
    if (p == null) {
      return null;
    }
    double images = (double) w.epochs() * w.images();
    double[] r = Ranges.meaningful(p.hoursLow(), p.hoursHigh()) ? new double[] {p.hoursLow(), p.hoursHigh()} : null;
    return RecommendationProjectionBuilder.builder().runtime(p.runtime()).backend(p.backend()).device(p.device())
        .hours(p.hours()).hoursLow(r == null ? null : r[0]).hoursHigh(r == null ? null : r[1])
        .method(Projection.FLOP_RATE).secondsPerImage(p.hours() * 3600 / images)
        .basis("the " + c.workload() + " calibration's FLOP rate ("
            + Format.number(c.achievedGflops() == null ? 0 : c.achievedGflops(), 1) + " GFLOP/s) applied to "
            + w.model() + "'s table FLOPs: the rougher path")
        .build();
  }

  /** The cost model of this calibration's runtime, backend and device for the job's model, or null. */
  static CostModel own(Calibration c, Workload w, List<Calibration> all) {
    return own(c, w, all, List.of());
  }

  /** As {@link #own(Calibration, Workload, List)}, its points pooled with the earlier runs'. */
  static CostModel own(Calibration c, Workload w, List<Calibration> all, List<EarlierPoint> history) {
    if (w.model() == null || Workloads.isStated(w)) {
      return null;
    }
    return CostModel.fit(w.model(), CostModel.pointsOf(all, w.model(), c.runtime(), c.backend(), c.device()), history);
  }

  /**
   * How much slower {@code c}'s step is than {@code ref}'s, per sample: their medians, or both means
   * where a quota throttled either side ({@link Calibration#typicalMs}), as the verdict reads them.
   */
  static double slower(Calibration c, Calibration ref, List<Calibration> all) {
    boolean throttled = Calibration.sideThrottled(all, c) || Calibration.sideThrottled(all, ref);
    return (c.typicalMs(throttled) / c.batch()) / (ref.typicalMs(throttled) / ref.batch());
  }

  /** The side's other parts of the job on c's device, or null. */
  static JobTiming job(List<JobTiming> jobs, Calibration c) {
    return jobs.stream().filter(j -> Objects.equals(j.runtime(), c.runtime()) && Objects.equals(j.backend(), c.backend())
        && Objects.equals(j.device(), c.device())).findFirst().orElse(null);
  }

  /**
   * A row from the side's own cost model: the step at the job's size, put together with the side's
   * other parts of the job where it timed them ({@link JobStep}); the range is the step's.
   */
  private static Projection calibrated(Calibration c, CostModel m, Workload w, JobTiming job) {
    double stepMs = m.stepMs(w.imgsz(), w.batch());
    Parts parts = job == null ? null : JobStep.compose(stepMs, w, job);
    double hours = hours(w, stepMs, parts);
    double[] spread = m.spread(w.imgsz(), w.batch());
    Projection.Pooled pooled = null;
    String pooling = "";
    if (m.pool() != null) {
      CostModel alone = m.pool().thisRun();
      double aloneMs = alone.stepMs(w.imgsz(), w.batch());
      double aloneHours = hours(w, aloneMs, job == null ? null : JobStep.compose(aloneMs, w, job));
      pooled = new Projection.Pooled(m.pool().runs(), aloneHours, m.pool().spread(), m.pool().since());
      pooling = Pooling.words(m.pool(), aloneHours) + "; ";
    }
    String basis = pooling + m.describe() + "; at " + w.imgsz() + " px × " + w.batch() + ": " + Format.number(stepMs, 0)
        + " ms per step" + (job == null || job.settings() == null ? "" : " (" + job.settings().describe() + ")")
        + (parts == null ? "" : "; the job's step " + Format.number(parts.jobStepMs(), 0) + " ms, " + parts.boundWords()
            + (parts.validationSeconds() == null ? "" : "; validation " + Format.seconds(parts.validationSeconds()) + " per epoch"))
        + "; p10–p90 " + Ranges.describe(spread);
    // per training image, validation apart, as bench/whole-job.py times it
    double perImage = (parts != null ? parts.jobStepMs() : stepMs) / 1000 / w.batch();
    return RecommendationProjectionBuilder.builder().runtime(c.runtime()).backend(c.backend()).device(c.device())
        .hours(hours).hoursLow(hours * spread[0]).hoursHigh(hours * spread[1]).method(Projection.CALIBRATED)
        .secondsPerImage(perImage).basis(basis).settings(job == null ? null : job.settings()).parts(parts)
        .pooled(pooled).build();
  }

  /** Epochs × (⌈images ÷ batch⌉ × the job's step + validation), or × the training step where no parts were timed. */
  static double hours(Workload w, double stepMs, Parts parts) {
    return parts != null ? JobStep.hours(w, parts) : w.epochs() * Math.ceil((double) w.images() / w.batch()) * stepMs / 3.6e6;
  }

  /**
   * The projection's assumptions: the calibrated path's cost model when a row used it, the FLOP-rate
   * path's arithmetic (named the rougher one, with its measured error) when a row used that.
   */
  public static List<String> assumptions(Workload w, Calibration reference, List<Side> ranked, List<Calibration> all,
      List<JobTiming> jobs, List<EarlierPoint> history) {
    List<Projection> rows = of(ranked, w, all, jobs, history);
    boolean flops = rows.isEmpty() || rows.stream().anyMatch(p -> Projection.FLOP_RATE.equals(p.method()));
    boolean whole = rows.stream().anyMatch(p -> p.parts() != null);
    List<String> a = new ArrayList<>();
    if (rows.stream().anyMatch(p -> !Projection.FLOP_RATE.equals(p.method()))) {
      a.add("workload " + w.name() + ": " + w.model() + ", " + Words.count(w.epochs(), "epoch") + " × "
          + Format.number(w.images(), 0) + " images at " + w.imgsz() + " px, batch " + w.batch());
      a.add("projected from " + w.model() + " itself (envdoctor builds it: Conv-BN-SiLU, C2f, SPPF, PAN-FPN, "
          + "the DFL head and its detection loss), timed at two sizes up to the job's own per device; the step time is fitted as "
          + "t = a + b × imgsz² × batch and extended to the job's size"
          + (whole ? "" : "; hours = epochs × ⌈images ÷ batch⌉ × t"));
      rows.stream().filter(p -> !Projection.FLOP_RATE.equals(p.method()))
          .forEach(p -> a.add(p.runtime() + " " + p.backend() + " " + p.device() + ": " + p.basis()));
      if (whole) {
        a.add("each row is timed in the settings its trainer would use on that side (threads, precision; see the row): "
            + "the job's step puts the training step together with its input pipeline (JPEGs decoded, resized, "
            + "mosaicked, warped and flipped as the trainer's DataLoader does), serially with workers 0, else the "
            + "slower of the two (measured together where the workers share the step's CPUs); a validation forward "
            + "at batch × 2 over " + Format.number(w.validationImages(), 0) + " images per epoch; hours = epochs × "
            + "(⌈images ÷ batch⌉ × the job's step + validation); checkpoints are not included");
      } else {
        a.add("synthetic images and boxes from a random init: data loading, augmentation, validation, "
            + "checkpoints and mixed precision are not included");
      }
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
