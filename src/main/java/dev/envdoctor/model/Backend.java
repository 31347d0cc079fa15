package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which stack trained on a side: the JVM's DJL PyTorch engine or the user's Python torch
 * ({@code devices[].backend}, {@code calibrations[].backend}, {@code peaks[].backend}, the
 * recommendation's). The interconnect's {@code backend} (nccl, gloo) is another thing: a string.
 */
public enum Backend {
  DJL, PYTHON;

  @JsonValue
  public String wire() {
    return Wire.of(this);
  }

  @Override
  public String toString() {
    return wire();
  }

  /** The word as the report writes it; null for none. */
  public static String text(Backend backend) {
    return backend == null ? null : backend.wire();
  }

  @JsonCreator
  public static Backend parse(String text) {
    return Wire.parse(Backend.class, text);
  }
}
