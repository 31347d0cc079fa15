package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.PairedRatio;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.Contention;
import dev.envdoctor.model.CpuAllowance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The measured facts around a verdict, in words: what else used the CPUs while the sides took
 * turns, what each side was allowed to use, and, when the turns could not decide, what made them
 * noisy. Pure functions of the calibrations.
 */
public final class Measured {

  private Measured() {}

  /** The busiest contention among the calibrations, or null. */
  static Contention worst(List<Calibration> cs) {
    return cs.stream().map(Calibration::contention).filter(Objects::nonNull)
        .max(java.util.Comparator.comparingDouble(c -> Math.max(n(c.othersCpus()), n(c.stealCpus())))).orElse(null);
  }

  public static boolean contended(List<Calibration> cs) {
    Contention c = worst(cs);
    return c != null && c.contended();
  }

  /** "other processes used 0.9 of 2 CPUs during the calibration (stress 0.9 CPU)"; null when nobody took a quarter CPU. */
  public static String contention(List<Calibration> cs) {
    return during(worst(cs));
  }

  /** {@link #contention} of one contention, the worst. */
  static String during(Contention worst) {
    return words(worst, "during the calibration");
  }

  /** The sides' CPU allowances as a cause, when they may use different numbers of CPUs; null when the same. */
  static Cause.CpuAllowances allowances(Calibration nativeFigure, Calibration boxFigure, String boxName) {
    CpuAllowance a = nativeFigure.allowance();
    CpuAllowance b = boxFigure.allowance();
    if (!differ(a == null ? null : a.effectiveCpus(), b == null ? null : b.effectiveCpus())) {
      return null;
    }
    return new Cause.CpuAllowances(boxName, a, nativeFigure.contention(), b, boxFigure.contention());
  }

  /**
   * "other processes used 1.0 of 2 CPUs while the projection's points were timed (sh 1.0 CPU)": the
   * worst contention of the projection's own turns, whose long steps load stretches most; null when
   * nobody took a quarter CPU then (or the report predates their metering).
   */
  public static String projectionContention(List<Calibration> all) {
    return words(worst(all.stream().filter(Projections::isProjectionCalibration).toList()),
        "while the projection's points were timed");
  }

  /** Either contention, joined; null when neither. */
  static String either(String verdict, String projection) {
    return verdict == null ? projection : projection == null ? verdict : verdict + "; " + projection;
  }

  private static String words(Contention c, String during) {
    if (c == null || !c.contended()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (n(c.othersCpus()) >= Contention.CONTENDED_CPUS) {
      parts.add("other processes used " + num(c.othersCpus()) + (c.hostCpus() == null ? "" : " of " + c.hostCpus())
          + " CPUs " + during + (c.topOthers().isEmpty() ? "" : " (" + String.join(", ", c.topOthers()) + ")"));
    }
    if (n(c.stealCpus()) >= Contention.CONTENDED_CPUS) {
      parts.add("the hypervisor took " + num(c.stealCpus()) + " CPUs (steal)");
    }
    return String.join("; ", parts);
  }

  /**
   * "natively envdoctor may use half a CPU (cgroup quota, throttled 41 times); the docker container
   * gets 2 CPUs", when the two sides may use different numbers of CPUs; null when they may use the same.
   */
  static String allowance(Cause.CpuAllowances c) {
    return "natively envdoctor may use " + cpus(c.nativeAllowance().effectiveCpus()) + limit(c.nativeAllowance(), c.nativeDuring())
        + "; the " + c.runtime() + " container gets " + cpus(c.boxAllowance().effectiveCpus())
        + limit(c.boxAllowance(), c.boxDuring());
  }

  /**
   * compare's reading of one side in two reports: "it may use half a CPU (cgroup quota, throttled 41
   * times; BASE: 2 CPUs)" when OTHER's side may use {@code fewer} (or, false, more) CPUs than BASE's,
   * by a tenth or more; null otherwise.
   */
  public static String allowanceChange(CpuAllowance a, CpuAllowance b, Contention otherDuring, boolean fewer) {
    if (!allowanceChanged(a, b, fewer)) {
      return null;
    }
    String why = limitedBy(b, otherDuring);
    return "it may use " + cpus(b.effectiveCpus()) + " (" + (why == null ? "" : why + "; ") + "BASE: "
        + cpus(a.effectiveCpus()) + ")";
  }

  /** Whether OTHER's side ({@code b}) may use {@code fewer} (or, false, more) CPUs than BASE's, by a tenth or more. */
  public static boolean allowanceChanged(CpuAllowance a, CpuAllowance b, boolean fewer) {
    Double ea = a == null ? null : a.effectiveCpus();
    Double eb = b == null ? null : b.effectiveCpus();
    return differ(ea, eb) && (eb < ea) == fewer;
  }

  /** Whether two sides' CPU counts are both known and differ by a tenth of the larger or more. */
  private static boolean differ(Double ea, Double eb) {
    return ea != null && eb != null && Math.abs(ea - eb) >= 0.1 * Math.max(ea, eb);
  }

  /** " (cgroup quota, throttled 41 times)", or "" when nothing limits it. */
  private static String limit(CpuAllowance a, Contention during) {
    String why = limitedBy(a, during);
    return why == null ? "" : " (" + why + ")";
  }

  /** "cgroup quota, throttled 41 times", "affinity", or null when nothing limits it. */
  private static String limitedBy(CpuAllowance a, Contention during) {
    String by = a.limitedBy();
    if (by == null) {
      return null;
    }
    Long throttled = during != null && during.nrThrottled() != null ? during.nrThrottled() : a.nrThrottled();
    return by + (throttled != null && throttled > 0 ? ", throttled " + throttled + " times" : "");
  }

  /** What made an undecided pair noisy: contention if any was seen, else the spread of the pairs. */
  static String noisyBecause(PairedRatio r, List<Calibration> cs) {
    String busy = contention(cs);
    String spread = Double.isNaN(r.sdLog()) ? "only " + r.pairs() + " pair of bursts"
        : "the " + r.pairs() + " pairs of bursts spread by " + Math.round((Math.exp(r.sdLog()) - 1) * 100) + "%";
    return busy == null ? spread : busy + "; " + spread;
  }

  /** "half a CPU", "1 CPU", "1.5 CPUs", "2 CPUs". */
  static String cpus(double n) {
    if (Math.abs(n - 0.5) < 1e-9) {
      return "half a CPU";
    }
    return num(n) + (Math.abs(n - 1) < 1e-9 ? " CPU" : " CPUs");
  }

  private static String num(Double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static double n(Double v) {
    return v == null ? 0 : v;
  }
}
