package dev.envdoctor.calibrate;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The statistics of a run's step times, as docs/calibration.md defines them: percentiles by linear
 * interpolation (Hyndman–Fan R-7, numpy's default, so the Python backend's figures compare), and
 * the coefficient of variation from the sample standard deviation.
 */
public record StepStats(int n, double medianMs, double p10Ms, double p90Ms, double meanMs, double cv) {

  public static StepStats of(List<Double> stepTimesMs) {
    if (stepTimesMs.isEmpty()) {
      throw new IllegalArgumentException("no step times");
    }
    double[] v = stepTimesMs.stream().mapToDouble(Double::doubleValue).toArray();
    Percentile p = new Percentile().withEstimationType(EstimationType.R_7);
    p.setData(v);
    DescriptiveStatistics d = new DescriptiveStatistics(v);
    double mean = d.getMean();
    double sd = v.length > 1 ? d.getStandardDeviation() : 0.0;
    return new StepStats(v.length, p.evaluate(50), p.evaluate(10), p.evaluate(90), mean, mean > 0 ? sd / mean : 0.0);
  }

  /** Samples per second at the median step. */
  public double samplesPerSecond(int batch) {
    return batch / (medianMs / 1000.0);
  }

  /** Achieved GFLOP/s at the median step, from the workload's analytic FLOPs per step. */
  public double achievedGflops(double flopsPerStep) {
    return flopsPerStep / (medianMs / 1000.0) / 1e9;
  }
}
