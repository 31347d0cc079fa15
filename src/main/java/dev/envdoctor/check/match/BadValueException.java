package dev.envdoctor.check.match;

/** A value in a check that cannot be read (a bad unit, a non-version); the loader adds the location. */
public final class BadValueException extends Exception {

  public BadValueException(String message) {
    super(message, null, false, false);
  }
}
