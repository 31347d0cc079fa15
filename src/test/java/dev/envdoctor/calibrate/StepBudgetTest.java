package dev.envdoctor.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepBudgetTest {

  @Test
  void theJvmWorkerAndThePythonScriptGetTheSameBudget() {
    assertEquals(List.of("--steps", "30", "--seconds", "0.3"), StepBudget.QUICK.workerArgs());
    assertEquals(List.of("--steps", "30", "--min-steps", "5", "--seconds", "0.3", "--warmup-max", "20",
        "--warmup-seconds", "0.3"), StepBudget.QUICK.scriptArgs());
  }

  @Test
  void fullIsLongerInStepsAndTime() {
    assertTrue(StepBudget.FULL.steps() > StepBudget.QUICK.steps());
    assertTrue(StepBudget.FULL.seconds() > StepBudget.QUICK.seconds());
    assertEquals(StepBudget.FULL, StepBudget.of(true));
    assertEquals(StepBudget.QUICK, StepBudget.of(false));
  }
}
