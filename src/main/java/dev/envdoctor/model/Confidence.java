package dev.envdoctor.model;

/**
 * {@code recommendation.confidence}: a clear winner, sides at parity, timings too noisy to tell,
 * one side measured, or no verdict.
 */
public enum Confidence implements Word {
  CLEAR, PARITY, NOISY, ONE_SIDE, NONE;

  @Override
  public String toString() {
    return wire();
  }
}
