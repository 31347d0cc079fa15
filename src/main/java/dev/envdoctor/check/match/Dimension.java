package dev.envdoctor.check.match;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The unit family of a numeric fact, read from its name as the report model spells units
 * (availableBytes, maxFrequencyHz, smClockMaxMhz, medianMs, hours, cv, fractionOfPeak). Each
 * family maps the units a check may write to the field's own base unit.
 */
public enum Dimension {
  NONE(Map.of()),
  BYTES(units("B", 1, "KB", 1e3, "MB", 1e6, "GB", 1e9, "TB", 1e12,
      "KiB", 1024, "MiB", 1024.0 * 1024, "GiB", 1024.0 * 1024 * 1024, "TiB", 1024.0 * 1024 * 1024 * 1024)),
  HERTZ(units("Hz", 1, "kHz", 1e3, "MHz", 1e6, "GHz", 1e9)),
  MEGAHERTZ(units("Hz", 1e-6, "kHz", 1e-3, "MHz", 1, "GHz", 1e3)),
  MILLIS(units("ms", 1, "s", 1e3, "min", 60e3, "h", 3600e3)),
  HOURS(units("min", 1 / 60.0, "h", 1, "d", 24)),
  FRACTION(units("%", 0.01));

  private final Map<String, Double> units;

  Dimension(Map<String, Double> units) {
    this.units = units;
  }

  private static Map<String, Double> units(Object... pairs) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
    }
    return m;
  }

  public static Dimension of(String fieldName) {
    String n = fieldName.toLowerCase(Locale.ROOT);
    if (n.endsWith("bytes")) {
      return BYTES;
    }
    if (n.endsWith("mhz")) {
      return MEGAHERTZ;
    }
    if (n.endsWith("hz")) {
      return HERTZ;
    }
    if (n.endsWith("ms")) {
      return MILLIS;
    }
    if (n.startsWith("hours")) {
      return HOURS;
    }
    if (n.equals("cv") || n.startsWith("fraction")) {
      return FRACTION;
    }
    return NONE;
  }

  /** Unit name to factor into the field's base unit; case-sensitive except for a lone "b". */
  public Map<String, Double> units() {
    return units;
  }

  public String describe() {
    return switch (this) {
      case NONE -> "a plain number";
      case BYTES -> "a size in bytes";
      case HERTZ, MEGAHERTZ -> "a frequency";
      case MILLIS, HOURS -> "a duration";
      case FRACTION -> "a fraction";
    };
  }
}
