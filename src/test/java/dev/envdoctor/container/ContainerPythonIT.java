package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** --container-python: the Python torch probe inside an image with Debian's python3-torch. */
@RequiresDocker("docker")
class ContainerPythonIT {

  static String image;

  @BeforeAll
  static void buildTorchImage() throws IOException {
    image = TorchImage.docker();
  }


  static JsonNode pythonDevice(JsonNode report, String runtime) {
    for (JsonNode d : report.path("devices")) {
      if (runtime.equals(d.path("runtime").asText()) && "python".equals(d.path("backend").asText())) {
        return d;
      }
    }
    throw new AssertionError("no python device of " + runtime + " in " + report.path("devices"));
  }

  @Test
  void torchInTheContainerComputesOnItsCpu() {
    CommandResult r = Jar.run(Map.of("ENVDOCTOR_WORKER_IMAGE", "envdoctor-ct-missing:0"),
        "verify", "--runtime", "docker", "--backend", "python", "--container-python", image, "--json");
    assertEquals(0, r.exitCode(), r.stderr());
    JsonNode report = Jar.json(r);
    JsonNode cpu = pythonDevice(report, "docker");
    assertEquals("cpu", cpu.path("device").asText(), cpu.toString());
    assertTrue(cpu.path("verified").asBoolean(), cpu.toString());
    CommandResult ps = Jar.engine("docker", "ps", "-a", "--filter", "label=dev.envdoctor=worker", "-q");
    assertEquals(List.of(), ps.stdoutLines().stream().filter(l -> !l.isBlank()).toList());
  }

  @Test
  void aMissingPythonImageIsDiagnosed() {
    CommandResult r = Jar.run(Map.of("ENVDOCTOR_WORKER_IMAGE", "envdoctor-ct-missing:0"),
        "verify", "--runtime", "docker", "--backend", "python", "--container-python", "envdoctor-ct-missing-torch:0",
        "--json");
    assertEquals(1, r.exitCode(), "a side that could not be verified: " + r.stderr());
    JsonNode d = pythonDevice(Jar.json(r), "docker");
    assertEquals("the image envdoctor-ct-missing-torch:0 is not in docker", d.path("diagnosis").asText());
  }

  /**
   * Issue #29: a named job with the container's Python. That side takes turns with native Python and
   * bursts the job's own step at the verdict's point in the trainer's settings as the container sees its
   * CPUs (Ultralytics: min(8, CPUs - 1) threads; the CPUs by nproc in that image, an account independent of
   * envdoctor's); the container's row is native's step × their paired ratio, with its own input pipeline
   * in its own settings.
   */
  @Test
  void aNamedJobsStepIsTimedInTheContainersOwnSettings() {
    CommandResult r = Jar.run(Map.of("ENVDOCTOR_BURST_PLAN", "0.05,3,6,12", "ENVDOCTOR_HISTORY", "off"),
        "recommend", "--python", "/usr/bin/python3", "--runtime", "native,docker", "--backend", "python",
        "--container-python", image, "--model", "yolov8n", "--imgsz", "64", "--batch", "2", "--epochs", "1",
        "--images", "100", "--trainer", "ultralytics", "--json");
    assertEquals(0, r.exitCode(), r.stderr());
    JsonNode report = Jar.json(r);
    for (JsonNode e : report.at("/recommendation/evidence")) {
      assertEquals("yolov8n@64x2", e.path("workload").asText(), e.toString());
    }
    CommandResult n = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(60),
        List.of("docker", "run", "--rm", "--network", "none", image, "nproc")));
    assertEquals(0, n.exitCode(), n.stderr());
    int threads = Math.min(8, Math.max(1, Integer.parseInt(n.stdout().strip()) - 1));
    JsonNode step = null;
    for (JsonNode c : report.path("calibrations")) {
      if ("docker".equals(c.path("runtime").asText()) && "yolov8n@64x2".equals(c.path("workload").asText())) {
        step = c;
      }
    }
    assertTrue(step != null, report.path("calibrations").toString());
    assertEquals(threads, step.path("threads").asInt(), step.toString());
    assertTrue(step.path("bursts").size() >= 3, "it took turns: " + step.path("bursts"));
    JsonNode row = null;
    for (JsonNode p : report.at("/recommendation/projection")) {
      if ("docker".equals(p.path("runtime").asText())) {
        row = p;
      }
    }
    assertTrue(row != null, report.at("/recommendation/projection").toString());
    assertEquals("paired", row.path("method").asText(), row.path("basis").asText());
    assertEquals(threads, row.at("/settings/threads").asInt(), row.path("settings").toString());
    assertTrue(row.path("basis").asText().contains("its own input pipeline"), row.path("basis").asText());
    assertEquals(row.at("/parts/jobStepMs").asDouble() / 1000 / 2, row.path("secondsPerImage").asDouble(), 1e-12);
  }
}
