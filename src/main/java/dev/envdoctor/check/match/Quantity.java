package dev.envdoctor.check.match;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses "16GiB", "2.5GHz", "80%", "1_000" into a number in a field's base unit. Pure. */
public final class Quantity {

  private static final Pattern NUMBER_UNIT = Pattern.compile("^([-+]?\\d+(?:[_\\d]*)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)\\s*([A-Za-z%]*)$");

  private Quantity() {}

  /** The value in the dimension's base unit; the message of the exception says what is allowed. */
  public static double parse(String text, Dimension dim) throws BadValueException {
    Matcher m = NUMBER_UNIT.matcher(text.strip());
    if (!m.matches()) {
      throw new BadValueException("'" + text.strip() + "' is not a number" + unitsHint(dim));
    }
    double number = Double.parseDouble(m.group(1).replace("_", ""));
    String unit = m.group(2);
    if (unit.isEmpty()) {
      return number;
    }
    Double factor = dim.units().get(unit);
    if (factor == null) {
      throw new BadValueException("bad unit '" + unit + "' in '" + text.strip() + "': the fact is " + dim.describe() + unitsHint(dim));
    }
    return number * factor;
  }

  private static String unitsHint(Dimension dim) {
    return dim.units().isEmpty() ? " (write it without a unit)" : "; use " + String.join(", ", dim.units().keySet()) + " or no unit";
  }

  /** A value in the dimension's base unit, written for a person: "23.4 GiB", "3.2 GHz", "12%". */
  public static String format(double value, Dimension dim) {
    return switch (dim) {
      case BYTES -> scaled(value, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB", "PiB"});
      case HERTZ -> scaled(value, 1000, new String[] {"Hz", "kHz", "MHz", "GHz"});
      case MEGAHERTZ -> plain(value) + " MHz";
      case MILLIS -> plain(value) + " ms";
      case HOURS -> plain(value) + " h";
      case FRACTION -> plain(value * 100) + "%";
      case NONE -> plain(value);
    };
  }

  private static String scaled(double value, double step, String[] names) {
    int i = 0;
    double v = value;
    while (Math.abs(v) >= step && i < names.length - 1) {
      v /= step;
      i++;
    }
    return plain(v) + " " + names[i];
  }

  static String plain(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(java.util.Locale.ROOT, "%.2f", v);
    return s.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
