package dev.envdoctor.worker;

import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real death of the worker process, on purpose ({@code --fault}), so that the parent's
 * containment is tested against what really happens: a signal from the kernel's point of view, a
 * JVM that ends itself, a heap that runs out, a process that never answers, stdout that is not
 * the protocol.
 */
public enum Fault {
  /** The process receives SIGSEGV (sent by kill: the JVM's handler reports a fatal error and aborts). */
  SEGV,
  /** The process receives SIGABRT, as from a native abort(). */
  ABORT,
  /** Sleeps until killed. */
  HANG,
  /** Allocates Java heap until none is left (-XX:+ExitOnOutOfMemoryError ends the JVM). */
  OOM,
  /** Prints something that is not the protocol on stdout and exits 0. */
  GARBAGE,
  /** Ends the JVM at once with exit code 42, no output. */
  EXIT;

  /** Does it. Returns only for faults that leave the process alive long enough to (not) answer. */
  public void inflict(CommandRunner runner, PrintStream stdout) {
    switch (this) {
      case SEGV -> signalSelf(runner, "SEGV");
      case ABORT -> signalSelf(runner, "ABRT");
      case HANG -> sleepForever();
      case OOM -> exhaustHeap();
      case GARBAGE -> {
        stdout.println("Segmentation fault? No: this is not JSON, on purpose (--fault garbage).");
        stdout.flush();
        Runtime.getRuntime().halt(0);
      }
      case EXIT -> Runtime.getRuntime().halt(42);
    }
  }

  private static void signalSelf(CommandRunner runner, String signal) {
    String pid = Long.toString(ProcessHandle.current().pid());
    // the shell's builtin kill exists in every image, /bin/kill (procps) not in a minimal one
    runner.run(CommandSpec.of(Duration.ofSeconds(10), "sh", "-c", "kill -s " + signal + " \"$1\"", "sh", pid));
    sleepForever(); // the signal arrives asynchronously; never go on to answer
  }

  private static void sleepForever() {
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @SuppressWarnings("MismatchedQueryAndUpdateOfCollection")
  private static void exhaustHeap() {
    List<long[]> hog = new ArrayList<>();
    while (true) {
      hog.add(new long[2 << 20]); // 16 MiB at a time
    }
  }
}
