package dev.envdoctor.worker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The warnings DJL logged while this worker ran. DJL reports some facts only as log lines (CUDA's
 * "Failed to detect GPU count: CUDA driver version is insufficient ..."), and the log goes to a file
 * (never stdout): this reads what was appended to it since a mark.
 */
final class LogTail {

  private static final int MAX_BYTES = 256 * 1024;

  private final Path file;
  private final long mark;

  private LogTail(Path file, long mark) {
    this.file = file;
    this.mark = mark;
  }

  static LogTail mark(Path file) {
    try {
      return new LogTail(file, file != null && Files.exists(file) ? Files.size(file) : 0);
    } catch (IOException e) {
      return new LogTail(null, 0);
    }
  }

  /** WARN and ERROR lines appended since the mark (other processes may append too: filter by content). */
  List<String> warnings() {
    if (file == null || !Files.exists(file)) {
      return List.of();
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long len = Math.min(f.length() - mark, MAX_BYTES);
      if (len <= 0) {
        return List.of();
      }
      byte[] buf = new byte[(int) len];
      f.seek(mark);
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8).lines()
          .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** DJL's CUDA probe failed with this reason, if it logged one ("CUDA driver version is insufficient ..."). */
  static String cudaProblem(List<String> warnings) {
    return warnings.stream()
        .filter(l -> l.contains("Failed to detect GPU count"))
        .map(l -> l.substring(l.indexOf("Failed to detect GPU count")))
        .findFirst().orElse(null);
  }
}
