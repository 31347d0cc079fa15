package dev.envdoctor.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Threads that drain child output; daemons, so a stuck stream never keeps the doctor alive. */
final class DaemonPool {

  static final ExecutorService INSTANCE = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "envdoctor-io");
    t.setDaemon(true);
    return t;
  });

  private DaemonPool() {}
}
