package dev.envdoctor.probe.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads /proc and /sys under a root: "/" on a real machine, a recorded tree in tests. A file that
 * is missing or unreadable is null, never an exception: most of these files exist on some
 * kernels and machines only.
 */
public record LinuxFiles(Path root) {

  public String read(String path) {
    Path p = resolve(path);
    try {
      return Files.isReadable(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The first line, trimmed; null when missing or empty. */
  public String line(String path) {
    String text = read(path);
    if (text == null) {
      return null;
    }
    String first = text.lines().findFirst().orElse("").trim();
    return first.isEmpty() ? null : first;
  }

  /** The first {@code n} bytes (fewer if the file is shorter); null when missing or unreadable. */
  public byte[] head(String path, int n) {
    Path p = resolve(path);
    try (java.io.InputStream in = Files.newInputStream(p)) {
      return in.readNBytes(n);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  public boolean exists(String path) {
    return Files.exists(resolve(path));
  }

  /** The names in a folder, sorted; empty when it is missing. */
  public List<String> list(String path) {
    try (Stream<Path> s = Files.list(resolve(path))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private Path resolve(String path) {
    return root.resolve(path.startsWith("/") ? path.substring(1) : path);
  }
}
