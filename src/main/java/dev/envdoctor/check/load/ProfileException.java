package dev.envdoctor.check.load;

/**
 * The loader's one error type: a profile that cannot be used, with the place it went wrong. Its
 * message is the whole user-facing line, {@code file:line:column: message}; only a profile that
 * is nowhere to be found has no location.
 */
public final class ProfileException extends RuntimeException {

  private final transient Location location;
  private final String reason;

  public ProfileException(Location location, String reason) {
    super(location == null ? reason : location + ": " + reason, null, false, false);
    this.location = location;
    this.reason = reason;
  }

  public Location location() {
    return location;
  }

  /** The message without its location. */
  public String reason() {
    return reason;
  }
}
