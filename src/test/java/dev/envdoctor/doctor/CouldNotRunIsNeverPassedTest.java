package dev.envdoctor.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.envdoctor.check.CheckStage;
import dev.envdoctor.fleet.FleetAnalysis;
import dev.envdoctor.fleet.NodeFacts;
import dev.envdoctor.fleet.NodeInput;
import dev.envdoctor.fleet.NodeStatus;
import dev.envdoctor.fleet.render.FleetRenderer;
import dev.envdoctor.health.HealthVerdict;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.Summary;
import dev.envdoctor.model.Tool;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.report.Renderers;
import dev.envdoctor.run.ExitCode;
import dev.envdoctor.run.Outcome;
import dev.envdoctor.testing.CliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26: a check or stage that could not be evaluated (a fact not measured, a check that broke,
 * a stage that failed or was refused) is never counted or shown as passed, in check, health, fleet
 * and doctor, in every format. The base report is the dev VM's real fleet node report
 * (recorded/fleet); what each test changes in it is constructed and says so.
 */
class CouldNotRunIsNeverPassedTest {

  @TempDir
  Path dir;

  private static Report real() throws Exception {
    return ReportJson.read(Recorded.text("fleet/devvm-a.json"));
  }

  /** Constructed: the real report with one check that broke while evaluating (the evaluator's "error"). */
  private static Report withErroredCheck() throws Exception {
    CheckResult broke = new CheckResult("cuda-driver", "CUDA driver", "fail", CheckStatus.ERROR,
        "could not evaluate: java.lang.ClassCastException", null, "host.gpus[*].driverVersion >= 535", null);
    return real().withChecks(List.of(broke), new Summary(0, 0, 0, 0, 1));
  }

  /** Constructed: the real report whose report-files stage was refused (a full disk). */
  private static Report withStage(String status) throws Exception {
    ObjectNode tree = (ObjectNode) ReportJson.mapper().readTree(Recorded.text("fleet/devvm-a.json"));
    for (JsonNode s : tree.get("stages")) {
      if ("report-files".equals(s.get("name").asText())) {
        ((ObjectNode) s).put("status", status).put("error", "cannot write into /r: no space left on the device");
      }
    }
    return ReportJson.mapper().treeToValue(tree, Report.class);
  }

  @Test
  void checkAnInfoCheckOnAFactNotMeasuredIsSkippedNotPassedInConsoleJsonAndJunit() throws Exception {
    Path report = dir.resolve("a.json");
    Files.writeString(report, Recorded.text("fleet/devvm-a.json"));
    Path profile = dir.resolve("p.yaml");
    Files.writeString(profile, "checks:\n  - id: cpu-clock\n    title: CPU clock\n    severity: info\n    expect:\n"
        + "      host.cpu.maxFrequencyHz: \">= 1GHz\"\n");
    Path xml = dir.resolve("checks.xml");
    var console = new CliHarness().run("check", "--from", report.toString(), "--profile", profile.toString(), "--no-color",
        "--junit", xml.toString());
    assertEquals(ExitCode.OK, console.exitCode(), console.err());
    assertTrue(console.out().contains("0 passed, 0 warnings, 0 failed, 1 skipped, 0 errors"), console.out());
    assertFalse(console.out().contains("Passed"), console.out());
    String junit = Files.readString(xml);
    assertTrue(junit.contains("<skipped message=\"not evaluated: host.cpu.maxFrequencyHz is unknown"), junit);
    var json = new CliHarness().run("check", "--from", report.toString(), "--profile", profile.toString(), "--json");
    JsonNode checks = ReportJson.mapper().readTree(json.out()).get("checks");
    assertEquals("skip", checks.get(0).get("status").asText(), checks.toString());
  }

  @Test
  void healthACheckThatCouldNotBeEvaluatedIsUnknownAndARefusedStageToo() throws Exception {
    var profile = CheckStage.load(dir, "default");
    HealthVerdict v = HealthVerdict.of(withErroredCheck(), profile, false);
    assertEquals(HealthVerdict.UNKNOWN, v.exitCode(), v.line());
    assertTrue(v.line().startsWith("envdoctor health UNKNOWN: check cuda-driver could not be evaluated"), v.line());
    assertEquals(null, v.drainCheck(), "a check that could not run drains no node");
    assertEquals(HealthVerdict.UNKNOWN, HealthVerdict.of(withStage("refused"), profile, false).exitCode());
  }

  @Test
  void fleetANodeWithACheckThatCouldNotRunOrARefusedStageIsFailInEveryFormat() throws Exception {
    assertEquals(NodeStatus.FAIL, NodeFacts.status(withErroredCheck()));
    assertEquals(NodeStatus.FAIL, NodeFacts.status(withStage("refused")));
    assertEquals(List.of("stage:report-files"), NodeFacts.failedChecks(withStage("refused")));
    var fleet = FleetAnalysis.analyse(List.of(NodeInput.reported("a", withErroredCheck()), NodeInput.reported("b", withStage("refused"))),
        null, null, "slurm", new Tool("envdoctor", "t"), "2026-12-07T00:00:00Z");
    String junit = FleetRenderer.byFormat("junit").orElseThrow().render(fleet);
    assertTrue(junit.contains("failures=\"2\""), junit);
    String md = FleetRenderer.byFormat("md").orElseThrow().render(fleet);
    assertTrue(md.contains("| a | **fail** | cuda-driver |") && md.contains("| b | **fail** | stage:report-files |"), md);
  }

  @Test
  void doctorACheckThatCouldNotRunIsAFailedAreaAnErrorInJunitAndNeverExitZero() throws Exception {
    Report r = withErroredCheck();
    Areas.Line checks = Areas.of(r).stream().filter(l -> l.text().startsWith("Checks:")).findFirst().orElseThrow();
    assertEquals(dev.envdoctor.run.Console.Mark.FAIL, checks.mark(), checks.text());
    assertTrue(checks.text().contains("0 passed") && checks.text().contains("1 error"), checks.text());
    assertEquals(ExitCode.CHECK_FAILED, Outcome.exitCode(r, false));
    String junit = Renderers.byFormat("junit").orElseThrow().render(r);
    assertTrue(junit.contains("<error message=\"could not evaluate"), junit);
    for (String format : List.of("md", "html")) {
      String text = Renderers.byFormat(format).orElseThrow().render(r);
      assertTrue(text.contains("error"), format);
    }
    assertNotEquals(ExitCode.OK, Outcome.exitCode(withStage("refused"), false));
  }
}
