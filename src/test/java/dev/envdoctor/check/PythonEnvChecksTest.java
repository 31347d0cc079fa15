package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.run.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped default profile on a broken Python env: one the user named fails (exit 1), python3
 * taken from PATH only warns (exit 0). The python facts are those PythonDiagnosis writes for the
 * cases run for real in PythonEnvFailsIT; the rest of the report is the recorded linux-cpu-docker.json.
 */
class PythonEnvChecksTest {

  @TempDir
  Path tmp;

  private Path withPython(String found, String diagnosis) throws Exception {
    ObjectNode root = (ObjectNode) ReportJson.mapper().readTree(Path.of(ShippedProfilesTest.DIR, "linux-cpu-docker.json").toFile());
    ObjectNode py = (ObjectNode) root.get("python");
    py.put("found", found);
    py.remove("torch");
    py.put("diagnosis", diagnosis);
    py.put("fix", "install it there");
    Path p = tmp.resolve(found.replace("-", "") + ".json");
    Files.writeString(p, ReportJson.mapper().writeValueAsString(root));
    return p;
  }

  @Test
  void aNamedPythonThatIsMissingFailsTheDefaultProfile() throws Exception {
    var r = ShippedProfilesTest.run("default", withPython("--python", "/nonexistent/python3: no such executable").toString());
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
    assertEquals("fail", r.status("python-env-named-works"));
    assertTrue(r.message("python-env-named-works").startsWith("python.torch.version is "), r.message("python-env-named-works"));
    assertTrue(r.checks().get("python-env-named-works").get("fix").asText().contains("--python"));
    assertEquals("skip", r.status("python-env-path-works"));
  }

  @Test
  void anActiveVenvWithoutTorchFailsToo() throws Exception {
    var r = ShippedProfilesTest.run("default", withPython("VIRTUAL_ENV", "torch is not installed in this Python (/v/bin/python3)").toString());
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode());
    assertEquals("fail", r.status("python-env-named-works"));
  }

  @Test
  void python3FromPathWithoutTorchOnlyWarns() throws Exception {
    var r = ShippedProfilesTest.run("default", withPython("PATH", "torch is not installed in this Python (/usr/local/bin/python3)").toString());
    assertEquals(ExitCode.OK, r.exitCode(), "the quick start stays green where PATH's python3 has no torch");
    assertEquals("warn", r.status("python-env-path-works"));
    assertTrue(r.checks().get("python-env-path-works").get("fix").asText().contains("--python"));
    assertEquals("skip", r.status("python-env-named-works"));
  }

  @Test
  void aWorkingNamedPythonPasses() throws Exception {
    var r = ShippedProfilesTest.run("default", "linux-cpu-docker.json");
    assertEquals("pass", r.status("python-env-named-works"));
  }

  /** A venv whose torch imports but is a CPU-only build on an H100 host: a warning on the Python line, not a failed check. */
  @Test
  void aNamedVenvWithCpuOnlyTorchOnAnNvidiaHostPasses() throws Exception {
    ObjectNode root = (ObjectNode) ReportJson.mapper().readTree(Path.of(ShippedProfilesTest.DIR, "linux-h100-toolkit.json").toFile());
    ObjectNode py = (ObjectNode) root.get("python");
    ObjectNode torch = (ObjectNode) py.get("torch");
    torch.put("version", "2.11.0+cpu");
    torch.putNull("cuda");
    // the words PythonDiagnosis.cpuOnlyOnNvidia writes for this host
    py.put("diagnosis", "torch 2.11.0+cpu is a CPU-only build, but this host has an NVIDIA H100 80GB HBM3");
    py.put("fix", "install a CUDA build of torch");
    Path p = tmp.resolve("cpu-only.json");
    Files.writeString(p, ReportJson.mapper().writeValueAsString(root));
    var r = ShippedProfilesTest.run("default", p.toString());
    assertEquals("pass", r.status("python-env-named-works"), r.message("python-env-named-works"));
  }

  /** torch's default threads: warned where the step measured faster at more, by 1.1 or more, with the ratio written for a person. */
  @Test
  void aDefaultBelowTheCpusWarnsOnlyWithAMeasuredGain() throws Exception {
    for (double gain : new double[] {1.3286964176123806, 1.04}) {
      ObjectNode root = (ObjectNode) ReportJson.mapper().readTree(Path.of(ShippedProfilesTest.DIR, "linux-cpu-docker.json").toFile());
      ObjectNode threads = ((ObjectNode) root.get("python").get("torch")).putObject("threads");
      threads.put("torchDefault", 1).put("cpus", 2).put("timed", 2).put("workload", "cnn")
          .put("defaultMs", 14.2 * gain / 1.3286964176123806).put("timedMs", 10.7).put("gain", gain);
      Path p = tmp.resolve("threads-" + gain + ".json");
      Files.writeString(p, ReportJson.mapper().writeValueAsString(root));
      var r = ShippedProfilesTest.run("default", p.toString());
      if (gain > 1.1) {
        assertEquals("warn", r.status("python-torch-threads"));
        assertEquals("python.torch.threads.gain is 1.33, expected < 1.1", r.message("python-torch-threads"));
      } else {
        assertEquals("pass", r.status("python-torch-threads"), "a gain within the spread of two calibrations");
      }
    }
  }
}
