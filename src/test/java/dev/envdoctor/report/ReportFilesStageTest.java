package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.cli.ExitCode;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesStageTest {

  @Test
  void filesAreNamedFromCreatedAt() {
    ReportFiles f = ReportFiles.named(Path.of("reports"), "2026-11-25T20:42:25.123456Z");
    assertEquals(Path.of("reports/envdoctor-20261125T204225Z.json"), f.json());
    assertEquals(Path.of("reports/envdoctor-20261125T204225Z.md"), f.md());
    assertEquals(Path.of("reports/envdoctor-20261125T204225Z.html"), f.html());
    assertEquals("undated", ReportFiles.stamp(null));
  }

  @Test
  void doctorWritesJsonMarkdownAndHtmlRedactedAndSaysWhere(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("new/folder");
    var r = new CliHarness().run("doctor", "--runtime", "native", "--out", out.toString());
    assertTrue(r.exitCode() == ExitCode.OK || r.exitCode() == ExitCode.CHECK_FAILED, r.err());
    List<Path> written;
    try (var files = Files.list(out)) {
      written = files.sorted().toList();
    }
    assertEquals(List.of("html", "json", "md"), written.stream().map(p -> p.toString().replaceAll(".*\\.", "")).toList());
    for (Path p : written) {
      assertTrue(p.getFileName().toString().matches("envdoctor-\\d{8}T\\d{6}Z\\.(json|md|html)"), p.toString());
      assertTrue(r.out().contains("    " + p), "the view lists " + p + ":\n" + r.out());
    }
    assertTrue(r.out().contains("Report files (redacted: safe to share)"), r.out());
    var report = ReportJson.read(written.get(1));
    assertTrue(report.redaction().applied());
    assertTrue(Files.readString(written.get(2)).startsWith("### envdoctor report"));
  }

  @Test
  void noRedactIsRecordedInTheFileAndTheView(@TempDir Path tmp) throws Exception {
    var r = new CliHarness().run("doctor", "--runtime", "native", "--no-redact", "--out", tmp.toString());
    assertTrue(r.out().contains("NOT redacted"), r.out());
    try (var files = Files.list(tmp)) {
      Path json = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
      assertFalse(ReportJson.read(json).redaction().applied());
    }
  }

  @Test
  void anOutThatIsAFileIsBadInputBeforeAnyStageRuns(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    var r = new CliHarness().run("doctor", "--out", file.toString());
    assertEquals(ExitCode.USAGE, r.exitCode());
    assertEquals("envdoctor: --out " + file + " is a file, not a folder: name a folder for the report files",
        r.err().strip());
    assertEquals("", r.out());
    try (var files = Files.list(tmp)) {
      assertEquals(1, files.count());
    }
  }
}
