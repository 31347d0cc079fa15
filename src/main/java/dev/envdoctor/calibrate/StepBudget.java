package dev.envdoctor.calibrate;

import java.util.List;

/**
 * How long one workload is timed, the same on every side (native JVM, each container runtime, the
 * Python backend natively and in a container) so that their figures compare. The time decides, not
 * the step count: fast steps (a GPU, a small network) get hundreds of samples in the same time a
 * slow CPU step gets a handful, and the median of 20 one-millisecond steps is mostly noise
 * (docs/benchmarks.md). The step cap only bounds the sample list in the report.
 *
 * @param steps most timed steps per workload
 * @param minSteps fewest timed steps, even past the time budget
 * @param seconds most seconds of timed steps per workload
 * @param warmupMax most warm-up steps (the warm-up ends earlier once the step time settles)
 * @param warmupSeconds most seconds of warm-up
 */
public record StepBudget(int steps, int minSteps, double seconds, int warmupMax, double warmupSeconds) {

  /** {@code --quick}, the default: about a second per workload with its warm-up. */
  public static final StepBudget QUICK = new StepBudget(1000, 5, 0.3, 20, 0.3);
  /** {@code --full}. */
  public static final StepBudget FULL = new StepBudget(10_000, 10, 5.0, 50, 3.0);

  public static StepBudget of(boolean full) {
    return full ? FULL : QUICK;
  }

  /** The JVM worker's options (its warm-up rule is its own: docs/calibration.md). */
  public List<String> workerArgs() {
    return List.of("--steps", Integer.toString(steps), "--seconds", Double.toString(seconds));
  }

  /** envdoctor_torch.py's options. */
  public List<String> scriptArgs() {
    return List.of("--steps", Integer.toString(steps), "--min-steps", Integer.toString(minSteps),
        "--seconds", Double.toString(seconds), "--warmup-max", Integer.toString(warmupMax),
        "--warmup-seconds", Double.toString(warmupSeconds));
  }
}
