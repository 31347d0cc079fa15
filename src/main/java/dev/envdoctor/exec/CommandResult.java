package dev.envdoctor.exec;

import java.util.Arrays;
import java.util.List;

/**
 * What a shell-out gave. The status tells apart the cases OSHI's runner folds into one empty list:
 * the program is not there, it ran and failed, it ran past its timeout, it was killed by a signal,
 * or it ran fine.
 */
public record CommandResult(
    CommandSpec spec,
    Status status,
    int exitCode,
    String stdout,
    String stderr,
    long millis) {

  /** STOPPED: ended on the caller's signal (CommandSpec#withStop), not by itself or its timeout. */
  public enum Status { OK, NOT_FOUND, FAILED, TIMED_OUT, SIGNALLED, STOPPED }

  public boolean ok() {
    return status == Status.OK;
  }

  /** The signal that killed the child (exit code 128+n on POSIX), or 0. */
  public int signal() {
    return status == Status.SIGNALLED ? exitCode - 128 : 0;
  }

  public List<String> stdoutLines() {
    return lines(stdout);
  }

  /** The last {@code n} non-blank lines of stderr: what a diagnosis quotes. */
  public List<String> stderrTail(int n) {
    List<String> all = lines(stderr).stream().filter(l -> !l.isBlank()).toList();
    return all.subList(Math.max(0, all.size() - n), all.size());
  }

  /** One line that says what happened, for diagnoses and verbose output. */
  public String describe() {
    String cmd = String.join(" ", spec.argv());
    return switch (status) {
      case OK -> cmd + ": ok";
      case NOT_FOUND -> cmd + ": command not found";
      case TIMED_OUT -> cmd + ": no answer within " + spec.timeout().toSeconds() + " s (killed)";
      case SIGNALLED -> cmd + ": killed by signal " + signal() + " (" + SignalNames.name(signal()) + ")";
      case FAILED -> cmd + ": exit code " + exitCode;
      case STOPPED -> cmd + ": stopped when asked";
    };
  }

  private static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\R"));
  }
}
