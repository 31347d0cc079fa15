package dev.envdoctor.check.eval;

import java.util.Locale;

/** The status of a check result, in the order the console lists them (worst first). */
public enum Status {
  FAIL, ERROR, WARN, PASS, SKIP;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Status of(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
