package dev.envdoctor.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibratorSettleTest {

  @Test
  void settlingNeedsThreeStepsWithinFifteenPercent() {
    assertTrue(!Calibrator.settled(List.of(100.0, 10.0)));
    assertTrue(!Calibrator.settled(List.of(100.0, 10.0, 10.5, 14.0)));
    assertTrue(Calibrator.settled(List.of(100.0, 10.0, 10.5, 11.0)));
  }
}
