package dev.envdoctor.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.RaceOutcome;
import dev.envdoctor.run.RunFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The race's decision; its words for these pairs are golden/race/verdicts.txt (RaceGoldenTest). */
class RaceVerdictTest {

  @Test
  void aClearWinnerIsSaidInWords() {
    // the container about 1.8x slower in every pair, the machine drifting 20% between pairs
    var v = RaceVerdict.decide(List.of(10.0, 12.0, 11.0), List.of(18.1, 21.4, 19.9));
    assertEquals(RaceDecision.Kind.NATIVE_FASTER, v.kind());
    assertEquals(RaceOutcome.NATIVE_FASTER, v.kind().outcome());
    assertEquals(3, v.pairs());
    assertEquals(19.9 / 11.0, v.ratio(), 1e-12);
    assertTrue(v.low() > 1.05 && v.high() < 2.0, v.toString());
  }

  @Test
  void driftBetweenPairsCancelsInsideThem() {
    // each pair equal within 1%, while the machine itself moved by 30% from pair to pair
    var v = RaceVerdict.decide(List.of(10.0, 13.0, 10.5, 12.0), List.of(10.05, 12.95, 10.52, 12.04));
    assertEquals(RaceDecision.Kind.PARITY, v.kind(), v.toString());
    assertEquals(1.0, v.ratio(), 0.005);
    assertTrue(v.low() > 1 / 1.1 && v.high() < 1.1, "inside the parity band: " + v);
  }

  @Test
  void theContainerCanWin() {
    var v = RaceVerdict.decide(List.of(20.0, 21.0, 19.0), List.of(14.0, 14.9, 13.1));
    assertEquals(RaceDecision.Kind.CONTAINER_FASTER, v.kind());
    assertEquals(0.7, v.ratio(), 1e-12, "1.43x faster in the container");
    assertTrue(v.high() < 1 / 1.1, v.toString());
  }

  @Test
  void tooFewOrTooNoisyPairsAreUndecidedWithTheWayOut() {
    var one = RaceVerdict.decide(List.of(10.0), List.of(12.0));
    assertEquals(RaceDecision.Kind.UNDECIDED, one.kind());
    assertNull(one.low());
    assertNull(one.high());
    assertEquals(1, one.pairs(), "the words suggest --repeat 3");
    var noisy = RaceVerdict.decide(List.of(10.0, 10.0, 10.0), List.of(8.0, 13.0, 10.5));
    assertEquals(RaceDecision.Kind.UNDECIDED, noisy.kind());
    assertTrue(noisy.low() < 1 / 1.1 && noisy.high() > 1.1, "straddles both band edges: " + noisy);
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
