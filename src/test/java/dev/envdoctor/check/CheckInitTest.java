package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --init: a profile pinning a machine's facts, which that machine passes and others do not. */
class CheckInitTest {

  static final String LINUX = "src/test/resources/checks/linux-cpu-docker.json";
  static final String MAC = "src/test/resources/checks/mac-m2-docker-desktop.json";

  @TempDir
  Path dir;

  @Test
  void pinsTheReferenceMachineWhichThenPassesAndAnotherFails() throws Exception {
    Path file = dir.resolve("team.yaml");
    var w = new CliHarness().run("check", "--init", file.toString(), "--from", LINUX, "--no-color");
    assertEquals(ExitCode.OK, w.exitCode(), w.err());
    assertEquals("[✓] wrote " + file + " (13 checks pinning this machine)\n"
        + "    check another machine against it: envdoctor check --profile " + file + "\n", w.out());
    String yaml = Files.readString(file);
    assertTrue(yaml.contains("      \"host.memory.totalBytes\": \">= 24GiB\"\n"), yaml);
    assertTrue(yaml.contains("      \"jvm.version\": \">= 17\"\n"), yaml);
    assertTrue(yaml.contains("      \"python.torch.version\": \">= 1.13\"\n"), yaml);
    assertTrue(yaml.contains("      \"devices[runtime=podman,backend=djl,device=cpu].verified\": \"true\"\n"), yaml);
    assertTrue(yaml.contains("      \"runtimes[name=docker].status\": \"ok\"\n"), yaml);

    var same = new CliHarness().run("check", "--profile", file.toString(), "--from", LINUX, "--no-color");
    assertEquals(ExitCode.OK, same.exitCode(), same.out());
    assertTrue(same.out().endsWith("13 passed, 0 warnings, 0 failed, 0 skipped, 0 errors\n"), same.out());

    var other = new CliHarness().run("check", "--profile", file.toString(), "--from", MAC, "--no-color");
    assertEquals(ExitCode.CHECK_FAILED, other.exitCode());
    assertTrue(other.out().contains("host.os.family is macos, expected linux"), other.out());
    assertTrue(other.out().contains("devices[runtime=podman,backend=djl,device=cpu].verified is none found, expected true"), other.out());
  }

  @Test
  void refusesToOverwriteWithoutForce() throws Exception {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, "keep me\n");
    var r = new CliHarness().run("check", "--init", file.toString(), "--from", LINUX);
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals("envdoctor: " + file + " exists; pass --force to overwrite it\n", r.err());
    assertEquals("keep me\n", Files.readString(file));
    var forced = new CliHarness().run("check", "--init", file.toString(), "--from", LINUX, "--force");
    assertEquals(ExitCode.OK, forced.exitCode(), forced.err());
    assertTrue(Files.readString(file).startsWith("# Written by 'envdoctor check --init'"));
  }
}
