package dev.envdoctor.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.probe.Recorded;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How what a run gave becomes a node's input: a report, or the status that says why there is none. */
class FleetRunInputTest {

  private static final Duration T = Duration.ofSeconds(25);

  @Test
  void aWholeFrameFromRealSrunOutputIsAReport() {
    var g = new Scheduler.Gathered(NodeFrames.parse(Recorded.text("slurm/srun-fleet-node.out")), Map.of(), List.of(), false, "j");
    NodeInput a = FleetRun.input("a", g, T);
    assertEquals("envdoctor/report/v1", a.report().schema());
  }

  @Test
  void noFrameWhenTimeRanOutIsTimeoutAndOtherwiseUnreachableWithSrunsWords() {
    var timedOut = new Scheduler.Gathered(Map.of(), Map.of(), List.of(), true, "j");
    assertEquals(NodeStatus.TIMEOUT, FleetRun.input("b", timedOut, T).missingStatus());
    assertTrue(FleetRun.input("b", timedOut, T).reasons().get(0).contains("node timeout of 25 s"));
    var died = new Scheduler.Gathered(Map.of(), Map.of("b", List.of("b: task 1: Exited with exit code 3")), List.of(), false, "j");
    NodeInput b = FleetRun.input("b", died, T);
    assertEquals(NodeStatus.UNREACHABLE, b.missingStatus());
    assertEquals(List.of("no report came back from the task", "b: task 1: Exited with exit code 3"), b.reasons());
  }

  @Test
  void aFrameCutShortOrNotAReportIsUnreachable() {
    var cut = new Scheduler.Gathered(Map.of("b", new NodeFrames.Frame("b", null, null, false)), Map.of(), List.of(), false, "j");
    assertTrue(FleetRun.input("b", cut, T).reasons().get(0).startsWith("report cut short"));
    var junk = new Scheduler.Gathered(Map.of("b", new NodeFrames.Frame("b", "{\"schema\": \"other\"}", 0, true)), Map.of(), List.of(), false, "j");
    assertEquals(NodeStatus.UNREACHABLE, FleetRun.input("b", junk, T).missingStatus());
  }
}
