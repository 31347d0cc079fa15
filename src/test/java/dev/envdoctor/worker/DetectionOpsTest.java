package dev.envdoctor.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detection ops on the real DJL engine's CPU against float64, and a planted wrong op found and named. */
class DetectionOpsTest {

  @Test
  void everyOpAgreesWithFloat64OnTheCpu() {
    Map<String, Double> errors = DetectionOps.check(Device.cpu(), null);
    assertEquals(DetectionOps.NAMES, java.util.List.copyOf(errors.keySet()));
    errors.forEach((op, e) -> assertTrue(e < 1e-4, op + " off by " + e)); // float32 rounding: ~1e-7
    assertTrue(DetectionOps.failures(errors).isEmpty());
  }

  @Test
  void aGatherWithShuffledIndicesFailsAndIsNamed() {
    Map<String, Double> bad = DetectionOps.failures(DetectionOps.check(Device.cpu(), "gather"));
    assertEquals(java.util.List.of("gather"), java.util.List.copyOf(bad.keySet()), "only the planted op: " + bad);
    String line = DetectionOps.diagnosis("cpu", bad);
    assertTrue(line.contains("gather (off by"), line);
  }
}
