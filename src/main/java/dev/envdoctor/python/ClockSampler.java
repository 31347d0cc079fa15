package dev.envdoctor.python;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.probe.nvidia.NvidiaSmiSamples;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Samples the NVIDIA boards' clocks, power and clock-event reasons every 250 ms while the peak tests
 * run ({@code nvidia-smi --query-gpu=... --format=csv -lms 250} through the runner, with a timeout,
 * stopped when the tests end), so that a peak below its range can name what held it.
 */
final class ClockSampler {

  private final CompletableFuture<Void> stop = new CompletableFuture<>();
  private final CompletableFuture<CommandResult> result;

  private ClockSampler(CommandRunner runner, Duration timeout) {
    result = new CompletableFuture<>();
    // the runner blocks: a thread of its own, not the common pool
    Thread t = new Thread(() -> result.complete(sample(runner, timeout)), "envdoctor-clock-sampler");
    t.setDaemon(true);
    t.start();
  }

  /**
   * nvidia-smi rejects the whole query when one field is unknown to its driver; the reasons field
   * has two names (clocks_throttle_reasons before 535, clocks_event_reasons after, the old one kept
   * as an alias for a while), so a quick refusal is tried once more with the other name.
   */
  private CommandResult sample(CommandRunner runner, Duration timeout) {
    CommandResult r = runner.run(spec(NvidiaSmiSamples.QUERY, timeout));
    boolean refused = r.status() == CommandResult.Status.FAILED && (r.stdout() + r.stderr()).contains("not a valid field");
    if (refused && !stop.isDone()) {
      r = runner.run(spec(NvidiaSmiSamples.QUERY.replace("clocks_throttle_reasons", "clocks_event_reasons"), timeout));
    }
    return r;
  }

  private CommandSpec spec(String query, Duration timeout) {
    return CommandSpec.of(timeout, "nvidia-smi", "--query-gpu=" + query, "--format=csv", "-lms", "250").withStop(stop);
  }

  static ClockSampler start(CommandRunner runner, Duration timeout) {
    return new ClockSampler(runner, timeout);
  }

  /**
   * The work's result beside what the boards did while it ran (no sampler where sample is false). The
   * sampler stops also where the work throws: nvidia-smi -lms must not outlive a failed run until its timeout.
   */
  static <T> Map.Entry<T, String> around(CommandRunner runner, Duration timeout, boolean sample, Supplier<T> work) {
    ClockSampler sampler = sample ? start(runner, timeout) : null;
    T value;
    String clocks;
    try {
      value = work.get();
    } finally {
      clocks = sampler == null ? null : sampler.stop();
    }
    return new AbstractMap.SimpleImmutableEntry<>(value, clocks);
  }

  /** Ends the sampler and gives what it wrote; null where nvidia-smi did not run. */
  String stop() {
    stop.complete(null);
    CommandResult r = result.join();
    return r.status() == CommandResult.Status.NOT_FOUND ? null : r.stdout();
  }
}
