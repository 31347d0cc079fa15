package dev.envdoctor.fleet;

import java.util.Arrays;
import java.util.List;

/** Median and median absolute deviation: statistics one bad node cannot drag along. */
public final class Robust {

  /** MAD × this estimates the standard deviation of normally distributed figures. */
  public static final double MAD_TO_SIGMA = 1.4826;

  private Robust() {}

  public static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }

  public static double mad(List<Double> values) {
    double med = median(values);
    return median(values.stream().map(x -> Math.abs(x - med)).toList());
  }

  static double[] sorted(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return v;
  }
}
