package dev.envdoctor.cli;

import dev.envdoctor.run.RunOptions;
import dev.envdoctor.run.RunOptionsBuilder;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The run options as the command line spells them; {@link #options} turns them into the run's record. */
public final class RunMixin {

  @Option(names = "--runtime", defaultValue = "all", paramLabel = "native|docker|podman|container|all",
      description = "Sides to verify and calibrate on (default: ${DEFAULT-VALUE}).")
  String runtime;

  @Option(names = "--device", defaultValue = "all", paramLabel = "cpu|mps|cuda[:N]|all",
      description = "Devices to verify and calibrate (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--backend", defaultValue = "all", paramLabel = "djl|python|all",
      description = "Which stack computes: the JVM's DJL engine, your Python torch, or both (default: ${DEFAULT-VALUE}).")
  String backend;

  @Option(names = "--python", paramLabel = "PATH",
      description = "The Python of your training env (default: $VIRTUAL_ENV, $CONDA_PREFIX, then python3 on PATH).")
  Path python;

  @Option(names = "--container-python", paramLabel = "IMAGE",
      description = "Also run the Python torch probe inside IMAGE (an image with python3 and torch), in each container runtime.")
  String containerPython;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
      description = "Where report files go (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-redact", description = "Keep user names, host names, addresses and secrets in written reports.")
  boolean noRedact;

  @Option(names = "--strict", description = "Warnings fail too (exit 1).")
  boolean strict;

  @ArgGroup(exclusive = true)
  Budget budget = new Budget();

  /** --quick (the default) or --full. */
  static final class Budget {
    @Option(names = "--quick", description = "Short calibration budgets (default).")
    boolean quick;

    @Option(names = "--full", description = "Longer calibration budgets and the peak tests.")
    boolean full;
  }

  boolean full() {
    return budget != null && budget.full;
  }

  /** The run's record; {@code profile} comes from the commands that check (check, doctor, recommend). */
  RunOptions options(String profile) {
    return RunOptionsBuilder.builder()
        .runtime(runtime)
        .device(device)
        .backend(backend)
        .python(python)
        .containerPython(containerPython)
        .out(out)
        .noRedact(noRedact)
        .strict(strict)
        .profile(profile)
        .full(full())
        .build();
  }
}
