package dev.envdoctor.cli;

/**
 * How a command fails on purpose: one line for the user (with the fix in it) and an exit code. The
 * single handler in {@link CliFactory} prints the line; no stack trace reaches the user.
 */
public class ExitException extends RuntimeException {

  private final int status;

  public ExitException(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static ExitException badInput(String message) {
    return new ExitException(ExitCode.USAGE, message);
  }

  public static ExitException toolFailed(String message) {
    return new ExitException(ExitCode.TOOL_FAILED, message);
  }

  public int status() {
    return status;
  }
}
