package dev.envdoctor.calibrate;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.calibrate.contention.ProcStat;
import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.protocol.BurstLine;
import dev.envdoctor.protocol.GateLines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Lets every side start at once and calibrate one at a time, then take turns in bursts. Each side
 * (native DJL, the Python backend, each container runtime) registers before its child starts; the
 * child verifies, then waits at the gate (prints {@link GateLines#SIGNAL}, reads a line on stdin). Only
 * when every registered side is waiting or finished does the first in registration order get its
 * turn, and the next only when that one is back or finished: no calibration shares the CPU with
 * another child's start-up or another calibration. That first turn is round 0 (warm-up included).
 * A child started with {@link BurstPlan#OPTION} comes back after each turn with its burst
 * ({@link BurstLine}); then rounds follow, every bursting side once per round in a shuffled order,
 * until every pair of sides is decisive ({@link Decision}) or the {@link BurstPlan} runs out; the
 * answer is then {@link GateLines#END}. A side that comes back to the gate after its END (it has the job's
 * network to calibrate for the projection, which it does after its bursts) gets one more turn,
 * alone. A side whose child died simply finishes. One gate per run.
 */
public final class CalibrationGate {

  private final List<String> order = new ArrayList<>();
  private final Set<String> waiting = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  /** Bursting sides told {@link GateLines#END}: one that comes back to the gate wants its turn for the projection. */
  private final Set<String> ended = new HashSet<>();
  private final Map<String, BurstLog> logs = new LinkedHashMap<>();
  private final BurstPlan plan;
  private final CpuMeter meter;
  private final Random shuffle;
  private String holder;
  private boolean registering = true;
  private boolean over;
  private int round;
  private final List<String> queue = new ArrayList<>();
  private long roundsStarted;
  private Map<Long, ProcStat.Proc> processesBefore;
  private List<String> topOthers = List.of();
  private Integer hostCpus;
  /** Each projection turn from its "go" to its side's finish, and what contended with it once over. */
  private final ProjectionTurns projections = new ProjectionTurns();

  /** The one-at-a-time gate, no bursts. */
  public CalibrationGate() {
    this(BurstPlan.NONE, CpuMeter.NONE, 0);
  }

  public CalibrationGate(BurstPlan plan, CpuMeter meter, long seed) {
    this.plan = plan;
    this.meter = meter;
    this.shuffle = new Random(seed);
  }

  public BurstPlan plan() {
    return plan;
  }

  /** How long a side waits at the gate for a side that never gets there (hung in its start-up): half its time limit. */
  public static Duration patience(Duration timeout) {
    return timeout.dividedBy(2);
  }

  /**
   * The answers on a child's stdin ({@code CommandSpec.withStdinReplies}): to its {@link GateLines#SIGNAL},
   * {@link GateLines#GO} once it is {@code side}'s turn (or its patience ran out), {@link GateLines#END} once the
   * bursts are over; nothing once the side has ended.
   */
  public Function<String, String> answers(String side, Duration timeout) {
    return line -> {
      if (!line.strip().startsWith(GateLines.SIGNAL)) {
        return null;
      }
      back(side, BurstLine.parse(line));
      return next(side, patience(timeout));
    };
  }

  /** Back at the gate with {@code line}, then the answer to its wait (temporary seam for Turns). */
  String nextAfter(String side, BurstLine line, Duration max) {
    back(side, line);
    return next(side, max);
  }

  public synchronized void register(String side) {
    if (!order.contains(side)) {
      order.add(side);
      logs.put(side, new BurstLog());
    }
  }

  /** Every side that will come has registered: the gate may open. */
  public synchronized void allRegistered() {
    registering = false;
    notifyAll();
  }

  /** {@code side}'s child is back at the gate: its turn, if it held one, has ended with {@code line}. */
  synchronized void back(String side, BurstLine line) {
    register(side);
    logs.get(side).end(line, meter.sample());
    if (side.equals(holder)) {
      holder = null;
      queue.remove(side);
    }
    notifyAll();
  }

  /**
   * Blocks until {@code side} may go. True: its turn (it holds the gate until it is back or
   * finished); also true when {@code max} passed, so a stuck side never hangs the others for good.
   * False: the side finished meanwhile.
   */
  public synchronized boolean awaitTurn(String side, Duration max) {
    String answer = next(side, max);
    return answer != null;
  }

  private synchronized String next(String side, Duration max) {
    register(side);
    waiting.add(side);
    notifyAll();
    long end = System.nanoTime() + max.toNanos();
    while (!finished.contains(side)) {
      if (ended.contains(side)) {
        // back after its bursts for the turn of its projection calibrations: alone, like round 0 (a
        // side that is done may still be ending meanwhile: waiting for a container's teardown cost
        // doctor a second, and the projection's warm-up steps take that time anyway)
        if (holder == null) {
          holder = side;
          waiting.remove(side);
          projections.begin(side, meter);
          return GateLines.GO;
        }
      } else if (!registering && holder == null && everyoneReady()) {
        if (logs.get(side).bursting() && (over || !advance())) {
          ended.add(side);
          return GateLines.END;
        }
        if (side.equals(nextSide())) {
          holder = side;
          waiting.remove(side);
          logs.get(side).begin(meter.sample(), round, position(side));
          return GateLines.GO;
        }
      }
      long left = end - System.nanoTime();
      if (left <= 0) {
        if (logs.get(side).bursting() && !ended.contains(side)) {
          ended.add(side);
          return GateLines.END;
        }
        return GateLines.GO;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return finished.contains(side) ? null : GateLines.END;
      }
    }
    return null;
  }

  /** The side's child has ended (done, failed, killed or never started): the next may go. */
  public synchronized void finish(String side) {
    register(side);
    projections.end(side, meter, BurstLog.containerIds(logs.values()));
    finished.add(side);
    waiting.remove(side);
    queue.remove(side);
    if (side.equals(holder)) {
      holder = null;
    }
    notifyAll();
  }

  /** Round 0: registration order, sides that have not had their first turn. Later rounds: the round's queue. */
  private String nextSide() {
    if (round == 0) {
      return order.stream().filter(s -> waiting.contains(s) && !finished.contains(s) && !logs.get(s).bursting())
          .findFirst().orElse(null);
    }
    return queue.isEmpty() ? null : queue.get(0);
  }

  private int position(String side) {
    return round == 0 ? 0 : plannedRound.indexOf(side);
  }

  private List<String> plannedRound = List.of();

  /**
   * Moves to the next round when the current one is done; false when the bursts are over (the
   * pairs are decisive, the plan is spent, or fewer than two sides burst).
   */
  private boolean advance() {
    boolean roundZeroLeft = round == 0 && order.stream().anyMatch(s -> !finished.contains(s) && !logs.get(s).bursting());
    if (roundZeroLeft || !queue.isEmpty()) {
      return true;
    }
    List<String> bursting = order.stream().filter(s -> !finished.contains(s) && logs.get(s).bursting()).toList();
    if (round == 0) {
      roundsStarted = System.nanoTime();
      processesBefore = meter.processes();
    }
    double seconds = (System.nanoTime() - roundsStarted) / 1e9;
    // two rounds at least, whatever the seconds: a paired interval needs two pairs
    if (bursting.size() < 2 || round >= plan.maxRounds() || (round >= 2 && seconds >= plan.maxSeconds())
        || (round >= plan.minRounds() && BurstStop.decisive(bursting, logs))) {
      close(seconds);
      return false;
    }
    round++;
    List<String> next = new ArrayList<>(bursting);
    Collections.shuffle(next, shuffle);
    queue.addAll(next);
    plannedRound = List.copyOf(next);
    return true;
  }

  private void close(double seconds) {
    over = true;
    CpuMeter.Sample s = meter.sample();
    hostCpus = s.cpus();
    var others = processesBefore == null || seconds <= 0 ? null : meter.othersSince(processesBefore, BurstLog.containerIds(logs.values()), seconds);
    topOthers = others == null ? List.of() : others.top();
    notifyAll();
  }

  private boolean everyoneReady() {
    return order.stream().allMatch(s -> waiting.contains(s) || finished.contains(s) || s.equals(holder));
  }

  /** What the gate saw of each side, for the report (see {@link BurstRecords}). */
  public synchronized BurstRecords records() {
    return BurstRecords.of(logs, topOthers, hostCpus, projections);
  }
}
