package dev.envdoctor.verify;

import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;
import dev.envdoctor.protocol.SideNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.calibrate.BurstRecords;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.model.Backend;
import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.model.Burst;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.protocol.WorkerOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two real JVM workers from the packaged jar, started together at one gate: both verify at once,
 * but the second's first calibration step starts only after the first worker has ended.
 */
class TurnsIT {

  private static SideCall call(String runtime, Map<String, Long> seen, Turns gate) {
    return call(runtime, seen, gate, "mlp");
  }

  private static SideCall call(String runtime, Map<String, Long> seen, Turns gate, String workload) {
    SelfLauncher launcher = new SelfLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        SelfLauncher.WORKER_FLAGS, System.getProperty("envdoctor.jar"));
    List<String> argv = new java.util.ArrayList<>(launcher.prefix());
    argv.addAll(List.of("--device", "cpu", "--steps", "10", "--seconds", "0.2", "--threads", "1"));
    return SideCall.of(argv, Duration.ofSeconds(120), runtime, Backend.DJL,
            SidePlan.calibrating(List.of(workload)).withBursts(SidePlan.burstSeconds(gate)))
        .withTurns(gate)
        .withProgress(p -> seen.putIfAbsent(runtime + " " + p, System.nanoTime()));
  }

  @Test
  void workersStartTogetherAndCalibrateOneAfterTheOther() {
    Turns gate = new Turns();
    gate.register(SideNames.side("first", "djl"));
    gate.register(SideNames.side("second", "djl"));
    gate.allRegistered();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    List<CompletableFuture<WorkerOutput>> runs = List.of("first", "second").stream()
        .map(side -> CompletableFuture.supplyAsync(() -> new SideRunner(new ProcessRunner()).run(call(side, seen, gate)).out()))
        .toList();
    runs.forEach(r -> {
      WorkerOutput out = r.join();
      assertEquals(1, out.calibrations().size(), out.toString());
      assertTrue(out.calibrations().get(0).medianMs() != null, out.calibrations().toString());
    });
    long secondCalibrates = seen.get("second calibrate cpu mlp");
    long firstCalibrates = seen.get("first calibrate cpu mlp");
    assertTrue(firstCalibrates < secondCalibrates, seen.toString());
    assertTrue(seen.get("first done") < secondCalibrates, "the second calibrated before the first was done: " + seen);
    assertTrue(seen.get("second verify cpu") < firstCalibrates,
        "both verified before anyone calibrated (their start-ups overlapped): " + seen);
  }

  @Test
  void burstingWorkersTakeTurnsInRoundsAndStayAliveBetweenThem() {
    Turns gate = new Turns(new BurstPlan(0.05, 2, 3, 30), CpuMeter.forThisMachine(), 1);
    gate.register(SideNames.side("first", "djl"));
    gate.register(SideNames.side("second", "djl"));
    gate.allRegistered();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    List<CompletableFuture<WorkerOutput>> runs = List.of("first", "second").stream()
        .map(side -> CompletableFuture.supplyAsync(() -> new SideRunner(new ProcessRunner()).run(call(side, seen, gate, "cnn")).out()))
        .toList();
    runs.forEach(r -> assertEquals(1, r.join().calibrations().size(), r.join().toString()));
    BurstRecords rec = gate.records();
    assertEquals(java.util.Set.of("first/djl", "second/djl"), rec.sides().keySet());
    for (BurstRecords.SideRecord s : rec.sides().values()) {
      List<Burst> bursts = s.bursts();
      assertTrue(bursts.size() >= 3 && bursts.size() <= 4, "round 0 and two or three rounds: " + bursts);
      assertEquals(java.util.stream.IntStream.range(0, bursts.size()).boxed().toList(), bursts.stream().map(Burst::round).toList());
      assertEquals("cnn", s.workload());
      assertEquals("cpu", s.device());
      for (Burst b : bursts.subList(1, bursts.size())) {
        assertTrue(b.stepTimesMs().size() >= BurstPlan.MIN_STEPS, b.toString());
        assertTrue(b.cpuMs() != null && b.cpuMs() > 0, "the child's own CPU time during its burst: " + b);
        assertTrue(b.othersCpus() != null && b.othersCpus() >= 0, b.toString());
      }
      // the affinity the worker saw is this machine's, as Java sees it here
      assertEquals(Runtime.getRuntime().availableProcessors(), s.allowance().affinityCpus());
    }
    // each round times both sides: the bursts of one round are the two positions 0 and 1
    List<Burst> a = rec.sides().get("first/djl").bursts();
    List<Burst> b = rec.sides().get("second/djl").bursts();
    for (int i = 1; i < Math.min(a.size(), b.size()); i++) {
      assertEquals(1, a.get(i).position() + b.get(i).position(), "one first, one second in round " + i);
    }
  }
}
