package dev.envdoctor.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A full disk or a read-only folder loses nothing and blames no one wrongly: one line naming the
 * folder and the fix, exit 4 (not 3, "envdoctor itself failed"), and no partial file, for every
 * file a user gets: doctor's reports, check --junit, check --init, report --out.
 */
class FullDiskIT {

  private static final String SAVED = "src/test/resources/checks/linux-cpu-docker.json";

  @Test
  void doctorOnAFullDiskPrintsItsVerdictThenOneLineAndLeavesNoPartialReport() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(false)) {
      Path out = disk.dir.resolve("reports");
      var r = new CliHarness().run("doctor", "--runtime", "native", "--backend", "djl", "--no-color",
          "--out", out.toString());
      assertEquals(ExitCode.ENVIRONMENT, r.exitCode(), r.out() + r.err());
      assertTrue(r.out().startsWith("[✓] Train natively (djl, cpu)"), "the verdict is printed first and stays: " + r.out());
      String refused = "[✗] cannot write into " + out + ": no space left on the device; free some space there,"
          + " or choose another folder with --out DIR";
      assertTrue(r.out().contains(refused + "\n"), r.out());
      assertTrue(!r.out().contains("please report it") && !r.out().contains("Exception"), r.out());
      assertEquals(List.of(), disk.leftovers(), "no partial report file");
    }
  }

  /** Issue 26: under --json stdout is the report for a machine; the reason for exit 4 is one line on stderr. */
  @Test
  void doctorJsonOnAFullDiskGivesTheReportOnStdoutAndOneLineOnStderr() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(false)) {
      var r = new CliHarness().run("doctor", "--json", "--runtime", "native", "--backend", "djl", "--out", disk.dir.toString());
      assertEquals(ExitCode.ENVIRONMENT, r.exitCode(), r.out() + r.err());
      var report = dev.envdoctor.model.ReportJson.read(r.out());
      assertEquals(dev.envdoctor.model.Report.SCHEMA, report.schema(), "stdout is the report");
      assertEquals(List.of("envdoctor: cannot write into " + disk.dir + ": no space left on the device; free some space there,"
          + " or choose another folder with --out DIR"), r.err().lines().toList());
      assertEquals(List.of(), disk.leftovers(), "no partial report file");
    }
  }

  @Test
  void checkJunitAndInitOnAFullDiskAreOneLineAndNoFile() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(false)) {
      Path xml = disk.dir.resolve("checks.xml");
      var junit = new CliHarness().run("check", "--from", SAVED, "--junit", xml.toString());
      assertOneLine(junit, "envdoctor: cannot write into " + disk.dir + ": no space left on the device; free some space there");
      var init = new CliHarness().run("check", "--from", SAVED, "--init", disk.dir.resolve("team.yaml").toString());
      assertOneLine(init, "envdoctor: cannot write into " + disk.dir + ": no space left on the device");
      assertEquals(List.of(), disk.leftovers());
    }
  }

  @Test
  void reportOutIntoAReadOnlyFolderIsOneLineAndNoFile() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(true)) {
      var r = new CliHarness().run("report", "--from", SAVED, "--format", "html", "--out",
          disk.dir.resolve("r.html").toString());
      assertOneLine(r, "envdoctor: cannot write into " + disk.dir + ": the file system is read-only; make it writable"
          + " (choose another --out FILE)");
      assertEquals(List.of(), disk.leftovers());
    }
  }

  private static void assertOneLine(CliHarness.Result r, String start) {
    assertEquals(ExitCode.ENVIRONMENT, r.exitCode(), r.out() + r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(1, lines.size(), "one line, no stack trace: " + r.err());
    assertTrue(lines.get(0).startsWith(start), lines.get(0));
  }

  @Test
  void anOverwrittenReportIsReplacedWhole(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.md");
    Files.writeString(file, "old");
    var r = new CliHarness().run("report", "--from", SAVED, "--out", file.toString());
    assertEquals(ExitCode.OK, r.exitCode(), r.err());
    assertTrue(Files.readString(file).startsWith("#"), "the new report replaced the old one");
    try (var s = Files.list(dir)) {
      assertEquals(List.of("r.md"), s.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
    }
  }
}
