package dev.envdoctor.fleet;

import java.util.List;
import java.util.Map;

/**
 * A known-good fleet, schema {@code envdoctor/fleet-baseline/v1}: the versions its nodes agreed on
 * and each hardware class's median and MAD. {@code fleet report --baseline} judges drift and
 * outliers against it instead of against the fleet's own majority and median.
 */
public record Baseline(
    String schema,
    String createdAt,
    List<String> nodes,
    Map<String, String> versions,
    List<FigureClass> classes) {

  public static final String SCHEMA = "envdoctor/fleet-baseline/v1";

  public Baseline {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    versions = versions == null ? Map.of() : Map.copyOf(versions);
    classes = classes == null ? List.of() : List.copyOf(classes);
  }
}
