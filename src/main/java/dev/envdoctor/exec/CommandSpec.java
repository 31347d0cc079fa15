package dev.envdoctor.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One shell-out: an argv list (never a shell string), a timeout that kills, extra environment
 * variables, an optional working directory and standard input, an optional listener that sees
 * each stderr line as it arrives (for progress), and optional answers on stdin to stderr lines; for
 * a command whose output is timed (race), a listener for each stdout line and a signal to stop it.
 */
public record CommandSpec(
    List<String> argv,
    Duration timeout,
    Map<String, String> env,
    Path workDir,
    String stdin,
    Consumer<String> stderrLines,
    Function<String, String> stdinReplies,
    Consumer<String> stdoutLines,
    CompletableFuture<?> stop) {

  public CommandSpec {
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty argv");
    }
  }

  public static CommandSpec of(Duration timeout, String... argv) {
    return new CommandSpec(List.of(argv), timeout, Map.of(), null, null, null, null, null, null);
  }

  public static CommandSpec of(Duration timeout, List<String> argv) {
    return new CommandSpec(argv, timeout, Map.of(), null, null, null, null, null, null);
  }

  public CommandSpec withEnv(Map<String, String> more) {
    return new CommandSpec(argv, timeout, more, workDir, stdin, stderrLines, stdinReplies, stdoutLines, stop);
  }

  public CommandSpec withWorkDir(Path dir) {
    return new CommandSpec(argv, timeout, env, dir, stdin, stderrLines, stdinReplies, stdoutLines, stop);
  }

  public CommandSpec withStdin(String input) {
    return new CommandSpec(argv, timeout, env, workDir, input, stderrLines, stdinReplies, stdoutLines, stop);
  }

  public CommandSpec withStderrListener(Consumer<String> listener) {
    return new CommandSpec(argv, timeout, env, workDir, stdin, listener, stdinReplies, stdoutLines, stop);
  }

  /**
   * Keeps the child's stdin open and answers on it: each stderr line is given to {@code replies}
   * (on a thread of its own, so it may wait), and a non-null answer is written as one line. The
   * worker's calibration gate uses it; stdin is closed when the child ends.
   */
  public CommandSpec withStdinReplies(Function<String, String> replies) {
    return new CommandSpec(argv, timeout, env, workDir, stdin, stderrLines, replies, stdoutLines, stop);
  }

  /** Each stdout line as it arrives (still captured whole as well). */
  public CommandSpec withStdoutListener(Consumer<String> listener) {
    return new CommandSpec(argv, timeout, env, workDir, stdin, stderrLines, stdinReplies, listener, stop);
  }

  /**
   * Ends the child (its whole process tree) once {@code signal} completes, before its timeout: the
   * result's status is then {@link CommandResult.Status#STOPPED}.
   */
  public CommandSpec withStop(CompletableFuture<?> signal) {
    return new CommandSpec(argv, timeout, env, workDir, stdin, stderrLines, stdinReplies, stdoutLines, signal);
  }

  public String program() {
    return argv.get(0);
  }
}
