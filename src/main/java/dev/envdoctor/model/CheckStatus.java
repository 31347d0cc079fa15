package dev.envdoctor.model;

/** {@code checks[].status}: how one check went, written as its lower-case name; in the order the console lists them (worst first). */
public enum CheckStatus implements Word {
  FAIL, ERROR, WARN, PASS, SKIP;

  @Override
  public String toString() {
    return wire();
  }
}
