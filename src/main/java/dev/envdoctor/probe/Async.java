package dev.envdoctor.probe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a probe part on its own daemon thread. Not the common pool: on a 2-core machine it has one
 * worker, and the slow shell-outs (system_profiler, nvidia-smi) would queue behind each other.
 */
public final class Async {

  private static final Executor THREAD_PER_TASK = r -> {
    Thread t = new Thread(r, "envdoctor-probe");
    t.setDaemon(true);
    t.start();
  };

  private Async() {}

  public static <T> CompletableFuture<T> run(Supplier<T> what) {
    return CompletableFuture.supplyAsync(what, THREAD_PER_TASK);
  }
}
