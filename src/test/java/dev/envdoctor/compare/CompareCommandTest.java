package dev.envdoctor.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  private static String f(String name) {
    return ComparerTest.DIR.resolve(name).toString();
  }

  @Test
  void printsTheVerdictThenFailuresFirstAndExitsOne() {
    var r = new CliHarness().run("compare", f("constructed-base-mac.json"), f("constructed-other-mac-small-vm.json"));
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), r.err());
    String[] lines = r.out().split("\\R");
    assertEquals("OTHER trains 2.4× slower on the same workload (docker/djl/cpu, cnn): its Docker VM has 2 CPUs (BASE: 8)", lines[3]);
    assertEquals("Checks", lines[5]);
    assertEquals("[✗] docker.cpus (Docker VM has enough CPUs): pass → fail", lines[6]);
    String out = r.out().replace("\r\n", "\n");
    assertTrue(out.indexOf("\nVersions\n") < out.indexOf("\nResources\n"), out);
    assertTrue(out.indexOf("\nResources\n") < out.indexOf("\nTraining speed"), out);
    assertTrue(r.out().strip().endsWith("1 would fail a check, 3 worth a look, 4 informational."), r.out());
  }

  @Test
  void jsonIsTheComparison() throws Exception {
    var r = new CliHarness().run("compare", "--json", f("constructed-base-linux.json"), f("constructed-other-linux-no-toolkit.json"));
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), r.err());
    JsonNode c = ReportJson.mapper().readTree(r.out());
    assertEquals("envdoctor/compare/v1", c.get("schema").asText());
    assertTrue(c.get("failing").asBoolean());
    assertEquals("CHECKS", c.get("differences").get(0).get("group").asText());
    assertEquals(3, c.get("ratios").size());
  }

  @Test
  void theOutputIsRedactedFileNamesIncluded(@TempDir Path tmp) throws Exception {
    Path mine = Files.createDirectories(tmp.resolve("kowalski"));
    Path a = Files.copy(Path.of(f("constructed-base-linux.json")), mine.resolve("a.json"));
    var r = new CliHarness().env("USER", "kowalski").run("compare", a.toString(), f("constructed-other-linux-no-toolkit.json"));
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), r.err());
    assertTrue(r.out().contains("/<user>/a.json"), r.out());
    assertTrue(!r.out().contains("kowalski"), r.out());
    var raw = new CliHarness().env("USER", "kowalski").run("compare", "--no-redact", a.toString(),
        f("constructed-other-linux-no-toolkit.json"));
    assertTrue(raw.out().contains("/kowalski/a.json"), raw.out());
  }

  @Test
  void theSameMachineExitsZero() {
    var r = new CliHarness().run("compare", f("constructed-base-linux.json"), f("constructed-base-linux.json"));
    assertEquals(ExitCode.OK, r.exitCode(), r.out());
  }

  @Test
  void aBadFileIsOneLineAndExitTwo(@TempDir Path tmp) throws Exception {
    Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"schema\": ");
    var r = new CliHarness().run("compare", f("constructed-base-linux.json"), broken.toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("envdoctor: " + broken + " is not a JSON report"), r.err());
    assertEquals("", r.out());
  }

  /** compare runs no stage: in a terminal nothing of the status line reaches stderr. Failed before: "… starting" and its redraws. */
  @Test
  void inATerminalCompareDrawsNoStatusLine() {
    var r = new CliHarness().terminal(true).run("compare", f("constructed-base-mac.json"), f("constructed-other-mac-small-vm.json"));
    assertEquals(ExitCode.CHECK_FAILED, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertTrue(!r.out().contains("\r"), r.out());
  }
}
