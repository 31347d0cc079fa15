package dev.envdoctor.check.path;

/** A fact path that does not parse or names no field of the model; the loader adds the location. */
public final class BadPathException extends Exception {

  public BadPathException(String message) {
    super(message, null, false, false);
  }
}
