package dev.envdoctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends every SLF4J log line (DJL, OSHI, ours) to a file, never to the console: the console is for
 * the user's answer, and {@code --json} output must stay pure. Must run before any logger exists.
 */
public final class Logging {

  private Logging() {}

  public static Path routeToFile() {
    Path file = logFile();
    System.setProperty("org.slf4j.simpleLogger.logFile", file == null ? "System.err" : file.toString());
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", file == null ? "off" : "info");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    return file;
  }

  /** {@code $ENVDOCTOR_HOME/envdoctor.log}, else the user cache folder; null when none is writable. */
  public static Path logFile() {
    Path dir = Paths.home();
    try {
      Files.createDirectories(dir);
      return Files.isWritable(dir) ? dir.resolve("envdoctor.log") : null;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
