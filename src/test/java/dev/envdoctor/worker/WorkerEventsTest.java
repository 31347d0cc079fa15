package dev.envdoctor.worker;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.DeviceResultBuilder;
import dev.envdoctor.protocol.WorkerEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.model.DeviceResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerEventsTest {

  @Test
  void deviceRoundTrips() {
    DeviceResult d = DeviceResultBuilder.builder()
        .backend(Backend.DJL)
        .device("cpu")
        .name("cpu()")
        .verified(true)
        .maxAbsError(3.6e-7)
        .tolerance(1e-2)
        .stderrTail(List.of())
        .build();
    var e = WorkerEvents.parse(WorkerEvents.device(d)).orElseThrow();
    assertEquals(WorkerEvents.Kind.DEVICE, e.kind());
    assertEquals(d, e.device());
  }

  @Test
  void progressAndOrdinaryLines() {
    assertEquals("verify cuda:0", WorkerEvents.parse(WorkerEvents.progress("verify cuda:0")).orElseThrow().progress());
    assertTrue(WorkerEvents.parse("[W NNPACK.cpp:57] Could not initialize NNPACK!").isEmpty());
    assertTrue(WorkerEvents.parse("@envdoctor device {not json").isEmpty());
  }

  @Test
  void settlingNeedsThreeStepsWithinFifteenPercent() {
    assertTrue(!Calibrator.settled(List.of(100.0, 10.0)));
    assertTrue(!Calibrator.settled(List.of(100.0, 10.0, 10.5, 14.0)));
    assertTrue(Calibrator.settled(List.of(100.0, 10.0, 10.5, 11.0)));
  }
}
