package dev.envdoctor.health;

import dev.envdoctor.check.model.Check;
import dev.envdoctor.check.model.Expectation;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.CheckStatus;
import dev.envdoctor.model.Report;
import java.util.List;
import java.util.Optional;

/**
 * What {@code envdoctor health} decided about a node, before any words ({@link HealthVerdict} says
 * it): OK, a problem, or unknown, why, and the check to drain the node for. A failing check drains
 * only when it reads facts, not timings alone: a check over calibrations, peaks or the
 * recommendation measures a noisy machine and never drains a node.
 *
 * @param kind       the answer
 * @param cause      why
 * @param drainCheck the id of the check to drain the node for; null when none
 */
public record HealthDecision(Kind kind, Cause cause, String drainCheck) {

  public enum Kind {
    OK(HealthVerdict.OK), PROBLEM(HealthVerdict.PROBLEM), UNKNOWN(HealthVerdict.UNKNOWN);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    /** The node-problem-detector custom-plugin code: 0 OK, 1 a problem, 2 unknown. */
    public int exitCode() {
      return exitCode;
    }
  }

  public sealed interface Cause {
    /** every check passed or warned (warnings pass unless --strict) */
    record Passed(long passed, long warned, String profile) implements Cause {}

    /** {@code check} failed (or warned, under --strict); {@code more} other checks did too */
    record Failed(String check, String message, int more) implements Cause {}

    /** a stage of the run failed or was refused: the checks did not see the whole node */
    record StageFailed(String stage, String error) implements Cause {}

    /** only checks that could not be evaluated: never OK, never a drain */
    record NotEvaluated(String check, String message, int more) implements Cause {}

    /** health could not run at all ({@code why}: the error) */
    record Error(String why) implements Cause {}
  }

  public static HealthDecision of(Report r, Profile profile, boolean strict) {
    Optional<Cause> failedStage = r.stages().stream().filter(s -> s.failed() || s.refused())
        .map(s -> (Cause) new Cause.StageFailed(s.name(), s.error())).findFirst();
    if (failedStage.isPresent()) {
      return new HealthDecision(Kind.UNKNOWN, failedStage.get(), null);
    }
    List<CheckResult> bad = r.checks().stream().filter(c -> c.fails(strict)).toList();
    if (bad.isEmpty()) {
      long passed = r.checks().stream().filter(c -> c.status() == CheckStatus.PASS).count();
      long warned = r.checks().stream().filter(c -> c.status() == CheckStatus.WARN).count();
      return new HealthDecision(Kind.OK, new Cause.Passed(passed, warned, profile.name()), null);
    }
    CheckResult first = bad.get(0);
    if (bad.stream().noneMatch(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN)) {
      return new HealthDecision(Kind.UNKNOWN, new Cause.NotEvaluated(first.id(), first.message(), bad.size() - 1), null);
    }
    String drain = bad.stream().filter(c -> c.status() == CheckStatus.FAIL && !timingOnly(profile, c.id()))
        .map(CheckResult::id).findFirst().orElse(null);
    return new HealthDecision(Kind.PROBLEM, new Cause.Failed(first.id(), first.message(), bad.size() - 1), drain);
  }

  public static HealthDecision unknown(String why) {
    return new HealthDecision(Kind.UNKNOWN, new Cause.Error(why), null);
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
}
