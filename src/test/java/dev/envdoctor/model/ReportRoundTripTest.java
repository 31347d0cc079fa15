package dev.envdoctor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every report of schema {@code envdoctor/report/v1} kept in this repository (test resources, and
 * the JSON shown in docs/) reads into the model and writes back out to the same JSON tree: no field
 * lost, renamed or retyped by the typed model. Key order aside; a field written as null is the same
 * as one left out (the schema's rule); 2 and 2.0 are the same number.
 */
class ReportRoundTripTest {

  @TestFactory
  Stream<DynamicTest> everyKeptReportReadsAndWritesBackUnchanged() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path root : List.of(Path.of("src/test/resources"), Path.of("docs"))) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(ReportRoundTripTest::mayHoldAReport).sorted().toList()) {
          String text = Files.readString(file);
          if (!text.contains("envdoctor/report/v1")) {
            continue;
          }
          List<JsonNode> reports = reportsIn(file, text);
          for (int i = 0; i < reports.size(); i++) {
            JsonNode kept = reports.get(i);
            tests.add(DynamicTest.dynamicTest(file + (reports.size() > 1 ? " #" + i : ""), () -> roundTrip(kept)));
          }
        }
      }
    }
    assertTrue(tests.size() >= 35, "found only " + tests.size() + " kept reports");
    return tests.stream();
  }

  private static boolean mayHoldAReport(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".json") || name.endsWith(".md") || name.endsWith(".out"));
  }

  private static void roundTrip(JsonNode kept) throws IOException {
    Report report = ReportJson.mapper().treeToValue(kept, Report.class);
    JsonNode written = ReportJson.mapper().readTree(ReportJson.write(report));
    List<String> differences = new ArrayList<>();
    diff("", normal(kept), normal(written), differences);
    assertEquals(List.of(), differences, "kept vs written");
  }

  /** A word outside an enum's set is refused by name, not read as null or as another word. */
  @Test
  void anUnknownStatusWordIsRefusedWithTheWordsItKnows() {
    String json = "{\"schema\": \"envdoctor/report/v1\", \"checks\": [{\"id\": \"x\", \"status\": \"passed\"}]}";
    IOException e = assertThrows(IOException.class, () -> ReportJson.read(json));
    assertTrue(e.getMessage().contains("CheckStatus") && e.getMessage().contains("not one of the values accepted"),
        e.getMessage());
  }

  /** A runtime envdoctor does not drive yet (an open set) reads and writes back as it was. */
  @Test
  void anUnknownRuntimeNameIsKept() throws IOException {
    String json = "{\"schema\": \"envdoctor/report/v1\", \"runtimes\": [{\"name\": \"nerdctl-next\", \"status\": \"ok\"}]}";
    assertEquals("nerdctl-next", ReportJson.mapper().readTree(ReportJson.write(ReportJson.read(json)))
        .path("runtimes").get(0).path("name").asText());
  }

  /** The reports in a file: JSON (any object in it with the schema), Markdown's json blocks, srun's labelled frames. */
  static List<JsonNode> reportsIn(Path file, String text) throws IOException {
    String name = file.getFileName().toString();
    List<JsonNode> found = new ArrayList<>();
    if (name.endsWith(".json")) {
      collect(ReportJson.mapper().readTree(text), found);
    } else if (name.endsWith(".md")) {
      Matcher block = Pattern.compile("(?s)```json\\n(.*?)```").matcher(text);
      while (block.find()) {
        if (block.group(1).contains("envdoctor/report/v1")) {
          collect(ReportJson.mapper().readTree(block.group(1)), found);
        }
      }
    } else if (name.endsWith(".out")) {
      Matcher frame = Pattern.compile("(?s)(\\d+): @envdoctor-fleet begin \\S+\\n(.*?)\\1: @envdoctor-fleet end").matcher(text);
      while (frame.find()) {
        collect(ReportJson.mapper().readTree(frame.group(2).replaceAll("(?m)^\\d+: ", "")), found);
      }
    }
    return found;
  }

  private static void collect(JsonNode node, List<JsonNode> found) {
    if (node.isObject() && "envdoctor/report/v1".equals(node.path("schema").asText(null))) {
      found.add(node);
    } else {
      node.forEach(child -> collect(child, found));
    }
  }

  private static void diff(String path, JsonNode kept, JsonNode written, List<String> out) {
    if (kept.isObject() && written.isObject()) {
      Set<String> keys = new TreeSet<>();
      kept.fieldNames().forEachRemaining(keys::add);
      written.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        diff(path + "/" + key, kept.path(key), written.path(key), out);
      }
    } else if (kept.isArray() && written.isArray() && kept.size() == written.size()) {
      for (int i = 0; i < kept.size(); i++) {
        diff(path + "/" + i, kept.get(i), written.get(i), out);
      }
    } else if (!kept.equals(written)) {
      out.add(path + ": " + kept + " -> " + written);
    }
  }

  /**
   * Nulls and empty lists dropped (the schema reads a missing list as empty and a missing field as
   * null), numbers as doubles, and keys starting with '_' (a fixture's note on where it came from).
   */
  static JsonNode normal(JsonNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node.isObject()) {
      ObjectNode out = f.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        boolean empty = e.getValue().isNull() || e.getValue().isArray() && e.getValue().isEmpty();
        if (!empty && !e.getKey().startsWith("_")) {
          out.set(e.getKey(), normal(e.getValue()));
        }
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = f.arrayNode();
      node.forEach(child -> out.add(normal(child)));
      return out;
    }
    return node.isNumber() ? f.numberNode(node.doubleValue()) : node;
  }
}
