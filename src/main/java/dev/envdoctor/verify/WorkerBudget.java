package dev.envdoctor.verify;

import dev.envdoctor.cli.RunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker arguments and timeout for one side, from the run's options: --device, and with
 * calibration the --quick (a few seconds per side) or --full budget. Every side (native, each
 * container runtime) uses the same, so their figures compare.
 *
 * @param steps most timed steps per workload
 * @param seconds most seconds of timed steps per workload
 * @param timeout the whole child, engine start and first extraction of libtorch included
 */
public record WorkerBudget(int steps, double seconds, Duration timeout) {

  public static final WorkerBudget QUICK = new WorkerBudget(30, 0.75, Duration.ofSeconds(120));
  public static final WorkerBudget FULL = new WorkerBudget(300, 10.0, Duration.ofSeconds(600));
  /** Verification alone. */
  public static final WorkerBudget VERIFY = new WorkerBudget(0, 0, Duration.ofSeconds(90));

  public static WorkerBudget of(RunOptions options, boolean calibrate) {
    return !calibrate ? VERIFY : options.full() ? FULL : QUICK;
  }

  /** {@code --device D --verify [--calibrate --workloads mlp,cnn --steps N --seconds S]}. */
  public List<String> args(String device, boolean calibrate) {
    List<String> args = new ArrayList<>(List.of("--device", device == null ? "all" : device, "--verify"));
    if (calibrate) {
      args.addAll(List.of("--calibrate", "--workloads", "mlp,cnn", "--steps", Integer.toString(steps),
          "--seconds", Double.toString(seconds)));
    }
    return args;
  }
}
