package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** {@code runtimes[].status}: whether envdoctor could use a container runtime, and if not, why. */
public enum RuntimeStatus {
  OK, NOT_INSTALLED, UNREACHABLE, PERMISSION_DENIED, ERROR;

  @JsonValue
  public String wire() {
    return Wire.of(this);
  }

  @Override
  public String toString() {
    return wire();
  }

  @JsonCreator
  public static RuntimeStatus parse(String text) {
    return Wire.parse(RuntimeStatus.class, text);
  }
}
