package dev.envdoctor.run;

import dev.envdoctor.model.WorkloadNames;
import dev.envdoctor.model.Recommendation.Workload;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a run of the flow covers: sides, devices, budget, where files go. A plain value: the command
 * line turns its options into one, tests build their own; stages only read it.
 *
 * @param runtime         sides: native, docker, podman, ..., all, or a comma list
 * @param device          cpu, mps, cuda[:N] or all
 * @param backend         djl, python, all, or a comma list
 * @param python          the training env's interpreter, or null to look for one
 * @param containerPython an image with python3 and torch to probe in each container runtime, or null
 * @param out             where report files go
 * @param noRedact        keep personal data in written reports
 * @param strict          warnings fail too
 * @param profile         the check profile (a name or a file), or null for the default
 * @param full            --full budgets and peak tests instead of --quick
 * @param workload        the training job the verdict projects, or null for the default job
 * @param workloads       the workloads each side calibrates
 * @param noHistory       project from this run alone: earlier runs' points neither pooled nor added to
 */
@RecordBuilder
public record RunOptions(
    String runtime,
    String device,
    String backend,
    Path python,
    String containerPython,
    Path out,
    boolean noRedact,
    boolean strict,
    String profile,
    boolean full,
    Workload workload,
    List<String> workloads,
    boolean noHistory) {

  public static final String ALL = "all";

  public RunOptions {
    runtime = runtime == null ? ALL : runtime;
    device = device == null ? ALL : device;
    backend = backend == null ? ALL : backend;
    out = out == null ? Path.of("reports") : out;
    workloads = workloads == null ? WorkloadNames.ALL : List.copyOf(workloads);
  }

  /** Every side, device and backend, quick budgets, reports under reports/. */
  public static RunOptions defaults() {
    return RunOptionsBuilder.builder().runtime(ALL).device(ALL).backend(ALL).build();
  }

  /** Whether an option that takes "all" or a comma list (--runtime, --backend) selects {@code name}. */
  public static boolean selects(String option, String name) {
    return option == null || option.equals(ALL) || Arrays.asList(option.split(",")).contains(name);
  }

  /** These options with --no-history as given. */
  public RunOptions withNoHistory(boolean off) {
    return RunOptionsBuilder.builder(this).noHistory(off).build();
  }

  public boolean selectsRuntime(String name) {
    return selects(runtime, name);
  }

  public boolean selectsBackend(String name) {
    return selects(backend, name);
  }

  /**
   * For the commands whose answer is the verdict: --quick calibrates only the workload it cites
   * (cnn), which halves the calibration turns (doctor --quick 1.5 s faster on the dev VM);
   * --full still calibrates every workload.
   */
  public RunOptions forVerdict(Workload job) {
    List<String> w = full ? WorkloadNames.ALL
        : List.of(WorkloadNames.PREFERRED);
    return RunOptionsBuilder.builder(this).workload(job).workloads(w).build();
  }

  public RunOptions withSides(String runtime, String backend, String device) {
    return RunOptionsBuilder.builder(this).runtime(runtime).backend(backend).device(device).build();
  }

  public RunOptions withPython(Path python) {
    return RunOptionsBuilder.builder(this).python(python).build();
  }

  public RunOptions withOut(Path out, boolean noRedact) {
    return RunOptionsBuilder.builder(this).out(out).noRedact(noRedact).build();
  }

  public RunOptions withProfile(String profile) {
    return RunOptionsBuilder.builder(this).profile(profile).build();
  }
}
