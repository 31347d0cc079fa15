package dev.envdoctor.model;

/**
 * Which stack trained on a side: the JVM's DJL PyTorch engine or the user's Python torch
 * ({@code devices[].backend}, {@code calibrations[].backend}, {@code peaks[].backend}, the
 * recommendation's). The interconnect's {@code backend} (nccl, gloo) is another thing: a string.
 */
public enum Backend implements Word {
  DJL, PYTHON;

  @Override
  public String toString() {
    return wire();
  }

  /** The backend written {@code text}; null for null; an unknown word is an error. */
  public static Backend parse(String text) {
    return Word.parse(Backend.class, text);
  }

  /** The word as the report writes it; null for none. */
  public static String text(Backend backend) {
    return backend == null ? null : backend.wire();
  }
}
