package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code checks[].status}: how one check went, written as its lower-case name; in the order the console lists them (worst first). */
public enum CheckStatus {
  FAIL, ERROR, WARN, PASS, SKIP;

  @JsonValue
  public String wire() {
    return Wire.of(this);
  }

  @Override
  public String toString() {
    return wire();
  }

  @JsonCreator
  public static CheckStatus parse(String text) {
    return Wire.parse(CheckStatus.class, text);
  }
}
