package dev.envdoctor.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One shell-out: an argv list (never a shell string), a timeout that kills, extra environment
 * variables, an optional working directory and standard input, an optional listener that sees
 * each stderr line as it arrives (for progress), and optional conversation on stdin and stdout; for
 * a command whose output is timed (race), a listener for each stdout line and a signal to stop it.
 */
public record CommandSpec(List<String> argv, Duration timeout, Map<String, String> env, Path workDir, Io io) {

  /** What flows to and from the child besides its captured output; each part optional. */
  public record Io(
      String stdin,
      Consumer<String> stderrLines,
      Consumer<Dialog> dialog,
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
    return withIo(new Io(input, io.stderrLines(), io.dialog(), io.stdoutLines(), io.stop()));
  }

  public CommandSpec withStderrListener(Consumer<String> listener) {
    return withIo(new Io(io.stdin(), listener, io.dialog(), io.stdoutLines(), io.stop()));
  }

  /**
   * Keeps the child's stdin open (after {@link #withStdin}'s text, if any) and holds a conversation
   * with it ({@link Dialog}) on a thread of its own while it lives; stdin is closed when the
   * conversation returns or the child ends. The sides of docs/side-protocol.md are run so.
   */
  public CommandSpec withDialog(Consumer<Dialog> conversation) {
    return withIo(new Io(io.stdin(), io.stderrLines(), conversation, io.stdoutLines(), io.stop()));
  }

  /** Each stdout line as it arrives (still captured whole as well). */
  public CommandSpec withStdoutListener(Consumer<String> listener) {
    return withIo(new Io(io.stdin(), io.stderrLines(), io.dialog(), listener, io.stop()));
  }

  /**
   * Ends the child (its whole process tree) once {@code signal} completes, before its timeout: the
   * result's status is then {@link CommandResult.Status#STOPPED}.
   */
  public CommandSpec withStop(CompletableFuture<?> signal) {
    return withIo(new Io(io.stdin(), io.stderrLines(), io.dialog(), io.stdoutLines(), signal));
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

  public Consumer<Dialog> dialog() {
    return io.dialog();
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
