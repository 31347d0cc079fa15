package dev.envdoctor.race;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.PairedRatio;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The race's verdict, a pure function of the timed pairs: the container's median wall time over
 * native's, its interval from the pairs (each pair ran back to back, so drift slower than a pair
 * cancels), and the decision against the parity band ({@link Decision}'s, the one band of every
 * verdict); {@link #words} says it.
 */
public final class RaceVerdict {

  private RaceVerdict() {}

  /** @param nativeSeconds and containerSeconds: the timed runs, pair i is (nativeSeconds[i], containerSeconds[i]) */
  public static RaceDecision decide(List<Double> nativeSeconds, List<Double> containerSeconds) {
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
    RaceDecision.Kind kind = switch (d.kind()) {
      case A_FASTER -> RaceDecision.Kind.NATIVE_FASTER;
      case B_FASTER -> RaceDecision.Kind.CONTAINER_FASTER;
      case PARITY -> RaceDecision.Kind.PARITY;
      case UNDECIDED -> RaceDecision.Kind.UNDECIDED;
    };
    return new RaceDecision(kind, ratio, low, high, n);
  }

  /** The verdict line, {@code runtime} the container's engine. */
  public static String words(RaceDecision d, String runtime) {
    String ci = d.low() == null ? "one pair, no interval"
        : String.format(Locale.ROOT, "95%% CI %s–%s×, %d pairs", x(d.low()), x(d.high()), d.pairs());
    return switch (d.kind()) {
      case NATIVE_FASTER -> "natively " + x(d.ratio()) + "× faster than in " + runtime + " (" + ci + ")";
      case CONTAINER_FASTER -> "in " + runtime + " " + x(1 / d.ratio()) + "× faster than natively (" + ci + ")";
      case PARITY -> "no measurable difference: " + runtime + " takes " + x(d.ratio()) + "× native's time (" + ci
          + "); prefer the container: it is reproducible";
      case UNDECIDED -> "too noisy to tell: " + runtime + " takes " + x(d.ratio()) + "× native's time (" + ci
          + "); rerun with --repeat " + Math.max(2 * d.pairs(), 3) + " for a tighter interval";
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
