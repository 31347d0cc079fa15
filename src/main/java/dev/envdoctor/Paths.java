package dev.envdoctor;

import java.nio.file.Path;

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
}
