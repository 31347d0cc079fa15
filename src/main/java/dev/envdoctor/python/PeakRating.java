package dev.envdoctor.python;

import dev.envdoctor.model.GpuInfo;
import dev.envdoctor.model.Peak;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Rates a peak test against the card's datasheet: fills datasheetPeak and fractionOfPeak, and when a
 * result is below its goal (70% of dense bf16, 80% of memory bandwidth) says what to look at, naming
 * the host's own figures (power limit, temperature, clocks, ECC, PCIe link) where the probe has them.
 * Pure: a peak, a table entry and the GPU's facts in, a peak out.
 */
public final class PeakRating {

  static final double BF16_GOAL = 0.70;
  static final double MEMORY_GOAL = 0.80;

  private PeakRating() {}

  public static Peak rate(Peak peak, Optional<GpuPeaks.Entry> entry, Optional<GpuInfo> gpu) {
    return rate(peak, entry, gpu, null, new PeakRanges(List.of()));
  }

  /**
   * As above, and the figure judged against the model's range ({@code normal}); a figure below its
   * range, or below 80% of the datasheet where the model has none, names the limit that held the
   * board during the test (its conditions), or that none did.
   */
  public static Peak rate(Peak peak, Optional<GpuPeaks.Entry> entry, Optional<GpuInfo> gpu, String deviceName,
      PeakRanges ranges) {
    if (peak.achieved() == null) {
      return peak;
    }
    String normal = ranges.verdict(deviceName, peak.test(), peak.dtype(), peak.achieved());
    boolean ranged = deviceName != null && ranges.find(deviceName, peak.test(), peak.dtype()).isPresent();
    Double datasheet = entry.map(card -> datasheet(peak, card)).filter(d -> d > 0).orElse(null);
    Double fraction = datasheet == null ? null : peak.achieved() / datasheet;
    if (datasheet == null && normal == null) {
      return peak;
    }
    String diagnosis = peak.diagnosis();
    Double goal = goal(peak);
    if (datasheet != null && goal != null && fraction < goal) {
      GpuPeaks.Entry card = entry.get();
      diagnosis = String.format(Locale.ROOT, "%s %s reached %.1f %s, %.0f%% of the %s's %.1f (goal %.0f%%); look at: %s",
          peak.dtype(), peak.test(), peak.achieved(), peak.unit(), 100 * fraction, card.model(), datasheet,
          100 * goal, String.join("; ", causes(peak, card, gpu.orElse(null))));
    }
    boolean low = ranged ? PeakRanges.below(normal) : fraction != null && fraction < LIMIT_BELOW;
    if (low && peak.conditions() != null) { // without samples, the causes above say where to look
      diagnosis = (diagnosis == null ? "" : diagnosis + "; ") + "during the test: " + peak.conditions().limit();
    }
    return peak.rated(datasheet, fraction, diagnosis, normal);
  }

  /** Without a range, a figure below this fraction of its datasheet has its limit named. */
  static final double LIMIT_BELOW = 0.80;

  static Double datasheet(Peak peak, GpuPeaks.Entry card) {
    if ("copy".equals(peak.test())) {
      return card.memoryGBs();
    }
    return switch (peak.dtype() == null ? "" : peak.dtype()) {
      case "bf16" -> card.bf16Tflops();
      case "tf32" -> card.tf32Tflops();
      case "fp32" -> card.fp32Tflops();
      default -> null;
    };
  }

  static Double goal(Peak peak) {
    if ("copy".equals(peak.test())) {
      return MEMORY_GOAL;
    }
    return "bf16".equals(peak.dtype()) ? BF16_GOAL : null;
  }

  /** What can hold a card below its datasheet, most specific first; facts the probe has are named. */
  static List<String> causes(Peak peak, GpuPeaks.Entry card, GpuInfo gpu) {
    List<String> causes = new ArrayList<>();
    if (gpu == null) {
      causes.add("clocks and throttle reasons (nvidia-smi -q -d CLOCK,PERFORMANCE)");
      causes.add("the power limit (nvidia-smi -q -d POWER)");
      causes.add("temperature, ECC mode and the PCIe link (nvidia-smi -q)");
      return causes;
    }
    if (gpu.powerLimitW() != null && card.powerW() != null && gpu.powerLimitW() < 0.95 * card.powerW()) {
      causes.add(String.format(Locale.ROOT, "power cap: the limit is %.0f W, below the card's %.0f W (nvidia-smi -pl)",
          gpu.powerLimitW(), card.powerW()));
    }
    if (gpu.temperatureC() != null && gpu.temperatureC() >= 80) {
      causes.add(String.format(Locale.ROOT, "thermal: %.0f °C, throttling likely (nvidia-smi -q -d PERFORMANCE)",
          gpu.temperatureC()));
    }
    String clocks = "clocks: current SM and memory clocks under load and the throttle reasons (nvidia-smi -q -d CLOCK,PERFORMANCE)";
    if (gpu.smClockMaxMhz() != null) {
      clocks += "; max SM " + gpu.smClockMaxMhz() + " MHz"
          + (gpu.memClockMaxMhz() == null ? "" : ", max memory " + gpu.memClockMaxMhz() + " MHz");
    }
    causes.add(clocks);
    if (Boolean.FALSE.equals(gpu.persistenceMode())) {
      causes.add("persistence mode is off: the driver may reinitialise and clock down between runs (nvidia-smi -pm 1)");
    }
    if ("copy".equals(peak.test()) && Boolean.TRUE.equals(gpu.eccEnabled())) {
      causes.add("ECC is on: on GDDR memory it costs bandwidth (HBM's ECC is free)");
    }
    if (gpu.pcieLink() != null) {
      causes.add("PCIe link " + gpu.pcieLink() + " (a degraded link slows host transfers, not this test)");
    }
    return causes;
  }
}
