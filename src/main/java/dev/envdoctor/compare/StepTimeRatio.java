package dev.envdoctor.compare;

import dev.envdoctor.calibrate.stats.RatioEstimate;
import java.util.List;

/**
 * OTHER's median step time over BASE's for one (runtime, backend, device, workload), with a 95%
 * percentile-bootstrap interval over the two samples of step times (fixed seed: the same reports
 * always give the same interval), computed by the verdict's {@link RatioEstimate}.
 */
public record StepTimeRatio(String runtime, String backend, String device, String workload,
    double ratio, Double low, Double high, double baseMedianMs, double otherMedianMs) {

  /** An interval that excludes 1: the two machines really differ here. */
  public boolean measurable() {
    return low != null && high != null && (low > 1 || high < 1);
  }

  static StepTimeRatio of(String runtime, String backend, String device, String workload,
      List<Double> baseSteps, Double baseMedian, List<Double> otherSteps, Double otherMedian) {
    List<Double> b = clean(baseSteps);
    List<Double> o = clean(otherSteps);
    double bm = b.isEmpty() ? orNaN(baseMedian) : RatioEstimate.quantile(b, 0.5);
    double om = o.isEmpty() ? orNaN(otherMedian) : RatioEstimate.quantile(o, 0.5);
    // speedup(A, B) is B's step time over A's per unit of work: OTHER's over BASE's here
    RatioEstimate r = RatioEstimate.speedup(b, 1, o, 1, bm, om);
    return new StepTimeRatio(runtime, backend, device, workload, r.ratio(), r.low(), r.high(), bm, om);
  }

  private static List<Double> clean(List<Double> steps) {
    return steps == null ? List.of() : steps.stream().filter(d -> d != null && d > 0 && Double.isFinite(d)).toList();
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }
}
