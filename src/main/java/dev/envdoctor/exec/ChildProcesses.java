package dev.envdoctor.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What must not outlive the doctor: running children and the clean-up actions (such as removing a
 * container) registered while they run. One shutdown hook, installed on first use, kills and
 * cleans on Ctrl-C or SIGTERM, then tells whoever listens what it stopped. This state is static
 * because a signal reaches the whole JVM, not one run.
 */
public final class ChildProcesses {

  /**
   * What the hook stopped and whether it is gone.
   *
   * @param killed     child processes (with their descendants) that were still running
   * @param survivors  pids still alive a moment after the kill
   * @param cleaned    clean-ups that ran: "container envdoctor-3f2a...", "build folder /tmp/..."
   * @param notCleaned clean-ups that threw
   */
  public record Stopped(int killed, List<Long> survivors, List<String> cleaned, List<String> notCleaned) {

    public boolean nothingLeft() {
      return survivors.isEmpty() && notCleaned.isEmpty();
    }
  }

  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
  private static final Map<Runnable, String> CLEANUPS = new ConcurrentHashMap<>();
  private static volatile Consumer<Stopped> listener;
  private static volatile boolean stopping;

  static {
    java.lang.Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::onShutdown, "envdoctor-cleanup"));
  }

  private ChildProcesses() {}

  static void register(Process p) {
    RUNNING.add(p);
  }

  static void unregister(Process p) {
    RUNNING.remove(p);
  }

  /**
   * Registers an action to run on abnormal exit; remove it with {@link #forget} once done.
   *
   * @param what what the action removes, in words: "container envdoctor-3f2a"
   */
  public static void onExit(String what, Runnable cleanup) {
    CLEANUPS.put(cleanup, what);
  }

  public static void forget(Runnable cleanup) {
    CLEANUPS.remove(cleanup);
  }

  /** Who hears, once the hook has cleaned up, what it stopped (the command line prints one line). */
  public static void onShutdown(Consumer<Stopped> l) {
    listener = l;
  }

  /**
   * Whether the JVM is shutting down (a signal, or the normal exit): set before any child is
   * killed, so the run's own thread, which wakes when its child dies, can tell that it was stopped
   * and not finished.
   */
  public static boolean stopping() {
    return stopping;
  }

  private static void onShutdown() {
    stopping = true;
    Stopped s = cleanUpAll();
    Consumer<Stopped> l = listener;
    if (l != null) {
      l.accept(s);
    }
  }

  static Stopped cleanUpAll() {
    List<ProcessHandle> handles = new ArrayList<>();
    for (Process p : new ArrayList<>(RUNNING)) {
      p.descendants().forEach(handles::add);
      handles.add(p.toHandle());
    }
    handles.forEach(ProcessHandle::destroyForcibly);
    List<Long> survivors = new ArrayList<>();
    for (ProcessHandle h : handles) {
      try {
        h.onExit().get(2, TimeUnit.SECONDS);
      } catch (Exception e) {
        if (h.isAlive()) {
          survivors.add(h.pid());
        }
      }
    }
    List<String> cleaned = new ArrayList<>();
    List<String> notCleaned = new ArrayList<>();
    new ArrayList<>(CLEANUPS.entrySet()).forEach(c -> {
      try {
        c.getKey().run();
        cleaned.add(c.getValue());
      } catch (RuntimeException e) {
        notCleaned.add(c.getValue());
      }
    });
    return new Stopped(handles.size(), survivors, cleaned, notCleaned);
  }
}
