package dev.envdoctor.container.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Apple's {@code container} CLI prints: {@code --version}, {@code system status}, {@code system
 * property list} and {@code image inspect}. Pure: text in, values out. Its output changed shape from
 * release to release (0.3's one line, 0.11's FIELD/VALUE table, 1.x's TOML property list), so each
 * reader looks for the one value it needs and gives null when it is not there.
 */
public final class AppleContainerParser {

  /** {@code container CLI version 0.5.0 (build: release, commit: 48230f3)}; the version may be empty. */
  private static final Pattern VERSION_LINE = Pattern.compile("^container CLI version\\s*(\\S*)");
  private static final Pattern DOTTED = Pattern.compile("(\\d+\\.\\d+(?:\\.\\d+)?(?:[-+][0-9A-Za-z.-]+)?)");
  /** The server's version row: apiserver-version (0.x), apiserver.version (0.11), server.version (1.4). */
  private static final Pattern SERVER_ROW = Pattern.compile("^\\s*(?:apiserver[.-]version|server\\.version)\\s+(.+)$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TOML_SECTION = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*$");
  private static final Pattern TOML_VALUE = Pattern.compile("^\\s*([A-Za-z0-9_.-]+)\\s*=\\s*\"?([^\"#]*?)\"?\\s*(?:#.*)?$");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Per-container defaults the service applies without --cpus/--memory; either may be null. */
  public record Defaults(Integer cpus, Long memoryBytes) {}

  private AppleContainerParser() {}

  /** Whether {@code --version} printed Apple's line: the one thing that tells this CLI from another "container". */
  public static boolean isAppleContainer(String versionOutput) {
    return VERSION_LINE.matcher(firstLine(versionOutput)).find();
  }

  /** The CLI's version ("0.5.0"), or null when the line is not Apple's or carries no version. */
  public static String version(String versionOutput) {
    Matcher m = VERSION_LINE.matcher(firstLine(versionOutput));
    return m.find() && !m.group(1).isEmpty() && !m.group(1).startsWith("(") ? m.group(1) : null;
  }

  /**
   * The apiserver's version from {@code system status}'s table, or null where the release prints
   * none (0.3 prints only "apiserver is running").
   */
  public static String serverVersion(String statusOutput) {
    for (String line : lines(statusOutput)) {
      Matcher row = SERVER_ROW.matcher(line);
      if (row.matches()) {
        Matcher v = DOTTED.matcher(row.group(1));
        return v.find() ? v.group(1) : null;
      }
    }
    return null;
  }

  /**
   * The {@code [container]} cpus and memory of 1.x's {@code system property list} (the merged
   * config.toml); nulls for the 0.x table, which has no such property.
   */
  public static Defaults containerDefaults(String propertyList) {
    String section = "";
    Integer cpus = null;
    Long memory = null;
    for (String line : lines(propertyList)) {
      Matcher s = TOML_SECTION.matcher(line);
      if (s.matches()) {
        section = s.group(1).trim();
        continue;
      }
      Matcher kv = TOML_VALUE.matcher(line);
      if (!"container".equals(section) || !kv.matches()) {
        continue;
      }
      switch (kv.group(1)) {
        case "cpus" -> cpus = integer(kv.group(2));
        case "memory" -> memory = memoryBytes(kv.group(2));
        default -> { }
      }
    }
    return new Defaults(cpus, memory);
  }

  /**
   * A config.toml memory size: "1g", "4gb", "2048mb", a bare number of bytes. All units are
   * binary (docs/container-system-config.md, MemorySize format), as docker's.
   */
  public static Long memoryBytes(String text) {
    return Sizes.parseBinary(text);
  }

  /**
   * The architecture of an image from {@code image inspect}'s JSON: a linux variant's platform,
   * arm64 first (what {@code container run} picks by default), attestation variants
   * ({@code unknown/unknown}) skipped; null when there is none.
   */
  public static String imageArchitecture(String inspectJson) {
    JsonNode root;
    try {
      root = JSON.readTree(inspectJson == null ? "" : inspectJson);
    } catch (IOException e) {
      return null;
    }
    if (root == null) {
      return null;
    }
    JsonNode image = root.isArray() ? root.path(0) : root;
    String first = null;
    for (JsonNode v : image.path("variants")) {
      JsonNode p = v.path("platform");
      String arch = p.path("architecture").asText("");
      if (!"linux".equals(p.path("os").asText("")) || arch.isEmpty() || "unknown".equals(arch)) {
        continue;
      }
      if ("arm64".equals(arch)) {
        return arch;
      }
      first = first == null ? arch : first;
    }
    return first;
  }

  private static Integer integer(String s) {
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The first non-blank line, trimmed; "" when there is none. */
  public static String firstLine(String text) {
    for (String line : lines(text)) {
      if (!line.isBlank()) {
        return line.trim();
      }
    }
    return "";
  }

  private static String[] lines(String text) {
    return text == null ? new String[0] : text.split("\\R");
  }
}
