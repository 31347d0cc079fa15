package dev.envdoctor.probe.nvidia;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nvidia-smi's values: "[N/A]", "[Not Supported]", "N/A" and "Not Found" (a K80's CUDA version on
 * driver 430) mean unknown; numbers may carry units.
 */
final class NvidiaValues {

  private static final Pattern NUMBER = Pattern.compile("^\\s*(-?\\d+(?:\\.\\d+)?)");

  private NvidiaValues() {}

  static String text(String v) {
    if (v == null) {
      return null;
    }
    String t = v.trim();
    if (t.isEmpty() || t.startsWith("[") || t.equalsIgnoreCase("N/A") || t.equalsIgnoreCase("Not Supported")
        || t.equalsIgnoreCase("Not Found")) {
      return null;
    }
    return t;
  }

  static Double number(String v) {
    String t = text(v);
    if (t == null) {
      return null;
    }
    Matcher m = NUMBER.matcher(t);
    return m.find() ? Double.valueOf(m.group(1)) : null;
  }

  static Long whole(String v) {
    Double d = number(v);
    return d == null ? null : Math.round(d);
  }

  /** MiB (nvidia-smi's memory unit) to bytes. */
  static Long mibToBytes(String v) {
    Long mib = whole(v);
    return mib == null ? null : mib * 1024L * 1024L;
  }

  static Boolean enabled(String v) {
    String t = text(v);
    if (t == null) {
      return null;
    }
    return t.equalsIgnoreCase("Enabled") ? Boolean.TRUE : t.equalsIgnoreCase("Disabled") ? Boolean.FALSE : null;
  }

  /** "Gen5 x16" from a link generation and width; null when either is unknown. */
  static String pcieLink(String gen, String width) {
    Long g = whole(gen);
    Long w = whole(width);
    return g == null || w == null ? null : "Gen" + g + " x" + w;
  }
}
