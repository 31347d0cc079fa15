package dev.envdoctor.health;

import dev.envdoctor.check.CheckStage;
import dev.envdoctor.check.eval.Evaluator;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.ReportJson;
import dev.envdoctor.model.StageRun;
import dev.envdoctor.model.StageStatus;
import dev.envdoctor.model.Summary;
import dev.envdoctor.probe.Recorded;
import dev.envdoctor.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * health's answer (exit code, line, drain) on the dev VM's real fleet node report for the profiles of
 * HealthVerdictTest and a few more, one case a block (golden/health/verdicts.txt). Regenerate with
 * -Dgolden.update=true ({@link Golden}).
 */
class HealthGoldenTest {

  @TempDir
  Path dir;

  private static final String MEMORY = "checks:\n  - id: %s\n    title: t\n    severity: %s\n    expect:\n      host.memory.totalBytes: \"%s\"\n";

  private Profile profile(String name, String yaml) throws Exception {
    Path f = dir.resolve(name + ".yaml");
    Files.writeString(f, yaml);
    return CheckStage.load(dir, f.toString());
  }

  private static String block(String name, HealthVerdict v) {
    return "# " + name + "\n" + v.exitCode() + " | " + v.line() + " | " + v.drainCheck() + " | " + v.drainMessage() + "\n";
  }

  private static HealthVerdict verdict(Report r, Profile p, boolean strict) {
    var results = Evaluator.evaluate(p, r);
    return HealthVerdict.of(r.withChecks(results, Evaluator.summarize(results)), p, strict);
  }

  @Test
  void theAnswersReadAsBefore() throws Exception {
    Report r = ReportJson.read(Recorded.text("fleet/devvm-a.json"));
    Profile pass = profile("pass", String.format(MEMORY, "some-memory", "fail", ">= 1GiB"));
    Profile fail = profile("fail", String.format(MEMORY, "petabyte-memory", "fail", ">= 1024TiB"));
    Profile warn = profile("warn", String.format(MEMORY, "petabyte-memory", "warn", ">= 1024TiB"));
    Profile timing = profile("timing", "checks:\n  - id: fast-cnn\n    title: t\n    severity: fail\n    expect:\n"
        + "      min(calibrations.samplesPerSecond): \">= 1000000\"\n");
    Profile two = profile("two", String.format(MEMORY, "petabyte-memory", "fail", ">= 1024TiB")
        + "  - id: fast-cnn\n    title: t\n    severity: fail\n    expect:\n      min(calibrations.samplesPerSecond): \">= 1000000\"\n");
    CheckResult broke = new CheckResult("cuda-driver", "CUDA driver", "fail", CheckStatus.ERROR,
        "could not evaluate: java.lang.ClassCastException", null, "host.gpus[*].driverVersion >= 535", null);
    Report errored = r.withChecks(List.of(broke, broke), new Summary(0, 0, 0, 0, 2));
    String out = block("a passing fact", verdict(r, pass, false))
        + block("a failing fact", verdict(r, fail, false))
        + block("a warning", verdict(r, warn, false))
        + block("a warning, strict", verdict(r, warn, true))
        + block("a failing timing", verdict(r, timing, false))
        + block("a failing timing and a failing fact", verdict(r, two, false))
        + block("two checks that could not be evaluated", HealthVerdict.of(errored, pass, false))
        + block("a failed stage", HealthVerdict.of(r.plusStage(new StageRun("probe", StageStatus.FAILED, 3, "boom")), pass, false))
        + block("unknown", HealthVerdict.unknown("could not read\n  the profile"));
    Golden.assertMatches("health/verdicts.txt", out);
  }
}
