package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.envdoctor.calibrate.BurstPlan;
import dev.envdoctor.calibrate.BurstRecords;
import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.model.Backend;
import dev.envdoctor.sides.SideCall;
import dev.envdoctor.sides.SidePlan;
import dev.envdoctor.sides.SideRunner;
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
        return ScriptRuns.run(backend, PythonScriptIT.TORCH_PYTHON, List.of("verify", "calibrate"), opts, Duration.ofSeconds(120), gate);
      } finally {
        gate.finish(PythonBackend.SIDE);
      }
    });
    // the second side: the same script, run under its own name
    CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
      List<String> argv = List.of(PythonScriptIT.TORCH_PYTHON.toString(), "-c", PythonBackend.LOADER,
          "--device", "cpu", "--steps", "10", "--seconds", "0.1", "--threads", "1");
      new SideRunner(new ProcessRunner()).run(SideCall.of(argv, Duration.ofSeconds(120), "other", Backend.PYTHON,
              SidePlan.calibrating(List.of("cnn")).withBursts(0.05))
          .withScript(PythonBackend.scriptOnStdin()).withTurns(gate));
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
