package dev.envdoctor.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.testing.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * envdoctor race for real: a torch training script natively with Debian's torch and inside an
 * image made from the offline base with python3-torch, the envdoctor jar run as a user runs it.
 */
@RequiresDocker("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaceIT {

  static final ProcessRunner RUNNER = new ProcessRunner();
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PYTHON = "/usr/bin/python3";

  String image;
  Path work;

  /** Debian's python3-torch on the offline base: scripts/test-deps.sh builds it (CI runs that first). */
  static final String TORCH_IMAGE = "local/debian-torch:bookworm";

  @BeforeAll
  void workFolder() throws Exception {
    CommandResult has = RUNNER.run(CommandSpec.of(Duration.ofSeconds(30), "docker", "image", "inspect", TORCH_IMAGE));
    assertTrue(has.ok(), TORCH_IMAGE + " is missing: run scripts/test-deps.sh (as root) once");
    image = TORCH_IMAGE;
    work = Files.createTempDirectory("envdoctor-race-work-");
    Files.copy(Path.of("src/test/resources/race/train.py"), work.resolve("train.py"));
  }

  @AfterAll
  void removeWork() throws Exception {
    if (work != null) {
      try (var s = Files.walk(work)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  CommandResult race(String... args) {
    List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of(System.getProperty("envdoctor.jar", "target/envdoctor.jar")).toAbsolutePath().toString(),
        "race", "--runtime", "docker", "--workdir", work.toString(), "--out", work.resolve("reports").toString()));
    argv.addAll(List.of(args));
    return RUNNER.run(CommandSpec.of(Duration.ofMinutes(10), argv));
  }

  static JsonNode json(CommandResult r) throws Exception {
    return JSON.readTree(r.stdout());
  }

  List<String> leftovers() {
    CommandResult ps = RUNNER.run(CommandSpec.of(Duration.ofSeconds(30), "docker", "ps", "-a", "--filter",
        "label=dev.envdoctor=race", "--format", "{{.Names}}"));
    assertTrue(ps.ok(), ps.describe());
    return ps.stdoutLines().stream().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void racesATrainingScriptNativelyAndInTheImage() throws Exception {
    CommandResult r = race("--image", image, "--json", "--scale", "100", "--", PYTHON, "train.py");
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    JsonNode race = json(r).path("race");
    JsonNode nat = race.path("sides").get(0);
    JsonNode ctr = race.path("sides").get(1);
    assertEquals("native", nat.path("runtime").asText());
    assertEquals("docker", ctr.path("runtime").asText());
    assertEquals(image, ctr.path("image").asText());
    assertEquals(3, nat.path("wallSeconds").size(), nat.toString());
    assertEquals(3, ctr.path("wallSeconds").size(), ctr.toString());
    assertEquals(0, nat.path("exitCode").asInt());
    assertEquals(0, ctr.path("exitCode").asInt());
    assertEquals(3, race.path("pairs").asInt());
    double ratio = race.path("ratio").asDouble();
    assertTrue(ratio > 0 && race.path("low").asDouble() <= race.path("high").asDouble(), race.toString());
    assertTrue(List.of("native-faster", "container-faster", "parity", "undecided").contains(race.path("decision").asText()));
    assertEquals(nat.path("medianSeconds").asDouble() * 100 / 3600, nat.path("projectedHours").asDouble(), 1e-9);
    assertEquals(false, ctr.path("emulated").asBoolean(), "an image of the engine's own architecture");
    Path log = Path.of(race.path("log").asText());
    String output = Files.readString(log);
    assertTrue(output.contains("epoch 2 done") && output.contains("trained"), "the command's output is in the log");
    assertTrue(!r.stderr().contains("epoch 1 done"), "and not in envdoctor's own output: " + r.stderr());
    assertEquals(List.of(), leftovers());
    String md = Files.readString(Path.of(log.toString().replace(".log", ".md")));
    assertTrue(md.contains("**Race:**") && md.contains("| docker | " + image), md);
  }

  @Test
  void timesEachRunToTheLineThatMatches() throws Exception {
    CommandResult r = race("--image", image, "--json", "--repeat", "2", "--until", "^epoch 1 done", "--", PYTHON, "train.py");
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    JsonNode race = json(r).path("race");
    assertEquals("^epoch 1 done", race.path("until").asText());
    String output = Files.readString(Path.of(race.path("log").asText()));
    assertEquals(6, output.split("matched --until after", -1).length - 1, "warm-up pair and 2 pairs, each to the line: " + output);
    assertTrue(!output.contains("trained"), "each run was ended at the line: " + output);
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aCommandThatFailsInTheContainerStopsTheRaceWithItsLastLines() throws Exception {
    CommandResult r = race("--image", image, "--", PYTHON, "train.py", "container");
    assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
    assertTrue(r.stdout().startsWith("[✗] Race: the command exited with code 3 in docker: no ratio"), r.stdout());
    assertTrue(r.stdout().contains("  | RuntimeError: planted failure in the container"), r.stdout());
    assertTrue(r.stderr().contains("race: native warm-up: ") && r.stderr().contains("race: docker warm-up: "),
        "a progress line per run: " + r.stderr());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aHungCommandIsEndedAtItsTimeoutWithItsContainer() throws Exception {
    // natively it ends at once; in the container (where it is PID 1) it hangs
    CommandResult r = race("--image", image, "--timeout", "4s", "--repeat", "1", "--json", "--", "sh", "-c",
        "if [ $$ = 1 ]; then sleep 600; fi");
    assertEquals(1, r.exitCode(), r.stdout() + r.stderr());
    JsonNode race = json(r).path("race");
    assertEquals("failed", race.path("decision").asText());
    assertEquals("timed-out", race.path("sides").get(1).path("status").asText(), race.toString());
    assertTrue(race.path("ratio").isNull());
    assertEquals(List.of(), leftovers());
  }

  @Test
  void aMissingImageNamesThePullAndBuildCommands() {
    CommandResult r = race("--image", "envdoctor-race-missing:0", "--", PYTHON, "train.py");
    assertEquals(2, r.exitCode(), r.stderr());
    assertEquals(List.of("envdoctor: race: the image envdoctor-race-missing:0 is not in docker; fix: docker pull"
        + " envdoctor-race-missing:0, or build it (docker build -t envdoctor-race-missing:0 .)"), r.stderrTail(1));
  }

  @Test
  void anImageWithoutPythonIsOneLine() {
    CommandResult r = race("--image", "local/debian:bookworm", "--", "python3", "train.py");
    assertEquals(2, r.exitCode(), r.stderr());
    List<String> err = r.stderrTail(5);
    assertEquals(1, err.stream().filter(l -> l.startsWith("envdoctor:")).count(), err.toString());
    assertTrue(err.get(err.size() - 1).startsWith("envdoctor: race: local/debian:bookworm has no python3; fix: "), err.toString());
    assertEquals(List.of(), leftovers());
  }

  /** An arm64 Debian imported on this x86-64 engine: its metadata says amd64, its binaries run under qemu-user. */
  static final String ARM64_IMAGE = "local/debian-arm64:bookworm";

  @Test
  void anEmulatedImageIsNamedSoEvenWhenItsMetadataSaysTheHostsArchitecture() throws Exception {
    CommandResult inspect = RUNNER.run(CommandSpec.of(Duration.ofSeconds(30), "docker", "image", "inspect", "--format",
        "{{.Architecture}}", ARM64_IMAGE));
    assertTrue(inspect.ok(), ARM64_IMAGE + " is missing: run scripts/test-deps.sh (as root) once");
    String engineArch = dev.envdoctor.container.Arch.normalize(RUNNER.run(CommandSpec.of(Duration.ofSeconds(30),
        "docker", "version", "--format", "{{.Server.Arch}}")).stdout().strip());
    assertEquals(engineArch, dev.envdoctor.container.Arch.normalize(inspect.stdout().strip()),
        "the trap: docker import recorded the engine's architecture");
    CommandResult r = race("--image", ARM64_IMAGE, "--repeat", "1", "--json", "--", "sh", "-c", "true");
    assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
    JsonNode race = json(r).path("race");
    JsonNode ctr = race.path("sides").get(1);
    assertEquals("aarch64", ctr.path("arch").asText(), ctr.toString());
    assertEquals(true, ctr.path("emulated").asBoolean(), ctr.toString());
    assertTrue(race.path("notes").toString().contains("emulated: " + ARM64_IMAGE + " runs aarch64 binaries on this "
        + engineArch + " engine"), race.path("notes").toString());
    assertEquals(List.of(), leftovers());

    CommandResult v = RUNNER.run(CommandSpec.of(Duration.ofMinutes(5), Path.of(System.getProperty("java.home"), "bin",
        "java").toString(), "-jar", Path.of(System.getProperty("envdoctor.jar", "target/envdoctor.jar")).toAbsolutePath()
        .toString(), "verify", "--runtime", "docker", "--backend", "python", "--container-python", ARM64_IMAGE, "--json"));
    JsonNode docker = null;
    for (JsonNode rt : JSON.readTree(v.stdout()).path("runtimes")) {
      if ("docker".equals(rt.path("name").asText())) {
        docker = rt;
      }
    }
    assertNotNull(docker, v.stdout());
    assertTrue(docker.path("notes").toString().contains("warning: emulated: " + ARM64_IMAGE), docker.toString());
  }

  @Test
  void anImageWithPythonMinimalOnlyIsOneLine() throws Exception {
    String minimal = "envdoctor-race-it-minimal:" + Long.toHexString(System.nanoTime());
    Path ctx = Files.createTempDirectory("envdoctor-race-minimal-");
    Files.writeString(ctx.resolve("Dockerfile"), "FROM local/debian:bookworm\nRUN apt-get update"
        + " && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-minimal\n");
    try {
      CommandResult b = RUNNER.run(CommandSpec.of(Duration.ofMinutes(10), "docker", "build", "-q", "-t", minimal,
          ctx.toString()));
      assertTrue(b.ok(), b.describe() + b.stderr());
      CommandResult r = race("--image", minimal, "--", "python3", "train.py");
      assertEquals(2, r.exitCode(), r.stderr());
      assertEquals(List.of("envdoctor: race: " + minimal + " has python3-minimal only: its python3 lacks the standard"
          + " library (no json module); fix: install python3 (not only python3-minimal) in the image"), r.stderrTail(1));
      assertEquals(List.of(), leftovers());
      // the same lack, met by --container-python in verify: one line on the device, not a traceback
      CommandResult v = RUNNER.run(CommandSpec.of(Duration.ofMinutes(5), Path.of(System.getProperty("java.home"), "bin",
          "java").toString(), "-jar", Path.of(System.getProperty("envdoctor.jar", "target/envdoctor.jar")).toAbsolutePath()
          .toString(), "verify", "--runtime", "docker", "--backend", "python", "--container-python", minimal, "--json"));
      JsonNode device = null;
      for (JsonNode d : JSON.readTree(v.stdout()).path("devices")) {
        if ("docker".equals(d.path("runtime").asText())) {
          device = d;
        }
      }
      assertNotNull(device, v.stdout());
      assertEquals("the image " + minimal + " has python3-minimal only: its python3 lacks the standard library (no json"
          + " module)", device.path("diagnosis").asText(), device.toString());
      assertEquals("install python3 (not only python3-minimal) in the image", device.path("fix").asText());
    } finally {
      Files.deleteIfExists(ctx.resolve("Dockerfile"));
      Files.deleteIfExists(ctx);
      RUNNER.run(CommandSpec.of(Duration.ofMinutes(1), "docker", "rmi", "-f", minimal));
    }
  }

  @Test
  void noCommandIsBadUsage() {
    CommandResult r = race("--image", image);
    assertEquals(2, r.exitCode());
    assertNotNull(r.stderrTail(1).get(0));
    assertTrue(r.stderrTail(1).get(0).startsWith("envdoctor: race: no command: give it after --"), r.stderr());
  }
}
