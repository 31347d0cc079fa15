package dev.envdoctor;

import java.nio.file.Path;
import java.util.Map;

/** Where envdoctor keeps its own state (log file, DJL cache): one folder the user can delete. */
public final class Paths {

  private Paths() {}

  public static Path home() {
    String explicit = System.getenv("ENVDOCTOR_HOME");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "envdoctor");
    }
    String os = System.getProperty("os.name", "").toLowerCase();
    Path userHome = Path.of(System.getProperty("user.home"));
    return os.contains("mac") ? userHome.resolve("Library/Caches/envdoctor") : userHome.resolve(".cache/envdoctor");
  }

  /**
   * As {@link #home()}, from {@code env} alone (ENVDOCTOR_HOME, XDG_CACHE_HOME, then HOME's cache),
   * or null where it names none: a stage reads its environment from its context, and a test's empty
   * one then touches no folder of the user's.
   */
  public static Path home(Map<String, String> env) {
    for (String name : new String[] {"ENVDOCTOR_HOME", "XDG_CACHE_HOME"}) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return name.equals("ENVDOCTOR_HOME") ? Path.of(v) : Path.of(v, "envdoctor");
      }
    }
    String home = env.get("HOME") != null ? env.get("HOME") : env.get("USERPROFILE");
    if (home == null || home.isBlank()) {
      return null;
    }
    boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
    return mac ? Path.of(home, "Library/Caches/envdoctor") : Path.of(home, ".cache/envdoctor");
  }
}
