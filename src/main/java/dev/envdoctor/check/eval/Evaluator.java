package dev.envdoctor.check.eval;

import dev.envdoctor.model.CheckStatus;

import dev.envdoctor.check.model.Check;
import dev.envdoctor.check.model.Expectation;
import dev.envdoctor.check.model.Profile;
import dev.envdoctor.check.model.Severity;
import dev.envdoctor.model.CheckResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a profile on a report: a pure function from both to {@code checks[]}. Like a Spring
 * health indicator, a check never throws: whatever goes wrong inside one becomes its status
 * "error" with the reason, and the others still run.
 */
public final class Evaluator {

  private Evaluator() {}

  public static List<CheckResult> evaluate(Profile profile, Report report) {
    List<CheckResult> out = new ArrayList<>();
    for (Check c : profile.checks()) {
      out.add(evaluate(c, report));
    }
    return out;
  }

  public static CheckResult evaluate(Check c, Report report) {
    String expected = String.join("; ", c.expect().stream().map(Expectation::describe).toList());
    try {
      Optional<String> skip = Conditions.unmet(c.when(), report);
      if (skip.isPresent()) {
        return result(c, CheckStatus.SKIP, "skipped: " + skip.get(), expected, null);
      }
      List<String> actual = new ArrayList<>();
      List<String> failed = new ArrayList<>();
      List<String> seen = new ArrayList<>();
      boolean unmeasured = false;
      for (Expectation e : c.expect()) {
        Reading r = ExpectationEvaluator.evaluate(e, report);
        actual.add(e.path() + " = " + r.actual());
        (r.holds() ? seen : failed).add(r.message());
        unmeasured |= !r.holds() && r.unknown();
      }
      String actualText = String.join("; ", actual);
      if (failed.isEmpty()) {
        return result(c, CheckStatus.PASS, String.join("; ", seen), expected, actualText);
      }
      if (c.severity() == Severity.INFO && unmeasured) {
        // an info check never fails, but one whose fact was not measured was not evaluated: never "passed"
        return result(c, CheckStatus.SKIP, "not evaluated: " + String.join("; ", failed), expected, actualText);
      }
      CheckStatus status = switch (c.severity()) {
        case FAIL -> CheckStatus.FAIL;
        case WARN -> CheckStatus.WARN;
        case INFO -> CheckStatus.PASS;
      };
      String message = (c.severity() == Severity.INFO ? "noted: " : "") + String.join("; ", failed);
      return result(c, status, message, expected, actualText);
    } catch (RuntimeException e) {
      return result(c, CheckStatus.ERROR, "could not evaluate: " + e, expected, null);
    }
  }

  private static CheckResult result(Check c, CheckStatus status, String message, String expected, String actual) {
    String fix = status == CheckStatus.FAIL || status == CheckStatus.WARN ? c.fix() : null;
    return new CheckResult(c.id(), c.title(), c.severity().word(), status, message, fix, expected, actual);
  }

  public static Summary summarize(List<CheckResult> results) {
    int[] n = new int[CheckStatus.values().length];
    for (CheckResult r : results) {
      n[r.status().ordinal()]++;
    }
    return new Summary(n[CheckStatus.PASS.ordinal()], n[CheckStatus.WARN.ordinal()], n[CheckStatus.FAIL.ordinal()],
        n[CheckStatus.SKIP.ordinal()], n[CheckStatus.ERROR.ordinal()]);
  }
}
