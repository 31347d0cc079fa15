package dev.envdoctor.python;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.probe.nvidia.NvidiaSmiSamples;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Samples the NVIDIA boards' clocks, power and clock-event reasons every 250 ms while the peak tests
 * run ({@code nvidia-smi --query-gpu=... --format=csv -lms 250} through the runner, with a timeout,
 * stopped when the tests end), so that a peak below its range can name what held it.
 */
final class ClockSampler {

  private final CompletableFuture<Void> stop = new CompletableFuture<>();
  private final CompletableFuture<CommandResult> result;

  private ClockSampler(CommandRunner runner, Duration timeout) {
    CommandSpec spec = CommandSpec.of(timeout, "nvidia-smi", "--query-gpu=" + NvidiaSmiSamples.QUERY,
        "--format=csv", "-lms", "250").withStop(stop);
    result = new CompletableFuture<>();
    // the runner blocks: a thread of its own, not the common pool
    Thread t = new Thread(() -> result.complete(runner.run(spec)), "envdoctor-clock-sampler");
    t.setDaemon(true);
    t.start();
  }

  static ClockSampler start(CommandRunner runner, Duration timeout) {
    return new ClockSampler(runner, timeout);
  }

  /** Ends the sampler and gives what it wrote; null where nvidia-smi did not run. */
  String stop() {
    stop.complete(null);
    CommandResult r = result.join();
    return r.status() == CommandResult.Status.NOT_FOUND ? null : r.stdout();
  }
}
