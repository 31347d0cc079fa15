package dev.envdoctor.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.run.RunFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaceVerdictTest {

  @Test
  void aClearWinnerIsSaidInWords() {
    // the container about 1.8x slower in every pair, the machine drifting 20% between pairs
    var v = RaceVerdict.decide(List.of(10.0, 12.0, 11.0), List.of(18.1, 21.4, 19.9), "docker");
    assertEquals("native-faster", v.decision());
    assertTrue(v.words().startsWith("natively 1.81× faster than in docker (95% CI "), v.words());
    assertEquals(19.9 / 11.0, v.ratio(), 1e-12);
    assertTrue(v.low() > 1.05 && v.high() < 2.0, v.toString());
  }

  @Test
  void driftBetweenPairsCancelsInsideThem() {
    // each pair equal within 1%, while the machine itself moved by 30% from pair to pair
    var v = RaceVerdict.decide(List.of(10.0, 13.0, 10.5, 12.0), List.of(10.05, 12.95, 10.52, 12.04), "podman");
    assertEquals("parity", v.decision(), v.toString());
    assertTrue(v.words().startsWith("no measurable difference: podman takes 1.00× native's time"), v.words());
  }

  @Test
  void theContainerCanWin() {
    var v = RaceVerdict.decide(List.of(20.0, 21.0, 19.0), List.of(14.0, 14.9, 13.1), "docker");
    assertEquals("container-faster", v.decision());
    assertTrue(v.words().startsWith("in docker 1.43× faster than natively"), v.words());
  }

  @Test
  void tooFewOrTooNoisyPairsAreUndecidedWithTheWayOut() {
    var one = RaceVerdict.decide(List.of(10.0), List.of(12.0), "docker");
    assertEquals("undecided", one.decision());
    assertNull(one.low());
    assertTrue(one.words().contains("one pair, no interval") && one.words().endsWith("rerun with --repeat 3 for a tighter interval"));
    var noisy = RaceVerdict.decide(List.of(10.0, 10.0, 10.0), List.of(8.0, 13.0, 10.5), "docker");
    assertEquals("undecided", noisy.decision());
  }

  @Test
  void theFullJobIsTheMeasuredRunScaled() {
    assertEquals(34_500.0, Scale.of(null, 50, 69_000L, null, 100L), 1e-9, "a 100-image epoch to 50 epochs of 69K");
    assertEquals(2.0, Scale.of(2.0, null, null, null, null));
    assertNull(Scale.of(null, null, null, null, null));
    assertEquals(2, assertThrows(RunFailure.class, () -> Scale.of(null, 50, 69_000L, null, null)).status());
    assertEquals(2, assertThrows(RunFailure.class, () -> Scale.of(3.0, 50, null, null, null)).status());
    assertEquals(2, assertThrows(RunFailure.class, () -> Scale.of(-1.0, null, null, null, null)).status());
  }
}
