package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.model.RuntimeStatus;
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
    assertEquals(RuntimeStatus.UNREACHABLE, f.status());
    assertEquals("docker engine not running at unix:///tmp/envdoctor-none.sock", f.diagnosis(), "no address known: the old words");
    assertTrue(f.fix().contains("systemctl start docker"));
    assertTrue(FailureDiagnosis.of("docker", failed("docker", "docker-errors/daemon-not-running.stderr.txt"), Map.of(), MAC)
        .fix().contains("colima start"));
  }

  /**
   * Rootless Docker stopped and no context endpoint known: DockerEngine guesses no address, and the CLI's
   * own socket (the recorded stderr with its path swapped for rootless Docker's, a constructed line) picks the fix.
   */
  @Test
  void anUnknownEndpointFallsBackToTheClisOwnSocketNotTheRootDefault() {
    assertEquals(null, DockerEngine.address(new DockerEngine.Context(null, null)));
    String stderr = Recorded.read("docker-errors/daemon-not-running.stderr.txt")
        .replace("unix:///tmp/envdoctor-none.sock", "unix:///run/user/1000/docker.sock");
    CommandResult r = new CommandResult(CommandSpec.of(Duration.ofSeconds(6), "docker", "info"),
        CommandResult.Status.FAILED, 1, "", stderr, 80);
    Failure f = FailureDiagnosis.of("docker", r, Map.of(), LINUX, DockerEngine.address(new DockerEngine.Context(null, null)));
    assertEquals("docker engine not running at unix:///run/user/1000/docker.sock", f.diagnosis());
    assertEquals("start rootless Docker: systemctl --user start docker", f.fix());
    assertTrue(!f.diagnosis().contains("/var/run/docker.sock") && !f.fix().contains("sudo"), f.toString());
  }

  /** The recorded "Cannot connect" stderr, read with the address the CLI tried: three cases, three fixes. */
  private static Failure at(String endpoint, String from, Boolean socketThere) {
    return FailureDiagnosis.of("docker", failed("docker", "docker-errors/daemon-not-running.stderr.txt"), Map.of(), LINUX,
        new FailureDiagnosis.Address(endpoint, from, socketThere));
  }

  @Test
  void aDockerHostWithoutASocketIsTheWrongAddressNotAStoppedEngine() {
    Failure f = at("unix:///nonexistent.sock", "DOCKER_HOST", false);
    assertEquals(RuntimeStatus.UNREACHABLE, f.status());
    assertEquals("docker engine not reachable at this address: no socket at unix:///nonexistent.sock (from DOCKER_HOST)",
        f.diagnosis());
    assertTrue(f.fix().startsWith("unset DOCKER_HOST"), f.fix());
    assertTrue(!f.fix().contains("systemctl"), "dockerd may well run: starting it fixes nothing here: " + f.fix());
    assertTrue(at("unix:///x.sock", "context remote", false).fix().contains("docker context use"));
  }

  @Test
  void theDefaultSocketAbsentOrRefusingIsAnInstalledEngineNotRunning() {
    Failure none = at("unix:///var/run/docker.sock", "the default context", false);
    assertEquals("docker is installed but its engine is not running: no socket at unix:///var/run/docker.sock"
        + " (from the default context)", none.diagnosis());
    assertEquals("start the engine: sudo systemctl start docker", none.fix());
    Failure stale = at("unix:///run/user/1000/docker.sock", "DOCKER_HOST", true);
    assertTrue(stale.diagnosis().startsWith("docker is installed but its engine is not running: nothing answers on the socket"),
        stale.diagnosis());
    assertTrue(stale.fix().contains("systemctl start docker") && stale.fix().contains("point DOCKER_HOST"), stale.fix());
  }

  @Test
  void aTcpAddressIsNotReachableThere() {
    Failure f = at("tcp://10.0.0.9:2375", "DOCKER_HOST", null);
    assertEquals("docker engine not reachable at tcp://10.0.0.9:2375 (from DOCKER_HOST)", f.diagnosis());
    assertTrue(!f.fix().contains("systemctl"), f.fix());
  }

  @Test
  void permissionDenied() {
    Failure f = FailureDiagnosis.of("docker", failed("docker", "docker-errors/permission-denied.stderr.txt"), Map.of(), LINUX);
    assertEquals(RuntimeStatus.PERMISSION_DENIED, f.status());
    assertEquals("permission denied on the docker socket unix:///var/run/docker.sock", f.diagnosis());
    assertTrue(f.fix().contains("usermod -aG docker"));
  }

  @Test
  void unknownContext() {
    Failure f = FailureDiagnosis.of("docker", failed("docker", "docker-errors/unknown-context.stderr.txt"),
        Map.of("DOCKER_CONTEXT", "nope"), LINUX);
    assertEquals(RuntimeStatus.ERROR, f.status());
    assertEquals("docker context \"nope\" (from DOCKER_CONTEXT) does not exist", f.diagnosis());
    assertTrue(f.fix().contains("unset DOCKER_CONTEXT"));
  }

  @Test
  void podmanSocketMissingOnMacMeansStartTheMachine() {
    Failure f = FailureDiagnosis.of("podman", failed("podman", "podman-errors/socket-missing.stderr.txt"), Map.of(), MAC);
    assertEquals(RuntimeStatus.UNREACHABLE, f.status());
    assertEquals("podman machine start", f.fix());
  }

  @Test
  void missingCliAndTimeout() {
    CommandSpec spec = CommandSpec.of(Duration.ofSeconds(6), "docker", "info");
    Failure missing = FailureDiagnosis.of("docker", new CommandResult(spec, CommandResult.Status.NOT_FOUND, -1, "", "", 0),
        Map.of(), LINUX);
    assertEquals(RuntimeStatus.NOT_INSTALLED, missing.status());
    assertEquals("docker CLI not found on PATH", missing.diagnosis());
    Failure hung = FailureDiagnosis.of("docker", new CommandResult(spec, CommandResult.Status.TIMED_OUT, -1, "", "", 6000),
        Map.of(), LINUX);
    assertEquals(RuntimeStatus.UNREACHABLE, hung.status());
    assertTrue(hung.diagnosis().contains("no answer within 6 s"));
  }
}
