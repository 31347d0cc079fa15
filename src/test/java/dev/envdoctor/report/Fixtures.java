package dev.envdoctor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** The constructed report fixtures (see src/test/resources/reports/SOURCES.md) and the schema check. */
public final class Fixtures {

  public static final Path DIR = Path.of("src/test/resources/reports");
  public static final Path MAC = DIR.resolve("constructed-mac-docker-desktop.json");
  public static final Path LINUX = DIR.resolve("constructed-linux-nvidia.json");

  private static final JsonSchema SCHEMA = loadSchema();

  private Fixtures() {}

  public static Report read(Path p) {
    try {
      return ReportJson.read(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Report mac() {
    return read(MAC);
  }

  public static Report linux() {
    return read(LINUX);
  }

  /** A report with nothing in it but what every run has: as a failed or probe-less run leaves it. */
  public static Report empty() {
    return Report.empty(new Tool("envdoctor", "0.1.0"), "2026-11-25T20:42:25.123Z");
  }

  public static List<Report> all() {
    return List.of(mac(), linux(), empty());
  }

  /** Schema violations of a JSON document, as messages; empty when it is valid. */
  public static Set<ValidationMessage> violations(String json) {
    try {
      JsonNode node = ReportJson.mapper().readTree(json);
      return SCHEMA.validate(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode schemaTree() {
    try (InputStream in = Fixtures.class.getResourceAsStream("/dev/envdoctor/report-v1.schema.json")) {
      return ReportJson.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema loadSchema() {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree());
  }
}
