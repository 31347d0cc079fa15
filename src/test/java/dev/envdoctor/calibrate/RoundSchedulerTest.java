package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.RoundScheduler.Decision;
import dev.envdoctor.calibrate.RoundScheduler.Kind;
import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.model.Burst;
import dev.envdoctor.protocol.BurstLine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The schedule alone, event by event: no thread, no clock, so what must not happen yet is asserted
 * as a decision (WAIT), not as the absence of something after a pause.
 */
class RoundSchedulerTest {

  private static RoundScheduler open(BurstPlan plan, long seed, String... sides) {
    RoundScheduler s = new RoundScheduler(plan, seed);
    for (String side : sides) {
      s.register(side);
    }
    s.allRegistered();
    return s;
  }

  private static Kind decide(RoundScheduler s, String side) {
    return s.decide(side, 0).kind();
  }

  @Test
  void nobodyGoesWhileSidesMayStillRegister() {
    RoundScheduler s = new RoundScheduler(BurstPlan.NONE, 0);
    s.register("native/djl");
    s.arrive("native/djl");
    assertEquals(Kind.WAIT, decide(s, "native/djl"), "the containers have not registered yet");
    s.register("docker/djl");
    s.allRegistered();
    assertEquals(Kind.WAIT, decide(s, "native/djl"), "docker is registered and still starting");
    s.finish("docker/djl");
    assertEquals(Kind.GO, decide(s, "native/djl"));
  }

  @Test
  void nobodyCalibratesWhileAnotherSideIsStillStartingThenOneAtATimeInOrder() {
    RoundScheduler s = open(BurstPlan.NONE, 0, "native/djl", "docker/djl");
    // docker arrives first, but native is registered first: docker waits for native to arrive and go
    s.arrive("docker/djl");
    assertEquals(Kind.WAIT, decide(s, "docker/djl"), "native is still starting: nobody calibrates");
    s.arrive("native/djl");
    assertEquals(Kind.WAIT, decide(s, "docker/djl"), "native is first in registration order");
    Decision n = s.decide("native/djl", 0);
    assertEquals(new Decision(Kind.GO, 0, 0, false, false), n);
    assertEquals(Kind.WAIT, decide(s, "docker/djl"), "docker waits while native holds the gate");
    s.finish("native/djl");
    assertEquals(Kind.GO, decide(s, "docker/djl"));
  }

  @Test
  void aSideBackWithAPlainLineIsStillFirstInRoundZero() {
    RoundScheduler s = open(BurstPlan.NONE, 0, "native/djl", "docker/djl");
    s.arrive("native/djl");
    s.arrive("docker/djl");
    assertEquals(Kind.GO, decide(s, "native/djl"));
    assertEquals(Kind.WAIT, decide(s, "docker/djl"));
    s.back("native/djl", null, null);
    s.arrive("native/djl");
    assertTrue(s.logs().values().stream().noneMatch(BurstLog::bursting), "a plain line is no burst");
    // round 0 goes by registration order among the sides that have not burst: native again
    assertEquals(Kind.WAIT, decide(s, "docker/djl"));
    assertEquals(Kind.GO, decide(s, "native/djl"));
    s.finish("native/djl");
    assertEquals(Kind.GO, decide(s, "docker/djl"));
  }

  @Test
  void aSideThatDiedBeforeTheGateDoesNotHoldTheOthers() {
    RoundScheduler s = open(BurstPlan.NONE, 0, "native/python", "podman/djl");
    s.finish("native/python"); // its child crashed while importing torch
    s.arrive("podman/djl");
    assertEquals(Kind.GO, decide(s, "podman/djl"));
  }

  @Test
  void aFinishedSideGetsNoTurn() {
    RoundScheduler s = new RoundScheduler(BurstPlan.NONE, 0);
    s.register("docker/djl");
    s.finish("docker/djl");
    s.arrive("docker/djl");
    assertEquals(Kind.FINISHED, decide(s, "docker/djl"));
  }

  @Test
  void aSideThatFinishesWhileWaitingIsFinished() {
    RoundScheduler s = open(BurstPlan.NONE, 0, "native/djl", "docker/djl");
    s.arrive("docker/djl");
    assertEquals(Kind.WAIT, decide(s, "docker/djl"));
    s.finish("docker/djl"); // killed by its time limit while it waited
    assertEquals(Kind.FINISHED, decide(s, "docker/djl"));
    assertEquals(Kind.FINISHED, s.interrupted("docker/djl"));
    s.arrive("native/djl");
    assertEquals(Kind.GO, decide(s, "native/djl"), "and it holds nobody up");
  }

  @Test
  void pastItsDeadlineASideGoesOrItsBurstsEnd() {
    RoundScheduler s = open(BurstPlan.QUICK, 0, "native/djl", "docker/djl"); // docker never arrives
    s.arrive("native/djl");
    assertEquals(Kind.WAIT, decide(s, "native/djl"));
    assertEquals(Kind.GO, s.timedOut("native/djl"), "a stuck side holds the others only until their deadline");
    s.back("native/djl", line(5.0, 1), sample(0));
    assertEquals(Kind.END, s.timedOut("native/djl"), "a bursting side is ended instead");
    assertEquals(Kind.GO, s.timedOut("native/djl"), "once ended: its projection goes anyway");
    assertEquals(Kind.END, s.interrupted("native/djl"));
  }

  /**
   * Simulated sides, event by event: each comes to the gate; one given its turn reports a burst of
   * {@code stepMs.applyAsDouble(n)} steps for its n-th turn (a side without a step function reports
   * nothing and then ends, as an old child); one whose bursts ended comes back for its projection's
   * turn when {@code project}, else ends.
   */
  private static final class Sim {
    final RoundScheduler s;
    final Map<String, IntToDoubleFunction> sides = new LinkedHashMap<>();
    final List<String> turns = new ArrayList<>();
    final Map<String, Integer> bursts = new LinkedHashMap<>();
    final Set<String> done = new HashSet<>();
    int started;
    int over;
    long nanos;
    double seconds;

    Sim(RoundScheduler s) {
      this.s = s;
    }

    Sim side(String side, IntToDoubleFunction stepMs) {
      sides.put(side, stepMs);
      bursts.put(side, 0);
      return this;
    }

    Sim run(boolean project) {
      sides.keySet().forEach(s::arrive);
      for (boolean progress = true; progress; ) {
        progress = false;
        for (String side : sides.keySet()) {
          if (!done.contains(side)) {
            progress |= step(side, project);
          }
        }
      }
      assertEquals(sides.keySet(), done, "every side ended");
      return this;
    }

    private boolean step(String side, boolean project) {
      Decision d = s.decide(side, seconds);
      started += d.roundsStarted() ? 1 : 0;
      over += d.roundsOver() ? 1 : 0;
      switch (d.kind()) {
        case GO -> {
          s.began(side, sample(nanos));
          turns.add(side);
          nanos += 10_000_000;
          int n = bursts.merge(side, 1, Integer::sum);
          IntToDoubleFunction stepMs = sides.get(side);
          s.back(side, stepMs == null ? null : line(stepMs.applyAsDouble(n), n), sample(nanos));
          if (stepMs == null) {
            s.finish(side);
            done.add(side);
          } else {
            s.arrive(side);
          }
        }
        case END -> {
          if (project) {
            s.arrive(side);
          } else {
            s.finish(side);
            done.add(side);
          }
        }
        case PROJECT -> {
          turns.add(side + ":project");
          s.finish(side);
          done.add(side);
        }
        case FINISHED -> done.add(side);
        case WAIT -> {
          return false;
        }
      }
      return true;
    }

    int bursts(String side) {
      return bursts.get(side);
    }
  }

  private static CpuMeter.Sample sample(long nanos) {
    return new CpuMeter.Sample(nanos, null, null, 0, null);
  }

  private static BurstLine line(double stepMs, int n) {
    return new BurstLine("cpu", "cnn", List.of(stepMs, stepMs * 1.01, stepMs * 0.99), 10.0 * n, null, null, null, null);
  }

  @Test
  void sidesAlternateInShuffledRoundsAndStopOnceDecisive() {
    RoundScheduler s = open(new BurstPlan(0.01, 3, 20, 30), 7, "native/djl", "docker/djl");
    // docker comes to the gate first: round 0 is still in registration order
    Sim sim = new Sim(s).side("docker/djl", n -> 5.0).side("native/djl", n -> 5.0).run(false);
    // identical sides: parity after the minimum of 3 rounds, well before the 20
    assertEquals(1 + 3, sim.bursts("native/djl"), sim.turns.toString());
    assertEquals(1 + 3, sim.bursts("docker/djl"));
    assertEquals(List.of("native/djl", "docker/djl"), sim.turns.subList(0, 2), "round 0 in registration order");
    // later rounds: the bursting sides in registration order, shuffled by the seed's one generator
    Random shuffle = new Random(7);
    List<String> expected = new ArrayList<>(sim.turns.subList(0, 2));
    for (int round = 1; round <= 3; round++) {
      List<String> next = new ArrayList<>(List.of("native/djl", "docker/djl"));
      Collections.shuffle(next, shuffle);
      expected.addAll(next);
    }
    assertEquals(expected, sim.turns);
    assertEquals(3, s.round());
    assertEquals(1, sim.started, "the rounds started once");
    assertEquals(1, sim.over, "and ended once");
    List<Burst> bursts = s.logs().get("docker/djl").bursts();
    assertEquals(List.of(0, 1, 2, 3), bursts.stream().map(Burst::round).toList());
    for (Burst b : bursts.subList(1, 4)) {
      assertEquals(expected.subList(2 * b.round(), 2 * b.round() + 2).indexOf("docker/djl"), b.position().intValue(),
          "its place in the round's planned order");
    }
    assertEquals(5.0, bursts.get(1).medianMs(), 1e-9);
    assertEquals(10.0, bursts.get(1).cpuMs(), 1e-9, "the cumulative CPU counters' difference");
    assertEquals(10.0, bursts.get(1).wallMs(), 1e-9, "from the samples fed in");
  }

  @Test
  void anotherSeedAnotherOrder() {
    List<List<String>> orders = new ArrayList<>();
    for (long seed : new long[] {1, 2, 3, 4}) {
      RoundScheduler s = open(new BurstPlan(0.01, 8, 8, 30), seed, "native/djl", "docker/djl", "podman/djl");
      orders.add(new Sim(s).side("native/djl", n -> 10.0).side("docker/djl", n -> 5.0).side("podman/djl", n -> 5.0)
          .run(false).turns);
    }
    assertTrue(orders.stream().distinct().count() > 1, orders.toString());
    for (List<String> o : orders) {
      for (int i = 3; i < o.size(); i += 3) {
        assertEquals(3, new HashSet<>(o.subList(i, i + 3)).size(), "each round holds every side once: " + o);
      }
    }
  }

  @Test
  void theBudgetEndsRoundsThatCannotDecide() {
    RoundScheduler s = open(new BurstPlan(0.01, 2, 5, 30), 7, "native/djl", "docker/djl");
    // the pairs' ratios alternate 1.0 and 1.1: their interval straddles the band's upper edge, round after round
    Sim sim = new Sim(s).side("native/djl", n -> 5.0).side("docker/djl", n -> n % 2 == 0 ? 5.5 : 5.0).run(false);
    assertEquals(1 + 5, sim.bursts("native/djl"), "the five rounds of the plan: a ratio on the band's edge stays undecided");
    assertEquals(1 + 5, sim.bursts("docker/djl"));
  }

  @Test
  void theSecondsEndTheRoundsOnlyAfterTwoRounds() {
    RoundScheduler s = open(new BurstPlan(0.01, 50, 100, 1.0), 7, "native/djl", "docker/djl");
    Sim sim = new Sim(s).side("native/djl", n -> 5.0).side("docker/djl", n -> n % 2 == 0 ? 5.5 : 5.0);
    sim.seconds = 60; // far past the plan's second from the start: a paired interval still needs two pairs
    sim.run(false);
    assertEquals(1 + 2, sim.bursts("native/djl"));
    assertEquals(1 + 2, sim.bursts("docker/djl"));
  }

  @Test
  void withinTheSecondsTheRoundsGoOn() {
    RoundScheduler s = open(new BurstPlan(0.01, 50, 6, 1.0), 7, "native/djl", "docker/djl");
    Sim sim = new Sim(s).side("native/djl", n -> 5.0).side("docker/djl", n -> 5.0);
    sim.seconds = 0.99;
    sim.run(false);
    assertEquals(1 + 6, sim.bursts("native/djl"), "up to the plan's rounds");
  }

  @Test
  void aSideAloneGetsNoRounds() {
    RoundScheduler s = open(BurstPlan.QUICK, 7, "native/djl");
    Sim sim = new Sim(s).side("native/djl", n -> 5.0).run(false);
    assertEquals(1, sim.bursts("native/djl"));
    assertEquals(1, sim.over, "fewer than two bursting sides: over at once");
    assertEquals(1, sim.started);
  }

  @Test
  void aSideThatDoesNotBurstFinishesAndTheOthersStillTakeTurns() {
    RoundScheduler s = open(new BurstPlan(0.01, 2, 4, 30), 7, "native/djl", "native/python", "docker/djl");
    // native/python is an old-protocol child: one turn, then it prints its document and ends
    Sim sim = new Sim(s).side("native/djl", n -> 5.0).side("native/python", null).side("docker/djl", n -> 5.0)
        .run(false);
    assertEquals(List.of("native/djl", "native/python", "docker/djl"), sim.turns.subList(0, 3));
    assertEquals(1, sim.bursts("native/python"));
    assertTrue(sim.bursts("native/djl") >= 3 && sim.bursts("native/djl") == sim.bursts("docker/djl"),
        sim.bursts.toString());
    assertEquals(2, BurstRecords.of(s.logs(), List.of(), null, new ProjectionTurns()).sides().size(),
        "only the bursting sides have records");
  }

  @Test
  void onlyNativeAgainstContainerPairsMustDecide() {
    RoundScheduler s = open(new BurstPlan(0.01, 3, 20, 30), 7, "native/djl", "docker/djl", "podman/djl");
    // native clearly slower than both; docker against podman alternates 1.0 and 1.1: undecided, but not the verdict's pair
    Sim sim = new Sim(s).side("native/djl", n -> 10.0).side("docker/djl", n -> 5.0)
        .side("podman/djl", k -> k % 2 == 0 ? 5.5 : 5.0).run(false);
    assertEquals(Map.of("native/djl", 1 + 3, "docker/djl", 1 + 3, "podman/djl", 1 + 3), sim.bursts, "stops at the minimum rounds");
  }

  @Test
  void eachProjectionGetsItsOwnTurnAfterTheBursts() {
    RoundScheduler s = open(new BurstPlan(0.01, 3, 6, 30), 7, "native/djl", "native/python", "docker/djl");
    Sim sim = new Sim(s).side("native/djl", n -> 5.0).side("native/python", n -> 5.0).side("docker/djl", n -> 5.0)
        .run(true);
    int first = sim.turns.indexOf(sim.turns.stream().filter(t -> t.endsWith(":project")).findFirst().orElseThrow());
    assertTrue(sim.turns.subList(first, sim.turns.size()).stream().allMatch(t -> t.endsWith(":project")),
        "every burst comes before any projection: " + sim.turns);
    assertEquals(3, sim.turns.size() - first);
  }

  @Test
  void aProjectionTurnIsAlone() {
    RoundScheduler s = open(new BurstPlan(0.01, 1, 1, 30), 7, "native/djl", "docker/djl");
    s.arrive("native/djl");
    s.arrive("docker/djl");
    assertEquals(Kind.GO, decide(s, "native/djl"));
    s.back("native/djl", line(5.0, 1), sample(1));
    s.arrive("native/djl");
    assertEquals(Kind.GO, decide(s, "docker/djl"));
    s.back("docker/djl", line(5.0, 1), sample(2));
    s.arrive("docker/djl");
    // round 1, then the plan is spent
    String first = s.decide("native/djl", 0).kind() == Kind.GO ? "native/djl" : "docker/djl";
    String second = first.equals("native/djl") ? "docker/djl" : "native/djl";
    if (first.equals("docker/djl")) {
      assertEquals(Kind.GO, decide(s, first));
    }
    assertEquals(Kind.WAIT, decide(s, second), "the round's first holds the gate");
    s.back(first, line(5.0, 2), sample(3));
    s.arrive(first);
    assertEquals(Kind.GO, decide(s, second));
    s.back(second, line(5.0, 2), sample(4));
    s.arrive(second);
    Decision end = s.decide(first, 0);
    assertEquals(new Decision(Kind.END, 1, -1, false, true), end, "the plan's one round is done");
    assertTrue(s.over());
    s.arrive(first); // back for its projection
    assertEquals(Kind.PROJECT, decide(s, first), "nobody holds: its projection's turn");
    assertEquals(Kind.WAIT, decide(s, second), "while the first's projection holds the gate");
    s.finish(first);
    assertEquals(Kind.END, decide(s, second), "the other's bursts are over too");
    s.arrive(second);
    assertEquals(Kind.PROJECT, decide(s, second));
    s.back(second, null, null);
    s.arrive(second);
    assertEquals(Kind.PROJECT, decide(s, second), "back with a plain line: one more turn of its own");
  }

  @Test
  void theRoundsStartOnceEveryFirstCalibrationIsDone() {
    RoundScheduler s = open(new BurstPlan(0.01, 2, 4, 30), 7, "native/djl", "docker/djl");
    s.arrive("native/djl");
    s.arrive("docker/djl");
    assertEquals(Kind.GO, decide(s, "native/djl"));
    s.back("native/djl", line(5.0, 1), sample(1));
    s.arrive("native/djl");
    Decision d = s.decide("native/djl", 0);
    assertEquals(new Decision(Kind.WAIT, 0, -1, false, false), d, "docker's first calibration is still to come");
    assertEquals(Kind.GO, decide(s, "docker/djl"));
    s.back("docker/djl", line(5.0, 1), sample(2));
    s.arrive("docker/djl");
    Decision r1 = s.decide("docker/djl", 0);
    assertTrue(r1.roundsStarted(), r1.toString());
    assertNotEquals(Kind.END, r1.kind());
    assertEquals(1, r1.round());
  }
}
