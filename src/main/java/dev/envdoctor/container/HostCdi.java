package dev.envdoctor.container;

import dev.envdoctor.container.parse.CdiSpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The CDI devices specified on this host (/etc/cdi, /var/run/cdi), as engines on it would see them. */
public final class HostCdi {

  public static final List<Path> SPEC_DIRS = List.of(Path.of("/etc/cdi"), Path.of("/var/run/cdi"));

  private HostCdi() {}

  public static List<String> devices(List<Path> dirs) {
    List<String> out = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(HostCdi::isSpec).toList()) {
          out.addAll(CdiSpecParser.devices(Files.readString(f)));
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable spec directory grants no device
      }
    }
    return out;
  }

  private static boolean isSpec(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }
}
