package dev.envdoctor.model;

/** {@code checks[]}: status pass|warn|fail|skip|error; expected/actual as the check saw them. */
public record CheckResult(
    String id,
    String title,
    String severity,
    CheckStatus status,
    String message,
    String fix,
    String expected,
    String actual) {

  /** The check found the machine wrong, or could not be evaluated: either fails a run. */
  public boolean failed() {
    return status == CheckStatus.FAIL || status == CheckStatus.ERROR;
  }

  /** Failed, or a warning where warnings count ({@code --strict}). */
  public boolean fails(boolean strict) {
    return failed() || strict && status == CheckStatus.WARN;
  }
}
