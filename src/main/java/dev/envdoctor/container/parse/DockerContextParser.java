package dev.envdoctor.container.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses {@code docker context inspect}: the endpoint the current context points the CLI at. */
public final class DockerContextParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DockerContextParser() {}

  /** The docker endpoint (unix:///..., tcp://..., ssh://...), or null. */
  public static String endpoint(String inspectOutput) {
    try {
      JsonNode root = JSON.readTree(inspectOutput);
      JsonNode ctx = root.isArray() ? root.path(0) : root;
      return DockerInfoParser.blankToNull(ctx.path("Endpoints").path("docker").path("Host").asText(null));
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The context's name from inspect, or null. */
  public static String name(String inspectOutput) {
    try {
      JsonNode root = JSON.readTree(inspectOutput);
      JsonNode ctx = root.isArray() ? root.path(0) : root;
      return DockerInfoParser.blankToNull(ctx.path("Name").asText(null));
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
