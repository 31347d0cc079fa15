package dev.envdoctor.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.model.Backend;
import dev.envdoctor.sides.SideRunner;
import dev.envdoctor.protocol.WorkerOutput;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Issue #29, item 6: for a job the user named, native DJL and the container's DJL burst the job's own
   * network (YOLOv8n at 64 px × 2) in the trainer's settings as each side sees its CPUs (Ultralytics:
   * min(8, CPUs - 1) threads; the container's CPUs by nproc in a container of the base image, the host's by
   * nproc, accounts independent of envdoctor's), the verdict compares those steps, and the container's
   * projection row is native's × their paired ratio. A short burst plan keeps the test's time.
   */
  static void aNamedJobsStepIsPairedInEachSidesSettings(WorkerImageFixture image) {
    Map<String, String> env = new HashMap<>(image.env());
    env.put("ENVDOCTOR_BURST_PLAN", "0.05,3,6,12");
    env.put("ENVDOCTOR_HISTORY", "off");
    CommandResult r = Jar.run(env, "recommend", "--runtime", "native," + image.engine, "--backend", "djl",
        "--model", "yolov8n", "--imgsz", "64", "--batch", "2", "--epochs", "1", "--images", "100", "--trainer", "ultralytics", "--json");
    assertEquals(0, r.exitCode(), r.stderr());
    JsonNode report = Jar.json(r);
    for (JsonNode e : report.at("/recommendation/evidence")) {
      assertEquals("yolov8n@64x2", e.path("workload").asText(), e.toString());
    }
    int hostCpus = nproc(List.of("nproc"));
    int boxCpus = nproc(List.of(image.engine, "run", "--rm", WorkerImageFixture.BASE, "nproc"));
    for (String runtime : List.of("native", image.engine)) {
      JsonNode step = null;
      for (JsonNode c : report.path("calibrations")) {
        if (runtime.equals(c.path("runtime").asText()) && "yolov8n@64x2".equals(c.path("workload").asText())) {
          step = c;
        }
      }
      assertTrue(step != null, runtime + ": " + report.path("calibrations"));
      assertTrue(step.path("bursts").size() >= 3, runtime + " took turns: " + step.path("bursts"));
      int cpus = runtime.equals("native") ? hostCpus : boxCpus;
      assertEquals(Math.min(8, Math.max(1, cpus - 1)), step.path("threads").asInt(), runtime + ": " + step);
      assertEquals("fp32", step.path("precision").asText(), runtime);
    }
    JsonNode nat = null;
    JsonNode box = null;
    for (JsonNode p : report.at("/recommendation/projection")) {
      if ("native".equals(p.path("runtime").asText()) && "djl".equals(p.path("backend").asText())) {
        nat = p;
      } else if (image.engine.equals(p.path("runtime").asText())) {
        box = p;
      }
    }
    assertTrue(nat != null && box != null, report.at("/recommendation/projection").toString());
    assertEquals("paired", box.path("method").asText(), box.path("basis").asText());
    double ratio = box.path("pairedRatio").asDouble();
    assertEquals(nat.path("hours").asDouble() * ratio, box.path("hours").asDouble(), 1e-9 * box.path("hours").asDouble());
    assertEquals(List.of(), image.leftovers());
  }

  private static int nproc(List<String> argv) {
    CommandResult r = new ProcessRunner().run(CommandSpec.of(Duration.ofSeconds(60), argv));
    assertEquals(0, r.exitCode(), argv + ": " + r.stderr());
    return Integer.parseInt(r.stdout().strip());
  }
}
