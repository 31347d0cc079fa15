package dev.envdoctor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.StageStatus;
import dev.envdoctor.run.Console;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.OutputMode;
import dev.envdoctor.run.RunOptions;
import dev.envdoctor.flow.Phase;
import dev.envdoctor.flow.RunContext;
import dev.envdoctor.doctor.Stages;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.testing.CliHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesStageTest {

  private final StringWriter console = new StringWriter();

  private RunContext context(Path out, boolean noRedact) {
    RunOptions options = RunOptions.defaults().withOut(out, noRedact);
    PrintWriter w = new PrintWriter(console, true);
    // the seeded report claims to come from dana's mbp-dana: this run's identity
    Map<String, String> env = Map.of("USER", "dana", "HOSTNAME", "mbp-dana.corp.example");
    return new RunContext(w, w, new Console(w, false), new ProcessRunner(), Clock.systemUTC(), env, OutputMode.CONSOLE,
        options, Set.of(Phase.REPORT));
  }

  /** Runs the stage as the pipeline does: prepare, run, then the stage's row in stages[]. */
  private Report run(Report report, RunContext ctx) throws Exception {
    ReportFilesStage stage = new ReportFilesStage();
    stage.prepare(ctx);
    return stage.run(report, ctx).plusStage(new StageRun(stage.name(), StageStatus.OK, 3, null));
  }

  @Test
  void filesAreNamedFromCreatedAt() {
    ReportFiles f = ReportFiles.named(Path.of("reports"), "2026-11-25T20:42:25.123456Z");
    assertEquals(Path.of("reports/envdoctor-20261125T204225Z.json"), f.json());
    assertEquals(Path.of("reports/envdoctor-20261125T204225Z.md"), f.md());
    assertEquals(Path.of("reports/envdoctor-20261125T204225Z.html"), f.html());
    assertEquals("undated", ReportFiles.stamp(null));
  }

  @Test
  void writesJsonMarkdownAndHtmlRedactedAndTheViewSaysWhere(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("new/folder");
    RunContext ctx = context(out, false);
    Report seeded = Seeds.into(Fixtures.mac());
    Report after = run(seeded, ctx);
    assertEquals(seeded.host(), after.host(), "the run goes on with the report as it was");
    assertEquals(seeded.redaction(), after.redaction());
    ReportFiles files = ReportFilesStage.written(after, ctx);
    try (var listed = Files.list(out)) {
      assertEquals(Set.copyOf(files.all()), Set.copyOf(listed.toList()));
    }
    for (Path p : files.all()) {
      String text = Files.readString(p);
      for (String secret : Seeds.secrets()) {
        assertFalse(text.contains(secret), p.getFileName() + " shows " + secret);
      }
    }
    assertEquals("[]", Fixtures.violations(Files.readString(files.json())).toString());
    assertTrue(ReportJson.read(files.json()).redaction().kinds().containsAll(List.of("host-name", "user-name", "ip-address")));
    Stages.views().get(Phase.REPORT).print(after, ctx);
    String shown = console.toString();
    assertTrue(shown.contains("[•] Report files (redacted: safe to share)"), shown);
    files.all().forEach(p -> assertTrue(shown.contains("    " + p), shown));
  }

  @Test
  void noRedactKeepsEverythingAndSaysSo(@TempDir Path tmp) throws Exception {
    RunContext ctx = context(tmp, true);
    Report after = run(Seeds.into(Fixtures.linux()), ctx);
    ReportFiles files = ReportFilesStage.written(after, ctx);
    String md = Files.readString(files.md());
    assertTrue(Seeds.secrets().stream().allMatch(md::contains), md);
    assertFalse(ReportJson.read(files.json()).redaction().applied());
    Stages.views().get(Phase.REPORT).print(after, ctx);
    assertTrue(console.toString().contains("NOT redacted"), console.toString());
  }

  @Test
  void theViewSaysSoWhenNoFileWasWritten(@TempDir Path tmp) {
    RunContext ctx = context(tmp, false);
    Report failed = Fixtures.mac().plusStage(new StageRun(ReportFilesStage.NAME, StageStatus.FAILED, 1, "IOException: disk full"));
    new ReportView().print(failed, ctx);
    assertEquals("[-] Report files: none written", console.toString().strip());
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
