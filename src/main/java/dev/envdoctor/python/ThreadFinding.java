package dev.envdoctor.python;

import dev.envdoctor.model.Backend;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.PythonEnv;
import dev.envdoctor.sides.ThreadTrial;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * torch's default thread count against the CPUs its process may use (issue #29): Debian's torch on
 * a 2-CPU VM runs one thread unless the script sets more. Pure: the side's answers in, a finding
 * out, and only with the gain measured in this run.
 */
public final class ThreadFinding {

  /** Below this measured gain the default costs nothing worth a finding (the spread of two calibrations). */
  static final double WORTH = 1.10;

  private ThreadFinding() {}

  /** The report's {@code python.torch.threads}: the trial's facts and both of its steps (a report's cnn for an older trial); null where the side was not asked. */
  static PythonEnv.Threads of(ThreadTrial trial, List<Calibration> calibrations) {
    if (trial == null || trial.facts() == null) {
      return null;
    }
    var f = trial.facts();
    Calibration at = trial.atThreads();
    if (at != null) {
      Calibration d = trial.atDefault();
      Double defaultMs = d == null || d.diagnosis() != null ? null : d.medianMs();
      Double timedMs = at.diagnosis() != null ? null : at.medianMs();
      Double gain = defaultMs == null || timedMs == null || timedMs <= 0 ? null : defaultMs / timedMs;
      String workload = at.workload() + " (" + at.imgsz() + " px × " + at.batch() + ")";
      return new PythonEnv.Threads(f.defaultThreads(), f.cpus(), f.threads(), workload, defaultMs, timedMs, gain);
    }
    Double timedMs = calibrations.stream()
        .filter(c -> c.backend() == Backend.PYTHON && "cpu".equals(c.device()) && "cnn".equals(c.workload())
            && c.diagnosis() == null && c.threads() != null && c.threads().equals(f.threads()))
        .map(Calibration::medianMs).findFirst().orElse(null);
    Calibration d = trial.atDefault();
    Double defaultMs = d == null || d.diagnosis() != null ? null : d.medianMs();
    Double gain = defaultMs == null || timedMs == null || timedMs <= 0 ? null : defaultMs / timedMs;
    return new PythonEnv.Threads(f.defaultThreads(), f.cpus(), f.threads(), "cnn", defaultMs, timedMs, gain);
  }

  /** "torch uses 1 thread of 2 ..." with the gain and the fix, where the default is below the threads timed and that was measured to matter. */
  public static Optional<PythonDiagnosis.Finding> of(PythonEnv.Threads t) {
    Double gain = t == null ? null : t.gain();
    if (gain == null || gain < WORTH || t.torchDefault() == null || t.timed() == null) {
      return Optional.empty();
    }
    int n = t.timed();
    return Optional.of(new PythonDiagnosis.Finding(String.format(Locale.ROOT,
        "torch uses %d thread%s of %d usable CPUs here by default: the %s training step ran %.1f× faster at %d threads"
            + " (%.1f ms against %.1f ms a step, measured in this run)",
        t.torchDefault(), t.torchDefault() == 1 ? "" : "s", t.cpus(), t.workload(), gain, n, t.timedMs(), t.defaultMs()),
        "call torch.set_num_threads(" + n + ") before training, or set OMP_NUM_THREADS=" + n
            + " in its environment (Ultralytics sets min(8, CPUs - 1) threads itself on the CPU)"));
  }
}
