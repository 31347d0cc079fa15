package dev.envdoctor.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What must not outlive the doctor: running children and the clean-up actions (such as removing a
 * container) registered while they run. One shutdown hook, installed on first use, kills and
 * cleans on Ctrl-C or SIGTERM.
 */
public final class ChildProcesses {

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final Set<Runnable> CLEANUPS = ConcurrentHashMap.newKeySet();

  static {
    java.lang.Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::cleanUpAll, "envdoctor-cleanup"));
  }

  private ChildProcesses() {}

  static void register(Process p) {
    RUNNING.add(p);
  }

  static void unregister(Process p) {
    RUNNING.remove(p);
  }

  /** Registers an action to run on abnormal exit; remove it with {@link #forget} once done. */
  public static void onExit(Runnable cleanup) {
    CLEANUPS.add(cleanup);
  }

  public static void forget(Runnable cleanup) {
    CLEANUPS.remove(cleanup);
  }

  static void cleanUpAll() {
    List<Process> procs = new ArrayList<>(RUNNING);
    procs.forEach(p -> {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    });
    new ArrayList<>(CLEANUPS).forEach(c -> {
      try {
        c.run();
      } catch (RuntimeException ignored) {
        // best effort while the JVM goes down
      }
    });
  }
}
