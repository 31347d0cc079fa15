package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepBudgetTest {

  @Test
  void theJvmWorkerAndThePythonScriptGetTheSameBudget() {
    assertEquals(List.of("--steps", "1000", "--seconds", "0.3"), StepBudget.QUICK.workerArgs());
    assertEquals(List.of("--steps", "1000", "--min-steps", "5", "--seconds", "0.3", "--warmup-max", "20",
        "--warmup-seconds", "0.3"), StepBudget.QUICK.scriptArgs());
  }

  @Test
  void timeDecidesNotTheStepCap() {
    // a 1 ms GPU step would need a second to reach the cap: the 0.3 s budget ends the run first
    for (StepBudget b : List.of(StepBudget.QUICK, StepBudget.FULL)) {
      assertTrue(b.steps() * 0.001 > b.seconds(), b.toString());
    }
    assertEquals(StepBudget.FULL, StepBudget.of(true));
    assertEquals(StepBudget.QUICK, StepBudget.of(false));
  }
}
