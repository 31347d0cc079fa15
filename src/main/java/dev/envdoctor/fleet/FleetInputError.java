package dev.envdoctor.fleet;

/** A fleet file or folder a user named that cannot be used: one line, bad input (exit 2) at the command. */
public final class FleetInputError extends RuntimeException {

  public FleetInputError(String message) {
    super(message, null, false, false);
  }
}
