package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code recommendation.confidence}: a clear winner, sides at parity, timings too noisy to tell,
 * one side measured, or no verdict.
 */
public enum Confidence {
  CLEAR, PARITY, NOISY, ONE_SIDE, NONE;

  @JsonValue
  public String wire() {
    return Wire.of(this);
  }

  @Override
  public String toString() {
    return wire();
  }

  @JsonCreator
  public static Confidence parse(String text) {
    return Wire.parse(Confidence.class, text);
  }
}
