package dev.envdoctor.health;

import dev.envdoctor.check.model.Profile;
import dev.envdoctor.health.HealthDecision.Cause;
import dev.envdoctor.model.Report;
import dev.envdoctor.run.Words;
import java.util.Locale;

/**
 * What {@code envdoctor health} answers a scheduler, as a pure function of the report and the
 * profile: the exit code and one line in the node-problem-detector custom-plugin contract (0 OK,
 * 1 a problem, 2 unknown) that Slurm's HealthCheckProgram also fits, and the check to drain the node
 * for. {@link HealthDecision} decides; this is its words.
 */
public record HealthVerdict(int exitCode, String line, String drainCheck, String drainMessage) {

  public static final int OK = 0;
  public static final int PROBLEM = 1;
  public static final int UNKNOWN = 2;

  /** The one-line answer's prefix: NPD shows the whole line as the condition's message. */
  public static final String PREFIX = "envdoctor health";

  public static HealthVerdict of(Report r, Profile profile, boolean strict) {
    return of(HealthDecision.of(r, profile, strict));
  }

  public static HealthVerdict unknown(String why) {
    return of(HealthDecision.unknown(why));
  }

  /** The decision in words. */
  public static HealthVerdict of(HealthDecision d) {
    String drain = d.drainCheck();
    return new HealthVerdict(d.kind().exitCode(), PREFIX + " " + d.kind() + ": " + words(d.cause()), drain,
        drain == null ? null : "envdoctor: " + drain);
  }

  private static String words(Cause cause) {
    if (cause instanceof Cause.Passed c) {
      return String.format(Locale.ROOT, "%s passed, %s (profile %s)", Words.count(c.passed(), "check"),
          Words.count(c.warned(), "warning"), c.profile());
    }
    if (cause instanceof Cause.Failed c) {
      return c.check() + ": " + oneLine(c.message()) + more(c.more());
    }
    if (cause instanceof Cause.StageFailed c) {
      return oneLine("stage " + c.stage() + ": " + c.error());
    }
    if (cause instanceof Cause.NotEvaluated c) {
      return oneLine("check " + c.check() + " could not be evaluated: " + oneLine(c.message()) + more(c.more()));
    }
    return oneLine(((Cause.Error) cause).why());
  }

  private static String more(int more) {
    return more > 0 ? " (+" + more + " more)" : "";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
