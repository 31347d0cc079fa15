package dev.envdoctor.probe;

/** Byte counts for people: binary units, one decimal. */
public final class Units {

  private Units() {}

  public static String gib(Long bytes) {
    if (bytes == null) {
      return "?";
    }
    return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }
}
