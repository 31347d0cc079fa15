package dev.envdoctor.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the report files a run wrote, for doctor to say where they went. The report-files stage
 * names them itself; doctor only looks for envdoctor-* files in --out modified since the report's
 * createdAt, so it does not depend on the naming scheme.
 */
final class WrittenFiles {

  private WrittenFiles() {}

  static List<String> writtenSince(Path out, String createdAt) {
    if (out == null || createdAt == null || !Files.isDirectory(out)) {
      return List.of();
    }
    Instant since;
    try {
      // file times have whole-second precision on some file systems
      since = Instant.parse(createdAt).minusSeconds(1);
    } catch (DateTimeParseException e) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(out)) {
      return files.filter(f -> f.getFileName().toString().startsWith("envdoctor-") && modifiedSince(f, since))
          .map(Path::toString).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static boolean modifiedSince(Path f, Instant since) {
    try {
      return !Files.getLastModifiedTime(f).toInstant().isBefore(since);
    } catch (IOException e) {
      return false;
    }
  }
}
