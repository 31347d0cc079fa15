package dev.envdoctor.calibrate.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatioEstimateTest {

  /** n step times around a median with log-normal noise of the given coefficient of variation. */
  private static List<Double> steps(long seed, double median, double cv, int n) {
    Random rnd = new Random(seed);
    double sigma = Math.sqrt(Math.log(1 + cv * cv));
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(median * Math.exp(rnd.nextGaussian() * sigma));
    }
    return out;
  }

  @Test
  void aRunTwiceAsSlowStepForStepIsHalfAsFastWithATightInterval() {
    List<Double> fast = steps(1, 10.0, 0.05, 30);
    List<Double> slow = new ArrayList<>(fast.stream().map(x -> 2 * x).toList());
    Collections.shuffle(slow, new Random(7));
    RatioEstimate r = RatioEstimate.speedup(fast, 16, slow, 16);
    assertEquals(2.0, r.ratio(), 1e-12);
    assertTrue(r.low() > 1.9 && r.high() < 2.1, r.toString());
    assertFalse(r.spansOne());
  }

  @Test
  void aKnownRatioLiesInsideItsIntervalAndOneDoesNot() {
    RatioEstimate r = RatioEstimate.speedup(steps(2, 10.0, 0.05, 30), 16, steps(3, 15.0, 0.05, 30), 16);
    assertEquals(1.5, r.ratio(), 0.05);
    assertTrue(r.low() < 1.5 && 1.5 < r.high(), r.toString());
    assertTrue(r.low() > 1.0, r.toString());
    assertFalse(r.spansOne());
  }

  @Test
  void twoSamplesOfTheSameDistributionMostlyShowNoMeasurableDifference() {
    // A 95% interval should include the true ratio (1) in about 95 of 100 pairs; the bootstrap of
    // a median from ~24 steps covers a little less, so ask for 88%.
    int spans = 0;
    for (int i = 0; i < 200; i++) {
      RatioEstimate r = RatioEstimate.speedup(steps(100 + i, 50.0, 0.06, 24), 16, steps(1000 + i, 50.0, 0.06, 24), 16);
      assertTrue(r.low() <= r.ratio() && r.ratio() <= r.high(), r.toString());
      spans += r.spansOne() ? 1 : 0;
    }
    assertTrue(spans >= 176, spans + " of 200 intervals include 1");
  }

  @Test
  void aKnownRatioIsMostlyCoveredByItsInterval() {
    int covered = 0;
    for (int i = 0; i < 200; i++) {
      RatioEstimate r = RatioEstimate.speedup(steps(300 + i, 20.0, 0.05, 30), 16, steps(3000 + i, 26.0, 0.05, 30), 16);
      covered += r.low() <= 1.3 && 1.3 <= r.high() ? 1 : 0;
    }
    assertTrue(covered >= 176, covered + " of 200 intervals include 1.3");
  }

  @Test
  void workPerStepScalesTheRatio() {
    List<Double> a = steps(6, 10.0, 0.03, 30);
    // B does twice the work per step in the same time: B is twice as fast.
    RatioEstimate r = RatioEstimate.speedup(a, 16, a, 32);
    assertEquals(0.5, r.ratio(), 1e-12);
    assertEquals(0.5, r.inverse().inverse().ratio(), 1e-12);
    assertEquals(2.0, r.inverse().ratio(), 1e-12);
    assertEquals(1.0 / r.high(), r.inverse().low(), 1e-12);
  }

  @Test
  void theSameNumbersGiveTheSameInterval() {
    List<Double> a = steps(8, 12.0, 0.08, 25);
    List<Double> b = steps(9, 13.0, 0.08, 25);
    assertEquals(RatioEstimate.speedup(a, 1, b, 1), RatioEstimate.speedup(a, 1, b, 1));
  }

  @Test
  void withoutStepTimesTheMediansGiveARatioWithoutInterval() {
    RatioEstimate r = RatioEstimate.speedup(List.of(), 16, List.of(), 16, 10.0, 30.0);
    assertEquals(3.0, r.ratio(), 1e-12);
    assertNull(r.low());
    assertFalse(r.hasInterval());
    assertFalse(r.spansOne());
  }

  @Test
  void medianAndQuantileOfSmallLists() {
    assertEquals(2.5, RatioEstimate.median(new double[] {4, 1, 3, 2}), 1e-12);
    assertEquals(3.0, RatioEstimate.median(new double[] {5, 1, 3}), 1e-12);
    assertEquals(1.4, RatioEstimate.quantile(List.of(1.0, 2.0, 3.0, 4.0, 5.0), 0.1), 1e-12);
    assertEquals(4.6, RatioEstimate.quantile(List.of(5.0, 4.0, 3.0, 2.0, 1.0), 0.9), 1e-12);
  }
}
