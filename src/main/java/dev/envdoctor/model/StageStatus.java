package dev.envdoctor.model;

/**
 * {@code stages[].status}: ok, failed, skipped, or refused (the machine refused what the stage
 * needed: no space, read-only, no permission).
 */
public enum StageStatus implements Word {
  OK, FAILED, SKIPPED, REFUSED;

  @Override
  public String toString() {
    return wire();
  }
}
