package dev.envdoctor.fleet;

import dev.envdoctor.model.Tool;
import java.util.List;

/**
 * The fleet report, schema {@code envdoctor/fleet/v1}: one row per node, the version drift and the
 * performance classes (median, MAD, outliers). scheduler: how the reports were gathered ("slurm",
 * or "files" when they were read from files); baseline: the baseline file's name, or null.
 */
public record FleetReport(
    String schema,
    Tool tool,
    String createdAt,
    String scheduler,
    String baseline,
    List<FleetNode> nodes,
    List<Drift> drift,
    List<FigureClass> classes,
    FleetSummary summary) {

  public static final String SCHEMA = "envdoctor/fleet/v1";

  public FleetReport {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    drift = drift == null ? List.of() : List.copyOf(drift);
    classes = classes == null ? List.of() : List.copyOf(classes);
  }
}
