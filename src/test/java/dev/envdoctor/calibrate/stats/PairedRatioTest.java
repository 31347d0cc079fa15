package dev.envdoctor.calibrate.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedRatioTest {

  @Test
  void theIntervalIsStudentsTOverThePairsLogRatios() {
    List<Double> ratios = List.of(1.02, 0.97, 1.05, 0.99, 1.01);
    PairedRatio r = PairedRatio.of(ratios);
    // by hand: mean and sample sd of ln(ratio), t(0.975, 4) = 2.7764451 from the tables
    double[] l = ratios.stream().mapToDouble(Math::log).toArray();
    double mean = (l[0] + l[1] + l[2] + l[3] + l[4]) / 5;
    double ss = 0;
    for (double x : l) {
      ss += (x - mean) * (x - mean);
    }
    double half = 2.7764451 * Math.sqrt(ss / 4) / Math.sqrt(5);
    assertEquals(5, r.pairs());
    assertEquals(Math.exp(mean), r.ratio(), 1e-12);
    assertEquals(Math.exp(mean - half), r.low(), 1e-6);
    assertEquals(Math.exp(mean + half), r.high(), 1e-6);
    assertTrue(r.hasInterval());
  }

  @Test
  void onePairHasNoInterval() {
    PairedRatio r = PairedRatio.of(List.of(1.3));
    assertFalse(r.hasInterval());
    assertEquals(1.3, r.ratio(), 1e-12);
    assertEquals(Decision.Kind.UNDECIDED, Decision.of(r).kind());
  }

  @Test
  void theInverseSwapsTheEnds() {
    PairedRatio r = PairedRatio.of(List.of(2.0, 2.2, 1.9));
    PairedRatio i = r.inverse();
    assertEquals(1 / r.ratio(), i.ratio(), 1e-12);
    assertEquals(1 / r.high(), i.low(), 1e-12);
    assertEquals(1 / r.low(), i.high(), 1e-12);
  }

  @Test
  void pairsAreMadeByRoundSkippingTheWarmUpRoundAndUnmatchedOnes() {
    // medians in ms: A twice as fast as B in rounds 1 and 2; round 0 (warm-up) and round 3 (B missing) left out
    Map<Integer, dev.envdoctor.model.Burst> a = Map.of(0, burst(0, 50, 50, 0L), 1, burst(1, 5, 5, 0L),
        2, burst(2, 6, 6, 0L), 3, burst(3, 5, 5, 0L));
    Map<Integer, dev.envdoctor.model.Burst> b = Map.of(0, burst(0, 9, 9, 0L), 1, burst(1, 10, 10, 0L),
        2, burst(2, 12, 12, 0L));
    assertEquals(List.of(2.0, 2.0), PairedRatio.pairBursts(a, 1, b, 1));
    // per unit of work: B's step does twice A's work, so they are equally fast
    assertEquals(List.of(1.0, 1.0), PairedRatio.pairBursts(a, 1, b, 2));
  }

  @Test
  void contendedRoundsAreLeftOutWhenThreeQuietOnesRemain() {
    // others' CPUs per round during A's and B's bursts; round 0 is the warm-up
    Map<Integer, Double> a = new java.util.HashMap<>(Map.of(0, 1.0, 1, 0.0, 2, 0.1, 3, 0.9, 4, 0.0, 5, 0.2));
    Map<Integer, Double> b = new java.util.HashMap<>(Map.of(0, 1.0, 1, 0.0, 2, 0.3, 3, 0.0, 4, 0.0, 5, 0.0));
    assertEquals(java.util.Set.of(1, 4, 5), PairedRatio.rounds(a, b));
    b.put(5, 0.5); // two quiet rounds only: every round is used
    assertEquals(java.util.Set.of(1, 2, 3, 4, 5), PairedRatio.rounds(a, b));
    a.put(6, null); // unknown contention (off Linux) counts as quiet; b has no round 6
    assertEquals(java.util.Set.of(1, 2, 3, 4, 5), PairedRatio.rounds(a, b));
  }

  @Test
  void driftSlowerThanAPairCancels() {
    // the machine slows by 40% over the run; inside each pair both sides slow alike
    List<Double> ratios = new java.util.ArrayList<>();
    for (int round = 1; round <= 6; round++) {
      double drift = 1 + 0.08 * round;
      double a = 5.0 * drift * (round % 2 == 0 ? 1.01 : 0.99);
      double b = 5.0 * drift;
      ratios.add(b / a);
    }
    PairedRatio r = PairedRatio.of(ratios);
    assertEquals(Decision.Kind.PARITY, Decision.of(r).kind(), r.toString());
  }

  private static dev.envdoctor.model.Burst burst(int round, double median, double mean, Long throttled) {
    return new dev.envdoctor.model.Burst(round, 0, List.of(), median, mean, 60.0, 100.0, 0.0, 0.0, throttled, 0.0);
  }

  @Test
  void pairsReadBothMediansUnlessAQuotaThrottledEitherBurst() {
    // round 1: a hiccup in A's burst moved its mean, not its median; round 2: B was throttled
    java.util.Map<Integer, dev.envdoctor.model.Burst> a = java.util.Map.of(0, burst(0, 9, 9, 0L),
        1, burst(1, 5, 8, 0L), 2, burst(2, 5, 5, 0L));
    java.util.Map<Integer, dev.envdoctor.model.Burst> b = java.util.Map.of(0, burst(0, 9, 9, 0L),
        1, burst(1, 5, 5, 0L), 2, burst(2, 5, 20, 3L));
    List<Double> r = PairedRatio.pairBursts(a, 1, b, 1);
    assertEquals(2, r.size(), "round 0, the warm-up, is left out");
    assertEquals(1.0, r.get(0), 1e-12, "medians: the hiccup is another process's, not A's");
    assertEquals(4.0, r.get(1), 1e-12, "means: the quota's stalls are B's own cost");
  }
}
