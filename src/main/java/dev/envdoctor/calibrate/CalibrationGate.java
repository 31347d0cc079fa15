package dev.envdoctor.calibrate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lets every side start at once and calibrate one at a time. Each side (native DJL, the Python
 * backend, each container runtime) registers before its child starts; the child verifies, then
 * waits at the gate. Only when every registered side is waiting or finished does the first in
 * registration order get its turn, and the next only when that one has finished: no calibration
 * shares the CPU with another child's start-up or with another calibration. A side whose child
 * died before reaching the gate simply finishes. One gate per run.
 */
public final class CalibrationGate {

  /** The worker's and the Python script's option to wait at the gate. */
  public static final String OPTION = "--gate";
  /** The stderr line of a child that has verified and waits for its turn (a line on its stdin). */
  public static final String SIGNAL = "@envdoctor gate";

  private final List<String> order = new ArrayList<>();
  private final Set<String> waiting = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  private String holder;
  private boolean registering = true;

  /**
   * How long a side waits at the gate for a side that never gets there (hung in its start-up):
   * half its own time limit, so it still calibrates (sharing the CPU, in that broken case) and
   * finishes before it is killed.
   */
  public static Duration patience(Duration timeout) {
    return timeout.dividedBy(2);
  }

  /**
   * The answers on a child's stdin ({@code CommandSpec.withStdinReplies}): to its {@link #SIGNAL},
   * "go" once it is {@code side}'s turn (or its patience ran out); nothing once the side has ended.
   */
  public java.util.function.Function<String, String> answers(String side, Duration timeout) {
    return line -> SIGNAL.equals(line.strip()) && awaitTurn(side, patience(timeout)) ? "go" : null;
  }

  /** A side's name at the gate: runtime/backend (native/djl, docker/djl, native/python). */
  public static String side(String runtime, String backend) {
    return runtime + "/" + backend;
  }

  public synchronized void register(String side) {
    if (!order.contains(side)) {
      order.add(side);
    }
  }

  /**
   * Every side that will come has registered: the gate may open. Until then nobody calibrates, so
   * a fast side cannot start before a slower one has even been launched.
   */
  public synchronized void allRegistered() {
    registering = false;
    notifyAll();
  }

  /**
   * Blocks until {@code side} may calibrate. True: its turn (it holds the gate until
   * {@link #finish}); also true when {@code max} passed, so a stuck side never hangs the others for
   * good (its timings may then share the CPU). False: the side finished meanwhile, nothing waits.
   */
  public synchronized boolean awaitTurn(String side, Duration max) {
    register(side);
    waiting.add(side);
    notifyAll();
    long end = System.nanoTime() + max.toNanos();
    while (!finished.contains(side)) {
      if (!registering && holder == null && everyoneReady() && side.equals(next())) {
        holder = side;
        return true;
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !finished.contains(side);
      }
    }
    return false;
  }

  /** The side's child has ended (done, failed, killed or never started): the next may go. */
  public synchronized void finish(String side) {
    register(side);
    finished.add(side);
    waiting.remove(side);
    if (side.equals(holder)) {
      holder = null;
    }
    notifyAll();
  }

  private boolean everyoneReady() {
    return order.stream().allMatch(s -> waiting.contains(s) || finished.contains(s));
  }

  private String next() {
    return order.stream().filter(s -> waiting.contains(s) && !finished.contains(s)).findFirst().orElse(null);
  }
}
