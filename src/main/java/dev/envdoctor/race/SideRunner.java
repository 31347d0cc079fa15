package dev.envdoctor.race;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * One run of the user's command on one side: its output into the race's log (never into
 * envdoctor's own output), its wall time to the end or to the first line matching --until (then
 * the run is ended: its process tree, and the container by the caller).
 */
final class SideRunner {

  /** How a run went: its wall time (to the line when it matched), exit code, and its last lines. */
  record Outcome(double seconds, CommandResult.Status status, int exitCode, boolean matched, List<String> lastLines) {

    boolean ok() {
      return matched || status == CommandResult.Status.OK;
    }
  }

  static final int TAIL = 15;

  private final CommandRunner runner;
  private final Writer log;

  SideRunner(CommandRunner runner, Writer log) {
    this.runner = runner;
    this.log = log;
  }

  Outcome run(String label, List<String> argv, Map<String, String> env, java.nio.file.Path workdir,
      java.time.Duration timeout, Pattern until) {
    Deque<String> tail = new ArrayDeque<>();
    CompletableFuture<Long> matchedAt = new CompletableFuture<>();
    write("\n===== " + label + ": " + String.join(" ", argv) + "\n");
    long t0 = System.nanoTime();
    java.util.function.Consumer<String> line = l -> {
      synchronized (tail) {
        tail.addLast(l);
        if (tail.size() > TAIL) {
          tail.removeFirst();
        }
        write(l + "\n");
      }
      if (until != null && !matchedAt.isDone() && until.matcher(l).find()) {
        matchedAt.complete(System.nanoTime());
      }
    };
    CommandSpec spec = CommandSpec.of(timeout, argv).withEnv(env).withStdoutListener(line).withStderrListener(line);
    if (workdir != null) {
      spec = spec.withWorkDir(workdir);
    }
    if (until != null) {
      spec = spec.withStop(matchedAt);
    }
    CommandResult r = runner.run(spec);
    long end = matchedAt.isDone() ? matchedAt.join() : System.nanoTime();
    boolean matched = matchedAt.isDone();
    double seconds = (end - t0) / 1e9;
    write("===== " + label + ": " + (matched ? "matched --until after " : r.describe() + " after ")
        + String.format(java.util.Locale.ROOT, "%.2f s%n", seconds));
    List<String> last;
    synchronized (tail) {
      last = List.copyOf(tail);
    }
    return new Outcome(seconds, r.status(), r.exitCode(), matched, last);
  }

  private void write(String text) {
    try {
      synchronized (log) {
        log.write(text);
        log.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
