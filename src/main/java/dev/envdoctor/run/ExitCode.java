package dev.envdoctor.run;

/** The exit codes of DESIGN.md, the one place they are defined. */
public final class ExitCode {

  /** No failed check (warnings alone, unless --strict). */
  public static final int OK = 0;
  /** At least one failed check (or a warning under --strict). */
  public static final int CHECK_FAILED = 1;
  /** Bad usage or bad input, such as an unknown option or a malformed check file. */
  public static final int USAGE = 2;
  /** The tool itself failed. */
  public static final int TOOL_FAILED = 3;
  /**
   * The machine refused what envdoctor needed and no one's input was wrong: no space left for a
   * file, a read-only folder, a missing permission. The fix is in the environment.
   */
  public static final int ENVIRONMENT = 4;
  /** Interrupted (Ctrl-C, SIGINT): 128 + 2, as shells report it. */
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
