package dev.envdoctor.calibrate.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DecisionTest {

  private static PairedRatio interval(double low, double high) {
    return new PairedRatio(6, Math.sqrt(low * high), low, high, 0.02);
  }

  @Test
  void parityOnlyWhenTheWholeIntervalLiesInsideTheBand() {
    assertEquals(Decision.Kind.PARITY, Decision.of(interval(0.97, 1.04)).kind());
    assertEquals(Decision.Kind.UNDECIDED, Decision.of(interval(0.93, 1.02)).kind(), "straddles the low edge");
    assertEquals(Decision.Kind.UNDECIDED, Decision.of(interval(1.01, 1.09)).kind(), "straddles the high edge");
  }

  @Test
  void aWinnerWhenTheIntervalClearsTheBand() {
    Decision d = Decision.of(interval(1.6, 2.1));
    assertEquals(Decision.Kind.A_FASTER, d.kind());
    assertTrue(d.decisive());
    assertEquals(Decision.Kind.B_FASTER, Decision.of(interval(0.2, 0.3)).kind());
    assertEquals(Decision.Kind.B_FASTER, d.swapped().kind());
  }

  @Test
  void aWideIntervalAroundOneIsUndecidedNotParity() {
    Decision d = Decision.of(interval(0.8, 1.25));
    assertEquals(Decision.Kind.UNDECIDED, d.kind());
    assertFalse(d.decisive());
    assertEquals("undecided", d.kind().label());
  }
}
