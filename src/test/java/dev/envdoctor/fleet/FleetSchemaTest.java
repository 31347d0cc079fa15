package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Tool;
import dev.envdoctor.report.Fixtures;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fleet-v1.schema.json and fleet-baseline-v1.schema.json validate what envdoctor writes, and document every field. */
class FleetSchemaTest {

  static JsonNode tree(String name) throws Exception {
    try (InputStream in = FleetSchemaTest.class.getResourceAsStream("/dev/envdoctor/" + name)) {
      return ReportJson.mapper().readTree(in);
    }
  }

  static JsonSchema schema(String name) throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(tree(name));
  }

  /** A fleet with every kind of row: real dev-VM reports, a constructed slow and drifting GPU node, a down node. */
  static FleetReport everything() {
    List<NodeInput> nodes = new ArrayList<>();
    nodes.add(NodeInput.reported("a", FleetFixtures.devVm("a")));
    for (int i = 1; i <= 3; i++) {
      nodes.add(NodeInput.reported("gpu0" + i, FleetFixtures.h100()));
    }
    nodes.add(NodeInput.reported("gpu04", FleetFixtures.driver(FleetFixtures.scaled(FleetFixtures.h100(), "cuda:0", 0.5), "535.1")));
    nodes.add(NodeInput.missing("b", NodeStatus.DOWN, List.of("slurm state down: test")));
    return FleetAnalysis.analyse(nodes, null, null, "slurm", new Tool("envdoctor", "t"), "2026-12-01T00:00:00Z");
  }

  @Test
  void fleetReportsValidateAndTheirNodesReportsValidateAgainstTheReportSchema() throws Exception {
    FleetReport r = everything();
    JsonNode json = ReportJson.mapper().readTree(ReportJson.write(r));
    assertEquals("[]", schema("fleet-v1.schema.json").validate(json).toString());
    for (JsonNode n : json.get("nodes")) {
      if (!n.get("report").isNull()) {
        assertEquals("[]", Fixtures.violations(n.get("report").toString()).toString(), n.get("name").asText());
      }
    }
    JsonNode base = ReportJson.mapper().readTree(ReportJson.write(Baselines.of(r, "2026-12-01T00:00:00Z")));
    assertEquals("[]", schema("fleet-baseline-v1.schema.json").validate(base).toString());
  }

  @Test
  void theSchemaRejectsAnUnknownStatusAndAMissingName() throws Exception {
    String json = ReportJson.write(everything());
    assertFalse(schema("fleet-v1.schema.json").validate(ReportJson.mapper().readTree(json.replace("\"status\" : \"down\"", "\"status\" : \"dead\""))).isEmpty());
    assertFalse(schema("fleet-v1.schema.json").validate(ReportJson.mapper().readTree(json.replace("\"name\" : \"b\"", "\"nom\" : \"b\""))).isEmpty());
    assertFalse(schema("fleet-v1.schema.json").validate(ReportJson.mapper().readTree(json.replace("envdoctor/fleet/v1", "envdoctor/fleet/v0"))).isEmpty());
  }

  @Test
  void theSchemaDocumentsEveryFieldOfTheFleetRecords() throws Exception {
    JsonNode s = tree("fleet-v1.schema.json").get("properties");
    List<String> missing = new ArrayList<>();
    check(FleetReport.class, s, "", missing);
    check(FleetNode.class, s.get("nodes").get("items").get("properties"), "nodes[].", missing);
    check(Figure.class, s.get("nodes").get("items").get("properties").get("figures").get("items").get("properties"), "figures[].", missing);
    check(Drift.class, s.get("drift").get("items").get("properties"), "drift[].", missing);
    check(FigureClass.class, s.get("classes").get("items").get("properties"), "classes[].", missing);
    check(FigureClass.Point.class, s.get("classes").get("items").get("properties").get("points").get("items").get("properties"), "points[].", missing);
    check(FleetSummary.class, s.get("summary").get("properties"), "summary.", missing);
    check(Baseline.class, tree("fleet-baseline-v1.schema.json").get("properties"), "baseline.", missing);
    assertEquals(List.of(), missing);
  }

  private static void check(Class<?> type, JsonNode props, String path, List<String> missing) {
    for (RecordComponent c : type.getRecordComponents()) {
      JsonNode p = props.path(c.getName());
      if (p.isMissingNode() || !p.hasNonNull("description")) {
        missing.add(path + c.getName());
      }
    }
    assertTrue(type.getRecordComponents().length > 0);
  }
}
