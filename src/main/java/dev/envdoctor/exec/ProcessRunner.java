package dev.envdoctor.exec;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a real child process: argv, {@code LC_ALL=C}, stdout and stderr drained concurrently (so a
 * chatty child never blocks on a full pipe), output capped, and on timeout the whole process tree
 * killed. A missing program is reported as {@link CommandResult.Status#NOT_FOUND}, not thrown.
 */
public final class ProcessRunner implements CommandRunner {

  /** Most bytes kept of each stream: enough for any report, bounded for a runaway child. */
  static final int MAX_CAPTURE = 8 << 20;

  @Override
  public CommandResult run(CommandSpec spec) {
    long start = System.nanoTime();
    if (!onPath(spec.program())) {
      return new CommandResult(spec, CommandResult.Status.NOT_FOUND, -1, "", "", 0);
    }
    ProcessBuilder pb = new ProcessBuilder(spec.argv());
    Map<String, String> env = pb.environment();
    env.put("LC_ALL", "C");
    env.putAll(spec.env());
    if (spec.workDir() != null) {
      pb.directory(spec.workDir().toFile());
    }
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      return new CommandResult(spec, CommandResult.Status.NOT_FOUND, -1, "", e.getMessage(), millisSince(start));
    }
    ChildProcesses.register(process);
    Conversation talk = spec.dialog() == null ? null : new Conversation(process);
    Thread feeder = null;
    try {
      CompletableFuture<String> out = drain(process.getInputStream(), talk == null ? spec.stdoutLines()
          : talk.alongside(spec.stdoutLines()));
      if (talk != null) {
        out.whenComplete((text, e) -> talk.ended());
      }
      CompletableFuture<String> err = drain(process.getErrorStream(), spec.stderrLines());
      feeder = feed(process, spec, talk);
      boolean finished = waitFor(process, spec);
      if (!finished && spec.stop() != null && spec.stop().isDone()) {
        killTree(process);
        return new CommandResult(spec, CommandResult.Status.STOPPED, -1, out.join(), err.join(), millisSince(start));
      }
      if (!finished) {
        killTree(process);
        return new CommandResult(spec, CommandResult.Status.TIMED_OUT, -1, out.join(), err.join(), millisSince(start));
      }
      int code = process.exitValue();
      String stdout = out.join();
      String stderr = err.join();
      CommandResult.Status status = code == 0 ? CommandResult.Status.OK
          : code > 128 && code < 160 ? CommandResult.Status.SIGNALLED
          : CommandResult.Status.FAILED;
      return new CommandResult(spec, status, code, stdout, stderr, millisSince(start));
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      return new CommandResult(spec, CommandResult.Status.TIMED_OUT, -1, "", "interrupted", millisSince(start));
    } finally {
      joinFeeder(feeder);
      if (talk != null) {
        talk.close();
      }
      ChildProcesses.unregister(process);
    }
  }

  /** Whether the child ended by itself within its timeout (false also when the stop signal came first). */
  private static boolean waitFor(Process process, CommandSpec spec) throws InterruptedException {
    if (spec.stop() == null) {
      return process.waitFor(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    try {
      CompletableFuture.anyOf(process.onExit(), spec.stop()).get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // the timeout (or a failed stop signal) decides below
    }
    return !process.isAlive();
  }

  /** Kills the child and every descendant: a worker that started a JVM or a container client too. */
  public static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Writes the child's stdin, then starts the dialog, on a thread of its own: a stdin larger than a
   * pipe buffer (64 KiB on Linux; the Python side's script is larger) blocks its writer until the
   * child reads it, and a child that never does must still end at its timeout.
   */
  private static Thread feed(Process process, CommandSpec spec, Conversation talk) {
    Thread feeder = new Thread(() -> {
      writeStdin(process, spec.stdin(), talk == null);
      if (talk != null) {
        talk.start(spec.dialog());
      }
    }, "envdoctor-stdin");
    feeder.setDaemon(true);
    feeder.start();
    return feeder;
  }

  /** The child has ended or was killed: its stdin's writer fails or finishes now; waits for it a little. */
  private static void joinFeeder(Thread feeder) {
    if (feeder == null) {
      return;
    }
    try {
      feeder.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void writeStdin(Process process, String stdin, boolean close) {
    OutputStream in = process.getOutputStream();
    try {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
        in.flush();
      }
      if (close) {
        in.close();
      }
    } catch (IOException ignored) {
      // the child closed its stdin early; what it printed still tells the story
    }
  }

  private static CompletableFuture<String> drain(InputStream stream, Consumer<String> lines) {
    return CompletableFuture.supplyAsync(() -> {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      try (stream) {
        int n;
        while ((n = stream.read(chunk)) > 0) {
          if (buf.size() < MAX_CAPTURE) {
            buf.write(chunk, 0, Math.min(n, MAX_CAPTURE - buf.size()));
          }
          if (lines != null) {
            feedLines(chunk, n, line, lines);
          }
        }
      } catch (IOException e) {
        // stream closed because the process was killed: keep what was read
      }
      return buf.toString(StandardCharsets.UTF_8);
    }, DaemonPool.INSTANCE);
  }

  private static void feedLines(byte[] chunk, int n, ByteArrayOutputStream line, Consumer<String> lines) {
    for (int i = 0; i < n; i++) {
      if (chunk[i] == '\n') {
        lines.accept(line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else {
        line.write(chunk[i]);
      }
    }
  }

  /** True when the program is a path that exists or a name found on PATH. */
  public static boolean onPath(String program) {
    if (program.contains(File.separator)) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

}
