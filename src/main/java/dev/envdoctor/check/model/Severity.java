package dev.envdoctor.check.model;

import java.util.Locale;

/** What a check that does not hold means: fail (exit 1), warn (exit 0 unless --strict), info (noted). */
public enum Severity {
  FAIL, WARN, INFO;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
