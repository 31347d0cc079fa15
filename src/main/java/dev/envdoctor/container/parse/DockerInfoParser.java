package dev.envdoctor.container.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envdoctor.container.Arch;
import dev.envdoctor.container.EngineFacts;
import dev.envdoctor.container.EngineFactsBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code docker info}. envdoctor runs {@code docker info --format '{{json .}}'} (exact
 * bytes, stable keys; nerdctl prints the same shape); the text form is what users paste into
 * issues and what a client without --format support prints, so both map to one {@link EngineFacts}.
 */
public final class DockerInfoParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerInfoParser() {}

  /** Either form: JSON when it starts with '{', the human text otherwise. */
  public static EngineFacts parse(String output) {
    String t = output == null ? "" : output.trim();
    return t.startsWith("{") ? json(t) : text(t);
  }

  public static EngineFacts json(String output) {
    JsonNode n;
    try {
      n = JSON.readTree(output);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("docker info: not JSON: " + e.getMessage(), e);
    }
    List<String> runtimes = new ArrayList<>();
    Iterator<String> names = n.path("Runtimes").fieldNames();
    names.forEachRemaining(runtimes::add);
    List<String> cdiDirs = strings(n.path("CDISpecDirs"));
    List<String> devices = new ArrayList<>();
    for (JsonNode d : n.path("DiscoveredDevices")) {
      devices.add(d.path("ID").asText());
    }
    boolean rootless = strings(n.path("SecurityOptions")).stream().anyMatch(s -> s.contains("name=rootless"));
    return EngineFactsBuilder.builder()
        .serverVersion(blankToNull(n.path("ServerVersion").asText(null)))
        .operatingSystem(blankToNull(n.path("OperatingSystem").asText(null)))
        .osType(blankToNull(n.path("OSType").asText(null)))
        .arch(Arch.normalize(n.path("Architecture").asText(null)))
        .cpus(n.hasNonNull("NCPU") && n.path("NCPU").asInt() > 0 ? n.path("NCPU").asInt() : null)
        .memoryBytes(n.hasNonNull("MemTotal") && n.path("MemTotal").asLong() > 0 ? n.path("MemTotal").asLong() : null)
        .kernel(blankToNull(n.path("KernelVersion").asText(null)))
        .name(blankToNull(n.path("Name").asText(null)))
        .clientContext(blankToNull(n.path("ClientInfo").path("Context").asText(null)))
        .runtimes(runtimes)
        .defaultRuntime(blankToNull(n.path("DefaultRuntime").asText(null)))
        .cdiSpecDirs(cdiDirs)
        .cdiDevices(devices)
        .rootless(rootless)
        .build();
  }

  /**
   * The text form: "Key: value" lines at one indent; a key with no value owns the deeper-indented
   * lines under it (CDI spec directories, Discovered Devices, Security Options).
   */
  public static EngineFacts text(String output) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, List<String>> lists = new LinkedHashMap<>();
    String open = null;
    int openIndent = -1;
    for (String raw : output.split("\\R")) {
      if (raw.isBlank()) {
        continue;
      }
      int indent = raw.length() - raw.stripLeading().length();
      String line = raw.strip();
      if (open != null && indent > openIndent) {
        lists.get(open).add(line);
        continue;
      }
      open = null;
      int colon = line.indexOf(':');
      if (colon <= 0 || indent > 1) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (value.isEmpty() && indent == 0) {
        continue; // a section header: Client:, Server:
      }
      if (value.isEmpty()) {
        open = key;
        openIndent = indent;
        lists.putIfAbsent(key, new ArrayList<>());
      } else {
        values.putIfAbsent(key, value);
      }
    }
    List<String> runtimes = values.containsKey("Runtimes")
        ? List.of(values.get("Runtimes").split("\\s+")) : List.of();
    List<String> devices = new ArrayList<>();
    for (String d : lists.getOrDefault("Discovered Devices", List.of())) {
      int c = d.indexOf(':');
      devices.add(c > 0 ? d.substring(c + 1).trim() : d);
    }
    boolean rootless = lists.getOrDefault("Security Options", List.of()).contains("rootless");
    String cpus = values.get("CPUs");
    return EngineFactsBuilder.builder()
        .serverVersion(values.get("Server Version"))
        .operatingSystem(values.get("Operating System"))
        .osType(values.get("OSType"))
        .arch(Arch.normalize(values.get("Architecture")))
        .cpus(cpus == null ? null : Integer.valueOf(cpus))
        .memoryBytes(Sizes.parseBinary(values.get("Total Memory")))
        .kernel(values.get("Kernel Version"))
        .name(values.get("Name"))
        .clientContext(values.get("Context"))
        .runtimes(runtimes)
        .defaultRuntime(values.get("Default Runtime"))
        .cdiSpecDirs(lists.getOrDefault("CDI spec directories", List.of()))
        .cdiDevices(devices)
        .rootless(rootless)
        .build();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : array) {
      out.add(s.asText());
    }
    return out;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
