package dev.envdoctor.verify;

import dev.envdoctor.calibrate.Turns;
import dev.envdoctor.sides.SidePlan;

import dev.envdoctor.calibrate.StepBudget;
import dev.envdoctor.run.RunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker's settings, plan and timeout for one side, from the run's options: --device, and with
 * calibration the --quick or --full {@link StepBudget}, the same on every side so their figures
 * compare.
 *
 * @param steps the timed-step budget of each workload
 * @param timeout the whole child, engine start and first extraction of libtorch included
 */
public record WorkerBudget(StepBudget steps, Duration timeout) {

  public static final WorkerBudget QUICK = new WorkerBudget(StepBudget.QUICK, Duration.ofSeconds(120));
  public static final WorkerBudget FULL = new WorkerBudget(StepBudget.FULL, Duration.ofSeconds(600));
  /** Verification alone. */
  public static final WorkerBudget VERIFY = new WorkerBudget(null, Duration.ofSeconds(90));

  public static WorkerBudget of(RunOptions options, boolean calibrate) {
    return !calibrate ? VERIFY : options.full() ? FULL : QUICK;
  }

  /** The worker's settings: {@code --device D [--steps N --seconds S]}. */
  public List<String> settings(String device) {
    List<String> args = new ArrayList<>(List.of("--device", device == null ? "all" : device));
    if (steps != null) {
      args.addAll(steps.workerArgs());
    }
    return args;
  }

  /** What a worker is asked: verify, and with a step budget calibrate {@code workloads}, bursting at {@code turns}' pace. */
  public SidePlan plan(List<String> workloads, Turns turns) {
    return (steps == null ? SidePlan.VERIFY : SidePlan.calibrating(workloads)).withBursts(SidePlan.burstSeconds(turns));
  }
}
