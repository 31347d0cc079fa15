package dev.envdoctor.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The worker JVM's class-data-sharing archive (AppCDS): the classes of picocli, Jackson and DJL
 * pre-parsed, so a worker starts about 0.3 s sooner (1.55 s to 1.26 s for a verify-only worker on
 * the development VM). The first worker of a given jar and JVM dumps it at exit into a file of its
 * own; the parent moves it into place only when that worker finished well, so a killed or crashed
 * worker never leaves a half-written archive for the next one. A stale or unusable archive costs
 * nothing but the speed: {@code -Xshare:auto} ignores it, with a warning on stderr.
 *
 * @param archive where the archive lives once made
 * @param pending where this run's worker dumps it when there is none yet
 */
public record WorkerArchive(Path archive, Path pending) {

  /**
   * The archive for a worker started from {@code jar} by the JVM at {@code javaHome}, in
   * {@code dir}; null when the class path is not one jar (a source tree's classes folder cannot be
   * archived) or the JVM has no base CDS archive of its own (a jlinked runtime: there
   * {@code -XX:ArchiveClassesAtExit} stops the JVM at start, "DynamicDumpSharedSpaces is
   * unsupported when base CDS archive is not loaded").
   */
  public static WorkerArchive of(String classpath, String javaHome, String javaVersion, Path dir, long pid) {
    Path jar = Path.of(classpath);
    if (!classpath.endsWith(".jar") || classpath.contains(java.io.File.pathSeparator) || !Files.isRegularFile(jar)
        || !hasBaseArchive(Path.of(javaHome))) {
      return null;
    }
    String key;
    try {
      key = Integer.toHexString((jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
          + "|" + javaHome + "|" + javaVersion).hashCode());
    } catch (IOException e) {
      return null;
    }
    Path archive = dir.resolve("worker-" + key.toLowerCase(Locale.ROOT) + ".jsa");
    return new WorkerArchive(archive, dir.resolve(archive.getFileName() + "." + pid + ".tmp"));
  }

  /** The JDK's own CDS archive (lib/server on Linux and macOS, bin/server on Windows). */
  static boolean hasBaseArchive(Path javaHome) {
    for (String dir : new String[] {"lib/server", "bin/server"}) {
      if (Files.isRegularFile(javaHome.resolve(dir).resolve("classes.jsa"))) {
        return true;
      }
    }
    return false;
  }

  /** Use the archive, or dump one at exit when there is none yet. */
  public List<String> jvmFlags() {
    if (Files.isRegularFile(archive)) {
      return List.of("-XX:SharedArchiveFile=" + archive);
    }
    try {
      Files.createDirectories(archive.getParent());
    } catch (IOException e) {
      return List.of();
    }
    return List.of("-XX:ArchiveClassesAtExit=" + pending);
  }

  /** The archives of earlier jars (one per build or install): about 12 MB each. */
  private void removeOlder() throws IOException {
    try (var others = Files.list(archive.getParent())) {
      for (Path p : others.filter(p -> p.getFileName().toString().matches("worker-[0-9a-f]+\\.jsa")
          && !p.equals(archive)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** After the worker: keep its dump when it finished well, else throw it away. */
  public void settle(boolean workerFinished) {
    try {
      if (workerFinished && Files.isRegularFile(pending) && Files.size(pending) > 0) {
        Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        removeOlder();
      }
      Files.deleteIfExists(pending);
    } catch (IOException e) {
      // no archive this time: the next worker dumps again
      try {
        Files.deleteIfExists(pending);
      } catch (IOException ignored) {
        // nothing more to do
      }
    }
  }
}
