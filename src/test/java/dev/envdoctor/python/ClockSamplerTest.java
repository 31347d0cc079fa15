package dev.envdoctor.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandSpec;
import dev.envdoctor.exec.ProcessRunner;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sampler ends with the work it watches, also where that work throws. No nvidia-smi here: a real
 * `sleep 60` through the real runner stands in for `nvidia-smi -lms 250`, with the sampler's stop signal.
 */
class ClockSamplerTest {

  @Test
  void aRunThatThrowsStillStopsTheSamplerWithSleepStandingInForNvidiaSmi() throws Exception {
    CompletableFuture<CommandResult> ended = new CompletableFuture<>();
    ProcessRunner real = new ProcessRunner();
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ClockSampler.around(spec -> {
      CommandResult r = real.run(CommandSpec.of(spec.timeout(), "sleep", "60").withStop(spec.stop()));
      ended.complete(r);
      return r;
    }, Duration.ofSeconds(90), true, () -> {
      throw new IllegalStateException("the Python run failed");
    }));
    assertEquals("the Python run failed", thrown.getMessage());
    CommandResult r = ended.get(10, TimeUnit.SECONDS); // not the 60 s the stand-in would run, nor its 90 s timeout
    assertNotNull(r);
    assertEquals(CommandResult.Status.STOPPED, r.status(), r.describe());
  }

  @Test
  void noSamplerWhereNoneIsAsked() {
    var sampled = ClockSampler.around(spec -> {
      throw new AssertionError("no command may run");
    }, Duration.ofSeconds(5), false, () -> "run");
    assertEquals("run", sampled.getKey());
    assertEquals(null, sampled.getValue());
  }
}
