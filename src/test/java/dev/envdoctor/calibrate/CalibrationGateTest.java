package dev.envdoctor.calibrate;

import dev.envdoctor.protocol.GateLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CalibrationGateTest {

  private static final Duration LONG = Duration.ofSeconds(20);

  @Test
  void nobodyCalibratesWhileAnotherSideIsStillStartingThenOneAtATimeInOrder() throws Exception {
    CalibrationGate gate = new CalibrationGate();
    gate.register("native/djl");
    gate.register("docker/djl");
    gate.allRegistered();
    List<String> turns = new CopyOnWriteArrayList<>();
    // docker arrives first, but native is registered first: docker waits for native to arrive and go
    CompletableFuture<Boolean> docker = CompletableFuture.supplyAsync(() -> {
      boolean mine = gate.awaitTurn("docker/djl", LONG);
      turns.add("docker");
      gate.finish("docker/djl");
      return mine;
    });
    Thread.sleep(200);
    assertTrue(turns.isEmpty(), "native is still starting: nobody calibrates");
    assertTrue(gate.awaitTurn("native/djl", LONG));
    turns.add("native");
    Thread.sleep(200);
    assertEquals(List.of("native"), turns, "docker waits while native holds the gate");
    gate.finish("native/djl");
    assertTrue(docker.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("native", "docker"), turns);
  }

  @Test
  void aSideThatDiedBeforeTheGateDoesNotHoldTheOthers() {
    CalibrationGate gate = new CalibrationGate();
    gate.register("native/python");
    gate.register("podman/djl");
    gate.allRegistered();
    gate.finish("native/python"); // its child crashed while importing torch
    assertTrue(gate.awaitTurn("podman/djl", LONG));
  }

  @Test
  void aFinishedSideGetsNoTurn() {
    CalibrationGate gate = new CalibrationGate();
    gate.register("docker/djl");
    gate.finish("docker/djl");
    assertFalse(gate.awaitTurn("docker/djl", LONG));
  }

  @Test
  void aStuckSideHoldsTheOthersOnlyUntilTheirDeadline() {
    CalibrationGate gate = new CalibrationGate();
    gate.register("native/djl"); // never arrives, never finishes
    gate.register("docker/djl");
    gate.allRegistered();
    assertTrue(gate.awaitTurn("docker/djl", Duration.ofMillis(300)), "past the deadline it goes anyway");
  }

  @Test
  void nobodyGoesWhileSidesMayStillRegister() throws Exception {
    CalibrationGate gate = new CalibrationGate();
    gate.register("native/djl");
    CompletableFuture<Boolean> early = CompletableFuture.supplyAsync(() -> gate.awaitTurn("native/djl", LONG));
    Thread.sleep(200);
    assertFalse(early.isDone(), "the containers have not registered yet");
    gate.register("docker/djl");
    gate.allRegistered();
    Thread.sleep(200);
    assertFalse(early.isDone(), "docker is registered and still starting");
    gate.finish("docker/djl");
    assertTrue(early.get(5, TimeUnit.SECONDS));
  }

  @Test
  void sideNamesAreRuntimeAndBackend() {
    assertEquals("native/python", GateLines.side("native", "python"));
  }
}
