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
    return List.of(mac(), linux(), empty(), interconnect());
  }

  /**
   * CONSTRUCTED: the Linux fixture with the real gloo sweep recorded on a development machine
   * (recorded/envdoctor-interconnect) and the real topology of an HGX H100 (recorded/nvidia-smi):
   * from two machines, to give every interconnect[] and topology path a value.
   */
  public static Report interconnect() {
    try {
      String sweep = new String(Fixtures.class.getResourceAsStream("/recorded/envdoctor-interconnect/gloo-2ranks.json")
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      String topo = new String(Fixtures.class.getResourceAsStream("/recorded/nvidia-smi/topo-h100-hgx-8gpu.txt")
          .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      var topology = dev.envdoctor.probe.nvidia.NvidiaTopo.parse(topo);
      var entries = dev.envdoctor.interconnect.InterconnectOutput.parse(sweep).entries("native");
      return linux().withInterconnect(dev.envdoctor.interconnect.LinkJudge.judge(entries, topology, List.of()), topology);
    } catch (IOException | dev.envdoctor.interconnect.InterconnectOutput.NotOurs e) {
      throw new IllegalStateException(e);
    }
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
