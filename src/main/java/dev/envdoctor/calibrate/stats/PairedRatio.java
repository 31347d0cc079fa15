package dev.envdoctor.calibrate.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import dev.envdoctor.model.Burst;

/**
 * How many times faster side A is than side B, from interleaved bursts: one ratio per pair of
 * bursts (A and B timed back to back, in either order), and a 95% t-interval over the pairs'
 * log-ratios. The machine's drift slower than a pair cancels inside each ratio, so the interval
 * says how much the sides differ, not how much the machine moved between them; what is left is
 * the noise faster than a pair (another process taking the CPU for part of one burst). Used by
 * the verdict (doctor, recommend), compare and any command that races two sides.
 *
 * @param pairs how many pairs the interval is made of
 * @param ratio the geometric mean of the pairs' ratios (A's speed over B's)
 * @param low 2.5% end of the interval; NaN with fewer than two pairs
 * @param high 97.5% end; NaN with fewer than two pairs
 * @param sdLog the pairs' standard deviation of log-ratio (about their relative spread); NaN under two
 */
public record PairedRatio(int pairs, double ratio, double low, double high, double sdLog) {

  /** Two-sided 95%. */
  public static final double CONFIDENCE = 0.95;

  public boolean hasInterval() {
    return pairs >= 2 && !Double.isNaN(low);
  }

  /** The same figure as a ratio estimate, for the one way ratios and their intervals are printed. */
  public RatioEstimate estimate() {
    return new RatioEstimate(ratio, hasInterval() ? low : null, hasInterval() ? high : null);
  }

  /**
   * The same estimate with its interval at another confidence (the parity test's 90%: {@link
   * Decision}); unchanged without an interval.
   */
  public PairedRatio at(double confidence) {
    if (!hasInterval() || Double.isNaN(sdLog)) {
      return this;
    }
    double t = new TDistribution(pairs - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double half = t * sdLog / Math.sqrt(pairs);
    double mean = Math.log(ratio);
    return new PairedRatio(pairs, ratio, Math.exp(mean - half), Math.exp(mean + half), sdLog);
  }

  /** B over A. */
  public PairedRatio inverse() {
    return new PairedRatio(pairs, 1 / ratio, 1 / high, 1 / low, sdLog);
  }

  /** From the pairs' ratios (each A's speed over B's in that pair); at least one. */
  public static PairedRatio of(List<Double> ratios) {
    if (ratios.isEmpty()) {
      throw new IllegalArgumentException("no pairs");
    }
    int n = ratios.size();
    double[] logs = ratios.stream().mapToDouble(Math::log).toArray();
    double mean = java.util.Arrays.stream(logs).average().orElseThrow();
    if (n < 2) {
      return new PairedRatio(n, Math.exp(mean), Double.NaN, Double.NaN, Double.NaN);
    }
    double ss = 0;
    for (double l : logs) {
      ss += (l - mean) * (l - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    double half = t * sd / Math.sqrt(n);
    return new PairedRatio(n, Math.exp(mean), Math.exp(mean - half), Math.exp(mean + half), sd);
  }

  /** Fewest quiet rounds that are worth pairing on their own. */
  public static final int MIN_QUIET = 3;
  /** Others keeping this much of a CPU busy during either burst make a round contended (as Contention says). */
  public static final double CONTENDED_CPUS = 0.25;

  /**
   * The rounds to pair (after the warm-up round 0): those where neither side's burst saw other
   * processes take a quarter CPU or more, when there are at least {@link #MIN_QUIET} of them;
   * else every round both timed. Contention comes and goes within a run on a shared machine: its
   * quiet stretches still measure the sides.
   *
   * @param othersA round number to the CPUs others used during A's burst (null: unknown, counted quiet)
   */
  public static java.util.Set<Integer> rounds(java.util.Map<Integer, Double> othersA,
      java.util.Map<Integer, Double> othersB) {
    java.util.Set<Integer> both = new java.util.TreeSet<>(othersA.keySet());
    both.retainAll(othersB.keySet());
    both.remove(0);
    java.util.Set<Integer> quiet = new java.util.TreeSet<>();
    for (int r : both) {
      Double a = othersA.get(r);
      Double b = othersB.get(r);
      if ((a == null || a < CONTENDED_CPUS) && (b == null || b < CONTENDED_CPUS)) {
        quiet.add(r);
      }
    }
    return quiet.size() >= MIN_QUIET ? quiet : both;
  }

  /**
   * Whether any of {@code rounds} was contended on either side: then the pairs measured the load
   * as much as the sides, and no decision is made from them (a busy CPU hurts one side's threads
   * far more than the other's in some rounds: same-kernel sides read 2-30x apart on this VM).
   */
  public static boolean contended(java.util.Map<Integer, Double> othersA, java.util.Map<Integer, Double> othersB,
      java.util.Set<Integer> rounds) {
    for (int r : rounds) {
      Double a = othersA.get(r);
      Double b = othersB.get(r);
      if ((a != null && a >= CONTENDED_CPUS) || (b != null && b >= CONTENDED_CPUS)) {
        return true;
      }
    }
    return false;
  }

  /** {@code m} restricted to {@code rounds}. */
  public static <T> java.util.Map<Integer, T> only(java.util.Map<Integer, T> m, java.util.Set<Integer> rounds) {
    java.util.Map<Integer, T> out = new java.util.TreeMap<>(m);
    out.keySet().retainAll(rounds);
    return out;
  }

  /**
   * Pairs two sides' bursts by round (a round times every side once), skipping the warm-up round 0:
   * each pair's ratio is A's work rate over B's from the bursts' figures ({@link
   * dev.envdoctor.model.Burst#typicalMs}): both medians, or both means where either burst was
   * throttled by a quota, so that the two of a pair are always read alike.
   */
  public static List<Double> pairBursts(java.util.Map<Integer, Burst> a, double workA,
      java.util.Map<Integer, Burst> b, double workB) {
    List<Double> ratios = new ArrayList<>();
    new java.util.TreeSet<>(a.keySet()).forEach(round -> {
      Burst ba = a.get(round);
      Burst bb = b.get(round);
      if (round > 0 && ba != null && bb != null) {
        boolean throttled = ba.throttled() || bb.throttled();
        Double ma = ba.typicalMs(throttled);
        Double mb = bb.typicalMs(throttled);
        if (ma != null && mb != null && ma > 0 && mb > 0) {
          ratios.add((workA / ma) / (workB / mb));
        }
      }
    });
    return ratios;
  }
}
