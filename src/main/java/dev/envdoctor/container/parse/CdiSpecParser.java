package dev.envdoctor.container.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a Container Device Interface spec (/etc/cdi/*.yaml|json, /var/run/cdi/*): its kind
 * ({@code nvidia.com/gpu}) and device names, as the fully qualified names an engine accepts in
 * {@code --device nvidia.com/gpu=all}.
 */
public final class CdiSpecParser {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private CdiSpecParser() {}

  /** Qualified device names, e.g. nvidia.com/gpu=0, nvidia.com/gpu=all; empty when not a spec. */
  public static List<String> devices(String spec) {
    List<String> out = new ArrayList<>();
    try {
      JsonNode root = YAML.readTree(spec);
      String kind = root == null ? "" : root.path("kind").asText("");
      if (kind.isEmpty()) {
        return out;
      }
      for (JsonNode d : root.path("devices")) {
        out.add(kind + "=" + d.path("name").asText());
      }
    } catch (java.io.IOException e) {
      // not a CDI spec: no devices from it
    }
    return out;
  }
}
