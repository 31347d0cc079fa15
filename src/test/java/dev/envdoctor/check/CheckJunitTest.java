package dev.envdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.run.ExitCode;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check --junit: the results as JUnit XML for a CI system, beside the console output. */
class CheckJunitTest {

  @TempDir Path tmp;

  @Test
  void aFailedCheckIsAJunitFailureAndTheExitCodeStaysOne() throws Exception {
    Path xml = tmp.resolve("ci/checks.xml");
    var r = new CliHarness().run("check", "--profile", "nvidia-linux", "--from",
        ShippedProfilesTest.DIR + "linux-cpu-docker.json", "--junit", xml.toString(), "--no-color");
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), r.out() + r.err());
    String text = Files.readString(xml);
    assertTrue(text.startsWith("<?xml"), text);
    assertTrue(text.contains("<testsuite") && text.contains("<failure"), text);
    assertTrue(text.contains("nvidia-gpu-present"), text);
  }

  @Test
  void aJunitFileUnderAFileIsBadInput() throws Exception {
    Path blocker = Files.writeString(tmp.resolve("file"), "x");
    var r = new CliHarness().run("check", "--from", ShippedProfilesTest.DIR + "linux-cpu-docker.json",
        "--junit", blocker.resolve("checks.xml").toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertTrue(r.err().startsWith("envdoctor: cannot write "), r.err());
  }
}
