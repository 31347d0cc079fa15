package dev.envdoctor.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code python.*}: the user's Python training environment. {@code found} tells how it was chosen
 * (--python, VIRTUAL_ENV, CONDA_PREFIX, PATH); a missing or broken one carries a diagnosis and fix.
 */
public record PythonEnv(
    String executable,
    String version,
    String arch,
    Boolean venv,
    String found,
    Torch torch,
    String diagnosis,
    String fix) {

  /** {@code found} of a Python that envdoctor took from PATH because the user named none. */
  public static final String FROM_PATH = "PATH";

  /**
   * Whether the user chose this Python (--python, an active venv or conda env): then a broken one
   * fails; python3 taken from PATH only warns, since the user may not train with it at all.
   */
  public boolean named() {
    return found != null && !FROM_PATH.equals(found);
  }

  /**
   * Whether this Python ran and imported torch. A named one that did not fails (the check
   * python-env-named-works and every view's mark); one that imports a torch that cannot use the
   * GPU (a CPU-only build, say) still trains, so its diagnosis only warns.
   */
  public boolean torchImports() {
    return torch != null && torch.version() != null;
  }

  /**
   * @param blas which BLAS its matrix products go through (null from a script without it)
   * @param threads its intra-op threads: torch's default here against the usable CPUs (null where not asked)
   */
  public record Torch(String version, String cuda, Mps mps, Blas blas,
      @JsonInclude(JsonInclude.Include.NON_NULL) Threads threads) {

    public Torch(String version, String cuda, Mps mps, Blas blas) {
      this(version, cuda, mps, blas, null);
    }
  }

  /**
   * torch's intra-op threads in this Python, and what a training step gains from more.
   *
   * @param torchDefault torch's own count when the process started (what a training script gets
   *     unless it calls torch.set_num_threads)
   * @param cpus the CPUs the process may use
   * @param timed the threads envdoctor's calibrations ran with
   * @param workload the step timed at both counts (cnn)
   * @param defaultMs its median step at {@code torchDefault} threads, or null where not timed (the default is not below)
   * @param timedMs its median step at {@code timed} threads
   * @param gain {@code defaultMs / timedMs}: how many times faster the step ran at {@code timed} threads; null where not measured
   */
  public record Threads(Integer torchDefault, Integer cpus, Integer timed, String workload, Double defaultMs, Double timedMs,
      Double gain) {}

  /**
   * @param info torch's build setting BLAS_INFO (mkl, open, accelerate, generic, ...)
   * @param library the BLAS library loaded into the Python process (Linux), null where none is
   * @param reference whether that is the slow Netlib reference BLAS (Debian's libblas3); null: unknown
   */
  public record Blas(String info, String library, Boolean reference) {}

  public record Mps(Boolean built, Boolean available) {}
}
