package dev.envdoctor.check.eval;

/**
 * What one expectation saw: whether it holds, the value as a person reads it ("23.4 GiB",
 * "unknown", "none found"), and the one-line explanation.
 */
public record Reading(boolean holds, String actual, String message) {

  /** The fact was not measured (null in the report: a tool missing, a probe that timed out). */
  public boolean unknown() {
    return "unknown".equals(actual);
  }
}
