package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.ReportJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped profiles on this machine for real, through the packaged jar, run from an empty
 * folder so the profiles come from the jar. Each status is recomputed from the facts in the same
 * report, so the test holds whatever this machine is, and every non-pass says why.
 */
class CheckOnThisMachineIT {

  static final long GIB = 1024L * 1024 * 1024;

  @TempDir
  Path empty;

  CommandResult envdoctor(String... args) {
    List<String> argv = new java.util.ArrayList<>(List.of("java", "-jar", System.getProperty("envdoctor.jar")));
    argv.addAll(List.of(args));
    return new ProcessRunner().run(CommandSpec.of(Duration.ofMinutes(3), argv).withWorkDir(empty));
  }

  @ParameterizedTest
  @ValueSource(strings = {"default", "apple-silicon", "nvidia-linux", "yolov8m-69k"})
  void shippedProfileEvaluatesWithExplainedStatuses(String profile) throws Exception {
    CommandResult r = envdoctor("check", "--profile", profile, "--json");
    assertNotEquals(2, r.exitCode(), r.stderr());
    JsonNode report = ReportJson.mapper().readTree(r.stdout());
    Map<String, JsonNode> checks = new HashMap<>();
    Map<String, Integer> tally = new HashMap<>();
    for (JsonNode c : report.get("checks")) {
      checks.put(c.get("id").asText(), c);
      String status = c.get("status").asText();
      tally.merge(status, 1, Integer::sum);
      String message = c.get("message").asText();
      assertFalse(message.isBlank(), c.toString());
      switch (status) {
        case "skip" -> assertTrue(message.startsWith("skipped: applies "), c.toString());
        case "fail", "warn" -> {
          assertTrue(message.contains(", expected "), c.toString());
          assertFalse(c.get("fix").asText().isBlank(), c.toString());
        }
        case "pass" -> assertTrue(message.contains(" is "), c.toString());
        default -> throw new AssertionError("unexpected status " + c);
      }
    }
    JsonNode s = report.get("summary");
    assertEquals(tally.getOrDefault("pass", 0), s.get("passed").asInt());
    assertEquals(tally.getOrDefault("fail", 0), s.get("failed").asInt());
    assertEquals(tally.getOrDefault("warn", 0), s.get("warned").asInt());
    assertEquals(tally.getOrDefault("skip", 0), s.get("skipped").asInt());
    boolean stageFailed = false;
    for (JsonNode st : report.get("stages")) {
      stageFailed |= "failed".equals(st.get("status").asText());
    }
    assertEquals(stageFailed ? 3 : s.get("failed").asInt() > 0 ? 1 : 0, r.exitCode(), "exit code follows the summary");

    // Independent recomputation from the same report's facts.
    JsonNode memory = report.path("host").path("memory").path("totalBytes");
    String expectedMemory = memory.isNumber() ? (memory.asLong() >= 8 * GIB ? "pass" : "fail") : "fail";
    assertEquals(expectedMemory, checks.get("memory-total").get("status").asText());
    String family = report.path("host").path("os").path("family").asText(null);
    if (family != null && !family.equals("macos")) {
      assertEquals("skip", checks.get("jvm-not-rosetta").get("status").asText());
      assertEquals("skipped: applies to macos, and this is " + family, checks.get("jvm-not-rosetta").get("message").asText());
    }
    boolean nvidia = false;
    for (JsonNode g : report.path("host").path("gpus")) {
      nvidia |= g.path("vendor").asText("").toLowerCase(java.util.Locale.ROOT).contains("nvidia");
    }
    if (!nvidia) {
      assertEquals("skip", checks.get("nvidia-gpu-computes").get("status").asText());
    }
    boolean engineInstalled = false;
    boolean engineOk = false;
    for (JsonNode rt : report.path("runtimes")) {
      if (!"native".equals(rt.path("name").asText())) {
        engineInstalled |= !"not-installed".equals(rt.path("status").asText());
        engineOk |= "ok".equals(rt.path("status").asText());
      }
    }
    assertEquals(!engineInstalled ? "skip" : engineOk ? "pass" : "warn", checks.get("container-engine-reachable").get("status").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"default"})
  void consoleOutputIsGroupedAndPlainInAPipe(String profile) {
    CommandResult r = envdoctor("check", "--profile", profile);
    assertTrue(r.stdout().startsWith("Checks (profile " + profile + ")\n"), r.stdout());
    assertTrue(r.stdout().strip().lines().reduce((a, b) -> b).orElse("").matches("\\d+ passed, \\d+ warnings?, \\d+ failed, \\d+ skipped, \\d+ errors?"), r.stdout());
    assertFalse(r.stdout().contains("\u001b["), "no colour in a pipe");
  }
}
