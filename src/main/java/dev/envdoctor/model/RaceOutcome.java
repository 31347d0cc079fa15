package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code race.decision}: which side the race found faster, at parity, undecided, or that a side failed. */
public enum RaceOutcome {
  NATIVE_FASTER, CONTAINER_FASTER, PARITY, UNDECIDED, FAILED;

  @JsonValue
  public String wire() {
    return Wire.of(this);
  }

  @Override
  public String toString() {
    return wire();
  }

  @JsonCreator
  public static RaceOutcome parse(String text) {
    return Wire.parse(RaceOutcome.class, text);
  }
}
