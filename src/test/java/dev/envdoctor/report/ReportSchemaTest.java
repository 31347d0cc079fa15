package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.ModelFields;
import dev.envdoctor.model.Report;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSchemaTest {

  @Test
  void everyFixtureAndItsRedactedCopyValidate() {
    for (Report r : Fixtures.all()) {
      String json = new JsonRenderer().render(r);
      assertEquals("[]", Fixtures.violations(json).toString(), json);
      String redacted = new JsonRenderer().render(new Redactor(Identity.none()).redact(r));
      assertEquals("[]", Fixtures.violations(redacted).toString());
    }
  }

  @Test
  void theSchemaRejectsWhatTheModelForbids() {
    String wrongSchema = new JsonRenderer().render(Fixtures.mac()).replace("envdoctor/report/v1", "envdoctor/report/v0");
    assertFalse(Fixtures.violations(wrongSchema).isEmpty());
    String textForNumber = new JsonRenderer().render(Fixtures.mac()).replaceFirst("\"medianMs\" : [0-9.]+", "\"medianMs\" : \"fast\"");
    assertFalse(Fixtures.violations(textForNumber).isEmpty());
    String noChecks = new JsonRenderer().render(Fixtures.mac()).replace("\"checks\" :", "\"checkz\" :");
    assertFalse(Fixtures.violations(noChecks).isEmpty());
  }

  /** The schema documents every path of the model: a field added to a record must be added there too. */
  @Test
  void theSchemaDocumentsEveryFieldOfTheModel() {
    JsonNode schema = Fixtures.schemaTree();
    List<String> missing = new ArrayList<>();
    walk(Report.class, schema, schema, "", missing);
    assertEquals(List.of(), missing, "add these paths to report-v1.schema.json");
  }

  private static void walk(Class<?> type, JsonNode node, JsonNode root, String path, List<String> missing) {
    JsonNode props = resolve(node, root).path("properties");
    for (ModelFields.Field c : ModelFields.of(type)) {
      JsonNode p = props.path(c.name());
      if (p.isMissingNode()) {
        missing.add(path + c.name());
        continue;
      }
      assertTrue(p.hasNonNull("description") || resolve(p, root).hasNonNull("description"), path + c.name() + " has no description");
      Class<?> child = c.rawType();
      JsonNode childNode = p;
      if (List.class.isAssignableFrom(child)) {
        Type arg = ((ParameterizedType) c.type()).getActualTypeArguments()[0];
        child = (Class<?>) arg;
        childNode = resolve(p, root).path("items");
      }
      if (child.isRecord()) {
        walk(child, childNode, root, path + c.name() + (List.class.isAssignableFrom(c.rawType()) ? "[]." : "."), missing);
      }
    }
  }

  /** Follows a $ref, or the object branch of an anyOf [object, null]. */
  private static JsonNode resolve(JsonNode node, JsonNode root) {
    if (node.has("$ref")) {
      return resolve(root.at(node.get("$ref").asText().substring(1)), root);
    }
    if (node.has("anyOf")) {
      for (JsonNode branch : node.get("anyOf")) {
        if (!"null".equals(branch.path("type").asText())) {
          return resolve(branch, root);
        }
      }
    }
    return node;
  }
}
