package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
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
}
