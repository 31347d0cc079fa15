package dev.envdoctor.flow;

import dev.envdoctor.calibrate.Turns;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** The threads prefetched stages run their children on (daemons: they never keep the JVM up). */
public final class Background {

  private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "envdoctor-side");
    t.setDaemon(true);
    return t;
  });

  private Background() {}

  private static <T> CompletableFuture<T> start(Supplier<T> work) {
    return CompletableFuture.supplyAsync(work, THREADS);
  }

  /**
   * One side's child, started now: registered at the gate (when there is one) before it starts, and
   * finished there whatever happens to it, so no other side waits for it in vain.
   */
  public static <T> CompletableFuture<T> startSide(Turns gate, String side, Supplier<T> work) {
    if (gate != null) {
      gate.register(side);
    }
    return start(() -> {
      try {
        return work.get();
      } finally {
        if (gate != null) {
          gate.finish(side);
        }
      }
    });
  }

  /** The result, with a failure rethrown as itself (the pipeline records the stage as failed). */
  public static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
