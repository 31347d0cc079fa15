package dev.envdoctor.probe.nvidia;

import dev.envdoctor.model.PeakConditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names the limit that held a board's clocks during a test, as DCGM's diagnostic does: "software
 * power cap: 700 W (in 18 of 20 samples), SM clock 1245-1440 of 1980 MHz", or that none was
 * active. Pure.
 */
public final class ClockLimits {

  private ClockLimits() {}

  public static String describe(PeakConditions c, int samples, int powerCapped) {
    List<String> limits = new ArrayList<>();
    for (String r : c.reasons()) {
      switch (r) {
        case "sw_power_cap" -> limits.add(String.format(Locale.ROOT, "software power cap: %s (in %d of %d samples;"
            + " draw %s)", watts(c.powerLimitW()), powerCapped, samples, range(c.powerWMin(), c.powerWMax(), "W")));
        case "hw_slowdown" -> limits.add("hardware slowdown (power brake or overheating, HW_SLOWDOWN)");
        case "hw_thermal_slowdown" -> limits.add("hardware thermal slowdown");
        case "hw_power_brake_slowdown" -> limits.add("hardware power brake (the external power-brake signal)");
        case "sw_thermal_slowdown" -> limits.add(String.format(Locale.ROOT, "software thermal slowdown (up to %s °C)",
            c.temperatureCMax() == null ? "?" : String.format(Locale.ROOT, "%.0f", c.temperatureCMax())));
        case "applications_clocks_setting" -> limits.add("application clocks setting (nvidia-smi -ac)");
        case "sync_boost" -> limits.add("sync boost (held to a slower GPU of its group)");
        default -> { } // gpu_idle, display clock: not a limit on a test
      }
    }
    String clocks = "SM clock " + range(c.smMhzMin(), c.smMhzMax(), null)
        + (c.smMhzMaxClock() == null ? " MHz" : String.format(Locale.ROOT, " of %.0f MHz", c.smMhzMaxClock()));
    if (limits.isEmpty()) {
      return String.format(Locale.ROOT, "no clock limit was active (%s, power %s of %s)", clocks,
          range(c.powerWMin(), c.powerWMax(), "W"), watts(c.powerLimitW()));
    }
    return String.join("; ", limits) + ", " + clocks;
  }

  private static String watts(Double w) {
    return w == null ? "? W" : String.format(Locale.ROOT, "%.0f W", w);
  }

  private static String range(Double lo, Double hi, String unit) {
    String u = unit == null ? "" : " " + unit;
    if (lo == null || hi == null) {
      return "?" + u;
    }
    return Math.round(lo) == Math.round(hi) ? String.format(Locale.ROOT, "%.0f%s", lo, u)
        : String.format(Locale.ROOT, "%.0f-%.0f%s", lo, hi, u);
  }
}
