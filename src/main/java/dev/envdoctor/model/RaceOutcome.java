package dev.envdoctor.model;

/** {@code race.decision}: which side the race found faster, at parity, undecided, or that a side failed. */
public enum RaceOutcome implements Word {
  NATIVE_FASTER, CONTAINER_FASTER, PARITY, UNDECIDED, FAILED;

  @Override
  public String toString() {
    return wire();
  }
}
