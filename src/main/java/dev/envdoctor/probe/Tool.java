package dev.envdoctor.probe;

import dev.envdoctor.exec.CommandResult;
import dev.envdoctor.exec.CommandRunner;
import dev.envdoctor.exec.CommandSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A probe's shell-out: short timeout, through the one runner. A missing tool, a failing tool and a
 * tool that hangs are told apart in the log, and all of them leave the fact unknown (empty), never
 * an exception: the probe must finish on any machine.
 */
public final class Tool {

  private static final Logger LOG = LoggerFactory.getLogger(Tool.class);

  /** Enough for sysctl, pmset and nvidia-smi; system_profiler and a cold nvidia-smi get more. */
  public static final Duration SHORT = Duration.ofSeconds(3);

  private final CommandRunner runner;

  public Tool(CommandRunner runner) {
    this.runner = runner;
  }

  /** Stdout of a successful run, else empty. */
  public Optional<String> stdout(Duration timeout, String... argv) {
    CommandResult r = run(timeout, argv);
    return r.ok() ? Optional.of(r.stdout()) : Optional.empty();
  }

  /**
   * Stdout also of a run that failed but printed something: {@code sysctl a b} exits non-zero when
   * one name is unknown (an Intel Mac has no hw.perflevel0) yet prints every name it knows.
   */
  public Optional<String> stdoutEvenIfFailed(Duration timeout, String... argv) {
    CommandResult r = run(timeout, argv);
    boolean partial = r.status() == CommandResult.Status.FAILED && !r.stdout().isBlank();
    return r.ok() || partial ? Optional.of(r.stdout()) : Optional.empty();
  }

  /** Stdout of a successful run with LC_ALL=C: lscpu translates its labels ("Hypervisor vendor:"). */
  public Optional<String> stdoutUntranslated(Duration timeout, String... argv) {
    CommandResult r = run(CommandSpec.of(timeout, List.of(argv)).withEnv(Map.of("LC_ALL", "C")));
    return r.ok() ? Optional.of(r.stdout()) : Optional.empty();
  }

  private CommandResult run(Duration timeout, String... argv) {
    return run(CommandSpec.of(timeout, List.of(argv)));
  }

  private CommandResult run(CommandSpec spec) {
    CommandResult r = runner.run(spec);
    LOG.info("probe: {} ({} ms)", r.describe(), r.millis());
    return r;
  }
}
