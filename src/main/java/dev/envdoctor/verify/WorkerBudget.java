package dev.envdoctor.verify;

import dev.envdoctor.calibrate.StepBudget;
import dev.envdoctor.run.RunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker arguments and timeout for one side, from the run's options: --device, and with
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

  /** {@code --device D --verify [--calibrate --workloads W,... --steps N --seconds S]}. */
  public List<String> args(String device, boolean calibrate, List<String> workloads) {
    List<String> args = new ArrayList<>(List.of("--device", device == null ? "all" : device, "--verify"));
    if (calibrate && steps != null) {
      args.addAll(List.of("--calibrate", "--workloads", String.join(",", workloads)));
      args.addAll(steps.workerArgs());
    }
    return args;
  }
}
