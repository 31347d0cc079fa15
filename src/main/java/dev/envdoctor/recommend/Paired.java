package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.PairedRatio;
import dev.envdoctor.model.Burst;
import dev.envdoctor.model.Calibration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two calibrations' interleaved bursts as a {@link PairedRatio}: there when both sides took turns
 * in the same rounds (at least two rounds after the warm-up one), absent for a report without
 * bursts (an older one, a side that ran alone), which keeps its earlier reading.
 */
public final class Paired {

  private Paired() {}

  /** How many times faster a is than b, per unit of work, from the rounds both timed. */
  public static Optional<PairedRatio> of(Calibration a, Calibration b) {
    if (a.bursts().isEmpty() || b.bursts().isEmpty()) {
      return Optional.empty();
    }
    boolean flops = a.flopsPerStep() != null && b.flopsPerStep() != null;
    double workA = flops ? a.flopsPerStep() : a.batch() == null ? 1 : a.batch();
    double workB = flops ? b.flopsPerStep() : b.batch() == null ? 1 : b.batch();
    Set<Integer> rounds = PairedRatio.rounds(others(a), others(b));
    List<Double> ratios = PairedRatio.pairBursts(PairedRatio.only(bursts(a), rounds), workA, PairedRatio.only(bursts(b), rounds), workB);
    return ratios.size() < 2 ? Optional.empty() : Optional.of(PairedRatio.of(ratios));
  }

  /** Whether the rounds the pairs are made of were contended (too few quiet ones to leave the others out). */
  public static boolean contended(Calibration a, Calibration b) {
    return PairedRatio.contended(others(a), others(b), PairedRatio.rounds(others(a), others(b)));
  }

  /** How many rounds both timed were left out as contended (PairedRatio.rounds). */
  public static int leftOut(Calibration a, Calibration b) {
    Set<Integer> both = new java.util.TreeSet<>(bursts(a).keySet());
    both.retainAll(bursts(b).keySet());
    both.remove(0);
    return both.size() - PairedRatio.rounds(others(a), others(b)).size();
  }

  static Map<Integer, Double> others(Calibration c) {
    Map<Integer, Double> m = new TreeMap<>();
    c.bursts().forEach(b -> m.put(b.round(), b.othersCpus()));
    return m;
  }

  /** The bursts with a figure, by round. */
  static Map<Integer, Burst> bursts(Calibration c) {
    Map<Integer, Burst> m = new TreeMap<>();
    for (Burst b : c.bursts()) {
      if (b.round() != null && b.typicalMs(false) != null) {
        m.put(b.round(), b);
      }
    }
    return m;
  }

}
