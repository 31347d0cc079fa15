package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code race.sides[].status}: how the side's runs ended (not-run: the other side failed first). */
public enum RaceStatus {
  OK, FAILED, TIMED_OUT, NOT_RUN;

  @JsonValue
  public String wire() {
    return Wire.of(this);
  }

  @Override
  public String toString() {
    return wire();
  }

  @JsonCreator
  public static RaceStatus parse(String text) {
    return Wire.parse(RaceStatus.class, text);
  }
}
