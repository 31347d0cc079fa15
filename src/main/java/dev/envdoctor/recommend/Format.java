package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.ProjectionPlan;
import dev.envdoctor.calibrate.ProjectionPoint;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import java.util.List;
import java.util.Locale;
import dev.envdoctor.model.JobTiming;
import dev.envdoctor.model.Recommendation;

/** Number formats of the verdict's sentences and tables. */
public final class Format {

  private Format() {}

  /** 11.6×, 1.03×: two decimals under 10, one above. */
  public static String times(double ratio) {
    return (ratio < 10 ? String.format(Locale.ROOT, "%.2f", ratio) : String.format(Locale.ROOT, "%.1f", ratio)) + "×";
  }

  /** "11.6×, 95% CI 11.2–12.0×", or just the ratio without an interval. */
  public static String ratio(RatioEstimate r) {
    if (!r.hasInterval()) {
      return times(r.ratio());
    }
    return times(r.ratio()) + ", 95% CI " + interval(r);
  }

  /** ", 95% CI 11.2–12.0×" where the interval means anything ({@link Ranges#meaningful}), else what it is instead. */
  public static String ci95(RatioEstimate r) {
    return Ranges.meaningful(r) ? ", 95% CI " + interval(r)
        : r.hasInterval() ? ", a 95% interval too wide to mean anything" : "";
  }

  /** A projection row's p10–p90 cell ("44.0–46.3 days"), the one test for console and files; null where it means nothing. */
  public static String hoursRange(Recommendation.Projection p) {
    return Ranges.meaningful(p.hoursLow(), p.hoursHigh()) ? hoursRange(p.hoursLow(), p.hoursHigh(), p.hours()) : null;
  }

  /** "11.2–12.0×"; "" without an interval. */
  public static String interval(RatioEstimate r) {
    return r.hasInterval() ? bare(r.low(), r.ratio()) + "–" + times(r.high()) : "";
  }

  /** The runtime's name as a person writes it: Docker, Podman, Apple container. */
  public static String label(String runtime) {
    if (runtime == null || runtime.isEmpty()) {
      return "?";
    }
    if ("container".equals(runtime)) {
      return "Apple container"; // "Container" alone would read as any container
    }
    return runtime.substring(0, 1).toUpperCase(Locale.ROOT) + runtime.substring(1);
  }

  public static String number(double v, int decimals) {
    return String.format(Locale.ROOT, "%,." + decimals + "f", v);
  }

  /** Hours as a person reads them: 40 s, 45 min, 12.4 h, 3.2 days: the one unit of a projection in every format. */
  public static String hours(double h) {
    return hours(h, h);
  }

  /** h in the unit that suits {@code like}, so that a range reads in one unit: "46.9–53.3 days". */
  public static String hours(double h, double like) {
    if (like < 1.0 / 60) {
      return String.format(Locale.ROOT, "%.0f s", h * 3600);
    }
    if (like < 1) {
      return String.format(Locale.ROOT, "%.0f min", h * 60);
    }
    if (like < 48) {
      return String.format(Locale.ROOT, "%.1f h", h);
    }
    return String.format(Locale.ROOT, "%.1f days", h / 24);
  }

  /** Seconds of a short part (validation per epoch): "0.08 s" below 10 s, else as {@link #hours}. */
  public static String seconds(double s) {
    return s < 10 ? String.format(Locale.ROOT, "%.2g s", s) : hours(s / 3600);
  }

  /** "44.6–48.7 days". */
  public static String hoursRange(double low, double high, double like) {
    String lo = hours(low, like);
    return lo.substring(0, lo.indexOf(' ')) + "–" + hours(high, like);
  }

  /** v with as many decimals as the ratio it bounds, and no sign. */
  private static String bare(double v, double like) {
    return String.format(Locale.ROOT, like < 10 ? "%.2f" : "%.1f", v);
  }

  /**
   * The trainer's settings the row was timed in and how its parts make the job's step (issue #29):
   * "1 thread, data in the training process, fp32; data loading serial with the step: 14% of each
   * step; validation 3 min per epoch; not measured: checkpoints", or null where the row has neither.
   */
  public static String jobAsTimed(Recommendation.Projection p) {
    List<String> out = new java.util.ArrayList<>();
    if (p.settings() != null) {
      out.add(p.settings().trainer() + ": " + p.settings().describe());
    }
    var parts = p.parts();
    if (parts != null) {
      out.add(parts.boundWords());
      if (parts.validationSeconds() != null) {
        out.add("validation " + seconds(parts.validationSeconds()) + " per epoch");
      }
      if (!parts.notMeasured().isEmpty()) {
        out.add("not measured: " + String.join(", ", parts.notMeasured()));
      }
    }
    return out.isEmpty() ? null : String.join("; ", out);
  }

  /** A better setting counts as a finding from this gain on (as the thread check's). */
  public static final double MIN_GAIN = 1.1;

  /**
   * The better settings the sides timed, one line each: "native python cpu: 2 threads instead of 1
   * thread ran yolov8n at 320 px × 8 6.30× faster here; fix: torch.set_num_threads(2) ...".
   */
  public static List<String> better(List<JobTiming> jobs) {
    List<String> out = new java.util.ArrayList<>();
    for (var j : jobs) {
      for (var b : j.better()) {
        if (b.gain() != null && b.gain() >= MIN_GAIN) {
          out.add(j.runtime() + " " + j.backend() + " " + j.device() + ": " + b.better() + " instead of " + b.setting()
              + " ran " + b.at() + " " + number(b.gain(), 2) + "× faster here; fix: " + b.fix());
        }
      }
    }
    return out;
  }

  /**
   * Sides that timed their input pipeline without points of their own (a container's Python): "docker
   * python: the input pipeline made an image in 0.036 s (PIL 9.4.0, synthetic 1280x720 JPEGs); its
   * rows' step is native's × the paired ratio, with this pipeline" (ScaledRows.withOwnPipeline).
   */
  public static List<String> pipelinesAlone(List<JobTiming> jobs) {
    return jobs.stream().filter(j -> j.data() != null && j.validation() == null && j.settings() == null)
        .map(j -> j.runtime() + " " + j.backend() + ": the input pipeline made an image in "
            + number(j.data().secondsPerImage(), 3) + " s in one process (" + j.data().library() + ", "
            + (j.data().source().startsWith("dir:") ? j.data().source() : "synthetic " + j.data().source() + " JPEGs")
            + "); its rows' step is native's × the paired ratio, put together with this pipeline where it took turns with native")
        .toList();
  }

  /**
   * A verdict workload as a heading names it: a named job's step (its burst point) says what it is,
   * {@code yolov8n@64x2: your job's network at 64 px × 2, each side in its trainer's settings}.
   */
  public static String workload(String w) {
    if (!ProjectionPlan.isJobStep(w)) {
      return w;
    }
    ProjectionPoint p = ProjectionPoint.parse(w);
    return w + ": your job's network at " + p.imgsz() + " px × " + p.batch() + ", each side in its trainer's settings";
  }
}
