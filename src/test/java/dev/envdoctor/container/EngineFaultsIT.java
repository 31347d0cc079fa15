package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way Docker can be unusable, made real: its own status and diagnosis in runtimes[] within
 * seconds while the rest of the doctor runs, and its own exit code from {@code image build}.
 */
@RequiresDocker("docker")
class EngineFaultsIT {

  /** The runtimes stage must answer within seconds even when an engine is down. */
  static final long MAX_STAGE_MS = 15_000;

  static JsonNode docker(CommandResult probe) {
    assertEquals(0, probe.exitCode(), probe.stderr());
    JsonNode report = Jar.json(probe);
    for (JsonNode s : report.path("stages")) {
      assertEquals("ok", s.path("status").asText(), s.toString());
      if ("runtimes".equals(s.path("name").asText())) {
        assertTrue(s.path("millis").asLong() < MAX_STAGE_MS, s.toString());
      }
    }
    return Jar.runtime(report, "docker");
  }

  static void buildFailsWith(int code, String firstWords, List<String> prefix, Map<String, String> env) {
    CommandResult r = Jar.run(prefix, env, Duration.ofMinutes(2), "image", "build", "--runtime", "docker",
        "--tag", "envdoctor-ct-never:0");
    assertEquals(code, r.exitCode(), r.stdout() + r.stderr());
    List<String> err = r.stderrTail(10);
    assertEquals(1, err.size(), "one line, no stack trace: " + err);
    assertTrue(err.get(0).startsWith("envdoctor: image build: " + firstWords), err.get(0));
  }

  /**
   * {@code verify --runtime docker} under the fault: exit 1, the docker side's device unverified
   * with the runtime's own diagnosis, within seconds.
   */
  static void verifyFailsWith(String diagnosisStart, List<String> prefix, Map<String, String> env) {
    long t0 = System.nanoTime();
    CommandResult r = Jar.run(prefix, env, Duration.ofMinutes(2), "verify", "--runtime", "docker", "--backend", "djl",
        "--json");
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
    JsonNode device = Jar.json(r).path("devices").get(0);
    assertEquals("docker", device.path("runtime").asText(), device.toString());
    assertEquals(false, device.path("verified").asBoolean(), device.toString());
    assertTrue(device.path("diagnosis").asText().startsWith(diagnosisStart), device.toString());
    assertTrue(millis < MAX_STAGE_MS, "verify answered in " + millis + " ms");
  }

  @Test
  void dockerHostAtAMissingSocketWhileDockerdRunsIsTheWrongAddress() {
    Map<String, String> env = Map.of("DOCKER_HOST", "unix:///tmp/envdoctor-ct-none.sock");
    JsonNode d = docker(Jar.run(env, "probe", "--json"));
    assertEquals("unreachable", d.path("status").asText());
    assertEquals("docker engine not reachable at this address: no socket at unix:///tmp/envdoctor-ct-none.sock (from DOCKER_HOST)",
        d.path("diagnosis").asText());
    assertTrue(d.path("fix").asText().startsWith("unset DOCKER_HOST"), d.toString());
    assertTrue(!d.path("fix").asText().contains("systemctl"), "the shared dockerd runs: starting it fixes nothing: " + d);
    assertEquals("DOCKER_HOST (unix:///tmp/envdoctor-ct-none.sock)", d.path("context").asText());
    buildFailsWith(3, "docker engine not reachable at this address", List.of(), env);
    verifyFailsWith("docker engine not reachable at this address", List.of(), env);
  }

  /**
   * An installed engine that is stopped, without stopping the shared dockerd: a socket file that no
   * daemon serves (what a stopped dockerd leaves), as DOCKER_HOST; and the verdict then does not say
   * that no container runtime is installed.
   */
  @Test
  void aSocketNoDaemonServesIsAnInstalledEngineNotRunning(@TempDir Path dir) throws IOException {
    Path sock = dir.resolve("docker.sock");
    try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      ch.bind(java.net.UnixDomainSocketAddress.of(sock));
    }
    assertTrue(Files.exists(sock), "the closed channel leaves its socket file, as a stopped dockerd does");
    Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + sock);
    JsonNode d = docker(Jar.run(env, "probe", "--json"));
    assertEquals("unreachable", d.path("status").asText());
    assertEquals("docker is installed but its engine is not running: nothing answers on the socket unix://" + sock
        + " (from DOCKER_HOST)", d.path("diagnosis").asText());
    assertTrue(d.path("fix").asText().contains("systemctl start docker"), d.toString());
    CommandResult rec = Jar.run(env, "recommend", "--runtime", "native,docker", "--backend", "djl", "--quick", "--json");
    String verdict = Jar.json(rec).path("recommendation").path("verdict").asText();
    assertTrue(!verdict.contains("no container runtime is installed"), verdict);
    assertTrue(verdict.contains("docker is unreachable (start the engine: sudo systemctl start docker"), verdict);
  }

  @Test
  void unknownContext() {
    Map<String, String> env = Map.of("DOCKER_CONTEXT", "nope");
    JsonNode d = docker(Jar.run(env, "probe", "--json"));
    assertEquals("error", d.path("status").asText());
    assertEquals("docker context \"nope\" (from DOCKER_CONTEXT) does not exist", d.path("diagnosis").asText());
    buildFailsWith(2, "docker context \"nope\"", List.of(), env);
    verifyFailsWith("docker context \"nope\"", List.of(), env);
  }

  @Test
  void socketPermissionDenied(@TempDir Path home) throws IOException {
    // root bypasses the socket's file mode: run the client as nobody, as an ordinary user would
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> asNobody = List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups");
    Map<String, String> env = Map.of("HOME", home.toString(), "ENVDOCTOR_HOME", home.toString());
    JsonNode d = docker(Jar.run(asNobody, env, Duration.ofMinutes(2), "probe", "--json"));
    assertEquals("permission-denied", d.path("status").asText());
    assertTrue(d.path("diagnosis").asText().startsWith("permission denied on the docker socket"), d.toString());
    assertTrue(d.path("fix").asText().contains("usermod -aG docker"), d.toString());
    buildFailsWith(3, "permission denied on the docker socket", asNobody, env);
    verifyFailsWith("permission denied on the docker socket", asNobody, env);
  }

  @Test
  void cliMissing(@TempDir Path bin) throws IOException {
    // a PATH with podman but no docker
    Path podman = Path.of("/usr/bin/podman");
    Files.createSymbolicLink(bin.resolve("podman"), podman);
    Map<String, String> env = Map.of("PATH", bin.toString());
    CommandResult probe = Jar.run(env, "probe", "--json");
    JsonNode d = docker(probe);
    assertEquals("not-installed", d.path("status").asText());
    assertEquals("docker CLI not found on PATH", d.path("diagnosis").asText());
    if (Files.isExecutable(podman)) {
      assertEquals("ok", Jar.runtime(Jar.json(probe), "podman").path("status").asText(), "the rest still runs");
    }
    buildFailsWith(2, "docker CLI not found on PATH", List.of(), env);
    verifyFailsWith("docker CLI not found on PATH", List.of(), env);
  }

  @Test
  void imageMissing() {
    Map<String, String> env = Map.of(dev.envdoctor.container.image.WorkerImage.ENV, "envdoctor-ct-absent:0");
    verifyFailsWith("the worker image envdoctor-ct-absent:0 is not in docker", List.of(), env);
  }
}
