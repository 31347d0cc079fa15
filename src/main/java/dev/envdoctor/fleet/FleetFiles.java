package dev.envdoctor.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fleet's files: {@code DIR/nodes/<node>.json} (each node's report) and {@code DIR/fleet.json}
 * (the fleet report, which also keeps the nodes that sent none). Loading takes a folder written by
 * {@code fleet run}, or any mix of node reports (named after their file), fleet reports and logs
 * of framed node reports (kubectl logs of the examples' Job).
 */
public final class FleetFiles {

  public static final String FLEET_JSON = "fleet.json";

  private FleetFiles() {}

  /** {@code DIR/nodes/<node>.json} for each node that sent a report: path to text, for the one atomic write. */
  public static Map<Path, String> nodeFiles(Path dir, List<NodeInput> nodes) {
    Map<Path, String> out = new LinkedHashMap<>();
    for (NodeInput n : nodes) {
      if (n.report() != null) {
        out.put(dir.resolve("nodes").resolve(safe(n.name()) + ".json"), ReportJson.write(n.report()) + "\n");
      }
    }
    return out;
  }

  /** A scheduler's node name as a file name: they are host names, but a '/' must never make a path. */
  static String safe(String node) {
    return node.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  public static List<NodeInput> load(List<Path> paths) {
    Map<String, NodeInput> nodes = new LinkedHashMap<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        loadDir(p, nodes);
      } else {
        loadFile(p, nodes);
      }
    }
    if (nodes.isEmpty()) {
      throw new FleetInputError("no node reports in " + paths + " (fleet run writes DIR/nodes/<node>.json)");
    }
    return new ArrayList<>(nodes.values());
  }

  private static void loadDir(Path dir, Map<String, NodeInput> nodes) {
    Path fleet = dir.resolve(FLEET_JSON);
    if (Files.isRegularFile(fleet)) {
      loadFile(fleet, nodes);
    }
    Path nodeDir = dir.resolve("nodes");
    if (!Files.isDirectory(nodeDir)) {
      if (!Files.isRegularFile(fleet)) {
        throw new FleetInputError(dir + " has neither nodes/ nor " + FLEET_JSON + ": name the folder fleet run wrote (--out DIR)");
      }
      return;
    }
    try (Stream<Path> s = Files.list(nodeDir)) {
      s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(f -> loadFile(f, nodes));
    } catch (IOException e) {
      throw new FleetInputError("cannot list " + nodeDir + ": " + e.getMessage());
    }
  }

  private static void loadFile(Path file, Map<String, NodeInput> nodes) {
    if (!file.getFileName().toString().endsWith(".json") && loadFrames(file, nodes)) {
      return;
    }
    JsonNode tree = tree(file);
    String schema = tree.path("schema").asText("");
    try {
      if (FleetReport.SCHEMA.equals(schema)) {
        FleetReport fr = ReportJson.mapper().treeToValue(tree, FleetReport.class);
        for (FleetNode n : fr.nodes()) {
          // a report in nodes/ (loaded after) wins over the copy inside fleet.json
          nodes.putIfAbsent(n.name(), n.report() != null ? NodeInput.reported(n.name(), n.report())
              : NodeInput.missing(n.name(), n.status(), n.reasons()));
        }
      } else if (Report.SCHEMA.equals(schema)) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        nodes.put(name, NodeInput.reported(name, ReportJson.mapper().treeToValue(tree, Report.class)));
      } else {
        throw new FleetInputError(file + " is neither a node report (" + Report.SCHEMA + ") nor a fleet report ("
            + FleetReport.SCHEMA + "): schema is " + (schema.isEmpty() ? "missing" : "\"" + schema + "\""));
      }
    } catch (IOException e) {
      throw new FleetInputError(file + " does not match its schema: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /**
   * A log holding nodes' framed reports (kubectl logs of the examples' indexed Job, or srun's output
   * saved by hand): each whole frame is a node. False when the file has no frame.
   */
  private static boolean loadFrames(Path file, Map<String, NodeInput> nodes) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new FleetInputError("cannot read " + file + ": " + e.getMessage());
    }
    if (!text.contains(NodeFrames.MARK + " begin ")) {
      return false;
    }
    var g = new Scheduler.Gathered(NodeFrames.parse(text), Map.of(), List.of(), false, null);
    g.frames().keySet().forEach(n -> nodes.put(n, FleetRun.input(n, g, java.time.Duration.ZERO)));
    return true;
  }

  public static Baseline loadBaseline(Path file) {
    JsonNode tree = tree(file);
    if (!Baseline.SCHEMA.equals(tree.path("schema").asText(""))) {
      throw new FleetInputError(file + " is not a fleet baseline (want schema " + Baseline.SCHEMA
          + "; write one with: envdoctor fleet baseline DIR --out FILE)");
    }
    try {
      return ReportJson.mapper().treeToValue(tree, Baseline.class);
    } catch (IOException e) {
      throw new FleetInputError(file + " does not match " + Baseline.SCHEMA + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static JsonNode tree(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FleetInputError("no such file: " + file);
    }
    try {
      return ReportJson.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new FleetInputError(file + " is not JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }
}
