package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken training env fails the shipped default profile, for real: a --python that does not exist
 * and a real Python without torch (a venv made here from Debian's Python, without its site packages)
 * fail doctor, check and health (exit 1; health in one line); the same Python found on PATH only warns.
 */
class PythonEnvFailsIT {

  @TempDir
  Path dir;

  /** A real Python 3 without torch: a venv of /usr/bin/python3 that does not see the system's torch. */
  private Path bare() {
    Path bare = dir.resolve("bare");
    var made = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(120),
        "/usr/bin/python3", "-m", "venv", "--without-pip", bare.toString()));
    assertTrue(made.ok(), made.describe() + made.stderr());
    return bare;
  }

  private static CliHarness clean() {
    return new CliHarness().env("VIRTUAL_ENV", null).env("CONDA_PREFIX", null);
  }

  @Test
  void doctorWithAMissingPythonFailsWithTheFix() {
    var r = clean().run("doctor", "--no-color", "--quick", "--runtime", "native", "--backend", "python",
        "--python", "/nonexistent/python3", "--out", dir.resolve("reports").toString());
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("[✗] Python env: /nonexistent/python3: no such executable"), r.out());
    assertTrue(r.out().contains("python-env-named-works: python.torch.version is "), r.out());
    assertTrue(r.out().contains("fix: Point --python at the interpreter of the env you train with"), r.out());
  }

  @Test
  void checkAndHealthWithANamedPythonWithoutTorchFail() {
    String python = bare().resolve("bin/python3").toString();
    var check = clean().run("check", "--runtime", "native", "--backend", "python", "--python", python, "--json");
    assertEquals(ExitCode.CHECK_FAILED, check.exitCode(), check.err());
    assertTrue(check.out().contains("\"id\" : \"python-env-named-works\"") || check.out().contains("\"id\":\"python-env-named-works\""),
        check.out());
    var health = clean().run("health", "--backend", "python", "--python", python);
    assertEquals(1, health.exitCode(), health.out());
    assertEquals(1, health.out().lines().count(), health.out());
    assertTrue(health.out().startsWith("envdoctor health PROBLEM: python-env-named-works: python.torch.version is "),
        health.out());
  }

  @Test
  void thePython3FromPathWithoutTorchOnlyWarns() {
    Path bare = bare();
    var r = clean().env("PATH", bare.resolve("bin") + ":" + System.getenv("PATH"))
        .run("check", "--runtime", "native", "--backend", "python", "--no-color");
    assertEquals(ExitCode.OK, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("[!] The python3 on PATH imports a working torch"), r.out());
  }
}
