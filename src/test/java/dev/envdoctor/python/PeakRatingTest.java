package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Peak;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fractions of the datasheet, the goals (70% bf16, 80% memory) and what a low figure points at. */
class PeakRatingTest {

  private final Optional<GpuPeaks.Entry> h100 = GpuPeaks.load().find("NVIDIA H100 80GB HBM3");

  private static Peak peak(String test, String dtype, double achieved, String unit) {
    return new Peak("native", Backend.PYTHON, "cuda:0", test, dtype, achieved, unit, null, null, null);
  }

  private static GpuInfo h100(Double powerLimitW, Double temperatureC, Boolean persistence) {
    return new GpuInfo("NVIDIA H100 80GB HBM3", "NVIDIA", 85899345920L, "580.95.05", "9.0", null, "13.0",
        1980L, 2619L, powerLimitW, temperatureC, true, persistence, "Gen5 x16");
  }

  @Test
  void aGoodBf16ResultIsRatedWithoutDiagnosis() {
    Peak p = PeakRating.rate(peak("matmul", "bf16", 750.0, "TFLOP/s"), h100, Optional.of(h100(700.0, 45.0, true)));
    assertEquals(989.4, p.datasheetPeak());
    assertEquals(750.0 / 989.4, p.fractionOfPeak(), 1e-12);
    assertNull(p.diagnosis());
  }

  @Test
  void aLowBf16ResultNamesThePowerCapAndTheHeat() {
    Peak p = PeakRating.rate(peak("matmul", "bf16", 400.0, "TFLOP/s"), h100, Optional.of(h100(350.0, 86.0, false)));
    assertTrue(p.diagnosis().startsWith("bf16 matmul reached 400.0 TFLOP/s, 40% of the NVIDIA H100 SXM5 80GB's 989.4 (goal 70%)"),
        p.diagnosis());
    assertTrue(p.diagnosis().contains("power cap: the limit is 350 W, below the card's 700 W"), p.diagnosis());
    assertTrue(p.diagnosis().contains("thermal: 86 °C"), p.diagnosis());
    assertTrue(p.diagnosis().contains("max SM 1980 MHz"), p.diagnosis());
    assertTrue(p.diagnosis().contains("persistence mode is off"), p.diagnosis());
  }

  @Test
  void memoryBandwidthGoalIsEightyPercent() {
    Peak good = PeakRating.rate(peak("copy", "fp32", 2800.0, "GB/s"), h100, Optional.empty());
    assertEquals(3350.0, good.datasheetPeak());
    assertNull(good.diagnosis());
    Peak low = PeakRating.rate(peak("copy", "fp32", 2500.0, "GB/s"), h100, Optional.empty());
    assertTrue(low.diagnosis().contains("75% of the NVIDIA H100 SXM5 80GB's 3350.0 (goal 80%)"), low.diagnosis());
    // without the probe's facts it still says where to look
    assertTrue(low.diagnosis().contains("nvidia-smi -q -d POWER"), low.diagnosis());
  }

  @Test
  void tf32AndFp32AreRatedButHaveNoGoal() {
    Peak tf32 = PeakRating.rate(peak("matmul", "tf32", 100.0, "TFLOP/s"), h100, Optional.empty());
    assertEquals(494.7, tf32.datasheetPeak());
    assertNull(tf32.diagnosis());
    Peak fp32 = PeakRating.rate(peak("matmul", "fp32", 50.0, "TFLOP/s"), h100, Optional.empty());
    assertEquals(66.9, fp32.datasheetPeak());
  }

  @Test
  void unknownCardOrFailedTestIsLeftAsIs() {
    Peak p = peak("matmul", "bf16", 100.0, "TFLOP/s");
    assertSame(p, PeakRating.rate(p, Optional.empty(), Optional.empty()));
    Peak failed = new Peak("native", Backend.PYTHON, "cuda:0", "matmul", "bf16", null, "TFLOP/s", null, null, "OOM");
    assertSame(failed, PeakRating.rate(failed, h100, Optional.empty()));
  }
}
