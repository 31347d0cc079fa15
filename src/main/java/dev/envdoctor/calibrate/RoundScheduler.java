package dev.envdoctor.calibrate;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.protocol.BurstLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Whose turn it is at the gate, as pure code: no threads, no lock, no clock, no meter, so every
 * schedule can be driven step by step in a test. {@link Turns} feeds it the sides' events and asks
 * it, for a side at the gate, what that side is to do now. Round 0 is the first calibration of
 * each side, one at a time in registration order, and nobody goes before every side is at the gate
 * or finished (no calibration shares the CPU with another child's start-up). After round 0 the
 * bursting sides (those that reported a {@link BurstLine}) take one turn each per round, in a
 * shuffled order, until fewer than two burst, the {@link BurstPlan} runs out or every pair the
 * verdict weighs is decisive ({@link BurstStop}); a bursting side is then told its bursts are over.
 * A side told so that comes back wants a turn for its projection, alone. The seconds since the
 * rounds started and the CPU samples of each burst are measurements the caller feeds in.
 */
final class RoundScheduler {

  /** What a side at the gate is to do now. */
  enum Kind {
    /** A turn of its rounds (round 0 included): it holds the gate until it is back or finished. */
    GO,
    /** Its projection's turn after its bursts, alone: it holds the gate until it is back or finished. */
    PROJECT,
    /** Its bursts are over. */
    END,
    /** Not yet. */
    WAIT,
    /** It finished meanwhile. */
    FINISHED
  }

  /**
   * The answer to a side at the gate. round and position: the turn's (a {@link Kind#GO}), else the
   * current round and -1. roundsStarted: this decision started the rounds after round 0 (the caller
   * starts its clock and its metering of other processes now). roundsOver: this decision ended the
   * rounds (the caller meters what else ran meanwhile).
   */
  record Decision(Kind kind, int round, int position, boolean roundsStarted, boolean roundsOver) {}

  private final BurstPlan plan;
  private final Random shuffle;
  private final List<String> order = new ArrayList<>();
  private final Map<String, BurstLog> logs = new LinkedHashMap<>();
  private final Set<String> waiting = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  /** Bursting sides told their bursts are over: one that comes back wants its projection's turn. */
  private final Set<String> ended = new HashSet<>();
  private final List<String> queue = new ArrayList<>();
  private List<String> plannedRound = List.of();
  private String holder;
  private boolean registering = true;
  private boolean over;
  private int round;

  RoundScheduler(BurstPlan plan, long seed) {
    this.plan = plan;
    this.shuffle = new Random(seed);
  }

  /** {@code side} will come to the gate (a second registration changes nothing). */
  void register(String side) {
    if (!order.contains(side)) {
      order.add(side);
      logs.put(side, new BurstLog());
    }
  }

  /** Every side that will come has registered. */
  void allRegistered() {
    registering = false;
  }

  /**
   * {@code side} is back: its turn, if it held one, ended with {@code line} (null: a plain gate
   * line, which leaves its bursts as they are) at {@code at}.
   */
  void back(String side, BurstLine line, CpuMeter.Sample at) {
    register(side);
    if (line != null) {
      logs.get(side).end(line, at);
    }
    if (side.equals(holder)) {
      holder = null;
      queue.remove(side);
    }
  }

  /** {@code side} waits for its next turn. */
  void arrive(String side) {
    register(side);
    waiting.add(side);
  }

  /** {@code side}'s child has ended (done, failed, killed or never started): it holds nothing any more. */
  void finish(String side) {
    register(side);
    finished.add(side);
    waiting.remove(side);
    queue.remove(side);
    if (side.equals(holder)) {
      holder = null;
    }
  }

  /** The turn {@code side} was just given ({@link Kind#GO}) began at {@code at}. */
  void began(String side, CpuMeter.Sample at) {
    logs.get(side).begin(at, round, position(side));
  }

  /** What {@code side}, at the gate, is to do now; {@code seconds}: since the rounds started (0 before). */
  Decision decide(String side, double seconds) {
    if (finished.contains(side)) {
      return decision(Kind.FINISHED, false, false);
    }
    if (ended.contains(side)) {
      // back after its bursts for the turn of its projection calibrations: alone, like round 0 (a
      // side that is done may still be ending meanwhile: waiting for a container's teardown cost
      // doctor a second, and the projection's warm-up steps take that time anyway)
      if (holder == null) {
        holder = side;
        waiting.remove(side);
        return decision(Kind.PROJECT, false, false);
      }
    } else if (!registering && holder == null && everyoneReady()) {
      boolean wasOver = over;
      boolean started = false;
      if (logs.get(side).bursting() && !over) {
        started = round == 0 && roundZeroDone() && queue.isEmpty();
        advance(started ? 0 : seconds);
      }
      boolean closed = over && !wasOver;
      if (logs.get(side).bursting() && over) {
        ended.add(side);
        return decision(Kind.END, started, closed);
      }
      if (side.equals(nextSide())) {
        holder = side;
        waiting.remove(side);
        return new Decision(Kind.GO, round, position(side), started, closed);
      }
      return decision(Kind.WAIT, started, closed);
    }
    return decision(Kind.WAIT, false, false);
  }

  /** {@code side} waited its longest: it goes anyway, unless it bursts and its bursts are to end (as at the gate). */
  Kind timedOut(String side) {
    if (logs.get(side).bursting() && !ended.contains(side)) {
      ended.add(side);
      return Kind.END;
    }
    return Kind.GO;
  }

  /** {@code side}'s wait was interrupted: it ends, unless it finished. */
  Kind interrupted(String side) {
    return finished.contains(side) ? Kind.FINISHED : Kind.END;
  }

  /** Each side's bursts so far, by side in registration order. */
  Map<String, BurstLog> logs() {
    return Collections.unmodifiableMap(logs);
  }

  int round() {
    return round;
  }

  boolean over() {
    return over;
  }

  private Decision decision(Kind kind, boolean started, boolean closed) {
    return new Decision(kind, round, -1, started, closed);
  }

  private boolean roundZeroDone() {
    return order.stream().noneMatch(s -> !finished.contains(s) && !logs.get(s).bursting());
  }

  /**
   * Moves to the next round when the current one is done, or ends the rounds: the pairs are
   * decisive, the plan is spent, or fewer than two sides burst.
   */
  private void advance(double seconds) {
    if ((round == 0 && !roundZeroDone()) || !queue.isEmpty()) {
      return;
    }
    List<String> bursting = order.stream().filter(s -> !finished.contains(s) && logs.get(s).bursting()).toList();
    // two rounds at least, whatever the seconds: a paired interval needs two pairs
    if (bursting.size() < 2 || round >= plan.maxRounds() || (round >= 2 && seconds >= plan.maxSeconds())
        || (round >= plan.minRounds() && BurstStop.decisive(bursting, logs))) {
      over = true;
      return;
    }
    round++;
    List<String> next = new ArrayList<>(bursting);
    Collections.shuffle(next, shuffle);
    queue.addAll(next);
    plannedRound = List.copyOf(next);
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

  private boolean everyoneReady() {
    return order.stream().allMatch(s -> waiting.contains(s) || finished.contains(s) || s.equals(holder));
  }
}
