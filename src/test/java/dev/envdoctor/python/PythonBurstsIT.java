package dev.envdoctor.python;

import dev.envdoctor.protocol.GateLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.calibrate.BurstRecords;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.calibrate.contention.CpuMeter;
import dev.envdoctor.exec.ProcessRunner;
import dev.envdoctor.model.Burst;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * envdoctor_torch.py's bursts in a real Python with torch, against the real gate: the script
 * stays alive after its calibration and times one burst per "go" until "end". The other side is
 * a DJL-less second run of the same script under another side name (the gate only sees sides).
 */
class PythonBurstsIT {

  @Test
  void theScriptTakesTurnsWithAnotherSideUntilTheGateEnds() {
    Turns gate = new Turns(new BurstPlan(0.05, 2, 3, 30), CpuMeter.forThisMachine(), 3);
    gate.register(PythonBackend.SIDE);
    gate.register("other/python");
    gate.allRegistered();
    PythonBackend backend = new PythonBackend(new ProcessRunner());
    List<String> opts = List.of("--device", "cpu", "--workloads", "cnn", "--steps", "10", "--seconds", "0.1", "--threads", "1");
    CompletableFuture<PythonBackend.Run> mine = CompletableFuture.supplyAsync(() -> {
      try {
        return backend.run(PythonScriptIT.TORCH_PYTHON, List.of("verify", "calibrate"), opts, Duration.ofSeconds(120), gate);
      } finally {
        gate.finish(PythonBackend.SIDE);
      }
    });
    // the second side: the same script, answered under its own name
    CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
      var spec = dev.envdoctor.exec.CommandSpec.of(Duration.ofSeconds(120),
          new java.util.ArrayList<>(List.of(PythonScriptIT.TORCH_PYTHON.toString(), "-c", PythonBackend.LOADER,
              "verify,calibrate", "--device", "cpu", "--workloads", "cnn", "--steps", "10", "--seconds", "0.1",
              "--threads", "1", GateLines.OPTION, BurstPlan.OPTION, "0.05")))
          .withStdin(PythonBackend.script() + "\n" + PythonBackend.END_OF_SCRIPT + "\n")
          .withStdinReplies(PythonBackend.answers(gate, "other/python", Duration.ofSeconds(120)));
      try {
        new ProcessRunner().run(spec);
      } finally {
        gate.finish("other/python");
      }
    });
    PythonBackend.Run run = mine.join();
    other.join();
    assertTrue(run.parsed(), run.result().stderr());
    assertEquals(1, run.output().worker().calibrations().size(), "the document still holds its one calibration");
    BurstRecords rec = gate.records();
    for (String side : List.of(PythonBackend.SIDE, "other/python")) {
      List<Burst> bursts = rec.sides().get(side).bursts();
      assertTrue(bursts.size() >= 3, side + ": round 0 and at least two rounds: " + bursts);
      for (Burst b : bursts.subList(1, bursts.size())) {
        assertTrue(b.stepTimesMs().size() >= BurstPlan.MIN_STEPS, b.toString());
        assertTrue(b.cpuMs() != null && b.cpuMs() > 0, b.toString());
      }
      // the script's affinity (os.sched_getaffinity) against this process's mask as the kernel states it
      assertEquals(dev.envdoctor.calibrate.contention.CpuAllowanceReader.read(java.nio.file.Path.of("/"), java.util.Map.of())
          .affinityCpus(), rec.sides().get(side).allowance().affinityCpus());
    }
  }
}
