package dev.envdoctor.model;

/** {@code race.sides[].status}: how the side's runs ended (not-run: the other side failed first). */
public enum RaceStatus implements Word {
  OK, FAILED, TIMED_OUT, NOT_RUN;

  @Override
  public String toString() {
    return wire();
  }
}
