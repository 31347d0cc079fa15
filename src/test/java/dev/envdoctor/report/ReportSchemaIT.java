package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports the real CLI produces here validate against report-v1.schema.json: stdout of --json and
 * the files doctor writes. An IT because doctor runs every stage, workers and containers included.
 */
class ReportSchemaIT {

  @Test
  void probeJsonValidates() {
    var r = new CliHarness().run("probe", "--json");
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err());
    assertEquals("[]", Fixtures.violations(r.out()).toString(), r.out());
  }

  @Test
  void theFilesDoctorWritesValidateAndStdoutJsonToo(@TempDir Path tmp) throws Exception {
    var r = new CliHarness().run("doctor", "--json", "--runtime", "native", "--out", tmp.toString());
    assertTrue(r.exitCode() == 0 || r.exitCode() == 1, r.err() + r.out());
    assertEquals("[]", Fixtures.violations(r.out()).toString(), r.out());
    List<Path> written;
    try (var files = Files.list(tmp)) {
      written = files.sorted().toList();
    }
    assertEquals(3, written.size(), written.toString());
    Path json = written.stream().filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
    String text = Files.readString(json);
    assertEquals("[]", Fixtures.violations(text).toString(), text);
    Report report = ReportJson.read(text);
    assertTrue(report.redaction().applied());
    // doctor --quick calibrates only the workload its verdict cites (calibrate: both)
    assertEquals(java.util.Set.of("cnn"), report.calibrations().stream().map(c -> c.workload()).collect(
        java.util.stream.Collectors.toSet()), report.calibrations().toString());
    // this machine's user and host names, as the probe may have met them, are in no file
    Identity me = Identity.current(System.getenv());
    for (Path p : written) {
      String content = Files.readString(p);
      for (String name : Identity.withShortNames(java.util.Set.copyOf(concat(me.userNames(), me.hostNames())))) {
        assertTrue(!java.util.regex.Pattern.compile("(?i)(?<![A-Za-z0-9_])" + java.util.regex.Pattern.quote(name)
            + "(?![A-Za-z0-9_])").matcher(content).find(), p.getFileName() + " names " + name);
      }
    }
    assertEquals(ReportFiles.named(tmp, report.createdAt()).json(), json);
  }

  private static List<String> concat(java.util.Set<String> a, java.util.Set<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
