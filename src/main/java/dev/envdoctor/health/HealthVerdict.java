package dev.envdoctor.health;

import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.run.Words;
import dev.envdoctor.check.model.Check;
import dev.envdoctor.check.model.Expectation;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.Report;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code envdoctor health} answers a scheduler, as a pure function of the report and the
 * profile: the exit code and one line in the node-problem-detector custom-plugin contract (0 OK,
 * 1 a problem, 2 unknown) that Slurm's HealthCheckProgram also fits, and the check to drain the node
 * for. A failing check drains only when it reads facts, not timings alone: a check over
 * calibrations, peaks or the recommendation measures a noisy machine and never drains a node.
 */
public record HealthVerdict(int exitCode, String line, String drainCheck, String drainMessage) {

  public static final int OK = 0;
  public static final int PROBLEM = 1;
  public static final int UNKNOWN = 2;

  /** The one-line answer's prefix: NPD shows the whole line as the condition's message. */
  public static final String PREFIX = "envdoctor health";

  public static HealthVerdict of(Report r, Profile profile, boolean strict) {
    Optional<String> failedStage = r.stages().stream().filter(s -> s.failed() || s.refused())
        .map(s -> s.name() + ": " + s.error()).findFirst();
    if (failedStage.isPresent()) {
      return unknown("stage " + failedStage.get());
    }
    List<CheckResult> bad = r.checks().stream().filter(c -> c.fails(strict)).toList();
    long passed = r.checks().stream().filter(c -> c.status() == CheckStatus.PASS).count();
    long warned = r.checks().stream().filter(c -> c.status() == CheckStatus.WARN).count();
    if (bad.isEmpty()) {
      return new HealthVerdict(OK, String.format(Locale.ROOT, "%s OK: %s passed, %s (profile %s)",
          PREFIX, Words.count(passed, "check"), Words.count(warned, "warning"), profile.name()), null, null);
    }
    if (bad.stream().noneMatch(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN)) {
      // only checks that could not be evaluated: the plugin contract's "unknown", never OK, never a drain
      CheckResult e = bad.get(0);
      return unknown("check " + e.id() + " could not be evaluated: " + oneLine(e.message())
          + (bad.size() > 1 ? " (+" + (bad.size() - 1) + " more)" : ""));
    }
    CheckResult first = bad.get(0);
    String drain = bad.stream().filter(c -> c.status() == CheckStatus.FAIL && !timingOnly(profile, c.id()))
        .map(CheckResult::id).findFirst().orElse(null);
    String more = bad.size() > 1 ? " (+" + (bad.size() - 1) + " more)" : "";
    return new HealthVerdict(PROBLEM, PREFIX + " PROBLEM: " + first.id() + ": " + oneLine(first.message()) + more,
        drain, drain == null ? null : "envdoctor: " + drain);
  }

  public static HealthVerdict unknown(String why) {
    return new HealthVerdict(UNKNOWN, PREFIX + " UNKNOWN: " + oneLine(why), null, null);
  }

  /** Whether every expectation of the check reads timings (calibrations, peaks, the recommendation). */
  static boolean timingOnly(Profile profile, String id) {
    Check check = profile.checks().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    if (check == null || check.expect().isEmpty()) {
      return false;
    }
    for (Expectation e : check.expect()) {
      String p = e.describe();
      if (!(p.contains("calibrations") || p.contains("peaks") || p.contains("recommendation"))) {
        return false;
      }
    }
    return true;
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
