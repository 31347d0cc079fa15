package dev.envdoctor.calibrate.stats;

import dev.envdoctor.model.Burst;
import java.util.List;

/**
 * How much one side's figure moves from burst to burst within a run: the sample standard deviation
 * of the log of its bursts' figures (Burst.typicalMs) (rounds after the warm-up one). It stands for the run-to-run
 * dispersion of the report's figure: two reports' figures are compared within both spreads.
 */
public final class Dispersion {

  private Dispersion() {}

  /** The spread (sd of log burst figures, about the relative spread), or null with fewer than two bursts. */
  public static Double sdLog(List<Burst> bursts) {
    double[] logs = bursts.stream().filter(b -> b.round() != null && b.round() > 0).map(Dispersion::throughputMs)
        .filter(ms -> ms != null && ms > 0).mapToDouble(Math::log).toArray();
    if (logs.length < 2) {
      return null;
    }
    double mean = java.util.Arrays.stream(logs).average().orElseThrow();
    double ss = 0;
    for (double l : logs) {
      ss += (l - mean) * (l - mean);
    }
    return Math.sqrt(ss / (logs.length - 1));
  }

  /** A burst's figure, as the pairs read it ({@link Burst#typicalMs}). */
  public static Double throughputMs(Burst b) {
    return b.typicalMs(b.throttled());
  }

  /**
   * OTHER's figure over BASE's with a 95% interval from both reports' spreads (normal on the log
   * scale: each figure is taken as one draw with its report's spread). A report without bursts
   * borrows the other's spread.
   *
   * @return {ratio, low, high}
   */
  public static double[] ratio(double baseMedian, Double baseSd, double otherMedian, Double otherSd) {
    double sb = baseSd != null ? baseSd : otherSd;
    double so = otherSd != null ? otherSd : baseSd;
    double r = otherMedian / baseMedian;
    double half = 1.959964 * Math.sqrt(sb * sb + so * so);
    return new double[] {r, r * Math.exp(-half), r * Math.exp(half)};
  }
}
