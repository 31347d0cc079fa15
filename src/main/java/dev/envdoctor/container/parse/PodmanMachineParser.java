package dev.envdoctor.container.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code podman machine inspect}. Podman 5 dropped VMType from inspect; the provider still
 * shows in the machine's ConfigDir ({@code .../podman/machine/applehv}), so it is read from there
 * when VMType is absent.
 */
public final class PodmanMachineParser {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PROVIDERS = List.of("applehv", "libkrun", "qemu", "wsl", "hyperv");

  private PodmanMachineParser() {}

  public static List<PodmanMachine> inspect(String output) {
    JsonNode root;
    try {
      root = JSON.readTree(output);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("podman machine inspect: not JSON: " + e.getMessage(), e);
    }
    List<PodmanMachine> machines = new ArrayList<>();
    for (JsonNode m : root.isArray() ? root : JSON.createArrayNode().add(root)) {
      JsonNode res = m.path("Resources");
      String provider = DockerInfoParser.blankToNull(m.path("VMType").asText(null));
      if (provider == null) {
        provider = providerFromPath(m.path("ConfigDir").path("Path").asText(m.path("ConfigPath").path("Path").asText("")));
      }
      machines.add(new PodmanMachine(
          DockerInfoParser.blankToNull(m.path("Name").asText(null)),
          provider,
          DockerInfoParser.blankToNull(m.path("State").asText(null)),
          res.path("CPUs").asInt() > 0 ? res.path("CPUs").asInt() : null,
          res.path("Memory").asLong() > 0 ? res.path("Memory").asLong() * 1024 * 1024 : null,
          m.has("Rootful") ? m.path("Rootful").asBoolean() : null));
    }
    return machines;
  }

  static String providerFromPath(String path) {
    for (String segment : path.split("[/\\\\]")) {
      if (PROVIDERS.contains(segment)) {
        return segment;
      }
    }
    return null;
  }
}
