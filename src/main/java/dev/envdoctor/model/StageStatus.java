package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code stages[].status}: ok, failed, skipped, or refused (the machine refused what the stage
 * needed: no space, read-only, no permission).
 */
public enum StageStatus {
  OK, FAILED, SKIPPED, REFUSED;

  @JsonValue
  public String wire() {
    return Wire.of(this);
  }

  @Override
  public String toString() {
    return wire();
  }

  @JsonCreator
  public static StageStatus parse(String text) {
    return Wire.parse(StageStatus.class, text);
  }
}
