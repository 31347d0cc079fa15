package dev.envdoctor.run;

/**
 * How a run fails on purpose: one line for the user (with the fix in it) and an exit code. The
 * command line's single handler prints the line; no stack trace reaches the user. Stages throw it
 * without knowing how the line is printed.
 */
public class RunFailure extends RuntimeException {

  private final int status;

  public RunFailure(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The user's input is wrong (an option, a file they named): exit 2. */
  public static RunFailure badInput(String message) {
    return new RunFailure(ExitCode.USAGE, message);
  }

  /** The machine refused (no space, read-only, no permission): exit 4. */
  public static RunFailure badEnvironment(String message) {
    return new RunFailure(ExitCode.ENVIRONMENT, message);
  }

  /** envdoctor itself cannot go on (a missing part of its own install): exit 3. */
  public static RunFailure toolFailed(String message) {
    return new RunFailure(ExitCode.TOOL_FAILED, message);
  }

  public int status() {
    return status;
  }
}
