package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.model.RuntimeInfo;
import dev.envdoctor.model.RuntimeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Detection of Apple's container CLI, driven by recorded real outputs served through the runner
 * interface (the CLI runs only on Apple Silicon Macs), and the argv it is run with.
 */
class AppleContainerEngineTest {

  static final HostFacts MAC = RuntimeAssessmentTest.MAC;
  static final HostFacts LINUX = RuntimeAssessmentTest.LINUX;

  /** Answers each argv with a recorded output and exit code; remembers what was asked. */
  static final class Replay implements CommandRunner {
    final Map<String, CommandResult> answers = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    Replay answer(String argv, CommandResult.Status status, int code, String stdoutFile, String stderrFile) {
      CommandSpec spec = CommandSpec.of(Duration.ofSeconds(6), argv.split(" "));
      answers.put(argv, new CommandResult(spec, status, code, stdoutFile == null ? "" : Recorded.read(stdoutFile),
          stderrFile == null ? "" : Recorded.read(stderrFile), 40));
      return this;
    }

    Replay ok(String argv, String stdoutFile) {
      return answer(argv, CommandResult.Status.OK, 0, stdoutFile, null);
    }

    @Override
    public CommandResult run(CommandSpec spec) {
      String argv = String.join(" ", spec.argv());
      asked.add(argv);
      CommandResult r = answers.get(argv);
      return r != null ? r : new CommandResult(spec, CommandResult.Status.NOT_FOUND, -1, "", "", 0);
    }
  }

  static RuntimeInfo detect(Replay replay, HostFacts host) {
    return new AppleContainerEngine().detect(new EngineProbe(replay, Map.of(), host, Duration.ofSeconds(6), List.of()));
  }

  @Test
  void runningServiceOnAnAppleSiliconMacIsAVmWithoutMetal() {
    Replay replay = new Replay().ok("container --version", "apple-container/version-0.5.0.txt")
        .ok("container system status", "apple-container/status-running-0.11.0.txt")
        .ok("container system property list", "apple-container/property-list-0.6.0.txt");
    RuntimeInfo r = detect(replay, MAC);
    assertEquals(RuntimeStatus.OK, r.status(), r.toString());
    assertEquals("container", r.name());
    assertEquals("container", r.kind());
    assertEquals("Apple container", r.product());
    assertEquals("0.11.0", r.serverVersion(), "the apiserver's version from the status table");
    assertEquals("linux", r.os());
    assertEquals("aarch64", r.arch());
    assertEquals(4, r.cpus(), "the documented default: 0.6's property list has none");
    assertEquals(1L << 30, r.memoryBytes());
    assertEquals("none", r.gpuAccess());
    assertEquals("container 0.11.0 in Apple container: linux/aarch64, 4 CPUs, 1.0 GiB, no GPU access", r.diagnosis());
    assertTrue(r.notes().get(0).contains("no Metal") && r.notes().get(0).contains("CPU only"), r.notes().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.contains("its own lightweight VM") && n.contains("--cpus")));
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("warning:") && n.contains("4 of the host's 10 CPUs")
        && n.contains("config.toml")), r.notes().toString());
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("warning:") && n.contains("1.0 GiB of the host's 32.0 GiB")));
    assertTrue(r.notes().stream().noneMatch(n -> n.contains("emulated")));
  }

  @Test
  void oldStatusWithoutTableGivesTheClientVersionAnd1xDefaultsAreRead() {
    Replay replay = new Replay().ok("container --version", "apple-container/version-0.3.0.txt")
        .ok("container system status", "apple-container/status-running-0.3.0.txt")
        .ok("container system property list", "apple-container/property-list-1.x-docs.toml");
    RuntimeInfo r = detect(replay, MAC);
    assertEquals(RuntimeStatus.OK, r.status());
    assertEquals("0.3.0", r.serverVersion());
    assertEquals(8, r.cpus());
    assertEquals(4L << 30, r.memoryBytes());
  }

  @Test
  void propertyListFailingKeepsTheDocumentedDefaults() {
    Replay replay = new Replay().ok("container --version", "apple-container/version-1.3.1.txt")
        .ok("container system status", "apple-container/status-running-0.3.0.txt")
        .answer("container system property list", CommandResult.Status.FAILED, 1, null,
            "apple-container/xpc-connection-invalid-0.6.stderr.txt");
    RuntimeInfo r = detect(replay, MAC);
    assertEquals(RuntimeStatus.OK, r.status());
    assertEquals(4, r.cpus());
    assertEquals(1L << 30, r.memoryBytes());
  }

  @Test
  void stoppedServiceIsUnreachableWithTheStartFix() {
    Replay replay = new Replay().ok("container --version", "apple-container/version-1.3.1.txt")
        .answer("container system status", CommandResult.Status.FAILED, 1, "apple-container/status-not-registered.txt", null);
    RuntimeInfo r = detect(replay, MAC);
    assertEquals(RuntimeStatus.UNREACHABLE, r.status());
    assertEquals("the container system service is not running (apiserver is not running and not registered with launchd)",
        r.diagnosis());
    assertEquals("container system start", r.fix());
    assertEquals(List.of("container --version", "container system status"), replay.asked);
  }

  @Test
  void xpcErrorsAndHangsAreUnreachableToo() {
    Replay xpc = new Replay().ok("container --version", "apple-container/version-0.5.0.txt")
        .answer("container system status", CommandResult.Status.FAILED, 1, null,
            "apple-container/xpc-connection-invalid-0.6.stderr.txt");
    RuntimeInfo r = detect(xpc, MAC);
    assertEquals(RuntimeStatus.UNREACHABLE, r.status());
    assertTrue(r.diagnosis().contains("XPC connection error: Connection invalid"), r.diagnosis());
    assertEquals("container system start", r.fix());

    Replay hung = new Replay().ok("container --version", "apple-container/version-0.5.0.txt")
        .answer("container system status", CommandResult.Status.TIMED_OUT, -1, null, null);
    RuntimeInfo h = detect(hung, MAC);
    assertEquals(RuntimeStatus.UNREACHABLE, h.status());
    assertEquals("the container system service gave no answer within 6 s", h.diagnosis());
    assertTrue(h.fix().endsWith("container system start"));
  }

  @Test
  void anUnknownStatusFailureIsAnError() {
    Replay replay = new Replay().ok("container --version", "apple-container/version-0.5.0.txt")
        .answer("container system status", CommandResult.Status.FAILED, 64, null,
            "docker-errors/unknown-context.stderr.txt");
    RuntimeInfo r = detect(replay, MAC);
    assertEquals(RuntimeStatus.ERROR, r.status());
    assertTrue(r.diagnosis().startsWith("container system status failed: "), r.diagnosis());
  }

  @Test
  void notInstalledOnAMac() {
    Replay replay = new Replay();
    RuntimeInfo r = detect(replay, MAC);
    assertEquals(RuntimeStatus.NOT_INSTALLED, r.status());
    assertEquals("container CLI not found on PATH", r.diagnosis());
    assertTrue(r.fix().contains("github.com/apple/container/releases"));
  }

  @Test
  void anotherToolCalledContainerOnAMacIsNotMistakenForApples() {
    Replay replay = new Replay().ok("container --version", "apple-container/other-docker-version-linux.txt");
    RuntimeInfo r = detect(replay, MAC);
    assertEquals(RuntimeStatus.NOT_INSTALLED, r.status());
    assertEquals("the 'container' on PATH is not Apple's container CLI (--version: Docker version 28.2.2, build e6534b4)",
        r.diagnosis());
    assertEquals(List.of("container --version"), replay.asked, "nothing else is asked of an unknown program");
    assertNull(r.serverVersion());
  }

  @Test
  void onLinuxAnyContainerProgramIsLeftAloneAndNeverRun() {
    // even one that prints Apple's version line: on Linux it cannot be Apple's
    Replay replay = new Replay().ok("container --version", "apple-container/version-1.3.1.txt")
        .ok("container system status", "apple-container/status-running-0.11.0.txt");
    RuntimeInfo r = detect(replay, LINUX);
    assertEquals(RuntimeStatus.NOT_INSTALLED, r.status());
    assertEquals("Apple's container CLI runs only on macOS", r.diagnosis());
    assertEquals(List.of(), replay.asked);
    assertNull(r.product());
    EngineProbe probe = new EngineProbe(replay, Map.of(), LINUX, Duration.ofSeconds(6), List.of());
    assertEquals(List.of(), RuntimeStage.detectAll(List.of(new AppleContainerEngine()), probe),
        "not listed in runtimes[] where it is not installed, as nerdctl");
  }

  @Test
  void anIntelMacCannotRunIt() {
    Replay replay = new Replay().ok("container --version", "apple-container/version-0.5.0.txt");
    RuntimeInfo r = detect(replay, new HostFacts("macos", "x86_64", 8, 16L << 30));
    assertEquals(RuntimeStatus.ERROR, r.status());
    assertTrue(r.diagnosis().contains("Apple Silicon"), r.diagnosis());
  }

  @Test
  void argvFollowsTheDocumentedFlags() {
    AppleContainerEngine e = new AppleContainerEngine();
    assertEquals(List.of("container", "run", "--rm", "-i", "--name", "envdoctor-1", "--network", "none", "--label",
        "dev.envdoctor=worker", "--env", "GLIBC_TUNABLES=" + dev.envdoctor.calibrate.SteadyAllocator.VALUE, "img"),
        e.runPrefix("envdoctor-1", "img", "none"));
    assertEquals(e.runPrefix("c", "img", "none"), e.runPrefix("c", "img", RuntimeAssessment.GPU_NVIDIA_RUNTIME),
        "no GPU flag exists: the VM has no GPU");
    assertEquals(List.of("container", "delete", "--force", "envdoctor-1"), e.forceRemove("envdoctor-1"));
    assertEquals(List.of("container", "image", "inspect", "img"), e.imageArchitecture("img"));
    assertEquals(List.of("container", "build", "-t", "t:1", "--build-arg", "BASE_IMAGE=b", "/ctx"),
        e.build(Path.of("/ctx"), "t:1", List.of("BASE_IMAGE=b")));
    assertEquals(List.of("container", "image", "delete", "img"), e.removeImage("img"));
    assertEquals(List.of("container", "image", "pull", "img"), e.pull("img"));
    assertEquals(List.of("docker", "pull", "img"), new DockerEngine().pull("img"));
    assertEquals(List.of("container", "run", "--rm", "-i", "--name", "c", "--network", "none", "--label",
        "dev.envdoctor=worker", "--env", "GLIBC_TUNABLES=" + dev.envdoctor.calibrate.SteadyAllocator.VALUE, "img", "java"),
        ContainerStage.launchPrefix(e, "c", "img", "none").subList(0, 14));
  }

  @Test
  void runtimeSelectionNamesIt() {
    assertTrue(Engines.selected("all").contains("container"));
    assertEquals(List.of("container"), Engines.selected("native,container"));
    assertEquals("container", Engines.named("container").orElseThrow().name());
  }
}
