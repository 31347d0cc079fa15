package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.model.Backend;
import dev.envdoctor.sides.SideRunner;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The checks every engine's integration test makes, against the real engine. */
final class ContainerChecks {

  private ContainerChecks() {}

  /** verify --runtime E: the worker verified the CPU inside a container, and nothing of ours is left. */
  static JsonNode verifiesCpu(WorkerImageFixture image) {
    CommandResult r = Jar.run(image.env(), "verify", "--runtime", image.engine, "--json");
    assertEquals(0, r.exitCode(), r.stderr());
    JsonNode report = Jar.json(r);
    JsonNode cpu = null;
    for (JsonNode d : report.path("devices")) {
      if (image.engine.equals(d.path("runtime").asText()) && "cpu".equals(d.path("device").asText())) {
        cpu = d;
      }
    }
    assertTrue(cpu != null, report.path("devices").toString());
    assertTrue(cpu.path("verified").asBoolean(), cpu.toString());
    assertTrue(cpu.path("maxAbsError").asDouble() < cpu.path("tolerance").asDouble(), cpu.toString());
    boolean engineSeen = false;
    for (JsonNode e : report.path("engines")) {
      engineSeen |= image.engine.equals(e.path("runtime").asText()) && e.path("libraryPath").asText().contains("linux");
    }
    assertTrue(engineSeen, report.path("engines").toString());
    assertEquals(List.of(), image.leftovers());
    return report;
  }

  /** What a container reports about itself equals what the engine said in runtimes[]. */
  static void containerSeesWhatEngineSays(WorkerImageFixture image, JsonNode report) {
    JsonNode rt = Jar.runtime(report, image.engine);
    assertEquals("ok", rt.path("status").asText());
    CommandResult in = Jar.engine(image.engine, "run", "--rm", "--network", "none", "--label", "dev.envdoctor=worker",
        image.tag, "sh", "-c", "nproc; awk '/^MemTotal:/{print $2}' /proc/meminfo; uname -m; uname -s");
    assertTrue(in.ok(), in.describe() + in.stderr());
    List<String> lines = in.stdoutLines();
    assertEquals(rt.path("cpus").asInt(), Integer.parseInt(lines.get(0).trim()), "CPUs");
    assertEquals(rt.path("memoryBytes").asLong(), Long.parseLong(lines.get(1).trim()) * 1024, "memory");
    assertEquals(rt.path("arch").asText(), Arch.normalize(lines.get(2).trim()), "arch");
    assertEquals(rt.path("os").asText(), lines.get(3).trim().toLowerCase(Locale.ROOT), "os");
    assertEquals(List.of(), image.leftovers());
  }

  /** The worker in a container of {@code engine}, offering the CPU, with {@code more} settings. */
  static List<String> side(ContainerEngine engine, String name, String image, String... more) {
    List<String> argv = new java.util.ArrayList<>(ContainerStage.launchPrefix(engine, name, image, "none"));
    argv.addAll(List.of("--device", "cpu"));
    argv.addAll(List.of(more));
    return argv;
  }

  /** A worker that hangs is killed at its timeout, diagnosed, and its container removed. */
  static void hangIsKilledAndRemoved(WorkerImageFixture image, ContainerEngine engine) {
    ProcessRunner runner = new ProcessRunner();
    ContainerRun run = new ContainerRun(runner, engine, java.util.Map.of());
    long t0 = System.nanoTime();
    WorkerOutput out = run.run(name -> new SideRunner(runner).run(SideCall.of(side(engine, name, image.tag, "--fault", "hang"),
        Duration.ofSeconds(30), engine.name(), Backend.DJL, SidePlan.VERIFY)).out());
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertTrue(seconds < 90, "took " + seconds + " s");
    DeviceResult d = out.devices().get(0);
    assertEquals(Boolean.FALSE, d.verified());
    assertTrue(d.diagnosis() != null && !d.diagnosis().isBlank(), d.toString());
    assertEquals(engine.name(), d.runtime());
    assertEquals(List.of(), image.leftovers());
    assertTrue(Jar.engine(engine.name(), "ps", "-a", "--filter", "name=" + run.name(), "-q").stdout().isBlank());
  }

  /** A worker killed by a signal is diagnosed as such, and its container removed. */
  static void segvIsDiagnosedAndRemoved(WorkerImageFixture image, ContainerEngine engine) {
    ProcessRunner runner = new ProcessRunner();
    ContainerRun run = new ContainerRun(runner, engine, java.util.Map.of());
    WorkerOutput out = run.run(name -> new SideRunner(runner).run(SideCall.of(side(engine, name, image.tag, "--fault", "segv"),
        Duration.ofSeconds(90), engine.name(), Backend.DJL, SidePlan.VERIFY)).out());
    DeviceResult d = out.devices().get(0);
    assertEquals(Boolean.FALSE, d.verified());
    assertTrue(d.diagnosis() != null && !d.diagnosis().isBlank(), d.toString());
    assertEquals(List.of(), image.leftovers());
  }

  /** A missing image is a diagnosis naming the command that builds it. */
  static void missingImageNamesTheBuildCommand(String engine) {
    CommandResult r = Jar.run(java.util.Map.of("ENVDOCTOR_WORKER_IMAGE", "envdoctor-ct-missing:0"),
        "verify", "--runtime", engine, "--json");
    assertEquals(1, r.exitCode(), "a side that could not be verified: " + r.stderr());
    JsonNode d = Jar.json(r).path("devices").path(0);
    assertEquals(engine, d.path("runtime").asText());
    assertEquals(false, d.path("verified").asBoolean());
    assertEquals("the worker image envdoctor-ct-missing:0 is not in " + engine, d.path("diagnosis").asText());
    assertEquals("envdoctor image build --runtime " + engine, d.path("fix").asText());
  }
}
