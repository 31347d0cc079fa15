package dev.envdoctor.recommend;

import dev.envdoctor.calibrate.stats.Decision;
import dev.envdoctor.calibrate.stats.RatioEstimate;
import dev.envdoctor.model.Calibration;
import dev.envdoctor.model.DeviceResult;
import dev.envdoctor.model.Report;
import dev.envdoctor.model.RuntimeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cause of a difference between native and a container side, read from the facts (host OS,
 * the runtime's VM and CPU share, its GPU access, Rosetta) rather than from a message per known
 * machine: a new combination of facts gets its own values ({@link Cause}), and
 * {@link CauseWords} its own sentence.
 */
final class Causes {

  private Causes() {}

  /**
   * Why the container side differs from native, from the comparison of the two; {@code undecided}:
   * the verdict could not tell the sides apart, and the reason does not say otherwise.
   */
  static List<Cause> of(Report r, Comparison c, boolean parity, boolean undecided) {
    boolean paired = Paired.of(c.a(), c.b()).isPresent();
    return of(r, c.sideA(), c.sideB(), c.b(), c.aOverB(), parity, paired, undecided);
  }

  /**
   * Why the container side {@code box} differs from native ({@code nativeOverBox}: how many times
   * faster native is; {@code boxFigure}: the calibration that stood for the container).
   */
  private static List<Cause> of(Report r, Side nativeSide, Side box, Calibration boxFigure,
      RatioEstimate nativeOverBox, boolean parity, boolean paired, boolean undecided) {
    List<Cause> causes = new ArrayList<>();
    RuntimeInfo rt = Facts.runtime(r, box.runtime());
    String name = box.runtime();
    boolean boxOnCpu = !box.hasAccelerator();
    boolean nativeAccelerated = nativeSide != null && nativeSide.hasAccelerator();

    if (Facts.macos(r) && boxOnCpu) {
      causes.add(new Cause.MacVmWithoutMetal(name));
    } else if (boxOnCpu && nativeAccelerated) {
      causes.add(noGpuInContainer(r, box, rt));
    }
    Integer cores = Facts.logicalCores(r);
    if (boxOnCpu && rt != null && rt.cpus() != null && cores != null && rt.cpus() < cores) {
      causes.add(new Cause.CpuShare(name, Facts.inVm(r, rt), rt.cpus(), cores));
    }
    if (!Sides.isCpu(boxFigure.device()) && nativeOverBox != null) {
      causes.add(new Cause.GpuPath(rt == null ? null : rt.gpuAccess(), gap(nativeOverBox, parity, undecided)));
    } else if (boxOnCpu && !nativeAccelerated && Facts.linux(r) && nativeOverBox != null
        && (rt == null || rt.cpus() == null || cores == null || rt.cpus() >= cores)) {
      // interleaved bursts measured the difference against the machine's drift: it is real, and the
      // sides' CPU allowances (Cause.CpuAllowances) say where it comes from
      causes.add(parity || paired ? new Cause.SharedKernel(name, cores, gap(nativeOverBox, parity, undecided))
          : new Cause.LoadBetweenRuns(name, cores, Math.max(nativeOverBox.ratio(), 1 / nativeOverBox.ratio())));
    }
    if (causes.isEmpty() && nativeSide != null && nativeOverBox != null) {
      causes.add(new Cause.OtherDevices(nativeSide.figure().device(), name, boxFigure.device(),
          gap(nativeOverBox, parity, undecided)));
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
  static List<Cause> nativeOnly(Report r) {
    List<Cause> causes = new ArrayList<>();
    if (Facts.macos(r) && Facts.jvmTranslated(r)) {
      causes.add(new Cause.RosettaJvm());
    }
    if (Facts.pythonTranslated(r)) {
      causes.add(new Cause.RosettaPython());
    }
    return causes;
  }

  /**
   * Where a side's python figure is beaten by another backend on that side (DJL reaching the GPU
   * that the Python env does not): the Python env is what to fix.
   */
  static List<Cause> fasterBackends(List<Side> sides) {
    List<Cause> causes = new ArrayList<>();
    for (Side s : sides) {
      Calibration fastest = s.options().get(0);
      boolean quiet = cv(fastest) <= Verdict.MAX_CV && cv(s.figure()) <= Verdict.MAX_CV;
      if (quiet && fastest != s.figure() && !Objects.equals(fastest.backend(), s.figure().backend())) {
        RatioEstimate est = Sides.speedup(fastest, s.figure());
        double r = est.ratio();
        double low = est.hasInterval() ? est.low() : r;
        if (low > Decision.BAND_HIGH) {
          causes.add(new Cause.FasterBackend(s.runtime(), fastest.backend(), fastest.device(), r, s.figure().backend(),
              s.figure().device()));
        }
      }
    }
    return causes;
  }

  private static double cv(Calibration c) {
    return c.cv() == null ? 0 : c.cv();
  }

  /** What the comparison measured, for the causes that cite it. */
  static Cause.Gap gap(RatioEstimate nativeOverBox, boolean parity, boolean undecided) {
    double r = nativeOverBox.ratio();
    Cause.Gap.Kind kind = undecided ? Cause.Gap.Kind.UNDECIDED
        : nativeOverBox.spansOne() ? Cause.Gap.Kind.NO_MEASURABLE_DIFFERENCE
        : parity ? Cause.Gap.Kind.PARITY
        : r >= 1 ? Cause.Gap.Kind.NATIVE_FASTER : Cause.Gap.Kind.CONTAINER_FASTER;
    return new Cause.Gap(kind, r);
  }

  private static Cause noGpuInContainer(Report r, Side box, RuntimeInfo rt) {
    for (DeviceResult d : r.devices()) {
      if (Objects.equals(d.runtime(), box.runtime()) && !Sides.isCpu(d.device())
          && Boolean.FALSE.equals(d.verified()) && d.diagnosis() != null) {
        return new Cause.ContainerGpuFailed(box.runtime(), d.diagnosis());
      }
    }
    if (Facts.linux(r) && !Facts.nvidiaRuntime(rt)) {
      return new Cause.NoNvidiaRuntime(box.runtime());
    }
    return new Cause.ContainerOnCpuOnly(box.runtime());
  }
}
