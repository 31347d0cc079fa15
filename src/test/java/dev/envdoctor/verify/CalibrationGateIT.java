package dev.envdoctor.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.CalibrationGate;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.worker.WorkerOutput;
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
class CalibrationGateIT {

  private static WorkerCall call(String runtime, Map<String, Long> seen, CalibrationGate gate) {
    SelfLauncher launcher = new SelfLauncher(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        SelfLauncher.WORKER_FLAGS, System.getProperty("envdoctor.jar"));
    return WorkerCall.of(launcher.prefix(), List.of("--device", "cpu", "--verify", "--calibrate", "--workloads", "mlp",
            "--steps", "10", "--seconds", "0.2", "--threads", "1"), Duration.ofSeconds(120), runtime)
        .withGate(gate)
        .withProgress(p -> seen.putIfAbsent(runtime + " " + p, System.nanoTime()));
  }

  @Test
  void workersStartTogetherAndCalibrateOneAfterTheOther() {
    CalibrationGate gate = new CalibrationGate();
    gate.register(CalibrationGate.side("first", "djl"));
    gate.register(CalibrationGate.side("second", "djl"));
    gate.allRegistered();
    Map<String, Long> seen = new ConcurrentHashMap<>();
    List<CompletableFuture<WorkerOutput>> runs = List.of("first", "second").stream()
        .map(side -> CompletableFuture.supplyAsync(() -> new WorkerClient(new ProcessRunner()).run(call(side, seen, gate))))
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
}
