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
public record CommandSpec(List<String> argv, Duration timeout, Map<String, String> env, Path workDir, Io io) {

  /** What flows to and from the child besides its captured output; each part optional. */
  public record Io(
      String stdin,
      Consumer<String> stderrLines,
      Function<String, String> stdinReplies,
      Consumer<String> stdoutLines,
      CompletableFuture<?> stop) {

    static final Io NONE = new Io(null, null, null, null, null);
  }

  public CommandSpec {
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
    io = io == null ? Io.NONE : io;
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty argv");
    }
  }

  public static CommandSpec of(Duration timeout, String... argv) {
    return of(timeout, List.of(argv));
  }

  public static CommandSpec of(Duration timeout, List<String> argv) {
    return new CommandSpec(argv, timeout, Map.of(), null, Io.NONE);
  }

  public CommandSpec withEnv(Map<String, String> more) {
    return new CommandSpec(argv, timeout, more, workDir, io);
  }

  public CommandSpec withWorkDir(Path dir) {
    return new CommandSpec(argv, timeout, env, dir, io);
  }

  public CommandSpec withStdin(String input) {
    return withIo(new Io(input, io.stderrLines(), io.stdinReplies(), io.stdoutLines(), io.stop()));
  }

  public CommandSpec withStderrListener(Consumer<String> listener) {
    return withIo(new Io(io.stdin(), listener, io.stdinReplies(), io.stdoutLines(), io.stop()));
  }

  /**
   * Keeps the child's stdin open and answers on it: each stderr line is given to {@code replies}
   * (on a thread of its own, so it may wait), and a non-null answer is written as one line. The
   * worker's calibration gate uses it; stdin is closed when the child ends.
   */
  public CommandSpec withStdinReplies(Function<String, String> replies) {
    return withIo(new Io(io.stdin(), io.stderrLines(), replies, io.stdoutLines(), io.stop()));
  }

  /** Each stdout line as it arrives (still captured whole as well). */
  public CommandSpec withStdoutListener(Consumer<String> listener) {
    return withIo(new Io(io.stdin(), io.stderrLines(), io.stdinReplies(), listener, io.stop()));
  }

  /**
   * Ends the child (its whole process tree) once {@code signal} completes, before its timeout: the
   * result's status is then {@link CommandResult.Status#STOPPED}.
   */
  public CommandSpec withStop(CompletableFuture<?> signal) {
    return withIo(new Io(io.stdin(), io.stderrLines(), io.stdinReplies(), io.stdoutLines(), signal));
  }

  private CommandSpec withIo(Io changed) {
    return new CommandSpec(argv, timeout, env, workDir, changed);
  }

  public String stdin() {
    return io.stdin();
  }

  public Consumer<String> stderrLines() {
    return io.stderrLines();
  }

  public Function<String, String> stdinReplies() {
    return io.stdinReplies();
  }

  public Consumer<String> stdoutLines() {
    return io.stdoutLines();
  }

  public CompletableFuture<?> stop() {
    return io.stop();
  }

  public String program() {
    return argv.get(0);
  }
}
