package dev.envdoctor.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One shell-out: an argv list (never a shell string), a timeout that kills, extra environment
 * variables, an optional working directory and standard input, and an optional listener that sees
 * each stderr line as it arrives (for progress).
 */
public record CommandSpec(
    List<String> argv,
    Duration timeout,
    Map<String, String> env,
    Path workDir,
    String stdin,
    Consumer<String> stderrLines) {

  public CommandSpec {
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("empty argv");
    }
  }

  public static CommandSpec of(Duration timeout, String... argv) {
    return new CommandSpec(List.of(argv), timeout, Map.of(), null, null, null);
  }

  public static CommandSpec of(Duration timeout, List<String> argv) {
    return new CommandSpec(argv, timeout, Map.of(), null, null, null);
  }

  public CommandSpec withEnv(Map<String, String> more) {
    return new CommandSpec(argv, timeout, more, workDir, stdin, stderrLines);
  }

  public CommandSpec withWorkDir(Path dir) {
    return new CommandSpec(argv, timeout, env, dir, stdin, stderrLines);
  }

  public CommandSpec withStdin(String input) {
    return new CommandSpec(argv, timeout, env, workDir, input, stderrLines);
  }

  public CommandSpec withStderrListener(Consumer<String> listener) {
    return new CommandSpec(argv, timeout, env, workDir, stdin, listener);
  }

  public String program() {
    return argv.get(0);
  }
}
