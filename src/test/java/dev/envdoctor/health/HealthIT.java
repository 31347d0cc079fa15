package dev.envdoctor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.fleet.slurm.ScontrolNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * envdoctor health for real: as the HealthCheckProgram of the two-node Slurm of
 * scripts/slurm-cluster.sh (slurmd runs it every 5 s as root, with no PATH), and the
 * node-problem-detector custom-plugin contract (one line on stdout; exit 0 OK, 1 problem, 2 unknown).
 */
class HealthIT {

  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  /** The hook slurm-cluster.sh's HealthCheckProgram runs when it is there. */
  private static final Path HOOK = Path.of(System.getenv().getOrDefault("ENVDOCTOR_SLURM_DIR", "/var/lib/envdoctor-slurm"), "health-hook");

  private static final String FAILING = "checks:\n  - id: petabyte-memory\n    title: A petabyte of memory\n    severity: fail\n"
      + "    expect:\n      host.memory.totalBytes: \">= 1024TiB\"\n    fix: \"No machine has it: this profile fails on purpose.\"\n";
  private static final String PASSING = "checks:\n  - id: some-memory\n    title: Some memory\n    severity: fail\n"
      + "    expect:\n      host.memory.totalBytes: \">= 1GiB\"\n";

  @TempDir
  Path tmp;

  private static CommandResult run(String... argv) {
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(90), argv));
  }

  /** An envdoctor launcher for the examples' scripts (their ENVDOCTOR): this java and the packaged jar. */
  private Path launcher() throws Exception {
    Path l = tmp.resolve("envdoctor");
    Files.writeString(l, "#!/bin/sh\nexec " + JAVA + " -jar " + System.getProperty("envdoctor.jar") + " \"$@\"\n");
    Files.setPosixFilePermissions(l, PosixFilePermissions.fromString("rwxr-xr-x"));
    return l;
  }

  private Path profile(String yaml) throws Exception {
    Path p = tmp.resolve("profile-" + Math.abs(yaml.hashCode()) + ".yaml");
    Files.writeString(p, yaml);
    return p;
  }

  /** The shipped node-problem-detector plugin script, run as NPD runs it. */
  private CommandResult npdPlugin(String profileYaml) throws Exception {
    return new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(90),
        Path.of("examples/node-problem-detector/envdoctor-npd").toAbsolutePath().toString())
        .withEnv(Map.of("ENVDOCTOR", launcher().toString(), "ENVDOCTOR_PROFILE", profile(profileYaml).toString())));
  }

  /** Waits (up to 60 s) until no process's command line names this test's folder (its health runs). */
  private static void waitForNoHealthRunWith(String marker) throws InterruptedException {
    for (int i = 0; i < 120; i++) {
      boolean running = ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
      if (!running) {
        return;
      }
      Thread.sleep(500);
    }
  }

  @Test
  void theNodeProblemDetectorContractOneLineAndExitZeroOneTwo() throws Exception {
    CommandResult ok = npdPlugin(PASSING);
    assertEquals(0, ok.exitCode(), ok.stderr());
    assertEquals(List.of("envdoctor health OK: 1 check passed, 0 warnings (profile " + "profile-" + Math.abs(PASSING.hashCode()) + ")"),
        ok.stdoutLines());
    assertTrue(ok.millis() < 60_000, "well inside Slurm's 60 s: " + ok.millis() + " ms");
    CommandResult bad = npdPlugin(FAILING);
    assertEquals(1, bad.exitCode());
    assertEquals(1, bad.stdoutLines().size());
    assertTrue(bad.stdout().startsWith("envdoctor health PROBLEM: petabyte-memory: host.memory.totalBytes is "), bad.stdout());
    assertTrue(bad.stdout().length() <= 400, "fits the plugin config's max_output_length");
    CommandResult unknown = npdPlugin("checks: [\n");
    assertEquals(2, unknown.exitCode());
    assertEquals(1, unknown.stdoutLines().size());
    assertTrue(unknown.stdout().startsWith("envdoctor health UNKNOWN: "), unknown.stdout());
  }

  @Test
  @dev.envdoctor.testing.RequiresSlurm
  void asHealthCheckProgramItDrainsANodeWithAFailingCheckAndTheTestResumesIt() throws Exception {
    String sinfo = dev.envdoctor.testing.Services.slurmNodesOnceIdle();
    assertTrue(sinfo.contains("b idle"), "node b of the test cluster must be idle (waited 3 minutes): " + sinfo);
    Path log = tmp.resolve("health.log");
    // the shipped HealthCheckProgram; only node b runs it here, so a stays as it was
    String hook = "#!/bin/sh\n[ \"$SLURMD_NODENAME\" = b ] || exit 0\n"
        + "ENVDOCTOR=" + launcher() + " ENVDOCTOR_PROFILE=" + profile(FAILING) + " exec "
        + Path.of("examples/slurm/envdoctor-healthcheck").toAbsolutePath() + " >>" + log + " 2>&1\n";
    Path staged = tmp.resolve("hook");
    Files.writeString(staged, hook);
    Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.move(staged, HOOK, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try {
      Map<String, String> b = null;
      long t0 = System.nanoTime();
      while (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 90) {
        b = ScontrolNodes.parse(run("scontrol", "show", "node", "-o", "b").stdout()).get("b");
        if (b != null && b.get("State").contains("DRAIN")) {
          break;
        }
        Thread.sleep(1000);
      }
      assertTrue(b != null && b.get("State").contains("DRAIN"), "b drained: " + b + "\n" + (Files.exists(log) ? Files.readString(log) : "no log"));
      assertEquals("envdoctor: petabyte-memory", ScontrolNodes.reason(b));
      Map<String, String> a = ScontrolNodes.parse(run("scontrol", "show", "node", "-o", "a").stdout()).get("a");
      assertEquals("IDLE", a.get("State"), "a's check passes (the hook skips it)");
    } finally {
      Files.deleteIfExists(HOOK);
      // a check slurmd started before the hook went would drain b again after the resume
      waitForNoHealthRunWith(tmp.toString());
      run("scontrol", "update", "NodeName=b", "State=RESUME");
    }
    assertTrue(run("sinfo", "-h", "-n", "b", "-o", "%t").stdout().startsWith("idle"), "b resumed");
  }
}
