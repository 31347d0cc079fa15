package dev.envdoctor.calibrate.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTest {

  /** Pairs' ratios spread evenly around {@code centre} by ±{@code spread} (relative). */
  private static PairedRatio pairs(double centre, double spread, int n) {
    List<Double> r = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      r.add(centre * Math.exp(spread * (i % 2 == 0 ? 1 : -1)));
    }
    return PairedRatio.of(r);
  }

  @Test
  void theBandIsTheSameEitherWayRound() {
    assertEquals(1.0, Decision.BAND_LOW * Decision.BAND_HIGH, 1e-12);
    PairedRatio r = pairs(1.25, 0.06, 10);
    assertEquals(Decision.Kind.A_FASTER, Decision.of(r).kind());
    assertEquals(Decision.Kind.B_FASTER, Decision.of(r.inverse()).kind());
    assertEquals(Decision.of(r).swapped().kind(), Decision.of(r.inverse()).kind());
  }

  /** A ratio alone (a reading without pairs) against the same band, edges included, either way round. */
  @Test
  void aRatioAloneIsInsideTheSameBand() {
    assertTrue(Decision.inBand(1.0));
    assertTrue(Decision.inBand(1.07) && Decision.inBand(1 / 1.07), "7% either way: parity (the verdict's old 5% said not)");
    assertTrue(Decision.inBand(Decision.BAND_HIGH) && Decision.inBand(Decision.BAND_LOW));
    assertFalse(Decision.inBand(1.11) || Decision.inBand(1 / 1.11));
  }

  @Test
  void parityWhenTheNinetyPercentIntervalLiesInsideTheBand() {
    PairedRatio r = pairs(1.03, 0.08, 10);
    Decision d = Decision.of(r);
    assertEquals(Decision.Kind.PARITY, d.kind(), r + " / " + d.equivalence());
    assertTrue(d.equivalence().low() >= Decision.BAND_LOW && d.equivalence().high() <= Decision.BAND_HIGH);
    assertTrue(d.equivalence().high() < r.high(), "the 90% interval is the narrower one");
  }

  @Test
  void theNinetyPercentIntervalDecidesParityWhereTheNinetyFivePercentOneStraddles() {
    // equivalence by two one-sided 5% tests: the 90% interval, not the 95%, must lie inside
    PairedRatio r = pairs(1.04, 0.09, 12);
    Decision d = Decision.of(r);
    assertTrue(r.high() > Decision.BAND_HIGH, "the 95% interval reaches past the band: " + r);
    assertTrue(d.equivalence().high() <= Decision.BAND_HIGH, d.equivalence().toString());
    assertEquals(Decision.Kind.PARITY, d.kind());
  }

  @Test
  void straddlingABandEdgeIsUndecided() {
    assertEquals(Decision.Kind.UNDECIDED, Decision.of(pairs(1.09, 0.08, 8)).kind(), "the high edge");
    assertEquals(Decision.Kind.UNDECIDED, Decision.of(pairs(0.92, 0.08, 8)).kind(), "the low edge");
  }

  @Test
  void aWinnerWhenTheNinetyFivePercentIntervalClearsTheBand() {
    Decision d = Decision.of(pairs(1.8, 0.1, 6));
    assertEquals(Decision.Kind.A_FASTER, d.kind());
    assertTrue(d.decisive());
    assertTrue(d.estimate().low() > Decision.BAND_HIGH);
    assertEquals(Decision.Kind.B_FASTER, Decision.of(pairs(0.25, 0.1, 6)).kind());
    assertEquals(Decision.Kind.B_FASTER, d.swapped().kind());
  }

  @Test
  void aWideIntervalAroundOneIsUndecidedNotParity() {
    Decision d = Decision.of(pairs(1.0, 0.3, 6));
    assertEquals(Decision.Kind.UNDECIDED, d.kind());
    assertFalse(d.decisive());
    assertEquals("undecided", d.kind().label());
  }

  @Test
  void onePairDecidesNothing() {
    assertEquals(Decision.Kind.UNDECIDED, Decision.of(PairedRatio.of(List.of(1.0))).kind());
  }
}
