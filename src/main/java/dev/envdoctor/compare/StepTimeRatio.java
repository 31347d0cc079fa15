package dev.envdoctor.compare;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * OTHER's median step time over BASE's for one (runtime, backend, device, workload), with a 95%
 * percentile-bootstrap interval over the two samples of step times (fixed seed: the same reports
 * always give the same interval). Deliberately small: the verdict's RatioEstimate may replace it.
 */
public record StepTimeRatio(String runtime, String backend, String device, String workload,
    double ratio, Double low, Double high, double baseMedianMs, double otherMedianMs) {

  static final long SEED = 20_261_125L;
  private static final int RESAMPLES = 2_000;

  /** An interval that excludes 1: the two machines really differ here. */
  public boolean measurable() {
    return low != null && high != null && (low > 1 || high < 1);
  }

  static StepTimeRatio of(String runtime, String backend, String device, String workload,
      List<Double> baseSteps, Double baseMedian, List<Double> otherSteps, Double otherMedian) {
    double[] b = clean(baseSteps);
    double[] o = clean(otherSteps);
    double bm = b.length > 0 ? median(b) : baseMedian;
    double om = o.length > 0 ? median(o) : otherMedian;
    if (b.length < 3 || o.length < 3) {
      return new StepTimeRatio(runtime, backend, device, workload, om / bm, null, null, bm, om);
    }
    RandomGenerator rng = new Well19937c(SEED);
    double[] ratios = new double[RESAMPLES];
    for (int i = 0; i < RESAMPLES; i++) {
      ratios[i] = median(resample(o, rng)) / median(resample(b, rng));
    }
    Percentile p = new Percentile();
    p.setData(ratios);
    return new StepTimeRatio(runtime, backend, device, workload, om / bm, p.evaluate(2.5), p.evaluate(97.5), bm, om);
  }

  private static double[] clean(List<Double> steps) {
    return steps == null ? new double[0]
        : steps.stream().filter(d -> d != null && d > 0 && Double.isFinite(d)).mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] resample(double[] xs, RandomGenerator rng) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = xs[rng.nextInt(xs.length)];
    }
    return out;
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
