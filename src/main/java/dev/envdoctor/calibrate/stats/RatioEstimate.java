package dev.envdoctor.calibrate.stats;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How many times faster run A is than run B, from their step times: the ratio of their work rates
 * (work per step ÷ median step time), with a 95% percentile-bootstrap interval. Each resample
 * draws both step lists with replacement and takes the ratio of the medians. The generator has a
 * fixed seed, so the same step times always give the same interval (reports are compared, and a
 * verdict that flips between runs of the same numbers would be a defect).
 *
 * @param ratio  work rate of A ÷ work rate of B from the full samples' medians
 * @param low    2.5th percentile of the bootstrap ratios; null without step times
 * @param high   97.5th percentile; null without step times
 */
public record RatioEstimate(double ratio, Double low, Double high) {

  public static final int RESAMPLES = 2000;
  public static final long SEED = 20261125L;

  /** True when the interval includes 1: the runs are not measurably different. */
  public boolean spansOne() {
    return hasInterval() && low <= 1.0 && high >= 1.0;
  }

  public boolean hasInterval() {
    return low != null && high != null;
  }

  /** B relative to A: the reciprocal ratio and interval. */
  public RatioEstimate inverse() {
    return new RatioEstimate(1.0 / ratio, high == null ? null : 1.0 / high, low == null ? null : 1.0 / low);
  }

  /**
   * A's speed over B's. workA and workB are the work one step does (FLOPs, or samples when no FLOP
   * count is known), so runs with different batches still compare per unit of work.
   */
  public static RatioEstimate speedup(List<Double> stepsA, double workA, List<Double> stepsB, double workB) {
    return speedup(stepsA, workA, stepsB, workB, Double.NaN, Double.NaN);
  }

  /**
   * As {@link #speedup(List, double, List, double)}, with the medians to use where a run has no
   * step times (an older report): then the ratio has no interval.
   */
  public static RatioEstimate speedup(List<Double> stepsA, double workA, List<Double> stepsB, double workB,
      double medianA, double medianB) {
    double[] a = toArray(stepsA);
    double[] b = toArray(stepsB);
    double scale = workA / workB;
    if (a.length == 0 || b.length == 0) {
      double ma = a.length > 0 ? median(a) : medianA;
      double mb = b.length > 0 ? median(b) : medianB;
      return new RatioEstimate(scale * mb / ma, null, null);
    }
    double point = scale * median(b) / median(a);
    RandomGenerator rnd = new Well19937c(SEED);
    double[] ratios = new double[RESAMPLES];
    double[] ra = new double[a.length];
    double[] rb = new double[b.length];
    for (int i = 0; i < RESAMPLES; i++) {
      resample(a, ra, rnd);
      resample(b, rb, rnd);
      ratios[i] = scale * median(rb) / median(ra);
    }
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    p.setData(ratios);
    return new RatioEstimate(point, p.evaluate(2.5), p.evaluate(97.5));
  }

  /** The median (mean of the middle two for an even count); the array is sorted in place. */
  public static double median(double[] values) {
    java.util.Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
  }

  /** The q-quantile (0..1) by linear interpolation between order statistics. */
  public static double quantile(List<Double> values, double q) {
    double[] v = toArray(values);
    java.util.Arrays.sort(v);
    double pos = (v.length - 1) * q;
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  }

  private static void resample(double[] from, double[] into, RandomGenerator rnd) {
    for (int i = 0; i < into.length; i++) {
      into[i] = from[rnd.nextInt(from.length)];
    }
  }

  private static double[] toArray(List<Double> values) {
    return values == null ? new double[0] : values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
