package dev.envdoctor.race;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.PairedRatio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The race's verdict, a pure function of the timed pairs: the container's median wall time over
 * native's, its interval from the pairs (each pair ran back to back, so drift slower than a pair
 * cancels), and the words; the decision against the parity band is the verdict's own ({@link Decision}).
 */
public final class RaceVerdict {

  /**
   * @param ratio    container median / native median
   * @param low      interval's low end, null under two pairs
   * @param high     interval's high end
   * @param decision native-faster | container-faster | parity | undecided
   * @param words    the verdict line
   */
  public record Result(double ratio, Double low, Double high, int pairs, String decision, String words) {}

  private RaceVerdict() {}

  /** @param nativeSeconds and containerSeconds: the timed runs, pair i is (nativeSeconds[i], containerSeconds[i]) */
  public static Result decide(List<Double> nativeSeconds, List<Double> containerSeconds, String runtime) {
    int n = Math.min(nativeSeconds.size(), containerSeconds.size());
    if (n == 0) {
      throw new IllegalArgumentException("no timed pair");
    }
    List<Double> timeRatios = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      timeRatios.add(containerSeconds.get(i) / nativeSeconds.get(i));
    }
    // each pair's time ratio is native's speed over the container's: side A is native
    Decision d = Decision.of(PairedRatio.of(timeRatios));
    PairedRatio paired = d.estimate();
    double ratio = median(containerSeconds.subList(0, n)) / median(nativeSeconds.subList(0, n));
    Double low = paired.hasInterval() ? paired.low() : null;
    Double high = paired.hasInterval() ? paired.high() : null;
    String ci = low == null ? "one pair, no interval" : String.format(Locale.ROOT, "95%% CI %s–%s×, %d pairs", x(low), x(high), n);
    return switch (d.kind()) {
      case A_FASTER -> new Result(ratio, low, high, n, "native-faster",
          "natively " + x(ratio) + "× faster than in " + runtime + " (" + ci + ")");
      case B_FASTER -> new Result(ratio, low, high, n, "container-faster",
          "in " + runtime + " " + x(1 / ratio) + "× faster than natively (" + ci + ")");
      case PARITY -> new Result(ratio, low, high, n, "parity", "no measurable difference: " + runtime + " takes "
          + x(ratio) + "× native's time (" + ci + "); prefer the container: it is reproducible");
      case UNDECIDED -> new Result(ratio, low, high, n, "undecided", "too noisy to tell: " + runtime + " takes "
          + x(ratio) + "× native's time (" + ci + "); rerun with --repeat " + Math.max(2 * n, 3)
          + " for a tighter interval");
    };
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
  }

  static String x(double v) {
    return String.format(Locale.ROOT, v >= 10 ? "%.1f" : "%.2f", v);
  }
}
