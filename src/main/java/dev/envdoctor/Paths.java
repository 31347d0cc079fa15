package dev.envdoctor;

import java.nio.file.Path;
import java.util.Map;

/** Where envdoctor keeps its own state (log file, DJL cache): one folder the user can delete. */
public final class Paths {

  private Paths() {}

  public static Path home() {
    Path p = resolve(System.getenv(), System.getProperty("user.home"));
    return p != null ? p : Path.of(".cache", "envdoctor");
  }

  /**
   * As {@link #home()}, from {@code env} alone (ENVDOCTOR_HOME, XDG_CACHE_HOME, then HOME's cache),
   * or null where it names none: a stage reads its environment from its context, and a test's empty
   * one then touches no folder of the user's.
   */
  public static Path home(Map<String, String> env) {
    return resolve(env, env.get("HOME") != null ? env.get("HOME") : env.get("USERPROFILE"));
  }

  /** ENVDOCTOR_HOME, else XDG_CACHE_HOME/envdoctor, else the platform's cache under {@code userHome} (null: none). */
  private static Path resolve(Map<String, String> env, String userHome) {
    String explicit = env.get("ENVDOCTOR_HOME");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "envdoctor");
    }
    if (userHome == null || userHome.isBlank()) {
      return null;
    }
    boolean mac = System.getProperty("os.name", "").toLowerCase().contains("mac");
    return mac ? Path.of(userHome, "Library/Caches/envdoctor") : Path.of(userHome, ".cache/envdoctor");
  }
}
