package dev.envdoctor.cli;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** What a run of the flow covers: sides, devices, budget, where files go. */
public final class RunOptions {

  @Option(names = "--runtime", defaultValue = "all", paramLabel = "native|docker|podman|container|all",
      description = "Sides to verify and calibrate on (default: ${DEFAULT-VALUE}).")
  public String runtime;

  @Option(names = "--device", defaultValue = "all", paramLabel = "cpu|mps|cuda[:N]|all",
      description = "Devices to verify and calibrate (default: ${DEFAULT-VALUE}).")
  public String device;

  @Option(names = "--backend", defaultValue = "all", paramLabel = "djl|python|all",
      description = "Which stack computes: the JVM's DJL engine, your Python torch, or both (default: ${DEFAULT-VALUE}).")
  public String backend;

  @Option(names = "--python", paramLabel = "PATH",
      description = "The Python of your training env (default: $VIRTUAL_ENV, $CONDA_PREFIX, then python3 on PATH).")
  public Path python;

  @Option(names = "--container-python", paramLabel = "IMAGE",
      description = "Also run the Python torch probe inside IMAGE (an image with python3 and torch), in each container runtime.")
  public String containerPython;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
      description = "Where report files go (default: ${DEFAULT-VALUE}).")
  public Path out;

  @Option(names = "--no-redact", description = "Keep user names, host names, addresses and secrets in written reports.")
  public boolean noRedact;

  @Option(names = "--strict", description = "Warnings fail too (exit 1).")
  public boolean strict;

  /** The check profile (name or file); set by the commands that check (check, doctor) from --profile. */
  public String profile;

  @ArgGroup(exclusive = true)
  public Budget budget = new Budget();

  /** --quick (the default) or --full. */
  public static final class Budget {
    @Option(names = "--quick", description = "Short calibration budgets (default).")
    public boolean quick;

    @Option(names = "--full", description = "Longer calibration budgets and the peak tests.")
    public boolean full;
  }

  /**
   * The training job the verdict projects (recommend and doctor set it from their workload
   * options; null elsewhere, where the default job is used). Not an option itself.
   */
  public dev.envdoctor.model.Recommendation.Workload workload;

  /**
   * The workloads each side calibrates: both for calibrate; doctor and recommend with --quick only
   * the one their verdict cites ({@link #calibrateForVerdict}). Not an option itself.
   */
  public java.util.List<String> workloads = dev.envdoctor.worker.Workloads.NAMES;

  /**
   * For the commands whose answer is the verdict: --quick calibrates only the workload it cites
   * (cnn), which halves the calibration turns (doctor --quick 1.5 s faster on the dev VM);
   * --full still calibrates every workload.
   */
  public void calibrateForVerdict() {
    workloads = full() ? dev.envdoctor.worker.Workloads.NAMES
        : java.util.List.of(dev.envdoctor.recommend.Sides.PREFERRED_WORKLOAD);
  }

  /** Whether an option that takes "all" or a comma list (--runtime, --backend) selects {@code name}. */
  public static boolean selects(String option, String name) {
    return option == null || option.equals("all") || java.util.Arrays.asList(option.split(",")).contains(name);
  }

  public boolean full() {
    return budget != null && budget.full;
  }
}
