package dev.envdoctor.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** health's answer as a pure function of a report (the dev VM's real fleet node report) and a profile. */
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
    var results = Evaluator.evaluate(p, r);
    return HealthVerdict.of(r.withChecks(results, Evaluator.summarize(results)), p, strict);
  }

  @Test
  void passingChecksAreOneOkLineAndExitZero() throws Exception {
    Profile p = profile("checks:\n  - id: some-memory\n    title: t\n    severity: fail\n    expect:\n      host.memory.totalBytes: \">= 1GiB\"\n");
    HealthVerdict v = verdict(report(), p, false);
    assertEquals(HealthVerdict.OK, v.exitCode());
    assertTrue(v.line().startsWith("envdoctor health OK: 1 check passed, 0 warnings"), v.line());
    assertNull(v.drainCheck());
  }

  @Test
  void aFailingFactCheckIsAProblemThatDrainsWithItsId() throws Exception {
    Profile p = profile("checks:\n  - id: petabyte-memory\n    title: t\n    severity: fail\n    expect:\n      host.memory.totalBytes: \">= 1024TiB\"\n");
    HealthVerdict v = verdict(report(), p, false);
    assertEquals(HealthVerdict.PROBLEM, v.exitCode());
    assertTrue(v.line().startsWith("envdoctor health PROBLEM: petabyte-memory: "), v.line());
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
    assertTrue(verdict(report(), p, false).line().startsWith("envdoctor health OK: 0 checks passed, 1 warning "),
        verdict(report(), p, false).line());
    HealthVerdict strict = verdict(report(), p, true);
    assertEquals(HealthVerdict.PROBLEM, strict.exitCode());
    assertNull(strict.drainCheck(), "a warning never drains");
  }

  @Test
  void aFailedStageIsUnknown() throws Exception {
    Profile p = profile("checks:\n  - id: some-memory\n    title: t\n    severity: fail\n    expect:\n      host.memory.totalBytes: \">= 1GiB\"\n");
    Report broken = report().plusStage(new StageRun("probe", StageStatus.FAILED, 3, "boom"));
    HealthVerdict v = HealthVerdict.of(broken, p, false);
    assertEquals(HealthVerdict.UNKNOWN, v.exitCode());
    assertEquals("envdoctor health UNKNOWN: stage probe: boom", v.line());
  }
}
