package dev.envdoctor.cli;

import dev.envdoctor.run.ExitCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.recommend.RecordedReports;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {

  private static String fixture(String name) throws Exception {
    return Path.of(RecommendCommandTest.class.getResource("/reports/" + name).toURI()).toString();
  }

  @Test
  void decidesOnASavedReportWithoutRunningAnything() throws Exception {
    var r = new CliHarness().run("recommend", "--from", fixture(RecordedReports.MAC_M4_DOCKER_DESKTOP), "--no-color");
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    var lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("[✓] Train natively (python, mps): 11.7× faster than in docker (python, cpu)"), r.out());
    assertTrue(lines.get(1).startsWith("    why: Docker on macOS runs Linux in a VM without Metal"), r.out());
    assertTrue(r.out().contains("Evidence (workload cnn)"), r.out());
    assertTrue(r.out().contains("  native  python   mps         2.05 ms   15,625.0     1.00×  ← train here"), r.out());
    assertTrue(r.out().contains("Projection: yolov8m-69k"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void jsonCarriesTheRecommendationAndWorkloadOptionsScaleTheProjection() throws Exception {
    String from = fixture(RecordedReports.LINUX_NVIDIA_TOOLKIT);
    JsonNode base = ReportJson.mapper().readTree(new CliHarness().run("recommend", "--from", from, "--json").out());
    JsonNode twice = ReportJson.mapper().readTree(
        new CliHarness().run("recommend", "--from", from, "--json", "--epochs", "100").out());
    assertEquals("docker", base.at("/recommendation/train/runtime").asText());
    assertEquals("cuda:0", base.at("/recommendation/train/device").asText());
    assertEquals(2, base.at("/recommendation/speedupCi95").size());
    double h50 = base.at("/recommendation/projection/0/hours").asDouble();
    double h100 = twice.at("/recommendation/projection/0/hours").asDouble();
    assertEquals(2 * h50, h100, 1e-9 * h100);
    assertEquals(100, twice.at("/recommendation/workload/epochs").asInt());
  }

  /** A saved run's own job is what --from re-renders; an option given applies over it (before: doctor's example job). */
  @Test
  void aSavedReportKeepsItsOwnJobWithTheOptionsGivenOverIt() {
    String from = "src/test/resources/recorded/job-bursts/recommend-yolov8n-320x8-ultralytics.json";
    var same = new CliHarness().run("recommend", "--from", from, "--no-color");
    assertEquals(ExitCode.OK, same.exitCode(), same.err());
    assertTrue(same.out().contains("Projection: yolov8n (yolov8n, 1 epoch × 1,000 images at 320 px)"), same.out());
    var more = new CliHarness().run("recommend", "--from", from, "--no-color", "--epochs", "3");
    assertTrue(more.out().contains("Projection: yolov8n (yolov8n, 3 epochs × 1,000 images at 320 px)"), more.out());
  }

  @Test
  void aMissingReportIsOneLineAndExitTwo(@TempDir Path dir) {
    var r = new CliHarness().run("recommend", "--from", dir.resolve("nope.json").toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("envdoctor: cannot read report ") && r.err().contains("no such file"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aMalformedOrForeignReportIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"schema\": \"envdoctor/report/v1\", \"host\": {");
    Path foreign = Files.writeString(dir.resolve("foreign.json"), "{\"schema\": \"something/else\"}");
    for (Path p : new Path[] {broken, foreign, dir}) {
      var r = new CliHarness().run("recommend", "--from", p.toString());
      assertEquals(ExitCode.USAGE, r.exitCode(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertFalse(r.err().contains("\tat "), r.err());
      assertEquals("", r.out());
    }
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "nothing left behind");
    }
  }

  @Test
  void aBadWorkloadIsOneLineAndExitTwo() throws Exception {
    var r = new CliHarness().run("recommend", "--from", fixture(RecordedReports.LINUX_CPU_ONLY), "--model", "resnet50");
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("--gflops"), r.err());
  }
}
