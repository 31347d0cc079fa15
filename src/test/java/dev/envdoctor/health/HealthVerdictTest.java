package dev.envdoctor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.envdoctor.check.CheckStage;
import dev.envdoctor.check.eval.Evaluator;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.StageStatus;
import dev.envdoctor.probe.Recorded;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * health's answer as a pure function of a report (the dev VM's real fleet node report) and a profile:
 * the decision here, its lines in golden/health/verdicts.txt (HealthGoldenTest).
 */
class HealthVerdictTest {

  @TempDir
  Path dir;

  private Profile profile(String yaml) throws Exception {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, yaml);
    return CheckStage.load(dir, f.toString());
  }

  private static Report report() throws Exception {
    return ReportJson.read(Recorded.text("fleet/devvm-a.json"));
  }

  private static HealthVerdict verdict(Report r, Profile p, boolean strict) {
    return HealthVerdict.of(decision(r, p, strict));
  }

  private static HealthDecision decision(Report r, Profile p, boolean strict) {
    var results = Evaluator.evaluate(p, r);
    return HealthDecision.of(r.withChecks(results, Evaluator.summarize(results)), p, strict);
  }

  @Test
  void passingChecksAreOneOkLineAndExitZero() throws Exception {
    Profile p = profile("checks:\n  - id: some-memory\n    title: t\n    severity: fail\n    expect:\n      host.memory.totalBytes: \">= 1GiB\"\n");
    HealthDecision d = decision(report(), p, false);
    assertEquals(HealthDecision.Kind.OK, d.kind());
    assertEquals(new HealthDecision.Cause.Passed(1, 0, p.name()), d.cause());
    assertNull(d.drainCheck());
    assertEquals(HealthVerdict.OK, HealthVerdict.of(d).exitCode());
  }

  @Test
  void aFailingFactCheckIsAProblemThatDrainsWithItsId() throws Exception {
    Profile p = profile("checks:\n  - id: petabyte-memory\n    title: t\n    severity: fail\n    expect:\n      host.memory.totalBytes: \">= 1024TiB\"\n");
    HealthDecision d = decision(report(), p, false);
    assertEquals(HealthDecision.Kind.PROBLEM, d.kind());
    assertEquals("petabyte-memory", ((HealthDecision.Cause.Failed) d.cause()).check());
    assertEquals(0, ((HealthDecision.Cause.Failed) d.cause()).more());
    assertEquals("petabyte-memory", d.drainCheck());
    HealthVerdict v = HealthVerdict.of(d);
    assertEquals(HealthVerdict.PROBLEM, v.exitCode());
    assertEquals(1, v.line().lines().count(), "one line");
    assertEquals("envdoctor: petabyte-memory", v.drainMessage());
  }

  @Test
  void aFailingTimingCheckIsAProblemButNeverDrains() throws Exception {
    Profile p = profile("checks:\n  - id: fast-cnn\n    title: t\n    severity: fail\n    expect:\n      min(calibrations.samplesPerSecond): \">= 1000000\"\n");
    HealthVerdict v = verdict(report(), p, false);
    assertEquals(HealthVerdict.PROBLEM, v.exitCode());
    assertNull(v.drainCheck(), "timing noise alone never drains a node");
  }

  @Test
  void aWarningPassesUnlessStrict() throws Exception {
    Profile p = profile("checks:\n  - id: petabyte-memory\n    title: t\n    severity: warn\n    expect:\n      host.memory.totalBytes: \">= 1024TiB\"\n");
    assertEquals(HealthVerdict.OK, verdict(report(), p, false).exitCode());
    assertEquals(new HealthDecision.Cause.Passed(0, 1, p.name()), decision(report(), p, false).cause());
    HealthVerdict strict = verdict(report(), p, true);
    assertEquals(HealthVerdict.PROBLEM, strict.exitCode());
    assertNull(strict.drainCheck(), "a warning never drains");
  }

  @Test
  void aFailedStageIsUnknown() throws Exception {
    Profile p = profile("checks:\n  - id: some-memory\n    title: t\n    severity: fail\n    expect:\n      host.memory.totalBytes: \">= 1GiB\"\n");
    Report broken = report().plusStage(new StageRun("probe", StageStatus.FAILED, 3, "boom"));
    assertEquals(new HealthDecision(HealthDecision.Kind.UNKNOWN, new HealthDecision.Cause.StageFailed("probe", "boom"), null),
        HealthDecision.of(broken, p, false));
    HealthVerdict v = HealthVerdict.of(broken, p, false);
    assertEquals(HealthVerdict.UNKNOWN, v.exitCode());
    assertEquals("envdoctor health UNKNOWN: stage probe: boom", v.line());
  }
}
