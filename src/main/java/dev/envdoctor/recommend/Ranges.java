package dev.envdoctor.recommend;

import dev.envdoctor.model.Recommendation.Projection;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import java.util.List;
import dev.envdoctor.model.Recommendation;

/**
 * A projection's p10–p90 range as factors of its figure, and when a range means anything. The range
 * joins independent parts on the log scale (their half-widths add in quadrature): a fit's points, the
 * run-to-run floor, a paired ratio's interval. Pure arithmetic.
 */
public final class Ranges {

  /** p10–p90: the central 80%. */
  public static final double CONFIDENCE = 0.80;

  /** The normal quantile of p90. */
  static final double Z90 = 1.2815516;

  /**
   * An interval whose ends differ by more than this factor says nothing about the figure it brackets
   * (a contended run's `1.84e-09–2.53e+07`): it is not printed.
   */
  public static final double MEANINGLESS = 10;

  private Ranges() {}

  /** Whether low–high is an interval worth printing: both ends finite and positive, within {@link #MEANINGLESS}. */
  public static boolean meaningful(Double low, Double high) {
    return low != null && high != null && Double.isFinite(low) && Double.isFinite(high) && low > 0 && high >= low
        && high / low <= MEANINGLESS;
  }

  /** Whether a ratio's interval is worth printing, as {@link #meaningful(Double, Double)}; false without one. */
  static boolean meaningful(RatioEstimate r) {
    return r.hasInterval() && meaningful(r.low(), r.high());
  }

  /**
   * The verdict's 95% interval where it means anything, else empty: the one test every renderer
   * applies, to a report that left a meaningless one out and to an older one that kept it.
   */
  public static List<Double> speedupInterval(Recommendation rec) {
    List<Double> ci = rec.speedupCi95();
    return ci.size() == 2 && meaningful(ci.get(0), ci.get(1)) ? ci : List.of();
  }

  /** Whether the verdict had an interval too wide to mean anything (left out, or kept by an older report). */
  public static boolean speedupTooWide(Recommendation rec) {
    return (rec.measurement() != null && Boolean.TRUE.equals(rec.measurement().speedupCi95TooWide()))
        || (rec.speedupCi95().size() == 2 && speedupInterval(rec).isEmpty());
  }

  /** {p10, p90} as factors of the figure for a log-scale standard deviation. */
  static double[] of(double sdLog) {
    return new double[] {Math.exp(-Z90 * sdLog), Math.exp(Z90 * sdLog)};
  }

  /**
   * base's range widened by an independent factor's p10 and p90 half-widths (logs), as factors of the
   * product; null where base has no range.
   */
  static double[] join(Projection base, double lowLog, double highLog) {
    if (!meaningful(base.hoursLow(), base.hoursHigh()) || base.hours() <= 0) {
      return null;
    }
    double lo = Math.log(base.hours() / base.hoursLow());
    double hi = Math.log(base.hoursHigh() / base.hours());
    return new double[] {Math.exp(-Math.hypot(lo, lowLog)), Math.exp(Math.hypot(hi, highLog))};
  }

  /** "0.89–1.12× of the figure". */
  static String describe(double[] factors) {
    return Format.number(factors[0], 2) + "–" + Format.number(factors[1], 2) + "× of the figure";
  }
}
