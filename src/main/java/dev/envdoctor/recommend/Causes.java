package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cause of a difference between native and a container side, in plain words, read from the
 * facts (host OS, the runtime's VM and CPU share, its GPU access, Rosetta) rather than from a
 * message per known machine: a new combination of facts gets its own sentence.
 */
final class Causes {

  private Causes() {}

  /**
   * Why the container side differs from native, from the comparison of the two; {@code undecided}:
   * the verdict could not tell the sides apart, and the reason does not say otherwise.
   */
  static List<String> of(Report r, Comparison c, boolean parity, boolean undecided) {
    boolean paired = Paired.of(c.a(), c.b()).isPresent();
    return of(r, c.sideA(), c.sideB(), c.b(), c.aOverB(), parity, paired, undecided);
  }

  /**
   * Why the container side {@code box} differs from native ({@code nativeOverBox}: how many times
   * faster native is; {@code boxFigure}: the calibration that stood for the container).
   */
  private static List<String> of(Report r, Side nativeSide, Side box, Calibration boxFigure,
      RatioEstimate nativeOverBox, boolean parity, boolean paired, boolean undecided) {
    List<String> causes = new ArrayList<>();
    RuntimeInfo rt = Facts.runtime(r, box.runtime());
    String name = Facts.label(box.runtime());
    boolean boxOnCpu = !box.hasAccelerator();
    boolean nativeAccelerated = nativeSide != null && nativeSide.hasAccelerator();

    if (Facts.macos(r) && boxOnCpu) {
      causes.add(name + " on macOS runs Linux in a VM without Metal: the container trains on CPU only");
    } else if (boxOnCpu && nativeAccelerated) {
      causes.add(noGpuInContainer(r, box, rt, name));
    }
    if (boxOnCpu && rt != null && rt.cpus() != null && Facts.logicalCores(r) != null
        && rt.cpus() < Facts.logicalCores(r)) {
      causes.add(Facts.inVm(r, rt)
          ? "the " + name + " VM has " + rt.cpus() + " of " + Facts.logicalCores(r) + " CPUs"
          : name + " containers are limited to " + rt.cpus() + " of " + Facts.logicalCores(r) + " CPUs");
    }
    if (!Sides.isCpu(boxFigure.device()) && nativeOverBox != null) {
      causes.add("the container reaches the GPU " + Facts.gpuPath(rt) + ": " + difference(nativeOverBox, parity, undecided));
    } else if (boxOnCpu && !nativeAccelerated && Facts.linux(r) && nativeOverBox != null
        && (rt == null || rt.cpus() == null || Facts.logicalCores(r) == null || rt.cpus() >= Facts.logicalCores(r))) {
      String cpus = Facts.logicalCores(r) == null ? "CPUs" : "all " + Facts.logicalCores(r) + " CPUs";
      // interleaved bursts measured the difference against the machine's drift: it is real, and the
      // sides' CPU allowances (Measured.allowance) say where it comes from
      causes.add(name + " containers share the host's kernel and " + cpus + (parity || paired ? ": " + difference(nativeOverBox, parity, undecided)
          : ", so a " + Format.times(Math.max(nativeOverBox.ratio(), 1 / nativeOverBox.ratio()))
              + " difference comes from the machine's load changing between the runs, not from the container"));
    }
    if (causes.isEmpty() && nativeSide != null && nativeOverBox != null) {
      causes.add("natively the training runs on " + nativeSide.figure().device() + ", in " + name + " on "
          + boxFigure.device() + ": " + difference(nativeOverBox, parity, undecided));
    }
    return causes;
  }

  /**
   * Whether a difference between native and a container cannot come from the container: on Linux
   * a container that sees all CPUs runs the same kernel and code, so on the CPU with one backend
   * they can only differ by the machine's load.
   */
  static boolean implausible(Report r, Comparison c, boolean parity) {
    RuntimeInfo rt = Facts.runtime(r, c.sideB().runtime());
    boolean allCpus = rt == null || rt.cpus() == null || Facts.logicalCores(r) == null || rt.cpus() >= Facts.logicalCores(r);
    return !parity && Facts.linux(r) && Sides.isCpu(c.a().device()) && Sides.isCpu(c.b().device()) && c.sameBackend()
        && allCpus;
  }

  /** Causes on the native side alone: what keeps native from its accelerator. */
  static List<String> nativeOnly(Report r) {
    List<String> causes = new ArrayList<>();
    if (Facts.macos(r) && Facts.jvmTranslated(r)) {
      causes.add("the JVM is x86-64 under Rosetta: no MPS for DJL");
    }
    if (Facts.pythonTranslated(r)) {
      causes.add("the Python env is x86-64 under Rosetta: no MPS");
    }
    return causes;
  }

  /**
   * Where a side's python figure is beaten by another backend on that side (DJL reaching the GPU
   * that the Python env does not): the Python env is what to fix.
   */
  static List<String> fasterBackends(List<Side> sides, double parity) {
    List<String> causes = new ArrayList<>();
    for (Side s : sides) {
      Calibration fastest = s.options().get(0);
      boolean quiet = cv(fastest) <= Verdict.MAX_CV && cv(s.figure()) <= Verdict.MAX_CV;
      if (quiet && fastest != s.figure() && !Objects.equals(fastest.backend(), s.figure().backend())) {
        RatioEstimate est = Sides.speedup(fastest, s.figure());
        double r = est.ratio();
        double low = est.hasInterval() ? est.low() : r;
        if (low > 1 + parity) {
          causes.add((s.isNative() ? "natively" : "in " + s.runtime()) + " " + fastest.backend() + " on "
              + fastest.device() + " is " + Format.times(r) + " faster than your " + s.figure().backend()
              + " env on " + s.figure().device() + ": fix the " + s.figure().backend() + " env to train at that speed");
        }
      }
    }
    return causes;
  }

  private static double cv(Calibration c) {
    return c.cv() == null ? 0 : c.cv();
  }

  /** "parity within 3%", "native is 12% faster", "no measurable difference", "not told apart within the run's budget". */
  static String difference(RatioEstimate nativeOverBox, boolean parity, boolean undecided) {
    if (undecided) {
      return "not told apart within the run's budget";
    }
    double r = nativeOverBox.ratio();
    if (nativeOverBox.spansOne()) {
      return "no measurable difference";
    }
    if (parity) {
      return "parity within " + Math.max(1, (int) Math.ceil(Math.abs(r - 1) * 100)) + "%";
    }
    return r >= 1 ? "native is " + Format.times(r) + " faster" : "the container is " + Format.times(1 / r) + " faster";
  }

  private static String noGpuInContainer(Report r, Side box, RuntimeInfo rt, String name) {
    for (DeviceResult d : r.devices()) {
      if (Objects.equals(d.runtime(), box.runtime()) && !Sides.isCpu(d.device())
          && Boolean.FALSE.equals(d.verified()) && d.diagnosis() != null) {
        return "the " + name + " container has no working GPU: " + d.diagnosis();
      }
    }
    if (Facts.linux(r) && !Facts.nvidiaRuntime(rt)) {
      return "the " + name + " container has no GPU access (no NVIDIA runtime): it trains on CPU only";
    }
    return "the " + name + " container trains on CPU only";
  }
}
