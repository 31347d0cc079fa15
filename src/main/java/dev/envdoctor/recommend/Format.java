package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.RatioEstimate;
import java.util.Locale;
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

  /** "44.6–48.7 days". */
  public static String hoursRange(double low, double high, double like) {
    String lo = hours(low, like);
    return lo.substring(0, lo.indexOf(' ')) + "–" + hours(high, like);
  }

  /** v with as many decimals as the ratio it bounds, and no sign. */
  private static String bare(double v, double like) {
    return String.format(Locale.ROOT, like < 10 ? "%.2f" : "%.1f", v);
  }
}
