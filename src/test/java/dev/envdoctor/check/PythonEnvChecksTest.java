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
    assertEquals("python.diagnosis is /nonexistent/python3: no such executable, expected absent",
        r.message("python-env-named-works"));
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
}
