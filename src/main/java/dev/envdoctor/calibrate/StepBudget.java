package dev.envdoctor.calibrate;

import java.util.List;

/**
 * How long one workload is timed, the same on every side (native JVM, each container runtime, the
 * Python backend natively and in a container) so that their figures compare: timed steps until the
 * step cap or the seconds are reached, whichever comes first, but at least {@code minSteps}.
 *
 * <p>The quick budget is small on purpose. What makes two runs differ is the process and the moment
 * (allocator state, see {@link SteadyAllocator}; CPU frequency and scheduling drift over seconds),
 * not the number of steps: on the 16-core H200 machine, timing every workload for 0.3 s instead of
 * at most 20-30 steps left the run-to-run spread of five runs where it was (7-12%) and made
 * {@code doctor --quick} 2.5 s slower there (docs/benchmarks.md).
 *
 * @param steps most timed steps per workload
 * @param minSteps fewest timed steps, even past the time budget
 * @param seconds most seconds of timed steps per workload
 * @param warmupMax most warm-up steps (the warm-up ends earlier once the step time settles)
 * @param warmupSeconds most seconds of warm-up
 */
public record StepBudget(int steps, int minSteps, double seconds, int warmupMax, double warmupSeconds) {

  /** {@code --quick}, the default: at most 30 steps or 0.3 s per workload, after its warm-up. */
  public static final StepBudget QUICK = new StepBudget(30, 5, 0.3, 20, 0.3);
  /** {@code --full}: five seconds per workload, at most 1000 steps. */
  public static final StepBudget FULL = new StepBudget(1000, 10, 5.0, 50, 3.0);

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
