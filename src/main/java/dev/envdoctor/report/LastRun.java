package dev.envdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How long the last doctor run took, from the newest report it left in the out folder (the sum of
 * its stages): the live status line's estimate of what is left. Empty when there is none or it
 * cannot be read: the estimate is a courtesy, never a reason to fail.
 */
public final class LastRun {

  private static final Pattern NAME = Pattern.compile("envdoctor-\\d{8}T\\d{6}Z(-\\d+)?\\.json");

  private LastRun() {}

  public static OptionalLong millis(Path dir) {
    if (dir == null || !Files.isDirectory(dir)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      Path newest = files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
          .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
      if (newest == null) {
        return OptionalLong.empty();
      }
      long ms = 0;
      for (JsonNode s : ReportJson.mapper().readTree(newest.toFile()).path("stages")) {
        ms += s.path("millis").asLong(0);
      }
      return ms > 0 ? OptionalLong.of(ms) : OptionalLong.empty();
    } catch (IOException | RuntimeException unreadable) {
      return OptionalLong.empty();
    }
  }
}
