package dev.envdoctor.calibrate;

import dev.envdoctor.protocol.GateLines;
import dev.envdoctor.protocol.BurstLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.model.Burst;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The real gate, driven by simulated children (threads that speak the gate's lines instead of a worker). */
class CalibrationGateBurstsTest {

  private static final Duration LONG = Duration.ofSeconds(30);
  private final List<String> turns = Collections.synchronizedList(new ArrayList<>());

  /** A simulated bursting child: waits at the gate, then reports a burst of {@code stepMs} steps per turn. */
  private CompletableFuture<Integer> child(CalibrationGate gate, String side, double stepMs) {
    return child(gate, side, n -> stepMs);
  }

  /** As above, the step time of the n-th burst (1-based) from {@code stepMs}. */
  private CompletableFuture<Integer> child(CalibrationGate gate, String side,
      java.util.function.IntToDoubleFunction stepOf) {
    Function<String, String> answers = gate.answers(side, LONG);
    return CompletableFuture.supplyAsync(() -> {
      String answer = answers.apply(GateLines.SIGNAL);
      int bursts = 0;
      while (GateLines.GO.equals(answer)) {
        turns.add(side);
        bursts++;
        double stepMs = stepOf.applyAsDouble(bursts);
        String json = dev.envdoctor.protocol.WorkerEvents.json(new BurstLine("cpu", "cnn",
            List.of(stepMs, stepMs * 1.01, stepMs * 0.99), 10.0 * bursts, null, null, null, null));
        answer = answers.apply(GateLines.SIGNAL + " " + json);
      }
      gate.finish(side);
      return bursts;
    });
  }

  /**
   * A simulated child that, after its bursts end, comes back to the gate for its projection turn
   * (a plain gate line), records "side:project" while it holds that turn, then finishes.
   */
  private CompletableFuture<Integer> projectingChild(CalibrationGate gate, String side, double stepMs,
      List<String> log) {
    Function<String, String> answers = gate.answers(side, LONG);
    return CompletableFuture.supplyAsync(() -> {
      String answer = answers.apply(GateLines.SIGNAL);
      int bursts = 0;
      while (GateLines.GO.equals(answer)) {
        bursts++;
        log.add(side);
        String json = dev.envdoctor.protocol.WorkerEvents.json(new BurstLine("cpu", "cnn",
            List.of(stepMs, stepMs * 1.01, stepMs * 0.99), 10.0 * bursts, null, null, null, null));
        answer = answers.apply(GateLines.SIGNAL + " " + json);
      }
      assertEquals(GateLines.END, answer);
      assertEquals(GateLines.GO, answers.apply(GateLines.SIGNAL), "the projection's turn");
      log.add(side + ":project");
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.add(side + ":project-done");
      gate.finish(side);
      return bursts;
    });
  }

  @Test
  void withSimulatedChildrenEachProjectionGetsItsOwnTurnAfterTheBursts() throws Exception {
    CalibrationGate gate = gate(new BurstPlan(0.01, 3, 6, 30), "native/djl", "native/python", "docker/djl");
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    var a = projectingChild(gate, "native/djl", 5.0, log);
    var b = projectingChild(gate, "native/python", 5.0, log);
    var c = projectingChild(gate, "docker/djl", 5.0, log);
    a.get();
    b.get();
    c.get();
    // no projection overlaps a burst or another projection: each ":project" is followed by its own ":project-done"
    for (int i = 0; i < log.size(); i++) {
      if (log.get(i).endsWith(":project")) {
        assertEquals(log.get(i) + "-done", log.get(i + 1), log.toString());
      }
    }
    int firstProjection = log.indexOf(log.stream().filter(e -> e.endsWith(":project")).findFirst().orElseThrow());
    assertTrue(log.subList(firstProjection, log.size()).stream().allMatch(e -> e.contains(":project")),
        "every burst comes before any projection: " + log);
    assertEquals(3, log.stream().filter(e -> e.endsWith(":project")).count());
  }

  /** A gate of {@code plan} with {@code sides} registered and open. */
  private static CalibrationGate gate(BurstPlan plan, String... sides) {
    CalibrationGate gate = new CalibrationGate(plan, CpuMeter.NONE, 7);
    for (String s : sides) {
      gate.register(s);
    }
    gate.allRegistered();
    return gate;
  }

  @Test
  void withSimulatedChildrenSidesAlternateInRoundsAndStopOnceDecisive() throws Exception {
    CalibrationGate gate = gate(new BurstPlan(0.01, 3, 20, 30), "native/djl", "docker/djl");
    CompletableFuture<Integer> a = child(gate, "native/djl", 5.0);
    CompletableFuture<Integer> b = child(gate, "docker/djl", 5.0);
    int na = a.get();
    int nb = b.get();
    assertEquals(na, nb, "every side once per round");
    assertEquals(List.of("native/djl", "docker/djl"), turns.subList(0, 2), "round 0 in registration order");
    for (int i = 2; i < turns.size(); i += 2) {
      assertTrue(!turns.get(i).equals(turns.get(i + 1)), "each round holds both sides: " + turns);
    }
    // identical sides: parity after the minimum of 3 rounds, well before the 20
    assertEquals(1 + 3, na, turns.toString());
    BurstRecords rec = gate.records();
    List<Burst> bursts = rec.sides().get("docker/djl").bursts();
    assertEquals(List.of(0, 1, 2, 3), bursts.stream().map(Burst::round).toList());
    assertEquals(5.0, bursts.get(1).medianMs(), 1e-9);
    assertEquals(10.0, bursts.get(1).cpuMs(), 1e-9, "the cumulative CPU counters' difference");
  }

  @Test
  void withSimulatedChildrenTheBudgetEndsRoundsThatCannotDecide() throws Exception {
    CalibrationGate gate = gate(new BurstPlan(0.01, 2, 5, 30), "native/djl", "docker/djl");
    // the pairs' ratios alternate 1.0 and 1.1: their interval straddles the band's upper edge, round after round
    CompletableFuture<Integer> a = child(gate, "native/djl", 5.0);
    CompletableFuture<Integer> b = child(gate, "docker/djl", n -> n % 2 == 0 ? 5.5 : 5.0);
    assertEquals(1 + 5, a.get(), "the five rounds of the plan: a ratio on the band's edge stays undecided");
    assertEquals(1 + 5, b.get());
  }

  @Test
  void aSideAloneGetsNoRounds() throws Exception {
    CalibrationGate gate = gate(BurstPlan.QUICK, "native/djl");
    assertEquals(1, child(gate, "native/djl", 5.0).get());
  }

  @Test
  void aSideThatDoesNotBurstFinishesAndTheOthersStillTakeTurns() throws Exception {
    CalibrationGate gate = gate(new BurstPlan(0.01, 2, 4, 30), "native/djl", "native/python", "docker/djl");
    Function<String, String> old = gate.answers("native/python", LONG);
    CompletableFuture<Void> oldChild = CompletableFuture.runAsync(() -> {
      // an old-protocol child: one turn, then it prints its document and ends
      assertEquals(GateLines.GO, old.apply(GateLines.SIGNAL));
      gate.finish("native/python");
    });
    CompletableFuture<Integer> a = child(gate, "native/djl", 5.0);
    CompletableFuture<Integer> b = child(gate, "docker/djl", 5.0);
    oldChild.get();
    assertTrue(a.get() >= 3 && a.get().equals(b.get()), a.get() + " " + b.get());
    assertEquals(2, gate.records().sides().size(), "only the bursting sides have records");
  }

  @Test
  void withSimulatedChildrenOnlyNativeAgainstContainerPairsMustDecide() throws Exception {
    CalibrationGate gate = gate(new BurstPlan(0.01, 3, 20, 30), "native/djl", "docker/djl", "podman/djl");
    // native clearly slower than both; docker against podman alternates 1.0 and 1.1: undecided, but not the verdict's pair
    CompletableFuture<Integer> n = child(gate, "native/djl", 10.0);
    CompletableFuture<Integer> d = child(gate, "docker/djl", 5.0);
    CompletableFuture<Integer> p = child(gate, "podman/djl", k -> k % 2 == 0 ? 5.5 : 5.0);
    assertEquals(1 + 3, n.get(), "stops at the minimum rounds");
    assertEquals(1 + 3, d.get());
    assertEquals(1 + 3, p.get());
  }
}
