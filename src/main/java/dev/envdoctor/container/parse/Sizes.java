package dev.envdoctor.container.parse;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as docker info prints them ("7.654GiB", go-units BytesSize: powers of 1024), and as Apple's
 * container config.toml writes them ("1g", "2048mb": binary units too).
 */
public final class Sizes {

  private static final Pattern SIZE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([KMGTP]?i?B?)", Pattern.CASE_INSENSITIVE);

  private Sizes() {}

  /** Bytes, rounded; null when the text is not a size. */
  public static Long parseBinary(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    double value = Double.parseDouble(m.group(1));
    String unit = m.group(2).isEmpty() ? "B" : m.group(2).toUpperCase(Locale.ROOT);
    int power = switch (unit.charAt(0)) {
      case 'K' -> 1;
      case 'M' -> 2;
      case 'G' -> 3;
      case 'T' -> 4;
      case 'P' -> 5;
      default -> 0;
    };
    return Math.round(value * Math.pow(1024, power));
  }

  /** "7.7 GiB" for people. */
  public static String human(Long bytes) {
    if (bytes == null) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
