package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each recorded real failure of docker/podman info maps to its own status, diagnosis and fix. */
class FailureDiagnosisTest {

  static final HostFacts LINUX = new HostFacts("linux", "x86_64", 2, null);
  static final HostFacts MAC = new HostFacts("macos", "aarch64", 10, null);

  static CommandResult failed(String cli, String stderrFile) {
    return new CommandResult(CommandSpec.of(Duration.ofSeconds(6), cli, "info"), CommandResult.Status.FAILED, 1, "",
        Recorded.read(stderrFile), 80);
  }

  @Test
  void daemonNotRunning() {
    Failure f = FailureDiagnosis.of("docker", failed("docker", "docker-errors/daemon-not-running.stderr.txt"),
        Map.of("DOCKER_HOST", "unix:///tmp/envdoctor-none.sock"), LINUX);
    assertEquals("unreachable", f.status());
    assertEquals("docker engine not running at unix:///tmp/envdoctor-none.sock", f.diagnosis());
    assertTrue(f.fix().contains("systemctl start docker"));
    assertTrue(FailureDiagnosis.of("docker", failed("docker", "docker-errors/daemon-not-running.stderr.txt"), Map.of(), MAC)
        .fix().contains("colima start"));
  }

  @Test
  void permissionDenied() {
    Failure f = FailureDiagnosis.of("docker", failed("docker", "docker-errors/permission-denied.stderr.txt"), Map.of(), LINUX);
    assertEquals("permission-denied", f.status());
    assertEquals("permission denied on the docker socket unix:///var/run/docker.sock", f.diagnosis());
    assertTrue(f.fix().contains("usermod -aG docker"));
  }

  @Test
  void unknownContext() {
    Failure f = FailureDiagnosis.of("docker", failed("docker", "docker-errors/unknown-context.stderr.txt"),
        Map.of("DOCKER_CONTEXT", "nope"), LINUX);
    assertEquals("error", f.status());
    assertEquals("docker context \"nope\" (from DOCKER_CONTEXT) does not exist", f.diagnosis());
    assertTrue(f.fix().contains("unset DOCKER_CONTEXT"));
  }

  @Test
  void podmanSocketMissingOnMacMeansStartTheMachine() {
    Failure f = FailureDiagnosis.of("podman", failed("podman", "podman-errors/socket-missing.stderr.txt"), Map.of(), MAC);
    assertEquals("unreachable", f.status());
    assertEquals("podman machine start", f.fix());
  }

  @Test
  void missingCliAndTimeout() {
    CommandSpec spec = CommandSpec.of(Duration.ofSeconds(6), "docker", "info");
    Failure missing = FailureDiagnosis.of("docker", new CommandResult(spec, CommandResult.Status.NOT_FOUND, -1, "", "", 0),
        Map.of(), LINUX);
    assertEquals("not-installed", missing.status());
    assertEquals("docker CLI not found on PATH", missing.diagnosis());
    Failure hung = FailureDiagnosis.of("docker", new CommandResult(spec, CommandResult.Status.TIMED_OUT, -1, "", "", 6000),
        Map.of(), LINUX);
    assertEquals("unreachable", hung.status());
    assertTrue(hung.diagnosis().contains("no answer within 6 s"));
  }
}
