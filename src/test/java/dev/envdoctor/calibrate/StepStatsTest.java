package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures checked against numpy (percentile method "linear", std with ddof=1). */
class StepStatsTest {

  @Test
  void oneToTenMatchesNumpy() {
    // numpy: percentile([1..10], [10, 50, 90]) = [1.9, 5.5, 9.1]; std(ddof=1) = 3.0276503540974917
    StepStats s = StepStats.of(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0));
    assertEquals(5.5, s.medianMs(), 1e-12);
    assertEquals(1.9, s.p10Ms(), 1e-12);
    assertEquals(9.1, s.p90Ms(), 1e-12);
    assertEquals(3.0276503540974917 / 5.5, s.cv(), 1e-12);
  }

  @Test
  void orderDoesNotMatterAndThroughputUsesTheMedian() {
    StepStats s = StepStats.of(List.of(30.0, 10.0, 20.0));
    assertEquals(20.0, s.medianMs());
    assertEquals(64 / 0.020, s.samplesPerSecond(64), 1e-9);
    assertEquals(1e9 / 0.020 / 1e9, s.achievedGflops(1e9), 1e-9);
  }

  @Test
  void oneStepHasNoSpread() {
    assertEquals(0.0, StepStats.of(List.of(7.0)).cv());
  }

  @Test
  void noStepsIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> StepStats.of(List.of()));
  }
}
