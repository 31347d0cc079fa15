package dev.envdoctor.interconnect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance of issue #18, for real: the packaged jar's {@code calibrate --full --runtime native
 * --backend python --python /usr/bin/python3 --json} on this machine (no GPU) has gloo all-reduce
 * entries with 2 ranks, busGBps > 0 and correct sums.
 */
class InterconnectCalibrateIT {

  @Test
  void calibrateFullMeasuresTheGlooAllReduce() throws Exception {
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("envdoctor.jar", "target/envdoctor.jar"), "calibrate", "--full", "--runtime",
        "native", "--backend", "python", "--python", "/usr/bin/python3", "--json"));
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(400), argv));
    assertEquals(0, r.exitCode(), r.describe() + "\n" + r.stderr());
    JsonNode report = ReportJson.mapper().readTree(r.stdout());
    JsonNode entries = report.get("interconnect");
    assertTrue(entries.size() >= 1, entries.toString());
    for (JsonNode e : entries) {
      assertEquals("gloo", e.get("backend").asText(), e.toString());
      assertEquals(2, e.get("ranks").asInt());
      assertTrue(e.get("busGBps").asDouble() > 0, e.toString());
      assertTrue(e.get("correct").asBoolean(), e.toString());
    }
    assertEquals(16L << 20, entries.get(entries.size() - 1).get("bytes").asLong(), "the CPU sweep's top size");
    assertTrue(report.get("stages").findValuesAsText("name").contains("interconnect"));
  }
}
